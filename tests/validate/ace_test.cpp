// DAISY Ace, the accessibility checker publishers and libraries run before distributing
// an EPUB, on the EPUB of every validation case and on a `galley bundle` book of
// fixtures: no critical, serious or moderate violation. Ace runs through
// tests/validate/ace/ace.js (its npm packages installed beside it by scripts/test.sh)
// with the system's Chromium, one browser for every book.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <galley/galley.hpp>

#include "support/archives.hpp"
#include "support/cmark.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/unzip.hpp"
#include "support/validation_cases.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;
using galley::testing::run_process;
using galley::testing::slurp;
using galley::testing::TempDir;
using Json = nlohmann::json;

const fs::path kAceDir = fs::path(GALLEY_SOURCE_DIR) / "tests/validate/ace";

// The Chromium that runs Ace's checks: $GALLEY_CHROMIUM, else Debian's `chromium`.
std::optional<fs::path> chromium() {
  const char* env = std::getenv("GALLEY_CHROMIUM");
  if (env && *env) return fs::path(env);
  return find_program("chromium");
}

// Why Ace cannot run here, or "" when it can.
std::string ace_unavailable() {
  if (!find_program("node")) return "node is not on PATH (apt-get install nodejs)";
  if (!chromium()) {
    return "Chromium is not on PATH (apt-get install chromium, or set GALLEY_CHROMIUM)";
  }
  if (!fs::exists(kAceDir / "node_modules/@daisy/ace-core")) {
    return "DAISY Ace is not installed (scripts/test.sh installs it: cd tests/validate/ace && "
           "PUPPETEER_SKIP_DOWNLOAD=1 npm install)";
  }
  return "";
}

struct Violation {
  std::string book;
  std::string file;
  std::string rule;
  std::string impact;
};

std::ostream& operator<<(std::ostream& os, const Violation& v) {
  return os << v.book << ": " << v.file << ": " << v.rule << " (" << v.impact << ")";
}

bool blocks_distribution(const std::string& impact) {
  return impact == "critical" || impact == "serious" || impact == "moderate";
}

// The failed checks of Ace's report (report.json: one EARL assertion per file, each
// holding the assertions of the rules it failed) whose impact is moderate or worse.
std::vector<Violation> violations(const std::string& book, const Json& report) {
  std::vector<Violation> out;
  for (const Json& file : report.value("assertions", Json::array())) {
    const std::string url = file["earl:testSubject"].value("url", "?");
    for (const Json& check : file.value("assertions", Json::array())) {
      if (check["earl:result"].value("earl:outcome", "") != "fail") continue;
      const Json& test = check["earl:test"];
      const std::string impact = test.value("earl:impact", "");
      if (blocks_distribution(impact)) {
        out.push_back({book, url, test.value("dct:title", "?"), impact});
      }
    }
  }
  return out;
}

// The book `name` written to `dir` as name.epub.
fs::path save_book(const fs::path& dir, const std::string& name, const std::string& bytes) {
  const fs::path path = dir / (name + ".epub");
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// The fixtures the bundle collects: every writer fixture and one of each reader's.
std::vector<std::string> bundle_inputs() {
  std::vector<std::string> inputs;
  for (const std::string& name : case_names(fixtures_dir() / "writers")) {
    const fs::path json = fixtures_dir() / "writers" / name / "article.json";
    if (fs::exists(json)) inputs.push_back(json.string());
  }
  for (const char* input : {"text/markdown_features/input.txt", "html/rtl_page/input.html",
                            "pdf/scholarly_paper/input.pdf"}) {
    inputs.push_back((fixtures_dir() / input).string());
  }
  return inputs;
}

// A book Ace must fault: the first case's EPUB with the language taken off its
// content document, which leaves a screen reader guessing how to pronounce it.
std::string book_without_language(const std::string& epub) {
  std::vector<galley::testing::ArchiveEntry> entries;
  for (ZipEntry& entry : unzip_entries(epub)) {
    if (entry.name == "EPUB/article.xhtml") {
      for (const std::string_view attribute : {" lang=\"", " xml:lang=\""}) {
        const std::size_t at = entry.bytes.find(attribute);
        if (at != std::string::npos) {
          entry.bytes.erase(at, entry.bytes.find('"', at + attribute.size()) + 1 - at);
        }
      }
    }
    entries.push_back({entry.name, entry.bytes});
  }
  TempDir dir;
  const fs::path path = dir.path() / "broken.epub";
  galley::testing::make_zip(path, entries);
  return slurp(path);
}

constexpr const char* kBrokenBook = "broken_without_language";

// Every book Ace checks, written to `dir`: one per validation case, the bundle, and
// the broken book.
std::vector<std::string> write_books(const fs::path& dir) {
  std::vector<std::string> books;
  for (const ValidationCase& c : validation_cases()) {
    Diagnostics diag;
    books.push_back(save_book(dir, c.name, write_string(c.load(), "epub", {}, diag)).string());
  }
  const fs::path bundled = dir / "galley_bundle.epub";
  std::vector<std::string> args = bundle_inputs();
  args.insert(args.begin(), {"bundle", "-q", "-o", bundled.string()});
  const auto made = run_process(GALLEY_CLI_PATH, args);
  EXPECT_EQ(made.exit_code, 0) << made.err;
  books.push_back(bundled.string());
  const std::string first = slurp(books.front());
  books.push_back(save_book(dir, kBrokenBook, book_without_language(first)).string());
  return books;
}

TEST(Ace, FindsNoCriticalSeriousOrModerateViolation) {
  const std::string unavailable = ace_unavailable();
  if (!unavailable.empty()) GTEST_SKIP() << unavailable;
  TempDir dir;
  const std::vector<std::string> books = write_books(dir.path());
  // Ace's reports (report.html beside each report.json) are kept in $GALLEY_ACE_REPORTS.
  const char* keep = std::getenv("GALLEY_ACE_REPORTS");
  const fs::path reports = keep && *keep ? fs::path(keep) : dir.path() / "reports";
  std::vector<std::string> args{(kAceDir / "ace.js").string(), chromium()->string(),
                                reports.string()};
  args.insert(args.end(), books.begin(), books.end());
  const auto ace =
      run_process(find_program("node")->string(), args, {}, {}, std::chrono::seconds{280});
  ASSERT_EQ(ace.exit_code, 0) << "Ace failed: " << ace.err << ace.out;

  std::vector<Violation> found;
  for (const std::string& book : books) {
    const std::string name = fs::path(book).stem().string();
    const std::string report = slurp(reports / name / "report.json");
    ASSERT_FALSE(report.empty()) << "Ace wrote no report for " << name;
    const std::vector<Violation> v = violations(name, Json::parse(report));
    if (name != kBrokenBook) {
      found.insert(found.end(), v.begin(), v.end());
    } else {
      // Ace really checked the books and its findings are read: it faults this one.
      EXPECT_TRUE(std::any_of(v.begin(), v.end(),
                              [](const Violation& x) { return x.rule == "html-has-lang"; }))
          << "Ace did not report html-has-lang for " << name;
    }
  }
  std::ostringstream list;
  for (const Violation& v : found) list << "\n  " << v;
  EXPECT_TRUE(found.empty()) << found.size()
                             << " violations of moderate or worse impact:" << list.str();
}

}  // namespace
}  // namespace galley::test
