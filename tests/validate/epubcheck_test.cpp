// epubcheck on the EPUB of every sample article and writer fixture, and on one book
// collecting them all: no error, no warning.
#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/validation_cases.hpp"
#include "support/validators.hpp"

namespace galley::test {
namespace {

class Epubcheck : public ::testing::TestWithParam<ValidationCase> {};

TEST_P(Epubcheck, ReportsNoErrorsOrWarnings) {
  if (!epubcheck_jar()) GTEST_SKIP() << "epubcheck not installed (apt-get install epubcheck)";
  const Article article = GetParam().load();
  Diagnostics diag;
  const std::string bytes = write_string(article, "epub", {}, diag);
  const auto path = temp_dir("epubcheck-" + GetParam().name) / (GetParam().name + ".epub");
  std::ofstream(path, std::ios::binary) << bytes;
  const auto result = run_epubcheck(path);
  ASSERT_TRUE(result);
  EXPECT_TRUE(epubcheck_clean(*result)) << result->output;
  std::filesystem::remove_all(path.parent_path());
}

TEST(Epubcheck, AcceptsACollectionOfEveryCase) {
  if (!epubcheck_jar()) GTEST_SKIP() << "epubcheck not installed (apt-get install epubcheck)";
  std::vector<Article> articles;
  for (const ValidationCase& c : validation_cases()) articles.push_back(c.load());
  Diagnostics diag;
  std::string bytes;
  StringSink sink(bytes);
  Registry::builtin().find_writer("epub")->writer->write_collection(
      articles, CollectionInfo{"Every case"}, {}, sink, diag);
  const auto path = temp_dir("epubcheck-collection") / "collection.epub";
  std::ofstream(path, std::ios::binary) << bytes;
  const auto result = run_epubcheck(path);
  ASSERT_TRUE(result);
  EXPECT_TRUE(epubcheck_clean(*result)) << result->output;
  std::filesystem::remove_all(path.parent_path());
}

TEST(Epubcheck, ReportsABrokenBook) {
  // epubcheck really runs and its errors are seen: a wrong mimetype must fail.
  if (!epubcheck_jar()) GTEST_SKIP() << "epubcheck not installed (apt-get install epubcheck)";
  Diagnostics diag;
  std::string bytes = write_string(Article{}, "epub", {}, diag);
  bytes.replace(bytes.find("application/epub+zip"), 20, "application/epub+zap");
  const auto path = temp_dir("epubcheck-broken") / "broken.epub";
  std::ofstream(path, std::ios::binary) << bytes;
  const auto result = run_epubcheck(path);
  ASSERT_TRUE(result);
  EXPECT_FALSE(epubcheck_clean(*result)) << result->output;
  std::filesystem::remove_all(path.parent_path());
}

INSTANTIATE_TEST_SUITE_P(Writers, Epubcheck, ::testing::ValuesIn(validation_cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace galley::test
