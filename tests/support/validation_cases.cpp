#include "support/validation_cases.hpp"

#include <filesystem>

#include <galley/galley.hpp>

#include "support/golden.hpp"
#include "support/sample_articles.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;

// Adds one case per fixture folder holding `file_name`, read with `format` through the
// whole pipeline (reader and recovery passes, images beside it embedded), when a reader of that
// name is registered.
void add_reader_fixtures(std::vector<ValidationCase>& cases, const std::string& group,
                         const std::string& format, const std::string& file_name) {
  const fs::path root = fixtures_dir() / group;
  if (!Registry::builtin().find_reader(format) || !fs::is_directory(root)) return;
  std::vector<fs::path> inputs;
  for (const std::string& name : case_names(root)) {
    if (fs::exists(root / name / file_name)) inputs.push_back(root / name / file_name);
  }
  for (const fs::path& input : inputs) {
    cases.push_back({group + "_" + input.parent_path().filename().string(), [input, format] {
                       Diagnostics diag;
                       ReadOptions options;
                       options.load_resource = folder_resources(input.parent_path());
                       return read_file(input, options, diag, format);
                     }});
  }
}

}  // namespace

std::vector<ValidationCase> validation_cases() {
  std::vector<ValidationCase> cases;
  for (NamedArticle& sample : sample_articles()) {
    cases.push_back({"sample_" + sample.name, [a = sample.article] { return a; }});
  }
  // Writer fixtures are the model itself: read without the recovery passes.
  for (const std::string& name : case_names(fixtures_dir() / "writers")) {
    const fs::path json = fixtures_dir() / "writers" / name / "article.json";
    if (!fs::exists(json)) continue;
    cases.push_back(
        {"writers_" + name, [json] { return read_json(read_bytes(json), json.string()); }});
  }
  add_reader_fixtures(cases, "text", "text", "input.txt");
  add_reader_fixtures(cases, "html", "html", "input.html");
  add_reader_fixtures(cases, "pdf", "pdf", "input.pdf");
  return cases;
}

}  // namespace galley::test
