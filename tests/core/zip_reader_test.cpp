#include "detail/zip_reader.hpp"

#include <fstream>

#include <galley/error.hpp>

#include <gtest/gtest.h>

#include "support/archives.hpp"
#include "support/process.hpp"
#include "support/validators.hpp"

namespace galley::detail {
namespace {

namespace fs = std::filesystem;
using testing::ArchiveEntry;

class ZipReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::temp_dir("zip-reader"); }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return dir_ / name;
  }

  static std::string inflated(ZipReader& zip) {
    std::string bytes;
    zip.inflate("x", [&](std::string_view piece) { bytes.append(piece); });
    return bytes;
  }

  static ErrorCode refusal(ZipReader& zip) {
    try {
      (void)inflated(zip);
    } catch (const Error& e) {
      return e.code();
    }
    ADD_FAILURE() << "read " << zip.entry().name;
    return ErrorCode::Io;
  }

  fs::path dir_;
};

// Where a stored_zip's first central-directory record starts.
std::size_t directory_record(const std::string& zip) { return zip.find("PK\x01\x02"); }

TEST_F(ZipReaderTest, GoesToEntriesInAnyOrderAndInflatesThem) {
  testing::make_zip(
      dir_ / "a.zip",
      {{"one.html", "first"}, {"two/two.html", std::string(100000, 'x')}, {"three.txt", "third"}});
  ZipReader zip(dir_ / "a.zip");
  ASSERT_EQ(zip.size(), 3u);
  zip.go_to(2);
  EXPECT_EQ(zip.entry().name, "three.txt");
  EXPECT_EQ(inflated(zip), "third");
  zip.go_to(0);
  EXPECT_EQ(zip.entry().name, "one.html");
  const ZipPosition first = zip.position();
  zip.go_to(1);
  EXPECT_EQ(zip.entry().size, 100000u);
  EXPECT_EQ(inflated(zip), std::string(100000, 'x'));
  zip.go_to(first);
  EXPECT_EQ(inflated(zip), "first");
  EXPECT_THROW(zip.go_to(3), Error);
}

// Going back lands on the entry asked for, from the checkpoint before it.
TEST_F(ZipReaderTest, GoesBackAndForthThroughThousandsOfEntries) {
  std::vector<ArchiveEntry> entries;
  for (int i = 0; i < 3000; ++i) entries.push_back({"e" + std::to_string(i), std::to_string(i)});
  ZipReader zip(write("many.zip", testing::stored_zip(entries)));
  for (const std::uint64_t index : {2999u, 1500u, 5u, 2100u, 1024u, 1023u, 2048u, 0u, 2999u}) {
    zip.go_to(index);
    EXPECT_EQ(zip.entry().name, "e" + std::to_string(index));
    EXPECT_EQ(inflated(zip), std::to_string(index));
  }
}

TEST_F(ZipReaderTest, ANameWithoutTheUtf8FlagIsCp437UnlessItIsValidUtf8) {
  // stored_zip sets no flags, as zip tools did before the UTF-8 flag.
  ZipReader zip(
      write("names.zip", testing::stored_zip({{"caf\x82.html", "a"}, {"na\xc3\xafve.html", "b"}})));
  zip.go_to(0);
  EXPECT_EQ(zip.entry().name, "caf\xc3\xa9.html");
  zip.go_to(1);
  EXPECT_EQ(zip.entry().name, "na\xc3\xafve.html");
}

TEST_F(ZipReaderTest, FindsTheFirstEntryOfAName) {
  const fs::path path =
      write("images.zip",
            testing::stored_zip({{"img/a.png", "1"}, {"img/b.png", "2"}, {"img/a.png", "3"}}));
  ZipReader zip(path);
  const ZipNameIndex names(zip);
  ASSERT_TRUE(names.find(zip, "img/b.png"));
  EXPECT_EQ(inflated(zip), "2");
  const auto a = names.find(zip, "img/a.png");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->index, 0u);
  EXPECT_EQ(inflated(zip), "1");
  EXPECT_FALSE(names.find(zip, "img/c.png"));
  EXPECT_FALSE(names.find(zip, "a.png"));
}

TEST_F(ZipReaderTest, RefusesAnEntryItCannotReadAndNotTheArchive) {
  std::string bytes = testing::stored_zip({{"a.txt", "aaaa"}, {"b.txt", "bbbb"}});
  const std::size_t record = directory_record(bytes);
  bytes[record + 8] = 1;  // a's general purpose flags: encrypted
  ZipReader zip(write("damaged.zip", bytes));
  zip.go_to(0);
  EXPECT_TRUE(zip.entry().encrypted);
  EXPECT_EQ(refusal(zip), ErrorCode::Unsupported);
  bytes = testing::stored_zip({{"a.txt", "aaaa"}, {"b.txt", "bbbb"}});
  bytes[30 + 5 + 4 + 30 + 5 + 1] = 'X';  // in b's data, which no longer matches its checksum
  ZipReader crc(write("crc.zip", bytes));
  crc.go_to(0);
  EXPECT_EQ(inflated(crc), "aaaa");
  crc.go_to(1);
  EXPECT_EQ(refusal(crc), ErrorCode::Malformed);
}

