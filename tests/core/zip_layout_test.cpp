#include "detail/zip_layout.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "support/archives.hpp"
#include "support/validators.hpp"

namespace galley::detail {
namespace {

namespace fs = std::filesystem;

// The archive with its first and last directory records swapped (records of one size:
// names and data of one length), so the directory is out of the order of the bytes.
std::string first_and_last_swapped(std::string zip, std::size_t records, std::size_t size) {
  const std::size_t first = zip.find("PK\x01\x02");
  const std::size_t last = first + (records - 1) * size;
  const std::string saved = zip.substr(first, size);
  zip.replace(first, size, zip.substr(last, size));
  zip.replace(last, size, saved);
  return zip;
}

std::vector<bool> overlaps_of(const std::string& zip) {
  const fs::path dir = test::temp_dir("zip-layout");
  std::ofstream(dir / "a.zip", std::ios::binary) << zip;
  std::vector<bool> overlaps = overlapping_entries(dir / "a.zip");
  fs::remove_all(dir);
  return overlaps;
}

TEST(ZipLayout, MarksBothEntriesThatShareBytesInDirectoryOrder) {
  EXPECT_EQ(overlaps_of(testing::overlapping_zip()), (std::vector<bool>{true, true}));
  // Records of 46 bytes and a six-letter name.
  EXPECT_EQ(overlaps_of(first_and_last_swapped(testing::overlapping_zip(), 2, 52)),
            (std::vector<bool>{true, true}));
}

TEST(ZipLayout, ADirectoryOutOfOrderIsNoOverlap) {
  const std::string zip =
      testing::stored_zip({{"a.txt", "1111"}, {"b.txt", "2222"}, {"c.txt", "3333"}});
  EXPECT_EQ(overlaps_of(zip), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(overlaps_of(first_and_last_swapped(zip, 3, 51)),
            (std::vector<bool>{false, false, false}));
}

TEST(ZipLayout, AnArchiveWithoutADirectoryHasNoAnswer) {
  EXPECT_TRUE(overlaps_of("PK\x03\x04 no directory").empty());
}

}  // namespace
}  // namespace galley::detail
