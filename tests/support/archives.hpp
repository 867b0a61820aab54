// Zip archives made for tests: ordinary ones through libzip, and hand-laid hostile ones
// that libzip would never write.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace galley::testing {

struct ArchiveEntry {
  std::string name;
  std::string bytes;
  bool symlink = false;  ///< marked as a Unix symbolic link whose target is `bytes`
  bool bzip2 = false;    ///< compressed with bzip2 rather than deflate
};

/// Writes `entries` (in order) to a zip archive at `path`.
void make_zip(const std::filesystem::path& path, const std::vector<ArchiveEntry>& entries);

/// The entries stored (not deflated) in order, laid out by hand, so names libzip would
/// refuse to write (two entries of one name) can be tested.
std::string stored_zip(const std::vector<ArchiveEntry>& entries);

/// Two stored entries, each consistent with its own header, where the data of a.html
/// contains all of b.html: the layout of an overlapping zip bomb, on a small scale.
std::string overlapping_zip();

}  // namespace galley::testing
