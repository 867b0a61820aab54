#include <galley/article.hpp>

#include "detail/text.hpp"

namespace galley {
namespace {

void append_inlines(std::string& out, const Inlines& inlines);

void append_inline(std::string& out, const Inline& inline_node) {
  std::visit(overloaded{
                 [&](const Text& t) { out += t.text; },
                 [&](const Emphasis& e) { append_inlines(out, e.children); },
                 [&](const Strong& s) { append_inlines(out, s.children); },
                 [&](const Code& c) { out += c.text; },
                 [&](const Link& l) { append_inlines(out, l.children); },
                 [&](const Image&) {},
                 [&](const LineBreak&) { out += ' '; },
                 [&](const NoteRef&) {},
             },
             inline_node.node);
}

void append_inlines(std::string& out, const Inlines& inlines) {
  for (const Inline& i : inlines) append_inline(out, i);
}

void append_blocks(std::string& out, const Blocks& blocks) {
  for (const Block& b : blocks) {
    out += ' ';
    out += plain_text(b);
  }
}

}  // namespace

std::string plain_text(const Inlines& inlines) {
  std::string raw;
  append_inlines(raw, inlines);
  return detail::collapse_whitespace(raw);
}

std::string plain_text(const Block& block) {
  std::string raw;
  std::visit(overloaded{
                 [&](const Heading& h) { append_inlines(raw, h.inlines); },
                 [&](const Paragraph& p) { append_inlines(raw, p.inlines); },
                 [&](const List& l) {
                   for (const Blocks& item : l.items) append_blocks(raw, item);
                 },
                 [&](const Quote& q) { append_blocks(raw, q.blocks); },
                 [&](const CodeBlock& c) { raw += c.text; },
                 [&](const Figure& f) { append_inlines(raw, f.caption); },
                 [&](const Table& t) {
                   for (const auto& row : t.rows) {
                     for (const Blocks& cell : row) append_blocks(raw, cell);
                   }
                 },
                 [&](const Rule&) {},
             },
             block.node);
  return detail::collapse_whitespace(raw);
}

}  // namespace galley
