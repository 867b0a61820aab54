// The golden tests: one parameterised test per fixture folder (see fixtures/README.md).
//
//   fixtures/<reader dir>/<case>/input.*  -> galley::read -> json  == expected.json
//                                            (or, refused, what() == expected.error)
//   fixtures/writers/<case>/article.json  -> json reader -> writer == expected.<suffix>
//   fixtures/errors/<case>/input.*        -> galley::read throws   == expected.error
//
// GALLEY_UPDATE_GOLDEN=1 rewrites the expected files instead of comparing. The
// instantiations are named "golden" so that `ctest -R golden` selects them all.
#include <optional>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/epub_golden.hpp"
#include "support/golden.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;

// The writer goldens: expected.<suffix> holds the output of the writer named here.
// A writer whose output is not one file brings its own check (EPUB compares unpacked).
struct GoldenOutput {
  const char* suffix;
  const char* writer;
  void (*check)(const fs::path& expected, const std::string& output) = &expect_golden;
};
const GoldenOutput kGoldenOutputs[] = {
    {"md", "markdown"},
    {"txt", "txt"},
    {"json", "json"},
    {"jats.xml", "jats"},
    {"epub", "epub", &expect_epub_golden},
};

// Folders under fixtures/ that are not reader fixtures.
// batch/ holds the command's cases (tests/cli/batch_warc_test.cpp).
bool is_reader_dir(const std::string& name) {
  return name != "writers" && name != "errors" && name != "batch";
}

// The single input.* file of a case folder.
fs::path input_of(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().stem() == "input") return entry.path();
  }
  return {};
}

struct Case {
  std::string name;  ///< GoogleTest name: <dir>_<case>
  fs::path dir;
};

std::vector<Case> cases_in(const std::vector<std::string>& dirs) {
  std::vector<Case> out;
  for (const std::string& d : dirs) {
    for (const std::string& c : case_names(fixtures_dir() / d)) {
      out.push_back({d + "_" + c, fixtures_dir() / d / c});
    }
  }
  return out;
}

std::vector<Case> reader_cases() {
  std::vector<std::string> dirs = case_names(fixtures_dir());
  std::erase_if(dirs, [](const std::string& d) { return !is_reader_dir(d); });
  return cases_in(dirs);
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string case_name(const testing::TestParamInfo<Case>& info) { return info.param.name; }

// Reads the case's input under a stable name ("input.html"), so messages do not
// depend on where the repository is checked out; images beside it are embedded.
Article read_input(const fs::path& input) {
  const std::string bytes = read_bytes(input);
  Diagnostics diag;
  ReadOptions options;
  options.load_resource = folder_resources(input.parent_path());
  return read(Input{input.filename().string(), bytes, {}}, options, diag);
}

class ReaderGolden : public testing::TestWithParam<Case> {};

// A reader case whose input must be refused keeps expected.error instead of
// expected.json; updating writes whichever the reader's outcome calls for.
TEST_P(ReaderGolden, MatchesExpectedJson) {
  const fs::path dir = GetParam().dir;
  const fs::path input = input_of(dir);
  ASSERT_FALSE(input.empty()) << "no input.* in " << dir;
  const fs::path error_file = dir / "expected.error";
  std::optional<Article> article;
  try {
    article = read_input(input);
  } catch (const Error& e) {
    if (!fs::exists(error_file) && !updating_goldens()) throw;
    expect_golden(error_file, std::string(e.what()) + "\n");
    return;
  }
  EXPECT_FALSE(fs::exists(error_file)) << input << " was read without the expected error";
  const std::string json = write_json(*article);
  expect_golden(dir / "expected.json", json);
  EXPECT_EQ(read_json(json), *article) << "the model does not survive a JSON round trip";
}

INSTANTIATE_TEST_SUITE_P(golden, ReaderGolden, testing::ValuesIn(reader_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ReaderGolden);

class WriterGolden : public testing::TestWithParam<Case> {};

TEST_P(WriterGolden, MatchesExpectedOutputs) {
  const fs::path dir = GetParam().dir;
  const Article article = read_json(read_bytes(dir / "article.json"), "article.json");
  EXPECT_EQ(read_json(write_json(article)), article)
      << "the model does not survive a JSON round trip";
  int compared = 0;
  for (const GoldenOutput& golden : kGoldenOutputs) {
    const fs::path expected = dir / ("expected." + std::string(golden.suffix));
    // Updating also creates the goldens a new case does not have yet.
    if (!fs::exists(expected) && !updating_goldens()) continue;
    SCOPED_TRACE(expected.filename().string());
    golden.check(expected, write_as(article, golden.writer));
    ++compared;
  }
  EXPECT_GT(compared, 0) << "no expected.* in " << dir;
}

INSTANTIATE_TEST_SUITE_P(golden, WriterGolden, testing::ValuesIn(cases_in({"writers"})), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(WriterGolden);

class ErrorGolden : public testing::TestWithParam<Case> {};

TEST_P(ErrorGolden, FailsWithExpectedMessage) {
  const fs::path input = input_of(GetParam().dir);
  ASSERT_FALSE(input.empty()) << "no input.* in " << GetParam().dir;
  try {
    read_input(input);
    ADD_FAILURE() << input << " was read without an error";
  } catch (const Error& e) {
    expect_golden(GetParam().dir / "expected.error", std::string(e.what()) + "\n");
  }
}

INSTANTIATE_TEST_SUITE_P(golden, ErrorGolden, testing::ValuesIn(cases_in({"errors"})), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ErrorGolden);

}  // namespace
}  // namespace galley::test
