#include "support/words.hpp"

#include <cctype>

#include "detail/letters.hpp"
#include "detail/text.hpp"

namespace galley::test {
namespace {

void gather_text(const Blocks& blocks, std::string& out) {
  const auto add = [&out](const std::string& text) { out += " " + text; };
  for (const Block& b : blocks) {
    std::visit(overloaded{
                   [&](const Heading& h) { add(plain_text(h.inlines)); },
                   [&](const Paragraph& p) { add(plain_text(p.inlines)); },
                   [&](const List& l) {
                     for (const Blocks& item : l.items) gather_text(item, out);
                   },
                   [&](const Quote& q) { gather_text(q.blocks, out); },
                   [&](const CodeBlock& c) { add(c.text); },
                   [&](const Figure& f) { add(plain_text(f.caption)); },
                   [&](const Table& t) {
                     for (const auto& row : t.rows) {
                       for (const Blocks& cell : row) gather_text(cell, out);
                     }
                   },
                   [&](const Rule&) {},
               },
               b.node);
  }
}

}  // namespace

std::string words_of(std::string_view text) {
  std::string out;
  bool gap = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '&') {
      const std::size_t semi = text.find(';', pos);
      if (semi != std::string_view::npos && semi - pos <= 10) {
        pos = semi + 1;
        gap = true;
        continue;
      }
    }
    const std::size_t start = pos;
    const char32_t cp = detail::next_code_point(text, pos);
    if (detail::is_letter(cp) || (cp < 0x80 && std::isdigit(static_cast<int>(cp)))) {
      if (gap && !out.empty()) out += ' ';
      out.append(text.substr(start, pos - start));
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

std::string text_of(const Blocks& blocks) {
  std::string out;
  gather_text(blocks, out);
  return out;
}

}  // namespace galley::test
