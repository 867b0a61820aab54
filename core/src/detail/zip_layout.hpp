// What zip libraries do not check: whether two entries of an archive share bytes. An
// overlapping zip bomb points many entries at one deflate stream, so a few kilobytes
// inflate to gigabytes while every entry alone looks modest; the layout gives it away.
#pragma once

#include <filesystem>
#include <vector>

namespace galley::detail {

/// For each entry of the zip archive at `path`, in central-directory order (the order
/// of ZipReader's indices), whether its local header or data overlaps another entry's.
/// Empty when the archive's directory cannot be read (ZipReader then reports what is
/// wrong). The directory is read a record at a time; only an archive whose directory
/// is not in the order of the entries' bytes has its extents held (24 bytes an entry)
/// to be sorted.
std::vector<bool> overlapping_entries(const std::filesystem::path& path);

}  // namespace galley::detail
