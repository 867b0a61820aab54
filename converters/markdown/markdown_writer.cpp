// Writes an article as CommonMark with YAML front matter.
//
// Front matter (between "---" lines) holds the known metadata fields title, subtitle,
// author (a list), date (YYYY-MM-DD, only a real day: Jekyll stops at any other), lang, publisher,
// site_name, canonical_url, description, each a double-quoted scalar escaped as a JSON string,
// which YAML reads the same way; unknown fields are left out. No key is one that a site generator
// reserves for its own use with another meaning: Hugo takes `url` as the page's own
// address and refuses one with a scheme, so the source address is `canonical_url`,
// the key jekyll-seo-tag reads. The title is not repeated in the body. Scholarly
// metadata takes pandoc's and CSL's keys where they exist: author-details (name,
// affiliations, email, orcid of each author, when any has more than a name), abstract
// (a literal block scalar of Markdown), keywords (a list), doi, arxiv, pmid, pmcid,
// isbn, issn, CSL's container-title, volume, issue and page, and license (text, url).
//
// Blocks map to their CommonMark forms: ATX headings, one line per paragraph (lines
// break only at hard breaks, written as backslash-newline), `-`/`1.` lists (tight
// when every item is one paragraph, optionally followed by a nested list; loose
// otherwise; adjacent lists alternate `-`/`+` and `1.`/`1)` so they stay apart),
// `>` quotes, fenced code with a fence longer than any backtick run inside, `* * *`
// rules, and figures as an image paragraph whose caption follows a hard break.
//
// CommonMark has no tables. A table whose cells each hold at most one paragraph and
// whose first row alone is a header becomes a GFM pipe table (plain CommonMark shows
// it as a paragraph of text); any other table becomes a raw HTML <table> skeleton
// whose cells hold Markdown between blank lines, which CommonMark parses.
//
// CommonMark has no notes either: a note reference is a superscript link
// `<sup>[1](#note-1)</sup>`, and the notes follow the body, after a rule, as an
// ordered list whose items start with an `<a id="note-1"></a>` anchor.
//
// The references follow the body under a "References" heading at the level of the
// body's top sections: an ordered list when their labels are their numbers (or they
// have none), else a bullet list whose items start with "[label]"; each item opens
// with an `<a id="ref-1"></a>` anchor that citations in the text link to.
//
// The footer comes last, after a `* * *` rule: every Markdown renderer sets it apart
// from the body that way without raw HTML, which Hugo drops by default and inside
// which kramdown leaves Markdown unrendered. Furniture (running headers, page
// numbers) is dropped.
#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include <galley/registry.hpp>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "markdown_inlines.hpp"

namespace galley::markdown {
namespace {

// What YAML would fold or refuse raw (line separators, non-printables), besides the
// line feed, carriage return and tab.
bool is_yaml_unsafe(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         cp == 0xFFFE || cp == 0xFFFF;
}

// A double-quoted YAML scalar that is also a JSON string: YAML 1.1/1.2 and JSON
// readers all get `text` back. Line separators and non-printables are \u-escaped.
std::string yaml_string(std::string_view raw) {
  const std::string text = detail::sanitize_utf8(raw);
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = detail::next_code_point(text, pos);
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (is_yaml_unsafe(cp)) {
      static const char* hex = "0123456789ABCDEF";
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xF];
    } else {
      out.append(text, start, pos - start);
    }
  }
  return out + "\"";
}

// Prefixes every line of `text`: `first` on the first, `rest` on other non-blank
// lines, `blank` on blank ones (list items leave those empty, quotes write ">").
std::string prefix_lines(std::string_view text, std::string_view first, std::string_view rest,
                         std::string_view blank) {
  std::string out;
  bool first_line = true;
  while (true) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!first_line) out += '\n';
    out += first_line ? first : line.empty() ? blank : rest;
    out += line;
    first_line = false;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

// A literal block scalar keeps Markdown readable as written; its indentation is
// stated, so a first line opening with spaces stays content. Text that YAML could not
// carry raw is written as a quoted scalar instead.
std::string yaml_block(std::string_view raw) {
  const std::string text = detail::sanitize_utf8(raw);
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = detail::next_code_point(text, pos);
    if (cp != '\n' && cp != '\t' && is_yaml_unsafe(cp)) return yaml_string(text);
  }
  return "|2\n" + prefix_lines(text, "  ", "  ", "");
}

