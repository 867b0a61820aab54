#include "support/golden.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/process.hpp"

namespace galley::test {

std::filesystem::path fixtures_dir() {
  return std::filesystem::path(GALLEY_SOURCE_DIR) / "fixtures";
}

std::string read_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  return galley::testing::slurp(path);
}

bool updating_goldens() {
  const char* update = std::getenv("GALLEY_UPDATE_GOLDEN");
  return update && std::string_view(update) == "1";
}

void expect_golden(const std::filesystem::path& path, const std::string& actual) {
  if (updating_goldens()) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << path;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; create it with GALLEY_UPDATE_GOLDEN=1 and review it";
  // EXPECT_EQ on strings prints a line diff, which is what a reviewer needs.
  EXPECT_EQ(read_bytes(path), actual)
      << "golden " << path << " differs; if the change is intended, rerun with "
      << "GALLEY_UPDATE_GOLDEN=1 and review `git diff fixtures/`";
}

std::string write_as(const Article& article, std::string_view format) {
  Diagnostics diag;
  WriteOptions options;
  // An undated article's EPUB is stamped with the time of writing; expected files pin it.
  if (!article.metadata.date)
    options.timestamp = std::chrono::sys_days(std::chrono::year(2000) / 1 / 1);
  return write_string(article, format, options, diag);
}

Article read_json(std::string_view json, const std::string& name) {
  const auto* entry = Registry::builtin().find_reader("json");
  if (!entry) throw Error(ErrorCode::UnknownFormat, name, {}, "no json reader registered");
  Diagnostics diag;
  return entry->reader->read(Input{name, json, "application/json"}, {}, diag);
}

std::string write_json(const Article& article) { return write_as(article, "json"); }

std::vector<std::string> case_names(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace galley::test
