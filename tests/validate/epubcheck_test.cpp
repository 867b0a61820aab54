// epubcheck on the EPUB of every sample article and writer fixture, and on one book
// collecting them all: no error, no warning. One Java virtual machine checks them all
// (run_epubcheck), since starting one per book was most of the suite's time.
#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/validation_cases.hpp"
#include "support/validators.hpp"

namespace galley::test {
namespace {

std::filesystem::path save(const std::filesystem::path& dir, const std::string& name,
                           const std::string& bytes) {
  const auto path = dir / (name + ".epub");
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string book_of(const Article& article) {
  Diagnostics diag;
  return write_string(article, "epub", {}, diag);
}

std::string collection_of_every_case() {
  std::vector<Article> articles;
  for (const ValidationCase& c : validation_cases()) articles.push_back(c.load());
  Diagnostics diag;
  std::string bytes;
  StringSink sink(bytes);
  Registry::builtin().find_writer("epub")->writer->write_collection(
      articles, CollectionInfo{"Every case"}, {}, sink, diag);
  return bytes;
}

TEST(Epubcheck, ReportsNoErrorsOrWarningsOnEveryCaseAndTheirCollection) {
  if (!epubcheck_jar()) GTEST_SKIP() << "epubcheck not installed (apt-get install epubcheck)";
  const auto dir = temp_dir("epubcheck");
  std::vector<std::string> names;
  std::vector<std::filesystem::path> books;
  for (const ValidationCase& c : validation_cases()) {
    names.push_back(c.name);
    books.push_back(save(dir, c.name, book_of(c.load())));
  }
  names.push_back("collection");
  books.push_back(save(dir, "collection", collection_of_every_case()));

  const auto results = run_epubcheck(books);
  ASSERT_TRUE(results);
  ASSERT_EQ(results->size(), books.size());
  for (std::size_t i = 0; i < books.size(); ++i) {
    EXPECT_TRUE(epubcheck_clean((*results)[i])) << names[i] << ":\n" << (*results)[i].output;
  }
  std::filesystem::remove_all(dir);
}

TEST(Epubcheck, ReportsABrokenBookAmongCleanOnes) {
  // epubcheck really runs, and each book gets its own verdict: a wrong mimetype fails
  // the book in the middle only.
  if (!epubcheck_jar()) GTEST_SKIP() << "epubcheck not installed (apt-get install epubcheck)";
  const auto dir = temp_dir("epubcheck-broken");
  const std::string clean = book_of(validation_cases().front().load());
  std::string broken = book_of(Article{});
  broken.replace(broken.find("application/epub+zip"), 20, "application/epub+zap");
  const auto results = run_epubcheck(
      {save(dir, "before", clean), save(dir, "broken", broken), save(dir, "after", clean)});
  ASSERT_TRUE(results);
  ASSERT_EQ(results->size(), 3u);
  EXPECT_TRUE(epubcheck_clean((*results)[0])) << (*results)[0].output;
  EXPECT_FALSE(epubcheck_clean((*results)[1])) << (*results)[1].output;
  EXPECT_TRUE(epubcheck_clean((*results)[2])) << (*results)[2].output;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace galley::test
