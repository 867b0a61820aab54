// Writes the clean plain text of an article: the input an indexing or language-model
// pipeline wants.
//
// The title (and subtitle) come first, then the abstract after an "Abstract" line,
// then every body block as a paragraph of text,
// blocks separated by one blank line, the output ending in one newline. Inline markup
// is removed and whitespace collapsed; hard line breaks stay line breaks. Headings are
// their text; list items start with "- " or "1. " (continuation and nested items
// indented under the text); quotes are their paragraphs, unmarked; code blocks are
// verbatim; figures are their caption; tables are rows of tab-separated cells. Note
// references become "[1]" and the notes follow the body as "[1] text" paragraphs.
// The references come last, after a "References" line, one paragraph each: the
// printed text after its label in brackets.
// Dropped: images and their alt text, rules, the footer and page furniture, and all
// metadata other than the title.
#include <map>
#include <memory>

#include <galley/registry.hpp>

#include "detail/text.hpp"
#include "text_format.hpp"

namespace galley::text {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// Prefixes `text` with a list marker and indents its later lines under the text,
// leaving blank lines blank.
std::string hang(std::string_view text, std::string_view marker) {
  if (text.empty()) return std::string(detail::trim(marker));
  std::string out(marker);
  bool line_start = false;
  for (char c : text) {
    if (line_start && c != '\n') out.append(marker.size(), ' ');
    out += c;
    line_start = c == '\n';
  }
  return out;
}

class TextWriter {
 public:
  explicit TextWriter(const std::vector<Note>& notes) {
    for (const Note& n : notes) numbers_.emplace(n.id, static_cast<int>(numbers_.size()) + 1);
  }

  std::string blocks(const Blocks& list, std::string_view separator = "\n\n") const {
    std::vector<std::string> parts;
    for (const Block& b : list) parts.push_back(block(b));
    return join(parts, separator);
  }

  // Text of inlines; hard breaks split lines, each line's whitespace collapsed.
  std::string inlines(const Inlines& list) const {
    std::string raw;
    append(raw, list);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
      const std::size_t end = raw.find('\f', start);
      lines.push_back(
          detail::collapse_whitespace(std::string_view(raw).substr(start, end - start)));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return join(lines, "\n");
  }

  static std::string references(const std::vector<Reference>& list) {
    std::vector<std::string> parts;
    for (const Reference& ref : list) {
      const std::string label = detail::collapse_whitespace(ref.label);
      const std::string text = detail::collapse_whitespace(ref.text);
      parts.push_back(label.empty()  ? text
                      : text.empty() ? "[" + label + "]"
                                     : "[" + label + "] " + text);
    }
    const std::string entries = join(parts, "\n\n");
    return entries.empty() ? entries : "References\n\n" + entries;
  }

  std::string abstract(const Blocks& list) const {
    const std::string text = blocks(list);
    return text.empty() ? text : "Abstract\n\n" + text;
  }

  std::string notes(const std::vector<Note>& list) const {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < list.size(); ++i) {
      parts.push_back("[" + std::to_string(i + 1) + "] " + blocks(list[i].blocks));
    }
    return join(parts, "\n\n");
  }

 private:
  // Form feed marks a hard break: collapse_whitespace would fold a newline.
  void append(std::string& out, const Inlines& list) const {
    for (const Inline& i : list) {
      std::visit(overloaded{
                     [&](const Text& t) { out += t.text; },
                     [&](const Emphasis& e) { append(out, e.children); },
                     [&](const Strong& s) { append(out, s.children); },
                     [&](const Code& c) { out += c.text; },
                     [&](const Link& l) { append(out, l.children); },
                     // Plain text has no images: their alt text keeps the sentence.
                     [&](const Image& img) { out += img.alt; },
                     [&](const LineBreak&) { out += '\f'; },
                     [&](const NoteRef& n) {
                       const auto it = numbers_.find(n.id);
                       if (it != numbers_.end()) out += "[" + std::to_string(it->second) + "]";
                     },
                 },
                 i.node);
    }
  }

  std::string block(const Block& b) const {
    return std::visit(overloaded{
                          [&](const Heading& h) { return inlines(h.inlines); },
                          [&](const Paragraph& p) { return inlines(p.inlines); },
                          [&](const List& l) {
                            std::vector<std::string> items;
                            for (std::size_t i = 0; i < l.items.size(); ++i) {
                              const std::string marker =
                                  l.ordered ? std::to_string(i + 1) + ". " : "- ";
                              items.push_back(hang(blocks(l.items[i], "\n"), marker));
                            }
                            return join(items, "\n");
                          },
                          [&](const Quote& q) { return blocks(q.blocks); },
                          [&](const CodeBlock& c) {
                            std::string text = c.text;
                            while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
                              text.pop_back();
                            return text;
                          },
                          // A figure reads as its caption, or its alt text without one.
                          [&](const Figure& f) {
                            return f.caption.empty() ? detail::collapse_whitespace(f.image.alt)
                                                     : inlines(f.caption);
                          },
                          [&](const Table& t) {
                            std::vector<std::string> rows;
                            for (const auto& row : t.rows) {
                              std::string line;
                              for (std::size_t c = 0; c < row.size(); ++c) {
                                if (c > 0) line += '\t';
                                for (const Block& cell_block : row[c]) {
                                  if (!line.empty() && line.back() != '\t') line += ' ';
                                  line += plain_text(cell_block);
                                }
                              }
                              rows.push_back(std::move(line));
                            }
                            return join(rows, "\n");
                          },
                          [&](const Rule&) { return std::string(); },
                      },
                      b.node);
  }

  std::map<std::string, int> numbers_;
};

class TxtWriter final : public Writer {
 public:
  void write(const Article& article, const WriteOptions&, Sink& out, Diagnostics&) const override {
    const TextWriter writer(article.notes);
    std::string text =
        join({detail::collapse_whitespace(article.metadata.title.value_or("")),
              detail::collapse_whitespace(article.metadata.subtitle.value_or("")),
              writer.abstract(article.abstract), writer.blocks(article.body),
              writer.notes(article.notes), TextWriter::references(article.references)},
             "\n\n");
    if (text.empty()) return;
    text += '\n';
    out.write(detail::sanitize_utf8(std::move(text)));
  }
};

}  // namespace

void register_writer(Registry& registry) {
  registry.add_writer(FormatInfo{.name = "txt",
                                 .description = "Plain text of the article body",
                                 .extensions = {".txt"},
                                 .media_types = {"text/plain"},
                                 .writes_resources = false},
                      std::make_shared<TxtWriter>());
}

}  // namespace galley::text