// `key:` and a list of quoted scalars; nothing for no values.
std::string yaml_list(std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return {};
  std::string out = std::string(key) + ":\n";
  for (const std::string& v : values) out += "  - " + yaml_string(v) + "\n";
  return out;
}

bool has_scholarly_details(const Person& p) {
  return !p.affiliations.empty() || p.email || p.orcid;
}

// `author` is always a list of plain names: pandoc's HTML, LaTeX and DOCX templates,
// Hugo and Jekyll all show a name, while an object shows as "true" in pandoc. What is
// known beyond the names goes under `author-details`, a key no tool reserves: one
// object per author (name, affiliations as printed, email, orcid).
std::string authors(const Metadata& m) {
  std::vector<const Person*> named;
  for (const Person& p : m.authors) {
    if (!detail::trim(p.name).empty()) named.push_back(&p);
  }
  if (named.empty()) return {};
  std::string out = "author:\n";
  for (const Person* p : named) out += "  - " + yaml_string(p->name) + "\n";
  if (std::none_of(named.begin(), named.end(),
                   [](const Person* p) { return has_scholarly_details(*p); })) {
    return out;
  }
  out += "author-details:\n";
  for (const Person* person : named) {
    const Person& p = *person;
    out += "  - name: " + yaml_string(p.name) + "\n";
    std::string affiliations;
    for (const int i : p.affiliations) {
      if (i >= 0 && static_cast<std::size_t>(i) < m.affiliations.size())
        affiliations +=
            "      - " + yaml_string(m.affiliations[static_cast<std::size_t>(i)]) + "\n";
    }
    if (!affiliations.empty()) out += "    affiliations:\n" + affiliations;
    if (p.email) out += "    email: " + yaml_string(*p.email) + "\n";
    if (p.orcid) out += "    orcid: " + yaml_string(*p.orcid) + "\n";
  }
  return out;
}

// One key per identifier type the schema names: a scalar, or a list when the article
// has several of the type (a print and an electronic ISSN).
std::string identifiers(const std::vector<Identifier>& ids) {
  static constexpr std::array<std::string_view, 6> kTypes = {"doi",   "arxiv", "pmid",
                                                             "pmcid", "isbn",  "issn"};
  std::string out;
  for (const std::string_view type : kTypes) {
    std::vector<std::string> values;
    for (const Identifier& id : ids) {
      if (id.type == type) values.push_back(id.value);
    }
    if (values.size() == 1)
      out += std::string(type) + ": " + yaml_string(values[0]) + "\n";
    else
      out += yaml_list(type, values);
  }
  return out;
}

// `abstract` is the abstract already rendered as Markdown.
std::string front_matter(const Metadata& m, const std::string& abstract) {
  std::string out;
  const auto field = [&](const char* key, const std::optional<std::string>& value) {
    if (value) out += std::string(key) + ": " + yaml_string(*value) + "\n";
  };
  field("title", m.title);
  field("subtitle", m.subtitle);
  out += authors(m);
  field("date", detail::writable_iso_date(m.date));
  field("lang", m.lang);
  field("publisher", m.publisher);
  field("site_name", m.site_name);
  field("canonical_url", m.url);
  field("description", m.description);
  if (!abstract.empty()) out += "abstract: " + yaml_block(abstract) + "\n";
  out += yaml_list("keywords", m.keywords);
  out += identifiers(m.identifiers);
  if (m.container) {
    field("container-title", m.container->title);
    field("volume", m.container->volume);
    field("issue", m.container->issue);
    field("page", m.container->pages);
  }
  if (m.license) {
    out += "license:\n  text: " + yaml_string(m.license->text) + "\n";
    if (m.license->url) out += "  url: " + yaml_string(*m.license->url) + "\n";
  }
  return out.empty() ? out : "---\n" + out + "---";
}

