// Helpers for the HTML reader tests: read a page given as a string with the builtin
// reader (no recovery passes), and look at the result as plain text.
#pragma once

#include <string>
#include <string_view>

#include <galley/article.hpp>
#include <galley/format.hpp>
#include <galley/registry.hpp>

namespace galley::test {

inline Article read_html(std::string_view html, Diagnostics& diag, ReadOptions options = {}) {
  const auto* entry = Registry::builtin().find_reader("html");
  return entry->reader->read(Input{"page.html", html, "text/html"}, options, diag);
}

inline Article read_html(std::string_view html, ReadOptions options = {}) {
  Diagnostics diag;
  return read_html(html, diag, std::move(options));
}

/// The body's blocks as plain text, one block per line.
inline std::string body_text(const Article& article) {
  std::string out;
  for (const Block& block : article.body) out += plain_text(block) + "\n";
  return out;
}

inline bool has_warning(const Diagnostics& diag, std::string_view part) {
  for (const Diagnostic& d : diag.all()) {
    if (d.message.find(part) != std::string::npos) return true;
  }
  return false;
}

/// Paragraphs long enough for the content scorer to treat the page as an article.
inline std::string article_paragraphs(int count = 3) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " of the story, long enough to read as prose, with commas, clauses, and a "
           "full stop at the end of a sentence that goes on for a while.</p>\n";
  }
  return out;
}

}  // namespace galley::test
