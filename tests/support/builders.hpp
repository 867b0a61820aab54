// Small builders for articles in tests, after pandoc-types' Builder.hs:
//   Article a = article("Title", {para("Hello ", emph("world"), note_ref("1"))});
// Strings passed where an Inline is expected become Text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

inline Inline to_inline(Inline node) { return node; }
inline Inline to_inline(std::string text) { return Inline{Text{std::move(text)}}; }
inline Inline to_inline(const char* text) { return Inline{Text{text}}; }

template <class... Args>
Inlines inlines(Args&&... args) {
  return Inlines{to_inline(std::forward<Args>(args))...};
}

inline Inline text(std::string s) { return Inline{Text{std::move(s)}}; }
inline Inline code(std::string s) { return Inline{Code{std::move(s)}}; }
inline Inline line_break() { return Inline{LineBreak{}}; }
inline Inline note_ref(std::string id) { return Inline{NoteRef{std::move(id)}}; }
inline Inline image(std::string src, std::string alt = {}) {
  return Inline{Image{std::move(src), std::move(alt)}};
}
template <class... Args>
Inline emph(Args&&... args) {
  return Inline{Emphasis{inlines(std::forward<Args>(args)...)}};
}
template <class... Args>
Inline strong(Args&&... args) {
  return Inline{Strong{inlines(std::forward<Args>(args)...)}};
}
template <class... Args>
Inline link(std::string url, Args&&... args) {
  return Inline{Link{inlines(std::forward<Args>(args)...), std::move(url)}};
}

template <class... Args>
Block para(Args&&... args) {
  return Block{Paragraph{inlines(std::forward<Args>(args)...)}};
}
template <class... Args>
Block heading(int level, Args&&... args) {
  return Block{Heading{level, inlines(std::forward<Args>(args)...)}};
}
inline Block bullet_list(std::vector<Blocks> items) { return Block{List{false, std::move(items)}}; }
inline Block ordered_list(std::vector<Blocks> items) { return Block{List{true, std::move(items)}}; }
inline Block quote(Blocks blocks) { return Block{Quote{std::move(blocks)}}; }
inline Block code_block(std::string text, std::string language = {}) {
  return Block{CodeBlock{std::move(text), std::move(language)}};
}
template <class... Args>
Block figure(std::string src, std::string alt, Args&&... caption) {
  return Block{
      Figure{Image{std::move(src), std::move(alt)}, inlines(std::forward<Args>(caption)...)}};
}
inline Block table(std::vector<std::vector<Blocks>> rows, int header_rows = 0) {
  return Block{Table{std::move(rows), header_rows}};
}
inline Block rule() { return Block{Rule{}}; }

/// An article with a title and a body; other metadata left unknown.
inline Article article(std::string title, Blocks body) {
  Article a;
  a.metadata.title = std::move(title);
  a.body = std::move(body);
  return a;
}

}  // namespace galley::test
