// Validates the Markdown writer with the reference CommonMark parser (`cmark`): for
// every writer fixture and every reader fixture's expected model, the Markdown must
// parse back into the paragraphs and headings the model has, with the same text (so
// no escape or markup leaks into it), and its front matter must parse as YAML.
//
// Without a YAML library, the front matter is checked against the writer's promise:
// `key: <JSON string>` lines, `key:` followed by lines indented under it (a map, or
// `- ` list items holding a JSON string or a map), and `key: |2` literal blocks of
// lines indented by two. A JSON string is a valid YAML double-quoted scalar with the
// same value, so a line that parses as JSON here parses the same as YAML. The abstract,
// a literal block, must itself be Markdown that reads back as the model's abstract.
#include <algorithm>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <galley/galley.hpp>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
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
  // The references: a heading over a tight list, whose items are no <p>.
  if (!a.references.empty()) out.headings.push_back("References");
  for (const Note& n : a.notes) collect(n.blocks, out, n.blocks.size() == 1);
  collect(a.footer, out);
  return out;
}

// Parses the front matter back into dotted key paths ("author.affiliation.name"), each
// with its values in document order: the items of a list of maps share their paths.
class FrontMatterParser {
 public:
  std::map<std::string, std::vector<std::string>> parse(const std::string& md) {
    if (md.rfind("---\n", 0) != 0) return out_;
    std::istringstream lines(md.substr(4));
    std::string line;
    while (std::getline(lines, line) && line != "---") {
      if (block_indent_ > 0) {
        if (line.empty() || line.find_first_not_of(' ') >= block_indent_) {
          block_ += line.empty() ? "" : line.substr(block_indent_);
          block_ += '\n';
          continue;
        }
        end_block();
      }
      const std::size_t indent = line.find_first_not_of(' ');
      EXPECT_NE(indent, std::string::npos) << "blank line outside a literal block";
      if (indent == std::string::npos) continue;
      if (line.compare(indent, 2, "- ") == 0) {
        list_item(line, indent);
      } else {
        key_line(line.substr(indent), indent);
      }
    }
    if (block_indent_ > 0) end_block();
    return out_;
  }

 private:
  struct Open {
    std::size_t indent;
    std::string path;
  };

  std::string parse_string(const std::string& json, const std::string& line) {
    const auto value = nlohmann::json::parse(json, nullptr, false);
    EXPECT_TRUE(value.is_string()) << "not a double-quoted JSON string: " << line;
    return value.is_string() ? value.get<std::string>() : std::string();
  }

  // The key the line at `indent` belongs to, closing the maps it is not inside.
  std::string parent(std::size_t indent) {
    while (!open_.empty() && open_.back().indent >= indent) open_.pop_back();
    return open_.empty() ? std::string() : open_.back().path;
  }

  void list_item(const std::string& line, std::size_t indent) {
    const std::string path = parent(indent);
    EXPECT_FALSE(path.empty()) << "list item outside a list: " << line;
    const std::string item = line.substr(indent + 2);
    if (!item.empty() && item[0] == '"') {
      out_[path].push_back(parse_string(item, line));
      return;
    }
    // A map as the item: its keys sit at the item's indentation.
    open_.push_back({indent, path});
    key_line(item, indent + 2);
  }

  void key_line(const std::string& rest, std::size_t indent) {
    const std::size_t colon = rest.find(':');
    EXPECT_NE(colon, std::string::npos) << "not a key: " << rest;
    if (colon == std::string::npos) return;
    const std::string above = parent(indent);
    const std::string path = (above.empty() ? "" : above + ".") + rest.substr(0, colon);
    if (above.empty()) {
      EXPECT_EQ(out_.count(path), 0u) << "duplicate key " << path;
    }
    out_[path];
    if (colon + 1 == rest.size()) {
      open_.push_back({indent, path});
      return;
    }
    EXPECT_EQ(rest[colon + 1], ' ') << rest;
    if (rest.substr(colon + 2) == "|2") {
      block_indent_ = indent + 2;
      block_path_ = path;
      return;
    }
    out_[path].push_back(parse_string(rest.substr(colon + 2), rest));
  }

  void end_block() {
    while (block_.size() > 1 && block_.ends_with("\n\n")) block_.pop_back();
    out_[block_path_].push_back(block_);
    block_.clear();
    block_indent_ = 0;
  }

  std::map<std::string, std::vector<std::string>> out_;
  std::vector<Open> open_;
  std::size_t block_indent_ = 0;
  std::string block_path_;
  std::string block_;
};

