// Small builders for articles in tests, after pandoc-types' Builder.hs:
// para(text("a "), emph(text("b"))) reads like the document it builds; a string
// where an Inline is expected is Text, so para("a ", emph("b")) builds the same.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

inline Inline text(std::string s) { return {Text{std::move(s)}}; }
inline Inline to_inline(Inline node) { return node; }
inline Inline to_inline(std::string s) { return text(std::move(s)); }
inline Inline to_inline(const char* s) { return text(s); }
inline Inline code(std::string s) { return {Code{std::move(s)}}; }
inline Inline line_break() { return {LineBreak{}}; }
inline Inline note_ref(std::string id) { return {NoteRef{std::move(id)}}; }
inline Inline image(std::string src, std::string alt) {
  return {Image{std::move(src), std::move(alt)}};
}
template <class... I>
Inline emph(I... children) {
  return {Emphasis{{to_inline(std::move(children))...}}};
}
template <class... I>
Inline strong(I... children) {
  return {Strong{{to_inline(std::move(children))...}}};
}
template <class... I>
Inline link(std::string url, I... children) {
  return {Link{{to_inline(std::move(children))...}, std::move(url)}};
}

template <class... I>
Block para(I... inlines) {
  return {Paragraph{{to_inline(std::move(inlines))...}}};
}
template <class... I>
Block heading(int level, I... inlines) {
  return {Heading{level, {to_inline(std::move(inlines))...}}};
}
template <class... B>
Blocks blocks(B... b) {
  return {std::move(b)...};
}
inline Block list(bool ordered, std::vector<Blocks> items) {
  return {List{ordered, std::move(items)}};
}
template <class... B>
Block quote(B... b) {
  return {Quote{{std::move(b)...}}};
}
inline Block code_block(std::string text, std::string language = {}) {
  return {CodeBlock{std::move(text), std::move(language)}};
}
template <class... I>
Block figure(std::string src, std::string alt, I... caption) {
  return {Figure{Image{std::move(src), std::move(alt)}, {to_inline(std::move(caption))...}}};
}
/// Rows of cells, each cell a sequence of blocks; the first `header_rows` are headers.
inline Block table(std::vector<std::vector<Blocks>> rows, int header_rows = 0) {
  return {Table{std::move(rows), header_rows}};
}
inline Block rule() { return {Rule{}}; }

/// An article with a title and a body; other metadata left unknown.
inline Article article(std::string title, Blocks body) {
  Article a;
  a.metadata.title = std::move(title);
  a.body = std::move(body);
  return a;
}

}  // namespace galley::test