TEST_F(ZipReaderTest, RefusesACompressionMethodItDoesNotKnow) {
  std::string bytes = testing::stored_zip({{"a.txt", "aaaa"}});
  bytes[directory_record(bytes) + 10] = 14;  // LZMA
  bytes[8] = 14;                             // in the local header too
  ZipReader zip(write("lzma.zip", bytes));
  zip.go_to(0);
  EXPECT_EQ(zip.entry().method, 14);
  EXPECT_EQ(refusal(zip), ErrorCode::Unsupported);
}

// Info-ZIP's zip -Z bzip2, Python's ZIP_BZIP2 and 7-Zip write them; Debian's minizip
// cannot inflate them itself.
TEST_F(ZipReaderTest, ReadsBzip2Entries) {
  std::string big;
  for (int i = 0; big.size() < 300'000; ++i) big += "line " + std::to_string(i) + "\n";
  const fs::path path = dir_ / "bzip2.zip";
  ArchiveEntry small{"small.txt", "just a few words"}, large{"large.txt", big},
      empty{"empty.txt", ""};
  small.bzip2 = large.bzip2 = empty.bzip2 = true;
  testing::make_zip(path, {small, large, {"deflated.txt", "deflate"}, empty});
  ZipReader zip(path);
  zip.go_to(1);
  EXPECT_EQ(zip.entry().method, 12);
  EXPECT_EQ(inflated(zip), big);  // more than one 64 KiB piece out
  zip.go_to(0);
  EXPECT_EQ(inflated(zip), "just a few words");
  zip.go_to(2);
  EXPECT_EQ(inflated(zip), "deflate");
  zip.go_to(3);
  EXPECT_EQ(inflated(zip), "");
}

// The checks minizip makes of the entries it inflates, made of bzip2 ones: the data,
// the checksum and the declared size, which bounds how much is decoded.
TEST_F(ZipReaderTest, ABzip2EntryIsCheckedLikeADeflatedOne) {
  const std::string text(100'000, 'z');
  ArchiveEntry entry{"a.txt", text};
  entry.bzip2 = true;
  testing::make_zip(dir_ / "good.zip", {entry});
  const std::string good = testing::slurp(dir_ / "good.zip");
  const std::size_t record = directory_record(good);
  const auto patched = [&](const std::string& name, std::size_t field, std::uint32_t value) {
    std::string bytes = good;
    for (const std::size_t at : {field - 2, record + field}) {  // local header, directory
      for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>(value >> (8 * i));
    }
    return write(name, bytes);
  };
  ZipReader crc(patched("crc.zip", 16, 0x12345678));
  crc.go_to(0);
  EXPECT_EQ(refusal(crc), ErrorCode::Malformed);
  ZipReader size(patched("size.zip", 24, 1000));
  size.go_to(0);
  std::size_t decoded = 0;
  try {
    size.inflate("x", [&](std::string_view piece) { decoded += piece.size(); });
    ADD_FAILURE() << "read a bzip2 entry longer than it says";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Malformed);
    EXPECT_NE(e.message().find("declared size of 1000 bytes"), std::string::npos) << e.message();
  }
  EXPECT_LE(decoded, 1000u);
  std::string damaged = good;
  damaged[damaged.find("BZh") + 20] ^= 0x55;
  ZipReader data(write("damaged.zip", damaged));
  data.go_to(0);
  EXPECT_EQ(refusal(data), ErrorCode::Malformed);
}

TEST_F(ZipReaderTest, SaysWhereADirectoryCutShortEnds) {
  std::string bytes = testing::stored_zip({{"a.txt", "a"}, {"b.txt", "b"}});
  const std::size_t end = bytes.rfind("PK\x05\x06");
  bytes[end + 8] = bytes[end + 10] = 3;  // three entries declared, two recorded
  ZipReader zip(write("short.zip", bytes));
  ASSERT_EQ(zip.size(), 3u);
  zip.go_to(1);
  EXPECT_EQ(zip.entry().name, "b.txt");
  try {
    zip.go_to(2);
    ADD_FAILURE() << "went past the directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Malformed);
    EXPECT_NE(e.message().find("ends after 2 of the 3 entries"), std::string::npos) << e.message();
  }
}

TEST_F(ZipReaderTest, AFileThatIsNoArchiveIsRefusedByName) {
  const fs::path path = write("none.zip", "PK\x03\x04 not an archive");
  try {
    ZipReader zip(path);
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.input(), path.string());
    EXPECT_NE(e.message().find("not a readable zip archive"), std::string::npos);
  }
}

}  // namespace
}  // namespace galley::detail
