// The Markdown writer's output as static site generators build it: Hugo (goldmark, its
// default settings) and Jekyll's renderer kramdown with Ruby's YAML reader for the
// front matter. Every validation case must build, keep its title and date, and show
// its footer as rendered Markdown after a rule, apart from the body — without raw
// HTML, which Hugo drops by default and inside which kramdown renders nothing.
//
// Both renderers set typographic quotes and dashes, so texts are compared as their
// words: letters and digits in order, punctuation and entities aside.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <galley/galley.hpp>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "support/cmark.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/validation_cases.hpp"
#include "support/words.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;
using galley::testing::run_process;
using galley::testing::slurp;
using galley::testing::TempDir;

struct Page {
  std::string name;  ///< the content file's stem, as the site generators name the page
  Article article;
  std::string markdown;
};

std::vector<Page> pages() {
  std::vector<Page> out;
  for (const ValidationCase& c : validation_cases()) {
    std::string name = detail::to_lower_ascii(c.name);
    std::replace(name.begin(), name.end(), '_', '-');
    Article article = c.load();
    std::string markdown = write_as(article, "markdown");
    out.push_back({std::move(name), std::move(article), std::move(markdown)});
  }
  return out;
}

void write_pages(const std::vector<Page>& pages, const fs::path& dir) {
  fs::create_directories(dir);
  for (const Page& page : pages) {
    std::ofstream(dir / (page.name + ".md"), std::ios::binary) << page.markdown;
  }
}

// The page's footer, rendered, is its blocks' words after the rule, and the body
// before the rule holds none of the footer's paragraphs on their own.
void expect_footer_apart(const Page& page, const std::string& html) {
  if (page.article.footer.empty()) return;
  const auto after = html_after_footer_rule(html, page.article.footer);
  ASSERT_TRUE(after) << page.name << ": no rule before the footer\n" << html;
  const std::string want = text_of(page.article.footer);
  EXPECT_EQ(words_of(text_content(*after)), words_of(want)) << page.name << "\n" << *after;
  EXPECT_EQ(after->find("raw HTML omitted"), std::string::npos) << page.name;
}

// What the writer promises for a metadata field: its text, safe for every writer, or
// "" when absent; and the date only when it names a real day.
std::string promised(const std::optional<std::string>& field) {
  return field ? detail::sanitize_utf8(*field) : std::string();
}

std::string promised_date(const Article& a) {
  return detail::writable_iso_date(a.metadata.date).value_or("");
}

// Hugo's page template: the front matter's title and date, then the content.
constexpr const char* kHugoLayout =
    "<h1>{{ .Title }}</h1><time>{{ if not .Date.IsZero }}{{ .Date.Format \"2006-01-02\" }}"
    "{{ end }}</time>\n<main>{{ .Content }}</main>\n";

TEST(SiteGenerators, HugoBuildsEveryCaseWithItsFooterApart) {
  const auto hugo = find_program("hugo");
  if (!hugo) GTEST_SKIP() << "hugo is not on PATH (apt-get install hugo)";
  const std::vector<Page> all = pages();
  TempDir site;
  site.write("config.toml",
             "baseURL = \"http://example.org/\"\n"
             "disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", "
             "\"404\", \"home\", \"section\"]\n");
  fs::create_directories(site.path() / "layouts" / "_default");
  std::ofstream(site.path() / "layouts" / "_default" / "single.html") << kHugoLayout;
  write_pages(all, site.path() / "content");
  const auto built =
      run_process(hugo->string(), {"--source", site.path().string(), "--cacheDir",
                                   (site.path() / "cache").string(), "--quiet", "--noBuildLock"});
  ASSERT_EQ(built.exit_code, 0) << built.out << built.err;
  for (const Page& page : all) {
    const std::string html = slurp(site.path() / "public" / page.name / "index.html");
    ASSERT_FALSE(html.empty()) << page.name << ": no page built";
    EXPECT_EQ(words_of(elements(html, "h1").at(0)), words_of(promised(page.article.metadata.title)))
        << page.name;
    EXPECT_EQ(elements(html, "time").at(0), promised_date(page.article)) << page.name;
    expect_footer_apart(page, elements(html, "main").at(0));
  }
}

// Renders every `*.md` in a folder with kramdown as Jekyll does (front matter read
// with Ruby's safe YAML loader, then cut off) into `.html`, and the front matter as
// `.json`.
constexpr const char* kKramdownScript = R"(require "json"
require "kramdown"
require "yaml"
Dir.glob(File.join(ARGV[0], "*.md")).sort.each do |path|
  text = File.read(path, encoding: "UTF-8")
  front = {}
  if text.start_with?("---\n") && (stop = text.index("\n---\n", 3))
    front = YAML.safe_load(text[4...stop]) || {}
    text = text[(stop + 5)..]
  end
  File.write(path.sub(/\.md\z/, ".html"), Kramdown::Document.new(text).to_html)
  File.write(path.sub(/\.md\z/, ".json"), JSON.generate(front))
end
)";

TEST(SiteGenerators, KramdownRendersEveryCaseWithItsFooterApart) {
  const auto ruby = find_program("ruby");
  if (!ruby || run_process(ruby->string(), {"-rkramdown", "-e", ""}).exit_code != 0) {
    GTEST_SKIP() << "ruby with kramdown is not installed (apt-get install ruby-kramdown)";
  }
  const std::vector<Page> all = pages();
  TempDir dir;
  const fs::path script = dir.write("render.rb", kKramdownScript);
  write_pages(all, dir.path() / "pages");
  const auto rendered =
      run_process(ruby->string(), {script.string(), (dir.path() / "pages").string()});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.err;
  for (const Page& page : all) {
    const auto front = nlohmann::json::parse(slurp(dir.path() / "pages" / (page.name + ".json")));
    const Metadata& m = page.article.metadata;
    EXPECT_EQ(front.value("title", ""), promised(m.title)) << page.name;
    EXPECT_EQ(front.value("date", ""), promised_date(page.article)) << page.name;
    EXPECT_EQ(front.value("canonical_url", ""), promised(m.url)) << page.name;
    expect_footer_apart(page, slurp(dir.path() / "pages" / (page.name + ".html")));
  }
}

}  // namespace
}  // namespace galley::test
