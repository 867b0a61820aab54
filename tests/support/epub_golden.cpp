#include "support/epub_golden.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "support/golden.hpp"
#include "support/unzip.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;

std::string listing(const std::vector<ZipEntry>& entries) {
  std::string out;
  for (const ZipEntry& e : entries) out += (e.stored ? "stored " : "deflated ") + e.name + "\n";
  return out;
}

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

}  // namespace

void expect_epub_golden(const fs::path& expected_dir, const std::string& output) {
  const std::vector<ZipEntry> entries = unzip_entries(output);
  if (updating_goldens()) {
    fs::remove_all(expected_dir);
    write_file(expected_dir / "ENTRIES", listing(entries));
    for (const ZipEntry& e : entries) write_file(expected_dir / e.name, e.bytes);
    return;
  }
  ASSERT_TRUE(fs::is_directory(expected_dir))
      << expected_dir << " is missing; create it with GALLEY_UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(read_bytes(expected_dir / "ENTRIES"), listing(entries))
      << "entry order or compression differs from " << expected_dir / "ENTRIES";
  for (const ZipEntry& e : entries) {
    const fs::path expected = expected_dir / e.name;
    if (!fs::exists(expected)) continue;  // reported through ENTRIES
    EXPECT_EQ(read_bytes(expected), e.bytes) << "entry " << e.name << " differs from " << expected;
  }
}

}  // namespace galley::test
