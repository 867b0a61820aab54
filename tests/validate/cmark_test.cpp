// Validates the Markdown writer with the reference CommonMark parser (`cmark`): for
// every writer fixture and every reader fixture's expected model, the Markdown must
// parse back into the paragraphs and headings the model has, with the same text (so
// no escape or markup leaks into it), and its front matter must parse as YAML.
//
// Without a YAML library, the front matter is checked against the writer's promise:
// `key: <JSON string>` lines, or `key:` followed by `  - <JSON string>` lines. A JSON
// string is a valid YAML double-quoted scalar with the same value, so a line that
// parses as JSON here parses the same as YAML.
#include <algorithm>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <galley/galley.hpp>

#include "detail/iso_date.hpp"
#include "support/cmark.hpp"
#include "support/golden.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;

struct ModelFile {
  std::string name;  ///< GoogleTest name: <dir>_<case>
  fs::path path;     ///< article.json or expected.json
};

void PrintTo(const ModelFile& m, std::ostream* os) { *os << m.name; }

std::vector<ModelFile> model_files() {
  std::vector<ModelFile> out;
  for (const std::string& dir : case_names(fixtures_dir())) {
    if (dir == "errors") continue;
    const char* file = dir == "writers" ? "article.json" : "expected.json";
    for (const std::string& c : case_names(fixtures_dir() / dir)) {
      const fs::path path = fixtures_dir() / dir / c / file;
      if (fs::exists(path)) out.push_back({dir + "_" + c, path});
    }
  }
  return out;
}

// What cmark should show for the model, following the writer's documented rules.
struct Expected {
  std::vector<std::optional<std::string>> paragraphs;  ///< nullopt: text not compared
  std::vector<std::string> headings;
};

bool renders_something(const Inlines& inlines) {
  if (!plain_text(inlines).empty()) return true;
  for (const Inline& i : inlines) {
    if (std::holds_alternative<Image>(i.node) || std::holds_alternative<NoteRef>(i.node)) {
      return true;
    }
  }
  return false;
}

// The writer's tight-list rule: items of at most one paragraph, optionally followed by
// a nested list that opens with a paragraph.
bool is_tight(const List& l) {
  for (const Blocks& item : l.items) {
    if (item.empty()) continue;
    if (!std::holds_alternative<Paragraph>(item[0].node) || item.size() > 2) return false;
    if (item.size() == 2) {
      const auto* nested = std::get_if<List>(&item[1].node);
      if (!nested || nested->items.empty() || nested->items[0].empty() ||
          !std::holds_alternative<Paragraph>(nested->items[0][0].node)) {
        return false;
      }
    }
  }
  return true;
}

// The writer's pipe-table rule: one header row, cells of at most one paragraph.
bool is_pipe_table(const Table& t) {
  if (t.header_rows != 1) return false;
  for (const auto& row : t.rows) {
    for (const Blocks& cell : row) {
      if (cell.size() > 1 ||
          (cell.size() == 1 && !std::holds_alternative<Paragraph>(cell[0].node))) {
        return false;
      }
    }
  }
  return true;
}

void collect(const Blocks& blocks, Expected& out, bool tight = false) {
  for (const Block& b : blocks) {
    std::visit(overloaded{
                   [&](const Heading& h) { out.headings.push_back(plain_text(h.inlines)); },
                   [&](const Paragraph& p) {
                     if (!tight && renders_something(p.inlines)) {
                       out.paragraphs.push_back(plain_text(p.inlines));
                     }
                   },
                   [&](const List& l) {
                     for (const Blocks& item : l.items) collect(item, out, is_tight(l));
                   },
                   [&](const Quote& q) { collect(q.blocks, out); },
                   [&](const CodeBlock&) {},
                   [&](const Figure& f) { out.paragraphs.push_back(plain_text(f.caption)); },
                   [&](const Table& t) {
                     if (is_pipe_table(t)) {
                       out.paragraphs.push_back(std::nullopt);  // plain cmark: pipes as text
                       return;
                     }
                     for (const auto& row : t.rows) {
                       for (const Blocks& cell : row) collect(cell, out);
                     }
                   },
                   [&](const Rule&) {},
               },
               b.node);
  }
}

