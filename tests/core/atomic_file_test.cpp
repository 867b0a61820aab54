#include <galley/galley.hpp>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace galley {
namespace {

TEST(AtomicFile, CreatesAndReplacesWithoutLeavingTemporaries) {
  testing::TempDir dir;
  const auto path = dir.path() / "out.txt";
  write_file_atomically(path, "first");
  write_file_atomically(path, "second");
  EXPECT_EQ(testing::slurp(path), "second");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_NE(info.st_mode & S_IRUSR, 0u);
  EXPECT_NE(info.st_mode & S_IWUSR, 0u);
}

TEST(AtomicFile, FailsCleanlyInAMissingFolder) {
  testing::TempDir dir;
  try {
    write_file_atomically(dir.path() / "no" / "such" / "out.txt", "x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io);
    EXPECT_NE(e.input().find("out.txt"), std::string::npos);
  }
}

TEST(ReadFileBytes, EnforcesTheLimitWhileReading) {
  testing::TempDir dir;
  const auto path = dir.write("big.bin", std::string(100000, 'x'));
  EXPECT_EQ(read_file_bytes(path, 100000).size(), 100000u);
  EXPECT_THROW(read_file_bytes(path, 99999), Error);
}

}  // namespace
}  // namespace galley