// Escapes what would start a block at the start of a paragraph line: ATX headings,
// quotes, list items, thematic breaks and setext underlines. Text escaping already
// covers `*`, `_`, backtick, `~`, `<` and `[`.
std::string escape_line_start(std::string_view line) {
  line = detail::trim(line);
  if (line.empty()) return {};
  const char c = line[0];
  const char next = line.size() > 1 ? line[1] : '\0';
  const bool spaced = next == '\0' || next == ' ' || next == '\t';
  if (c == '#' || c == '>' || (c == '+' && spaced) || (c == '-' && (spaced || next == '-')) ||
      (c == '=' && line.find_first_not_of('=') == std::string_view::npos)) {
    return "\\" + std::string(line);
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 9 && digits < line.size() &&
      (line[digits] == '.' || line[digits] == ')')) {
    const char after = digits + 1 < line.size() ? line[digits + 1] : '\0';
    if (after == '\0' || after == ' ' || after == '\t') {
      return std::string(line.substr(0, digits)) + "\\" + std::string(line.substr(digits));
    }
  }
  return std::string(line);
}

bool is_line_break(const Inline& i) { return std::holds_alternative<LineBreak>(i.node); }

// Chooses list markers, quote prefixes and table forms; renders blocks separated by
// blank lines, without a trailing newline.
class BlockWriter {
 public:
  BlockWriter(const std::map<std::string, int>& note_numbers,
              const detail::ReferenceIndex& references, Diagnostics& diag) {
    inline_context_.note_numbers = &note_numbers;
    inline_context_.references = &references;
    inline_context_.diag = &diag;
  }

  std::string blocks(const Blocks& list, std::string_view separator = "\n\n") {
    std::vector<std::string> parts;
    const Block* previous = nullptr;
    for (const Block& b : list) {
      std::string text = block(b, previous);
      if (text.empty()) continue;  // what renders as nothing cannot keep lists apart
      previous = &b;
      parts.push_back(std::move(text));
    }
    return join(parts, separator);
  }

