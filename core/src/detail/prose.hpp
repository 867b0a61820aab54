// What running text is made of: words, the ends of sentences, how a piece of text
// opens, and the separators that set a site name apart in a title. One set of rules
// for every reader and recovery pass, so that a PDF's lines and a web page's
// paragraphs are judged alike. Character classes come from ICU, so they hold for
// every script ICU knows. Internal to galley.
#pragma once

#include <cstddef>
#include <string_view>

namespace galley::detail {

/// Words in text: runs of characters between whitespace.
std::size_t word_count(std::string_view text) noexcept;

/// Whether `text` ends a sentence: once closing quotes and brackets are set aside, its
/// last character is a sentence terminal of any script (. ! ? 。 ؟ । and the rest of
/// Unicode's Sentence_Terminal), a colon or an ellipsis. A comma or a semicolon ends none.
bool ends_sentence(std::string_view text);

/// Whether `text` ends a sentence or a clause with a semicolon ("; ").
bool ends_clause(std::string_view text);

/// How a piece of text opens, past any opening quotes and brackets.
struct Opening {
  bool quoted = false;  ///< an opening quote or bracket came first
  bool lower = false;   ///< a lower-case letter, of any script that has case
  bool letter = false;  ///< a letter, of any script
  bool digit = false;   ///< a decimal digit
};
Opening opening_of(std::string_view text);

/// Whether `next` continues the sentence `first` stops in the middle of: `first` has
/// six words or more and ends no clause (a paragraph that ends on a semicolon is an
/// item of a list set as paragraphs far more often than half of a sentence a page
/// break split), and `next` opens in lower case, or `first`
/// stops mid-phrase ("and", "the", "right-wing") and `next` opens with a letter, digit
/// or quote. The test that joins paragraphs a page or column break split
/// (passes/join_paragraphs.cpp), shared with readers that meet a paragraph
/// interrupted by something else.
bool continues_sentence(std::string_view first, std::string_view next);

/// A separator between a title and a site or section name: "Budget approved | City
/// News", "Home » News » Budget approved" (Readability's list, and " :: ").
struct TitleSeparator {
  std::size_t at = std::string_view::npos;  ///< where it starts; npos when there is none
  std::size_t length = 0;
  bool hierarchical = false;  ///< a path separator (" / ", " \ ", " > ", " » ")
  explicit operator bool() const noexcept { return at != std::string_view::npos; }
  std::size_t end() const noexcept { return at + length; }
};

/// The first and the last title separator in `title`.
TitleSeparator first_title_separator(std::string_view title) noexcept;
TitleSeparator last_title_separator(std::string_view title) noexcept;

/// The length of the title separator that starts at `pos` in `text`, 0 when none does.
std::size_t title_separator_at(std::string_view text, std::size_t pos) noexcept;

}  // namespace galley::detail
