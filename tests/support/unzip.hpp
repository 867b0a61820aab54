// Reading zip archives (EPUB output) in tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::test {

struct ZipEntry {
  std::string name;
  std::string bytes;
  bool stored = false;  ///< no compression
};

/// The entries of a zip archive held in memory, in central-directory order.
/// Fails the current test (and returns what it read) when the archive is unreadable.
std::vector<ZipEntry> unzip_entries(std::string_view archive);

}  // namespace galley::test