Expected expected_for(const Article& a) {
  Expected out;
  collect(a.body, out);
  for (const Note& n : a.notes) collect(n.blocks, out, n.blocks.size() == 1);
  collect(a.footer, out);
  return out;
}

// Parses the front matter lines back into key -> values.
std::map<std::string, std::vector<std::string>> parse_front_matter(const std::string& md) {
  std::map<std::string, std::vector<std::string>> out;
  if (md.rfind("---\n", 0) != 0) return out;
  std::istringstream lines(md.substr(4));
  std::string line, key;
  while (std::getline(lines, line) && line != "---") {
    const auto parse_string = [&](const std::string& json) {
      const auto value = nlohmann::json::parse(json, nullptr, false);
      EXPECT_TRUE(value.is_string()) << "not a double-quoted JSON string: " << line;
      return value.is_string() ? value.get<std::string>() : std::string();
    };
    if (line.rfind("  - ", 0) == 0) {
      EXPECT_FALSE(key.empty()) << "list item outside a list: " << line;
      out[key].push_back(parse_string(line.substr(4)));
      continue;
    }
    const std::size_t colon = line.find(':');
    EXPECT_NE(colon, std::string::npos) << "not a key: " << line;
    if (colon == std::string::npos) continue;
    key = line.substr(0, colon);
    EXPECT_EQ(out.count(key), 0u) << "duplicate key " << key;
    out[key];
    if (colon + 1 < line.size()) {
      EXPECT_EQ(line[colon + 1], ' ') << line;
      out[key].push_back(parse_string(line.substr(colon + 2)));
    }
  }
  return out;
}

class CmarkValidation : public ::testing::TestWithParam<ModelFile> {
 protected:
  void SetUp() override {
    if (!find_program("cmark")) GTEST_SKIP() << "cmark is not on PATH";
  }
};

TEST_P(CmarkValidation, FrontMatterParsesAndHoldsTheMetadata) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  const auto fields = parse_front_matter(write_as(a, "markdown"));
  std::map<std::string, std::vector<std::string>> want;
  const auto add = [&](const char* key, const std::optional<std::string>& v) {
    if (v) want[key] = {*v};
  };
  add("title", a.metadata.title);
  add("subtitle", a.metadata.subtitle);
  for (const Person& p : a.metadata.authors) want["author"].push_back(p.name);
  if (a.metadata.date) want["date"] = {detail::to_iso_date(*a.metadata.date)};
  add("lang", a.metadata.lang);
  add("publisher", a.metadata.publisher);
  add("site_name", a.metadata.site_name);
  add("url", a.metadata.url);
  add("description", a.metadata.description);
  EXPECT_EQ(fields, want);
}

TEST_P(CmarkValidation, ParagraphsAndHeadingsReadBackWithTheirText) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  const std::string md = write_as(a, "markdown");
  const std::string html = cmark_html(md);
  const Expected want = expected_for(a);

  const std::vector<std::string> paragraphs = elements(html, "p");
  ASSERT_EQ(paragraphs.size(), want.paragraphs.size()) << md << "\n----\n" << html;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (want.paragraphs[i]) {
      EXPECT_EQ(text_content(paragraphs[i]), *want.paragraphs[i]) << "paragraph " << i;
    }
  }
  std::vector<std::string> headings;
  for (const char* tag : {"h1", "h2", "h3", "h4", "h5", "h6"}) {
    for (const std::string& h : elements(html, tag)) headings.push_back(text_content(h));
  }
  std::vector<std::string> want_headings = want.headings;
  std::sort(headings.begin(), headings.end());
  std::sort(want_headings.begin(), want_headings.end());
  EXPECT_EQ(headings, want_headings);
  EXPECT_EQ(elements(html, "footer").size(), a.footer.empty() ? 0u : 1u);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CmarkValidation, ::testing::ValuesIn(model_files()),
                         [](const auto& info) { return info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CmarkValidation);

}  // namespace
}  // namespace galley::test
