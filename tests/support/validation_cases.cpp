#include "support/validation_cases.hpp"

#include <algorithm>
#include <filesystem>

#include <galley/galley.hpp>

#include "support/sample_articles.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;

// Adds one case per fixture folder holding `file_name`, read with `format`, when a
// reader of that name is registered.
void add_fixtures(std::vector<ValidationCase>& cases, const std::string& group,
                  const std::string& format, const std::string& file_name) {
  const fs::path root = fs::path(GALLEY_SOURCE_DIR) / "fixtures" / group;
  if (!Registry::builtin().find_reader(format) || !fs::is_directory(root)) return;
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (fs::exists(entry.path() / file_name)) inputs.push_back(entry.path() / file_name);
  }
  std::sort(inputs.begin(), inputs.end());
  for (const fs::path& input : inputs) {
    cases.push_back({group + "_" + input.parent_path().filename().string(), [input, format] {
                       Diagnostics diag;
                       return read_file(input, {}, diag, format);
                     }});
  }
}

}  // namespace

std::vector<ValidationCase> validation_cases() {
  std::vector<ValidationCase> cases;
  for (NamedArticle& sample : sample_articles()) {
    cases.push_back({"sample_" + sample.name, [a = sample.article] { return a; }});
  }
  add_fixtures(cases, "writers", "json", "article.json");
  add_fixtures(cases, "text", "text", "input.txt");
  add_fixtures(cases, "html", "html", "input.html");
  return cases;
}

}  // namespace galley::test