std::map<std::string, std::vector<std::string>> parse_front_matter(const std::string& md) {
  return FrontMatterParser().parse(md);
}

// The front matter the writer promises for `m`, the abstract left out.
std::map<std::string, std::vector<std::string>> expected_front_matter(const Metadata& m) {
  std::map<std::string, std::vector<std::string>> want;
  const auto add = [&](const std::string& key, const std::optional<std::string>& v) {
    if (v) want[key] = {*v};
  };
  add("title", m.title);
  add("subtitle", m.subtitle);
  // Names as a plain list; what is known beyond them under author-details.
  std::vector<const Person*> named;
  for (const Person& p : m.authors) {
    if (!detail::trim(p.name).empty()) named.push_back(&p);
  }
  const bool details = std::any_of(named.begin(), named.end(), [](const Person* p) {
    return !p->affiliations.empty() || p->email || p->orcid;
  });
  for (const Person* p : named) {
    want["author"].push_back(p->name);
    if (!details) continue;
    want["author-details"];
    want["author-details.name"].push_back(p->name);
    for (const int i : p->affiliations) {
      if (i < 0 || static_cast<std::size_t>(i) >= m.affiliations.size()) continue;
      want["author-details.affiliations"].push_back(m.affiliations[static_cast<std::size_t>(i)]);
    }
    if (p->email) want["author-details.email"].push_back(*p->email);
    if (p->orcid) want["author-details.orcid"].push_back(*p->orcid);
  }
  if (const auto date = detail::writable_iso_date(m.date)) want["date"] = {*date};
  add("lang", m.lang);
  add("publisher", m.publisher);
  add("site_name", m.site_name);
  add("canonical_url", m.url);
  add("description", m.description);
  if (!m.keywords.empty()) want["keywords"] = m.keywords;
  // The identifier types the schema names, each its own key.
  for (const Identifier& id : m.identifiers) {
    for (const char* type : {"doi", "arxiv", "pmid", "pmcid", "isbn", "issn"}) {
      if (id.type == type) want[id.type].push_back(id.value);
    }
  }
  if (m.container) {
    add("container-title", m.container->title);
    add("volume", m.container->volume);
    add("issue", m.container->issue);
    add("page", m.container->pages);
  }
  if (m.license) {
    want["license"];
    add("license.text", m.license->text);
    add("license.url", m.license->url);
  }
  return want;
}

class CmarkValidation : public ::testing::TestWithParam<ModelFile> {
 protected:
  void SetUp() override {
    if (!find_program("cmark")) GTEST_SKIP() << "cmark is not on PATH";
  }
};

TEST_P(CmarkValidation, FrontMatterParsesAndHoldsTheMetadata) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  auto fields = parse_front_matter(write_as(a, "markdown"));
  EXPECT_EQ(fields.count("abstract"), a.abstract.empty() ? 0u : 1u);
  fields.erase("abstract");
  EXPECT_EQ(fields, expected_front_matter(a.metadata));
}

// The paragraphs and headings of `md`'s Markdown as cmark reads them, against `want`.
void expect_reads_back(const std::string& md, const Expected& want) {
  const std::string html = cmark_html(md);
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
}

TEST_P(CmarkValidation, AbstractIsMarkdownThatReadsBack) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  if (a.abstract.empty()) return;
  const auto abstract = parse_front_matter(write_as(a, "markdown"))["abstract"];
  ASSERT_EQ(abstract.size(), 1u);
  Expected want;
  collect(a.abstract, want);
  expect_reads_back(abstract[0], want);
}

TEST_P(CmarkValidation, ParagraphsAndHeadingsReadBackWithTheirText) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  const std::string md = write_as(a, "markdown");
  expect_reads_back(md, expected_for(a));
}

TEST_P(CmarkValidation, FooterFollowsARuleAfterTheBody) {
  const Article a = read_json(read_bytes(GetParam().path), GetParam().path.filename().string());
  if (a.footer.empty()) return;
  const auto footer = html_after_footer_rule(cmark_html(write_as(a, "markdown")), a.footer);
  ASSERT_TRUE(footer);
  Expected want;
  collect(a.footer, want);
  EXPECT_EQ(elements(*footer, "p").size(), want.paragraphs.size()) << *footer;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, CmarkValidation, ::testing::ValuesIn(model_files()),
                         [](const auto& info) { return info.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CmarkValidation);

}  // namespace
}  // namespace galley::test
