// Small builders for articles in tests, after pandoc-types' Builder.hs:
// para(text("a "), emph(text("b"))) reads like the document it builds.
#pragma once

#include <string>
#include <utility>

#include <galley/article.hpp>

namespace galley::test {

inline Inline text(std::string s) { return {Text{std::move(s)}}; }
inline Inline code(std::string s) { return {Code{std::move(s)}}; }
inline Inline line_break() { return {LineBreak{}}; }
inline Inline note_ref(std::string id) { return {NoteRef{std::move(id)}}; }
inline Inline image(std::string src, std::string alt) {
  return {Image{std::move(src), std::move(alt)}};
}
template <class... I>
Inline emph(I... children) {
  return {Emphasis{{std::move(children)...}}};
}
template <class... I>
Inline strong(I... children) {
  return {Strong{{std::move(children)...}}};
}
template <class... I>
Inline link(std::string url, I... children) {
  return {Link{{std::move(children)...}, std::move(url)}};
}

template <class... I>
Block para(I... inlines) {
  return {Paragraph{{std::move(inlines)...}}};
}
template <class... I>
Block heading(int level, I... inlines) {
  return {Heading{level, {std::move(inlines)...}}};
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
inline Block rule() { return {Rule{}}; }

}  // namespace galley::test
