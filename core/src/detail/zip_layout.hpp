// What libzip does not check: whether two entries of an archive share bytes. An
// overlapping zip bomb points many entries at one deflate stream, so a few kilobytes
// inflate to gigabytes while every entry alone looks modest; the layout gives it away.
#pragma once

#include <filesystem>
#include <vector>

namespace galley::detail {

/// For each entry of the zip archive at `path`, in central-directory order (libzip's
/// index order), whether its local header or data overlaps another entry's. Empty when
/// the archive's directory cannot be read (libzip then reports what is wrong).
std::vector<bool> overlapping_entries(const std::filesystem::path& path);

}  // namespace galley::detail