  // An ordered list whose items are already rendered (the notes section).
  std::string list_of(const std::vector<std::string>& items, bool ordered, bool tight,
                      bool alternate) const {
    std::vector<std::string> rendered;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string marker =
          ordered ? std::to_string(i + 1) + (alternate ? ")" : ".") : (alternate ? "+" : "-");
      if (items[i].empty()) {
        rendered.push_back(marker);
      } else {
        rendered.push_back(
            prefix_lines(items[i], marker + " ", std::string(marker.size() + 1, ' '), ""));
      }
    }
    return join(rendered, tight ? "\n" : "\n\n");
  }

  std::string paragraph(const Inlines& inlines) const {
    auto begin = inlines.begin();
    auto end = inlines.end();
    while (begin != end && is_line_break(*begin)) ++begin;
    while (end != begin && is_line_break(*(end - 1))) --end;
    const std::string text = render_inlines(Inlines(begin, end), inline_context_);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
      const std::size_t nl = text.find('\n', start);
      lines.push_back(escape_line_start(std::string_view(text).substr(start, nl - start)));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return std::string(detail::trim(join(lines, "\n")));
  }

 private:
  static std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& p : parts) {
      if (!out.empty()) out += separator;
      out += p;
    }
    return out;
  }

  std::string block(const Block& b, const Block* previous) {
    return std::visit(
        overloaded{
            [&](const Heading& h) { return heading(h); },
            [&](const Paragraph& p) { return paragraph(p.inlines); },
            [&](const List& l) { return list(l, previous); },
            [&](const Quote& q) {
              const std::string inner = blocks(q.blocks);
              return inner.empty() ? std::string(">") : prefix_lines(inner, "> ", "> ", ">");
            },
            [&](const CodeBlock& c) { return code_block(c); },
            [&](const Figure& f) {
              Inlines inlines{Inline{f.image}};
              if (!f.caption.empty()) {
                inlines.push_back(Inline{LineBreak{}});
                inlines.insert(inlines.end(), f.caption.begin(), f.caption.end());
              }
              return paragraph(inlines);
            },
            [&](const Table& t) { return is_simple(t) ? pipe_table(t) : html_table(t); },
            [&](const Rule&) { return std::string("* * *"); },
        },
        b.node);
  }

  std::string heading(const Heading& h) const {
    InlineContext context = inline_context_;
    context.single_line = true;
    std::string text(detail::trim(render_inlines(h.inlines, context)));
    // A trailing run of '#' after a space would be read as the optional closing sequence.
    const std::size_t hashes = text.find_last_not_of('#') + 1;
    if (hashes < text.size() &&
        (hashes == 0 || text[hashes - 1] == ' ' || text[hashes - 1] == '\t')) {
      text.insert(hashes, "\\");
    }
    const std::string marker(static_cast<std::size_t>(std::clamp(h.level, 1, 6)), '#');
    return text.empty() ? marker : marker + " " + text;
  }

  // Tight lists render without <p> in items; only safe when no item needs a blank line.
  static bool is_tight(const List& l) {
    return std::all_of(l.items.begin(), l.items.end(), [](const Blocks& item) {
      if (item.empty()) return true;
      if (!std::holds_alternative<Paragraph>(item[0].node)) return false;
      if (item.size() == 1) return true;
      // "text" then a nested list: the nested list must start with a non-empty item
      // to interrupt the paragraph instead of becoming a setext underline.
      const auto* nested = item.size() == 2 ? std::get_if<List>(&item[1].node) : nullptr;
      return nested && !nested->items.empty() && !nested->items[0].empty() &&
             std::holds_alternative<Paragraph>(nested->items[0][0].node);
    });
  }

  std::string list(const List& l, const Block* previous) {
    if (l.items.empty()) return {};
    const auto* before = previous ? std::get_if<List>(&previous->node) : nullptr;
    // Two lists in a row would merge into one unless their markers differ.
    const bool alternate = before && before->ordered == l.ordered && !alternate_last_;
    const bool tight = is_tight(l);
    std::vector<std::string> items;
    for (const Blocks& item : l.items) items.push_back(blocks(item, tight ? "\n" : "\n\n"));
    alternate_last_ = alternate;
    return list_of(items, l.ordered, tight, alternate);
  }

  static std::string code_block(const CodeBlock& c) {
    std::string text;
    for (std::size_t i = 0; i < c.text.size(); ++i) {
      if (c.text[i] == '\r' && i + 1 < c.text.size() && c.text[i + 1] == '\n') continue;
      text += c.text[i] == '\r' ? '\n' : c.text[i];
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    std::size_t longest = 0, run = 0;
    for (char ch : text) {
      run = ch == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    // An info string may not hold backticks or span lines.
    const bool usable = c.language.find_first_of("`\n\r") == std::string::npos;
    return fence + (usable ? std::string(detail::trim(c.language)) : "") + "\n" + text + fence;
  }

  static bool is_simple(const Table& t) {
    if (t.header_rows != 1) return false;
    return std::all_of(t.rows.begin(), t.rows.end(), [](const auto& row) {
      return std::all_of(row.begin(), row.end(), [](const Blocks& cell) {
        return cell.empty() ||
               (cell.size() == 1 && std::holds_alternative<Paragraph>(cell[0].node));
      });
    });
  }

  std::string pipe_table(const Table& t) const {
    InlineContext context = inline_context_;
    context.single_line = true;
    context.table_cell = true;
    std::size_t columns = 1;
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    std::vector<std::string> lines;
    for (const auto& row : t.rows) {
      std::string line = "|";
      for (std::size_t c = 0; c < columns; ++c) {
        std::string cell;
        if (c < row.size() && !row[c].empty()) {
          cell = detail::trim(render_inlines(std::get<Paragraph>(row[c][0].node).inlines, context));
        }
        line += " " + cell + (cell.empty() ? "|" : " |");
      }
      lines.push_back(std::move(line));
      if (lines.size() == 1) {
        std::string rule = "|";
        for (std::size_t c = 0; c < columns; ++c) rule += " --- |";
        lines.push_back(std::move(rule));
      }
    }
    return join(lines, "\n");
  }

  // Raw HTML around Markdown cells: each tag line is an HTML block ended by the blank
  // line before the cell's Markdown, so any block can sit in a cell.
  std::string html_table(const Table& t) {
    std::string out = "<table>";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const std::string tag = static_cast<int>(r) < t.header_rows ? "th" : "td";
      out += "\n<tr>";
      for (const Blocks& cell : t.rows[r]) {
        const std::string inner = blocks(cell);
        out += "\n<" + tag + ">";
        out += inner.empty() ? "\n" : "\n\n" + inner + "\n\n";
        out += "</" + tag + ">";
      }
      out += "\n</tr>";
    }
    return out + "\n</table>";
  }

  InlineContext inline_context_;
  bool alternate_last_ = false;
};

