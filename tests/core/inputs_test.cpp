#include <galley/inputs.hpp>

#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/archives.hpp"
#include "support/validators.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kPage =
    "<html><body><h1>Budget</h1><p>The council approved it.</p></body></html>";

TEST(Inputs, SafeRelativePaths) {
  for (const char* path : {"a.html", "2026/a/b.html", "a..b/c.html"}) {
    EXPECT_TRUE(is_safe_relative_path(path)) << path;
  }
  for (const char* path : {"", "/etc/x.html", "../x.html", "a/../../x.html", "a//b.html",
                           "./a.html", "C:x.html", "a\\b.html", "a\nb.html"}) {
    EXPECT_FALSE(is_safe_relative_path(path)) << path;
  }
}

TEST(Inputs, ListsAFolderSortedAndRecursiveWithOnlyWhatAReaderTakes) {
  const fs::path dir = test::temp_dir("inputs-folder");
  write_text(dir / "b.html", kPage);
  write_text(dir / "a/c.txt", "Text");
  write_text(dir / "a/c_files/logo.png", "not a document");
  const std::vector<InputItem> items = list_inputs({dir.string()});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].relative, "a/c.txt");
  EXPECT_EQ(items[1].relative, "b.html");
  EXPECT_EQ(items[1].display(), (dir / "b.html").string());
  EXPECT_TRUE(items[0].error.empty());
  fs::remove_all(dir);
}

// The walker goes one directory at a time and gives the files in the order of their
// paths sorted whole: "a/b.html" before "a.txt" (the component "a" sorts first), and
// a folder's files in among its subfolders by name.
TEST(Inputs, AWalkerGivesWhatTheListingGivesOneAtATime) {
  const fs::path dir = test::temp_dir("inputs-walker");
  for (const char* name : {"in/a.txt", "in/a/b.html", "in/ab/c.md", "in/a-z.txt", "in/B.txt",
                           "in/a/z/deep.txt", "in/a/y.json", "in/skip.png", "other.txt"}) {
    write_text(dir / name, "Text");
  }
  fs::create_directory_symlink(dir / "in/a", dir / "in/link");  // a folder link: not followed
  testing::make_zip(dir / "news.zip", {{"s/one.html", kPage}, {"s/two.html", kPage}});
  const std::vector<std::string> given = {(dir / "in").string(), (dir / "news.zip").string(),
                                          (dir / "other.txt").string()};
  const std::vector<InputItem> listed = list_inputs(given);
  std::vector<std::string> names;
  InputWalker walker(given);
  while (const std::optional<InputItem> item = walker.next()) names.push_back(item->display());
  EXPECT_FALSE(walker.next());  // and stays at the end
  std::vector<std::string> expected;
  for (const char* name :
       {"B.txt", "a/b.html", "a/y.json", "a/z/deep.txt", "a-z.txt", "a.txt", "ab/c.md"}) {
    expected.push_back((dir / "in" / name).string());
  }
  expected.push_back((dir / "news.zip").string() + "!s/one.html");
  expected.push_back((dir / "news.zip").string() + "!s/two.html");
  expected.push_back((dir / "other.txt").string());
  EXPECT_EQ(names, expected);
  ASSERT_EQ(listed.size(), names.size());
  for (std::size_t i = 0; i < listed.size(); ++i) EXPECT_EQ(listed[i].display(), names[i]);
  EXPECT_EQ(listed[3].relative, "a/z/deep.txt");
  fs::remove_all(dir);
}

TEST(Inputs, ReadsAnArchivesEntriesAndTheImagesBesideThem) {
  const fs::path dir = test::temp_dir("inputs-zip");
  const fs::path archive = dir / "news.zip";
  testing::make_zip(archive, {{"2026/story.html", kPage},
                              {"2026/img/a.png", "PNG bytes"},
                              {"../escape.html", kPage},
                              {"/etc/passwd.txt", "x"}});
  const std::vector<InputItem> items = list_inputs({archive.string()});
  ASSERT_EQ(items.size(), 3u);  // the image is no document
  EXPECT_EQ(items[0].display(), archive.string() + "!2026/story.html");
  EXPECT_TRUE(items[0].error.empty());
  EXPECT_NE(items[1].error.find("unsafe entry name"), std::string::npos);
  EXPECT_NE(items[2].error.find("unsafe entry name"), std::string::npos);

  InputLoader loader;
  EXPECT_EQ(loader.load(items[0], 1 << 20), kPage);
  const ResourceLoader images = loader.resources_for(items[0]);
  EXPECT_EQ(images("img/a.png"), "PNG bytes");
  EXPECT_FALSE(images("img/missing.png"));
  try {
    (void)loader.load(items[1], 1 << 20);
    ADD_FAILURE() << "an unsafe entry was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Malformed);
    EXPECT_EQ(e.input(), archive.string() + "!../escape.html");
  }
  fs::remove_all(dir);
}

TEST(Inputs, RefusesEntriesPastTheLimits) {
  const fs::path dir = test::temp_dir("inputs-limits");
  const fs::path archive = dir / "big.zip";
  testing::make_zip(archive,
                    {{"a.txt", std::string(3000, 'a')}, {"b.txt", std::string(3000, 'b')}});
  ArchiveLimits limits;
  limits.max_entry_bytes = 2000;
  InputLoader loader(limits);
  const std::vector<InputItem> items = list_inputs({archive.string()}, limits);
  ASSERT_EQ(items.size(), 2u);
  try {
    (void)loader.load(items[0], 1 << 20);
    ADD_FAILURE() << "an entry past max_entry_bytes was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  }
  limits = {};
  limits.max_total_bytes = 5000;
  InputLoader totals(limits);
  EXPECT_EQ(totals.load(items[0], 1 << 20).size(), 3000u);
  EXPECT_THROW((void)totals.load(items[1], 1 << 20), Error);  // 6000 bytes in all
  limits.max_entries = 1;
  const std::vector<InputItem> too_many = list_inputs({archive.string()}, limits);
  ASSERT_EQ(too_many.size(), 1u);
  EXPECT_NE(too_many[0].error.find("over the limit"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Inputs, ADirectoryCutShortEndsItsArchiveWithAnItemSayingSo) {
  const fs::path dir = test::temp_dir("inputs-cut");
  std::string zip = testing::stored_zip({{"a.txt", "a"}, {"b.txt", "b"}});
  const std::size_t end = zip.rfind("PK\x05\x06");
  zip[end + 8] = zip[end + 10] = 3;  // three entries declared, two recorded
  write_text(dir / "cut.zip", zip);
  const std::vector<InputItem> items = list_inputs({(dir / "cut.zip").string()});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].relative, "b.txt");
  EXPECT_TRUE(items[1].error.empty());
  EXPECT_FALSE(items[2].entry);
  EXPECT_NE(items[2].error.find("ends after 2 of the 3 entries"), std::string::npos)
      << items[2].error;
  fs::remove_all(dir);
}

TEST(Inputs, AnArchiveThatIsNoneIsOneItemWithItsError) {
  const fs::path dir = test::temp_dir("inputs-broken");
  write_text(dir / "broken.zip", "PK\x03\x04 this is no archive");
  const std::vector<InputItem> items = list_inputs({(dir / "broken.zip").string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].error.find("not a readable zip archive"), std::string::npos);
  InputLoader loader;
  EXPECT_THROW((void)loader.load(items[0], 1 << 20), Error);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace galley