// The level of the body's top sections, so the references section sits beside them.
int top_heading_level(const Blocks& body) {
  int level = 6;
  bool any = false;
  for (const Block& b : body) {
    if (const auto* h = std::get_if<Heading>(&b.node)) {
      level = std::min(level, std::clamp(h->level, 1, 6));
      any = true;
    }
  }
  return any ? level : 1;
}

bool labels_are_numbers(const std::vector<Reference>& refs) {
  for (std::size_t i = 0; i < refs.size(); ++i) {
    if (!refs[i].label.empty() && refs[i].label != std::to_string(i + 1)) return false;
  }
  return true;
}

std::string references_section(const Article& article, BlockWriter& writer) {
  const bool numbered = labels_are_numbers(article.references);
  std::vector<std::string> items;
  for (std::size_t i = 0; i < article.references.size(); ++i) {
    const Reference& ref = article.references[i];
    const std::string anchor = "<a id=\"ref-" + std::to_string(i + 1) + "\"></a>";
    const std::string label = numbered || ref.label.empty() ? "" : "[" + ref.label + "] ";
    items.push_back(anchor + writer.paragraph({Inline{Text{label + ref.text}}}));
  }
  const std::string marker(static_cast<std::size_t>(top_heading_level(article.body)), '#');
  return marker + " References\n\n" + writer.list_of(items, numbered, true, false);
}

std::string notes_section(const std::vector<Note>& notes, BlockWriter& writer) {
  std::vector<std::string> items;
  bool tight = true;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const Blocks& blocks = notes[i].blocks;
    const std::string anchor = "<a id=\"note-" + std::to_string(i + 1) + "\"></a>";
    tight = tight && blocks.size() <= 1;
    const bool opens_with_text =
        !blocks.empty() && std::holds_alternative<Paragraph>(blocks[0].node) &&
        !writer.paragraph(std::get<Paragraph>(blocks[0].node).inlines).empty();
    // The anchor joins the note's first paragraph; alone it is an HTML block line.
    items.push_back(anchor + (opens_with_text ? "" : "\n\n") + writer.blocks(blocks));
    if (!opens_with_text) tight = false;
  }
  return "* * *\n\n" + writer.list_of(items, true, tight, false);
}

class MarkdownWriter final : public Writer {
 public:
  void write(const Article& article, const WriteOptions&, Sink& out,
             Diagnostics& diag) const override {
    std::map<std::string, int> note_numbers;
    for (const Note& n : article.notes) {
      note_numbers.emplace(n.id, static_cast<int>(note_numbers.size()) + 1);
    }
    const detail::ReferenceIndex references(article.references);
    BlockWriter writer(note_numbers, references, diag);
    // Parts are appended as they are made: a long article's text is held once or twice,
    // never once per step.
    std::string text = front_matter(article.metadata, writer.blocks(article.abstract));
    const auto append = [&text](const std::string& part) {
      if (part.empty()) return;
      if (!text.empty()) text += "\n\n";
      text += part;
    };
    append(writer.blocks(article.body));
    if (!article.references.empty()) append(references_section(article, writer));
    if (!article.notes.empty()) append(notes_section(article.notes, writer));
    if (const std::string footer = writer.blocks(article.footer); !footer.empty()) {
      append("* * *\n\n" + footer);
    }
    if (!text.empty()) text += '\n';
    out.write(detail::sanitize_utf8(std::move(text)));
  }
};

}  // namespace

void register_format(Registry& registry) {
  // Images stay where their addresses point: ![alt](src).
  registry.add_writer(FormatInfo{.name = "markdown",
                                 .description = "CommonMark with YAML front matter",
                                 .extensions = {".md", ".markdown"},
                                 .media_types = {"text/markdown"},
                                 .writes_resources = false},
                      std::make_shared<MarkdownWriter>());
}

}  // namespace galley::markdown
