#include "detail/prose.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <unicode/uchar.h>

#include "detail/text.hpp"

namespace galley::detail {
namespace {

constexpr std::size_t kMinWordsToContinue = 6;

// Words after which an English sentence cannot stop.
constexpr std::string_view kMidPhraseWords =
    " and or but nor the a an of to in on at by for with from into that which who whose "
    "whom as than if when while because its their his her our this these between against "
    "about over under upon via is are was were be been has have had will would could "
    "should can not such both either neither ";

struct Separator {
  std::string_view text;
  bool hierarchical;
};
constexpr std::array<Separator, 9> kTitleSeparators = {{{" | ", false},
                                                        {" - ", false},
                                                        {" \u2013 ", false},
                                                        {" \u2014 ", false},
                                                        {" :: ", false},
                                                        {" \\ ", true},
                                                        {" / ", true},
                                                        {" > ", true},
                                                        {" \u00BB ", true}}};

// ASCII is answered without ICU, whose tables a short conversion would otherwise touch
// for the first time (a page fault each) for the English text most documents are.
bool is_ascii(char32_t cp) { return cp < 0x80; }

bool is_quote(char32_t cp) {
  if (is_ascii(cp)) return cp == '"' || cp == '\'';
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_QUOTATION_MARK);
}

bool is_closer(char32_t cp) {
  if (is_ascii(cp)) return cp == ')' || cp == ']' || cp == '}' || is_quote(cp);
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION || is_quote(cp);
}

bool is_opener(char32_t cp) {
  if (is_ascii(cp)) return cp == '(' || cp == '[' || cp == '{' || is_quote(cp);
  const auto type = u_charType(static_cast<UChar32>(cp));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION || is_quote(cp);
}

bool is_letter(char32_t cp) {
  if (is_ascii(cp)) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

// Colons (ASCII and full-width) and the ellipsis end a sentence here too: what follows
// them starts afresh as often as not.
bool is_sentence_end(char32_t cp) {
  constexpr std::array<char32_t, 3> kAlso = {':', 0xFF1A, 0x2026};
  if (is_ascii(cp)) return cp == '.' || cp == '!' || cp == '?' || cp == ':';
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_S_TERM) ||
         std::ranges::find(kAlso, cp) != kAlso.end();
}

// Semicolons: ASCII, full-width and Arabic.
bool is_semicolon(char32_t cp) { return cp == ';' || cp == 0xFF1B || cp == 0x061B; }

// The code point that ends `text` and where it starts.
char32_t last_code_point(std::string_view text, std::size_t& start) {
  start = text.size();
  do {
    --start;
  } while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80);
  std::size_t pos = start;
  return next_code_point(text, pos);
}

// The last character of `text` once closing quotes and brackets are set aside; 0 when
// there is none.
char32_t last_mark(std::string_view text) {
  text = trim(text);
  while (!text.empty()) {
    std::size_t start = 0;
    const char32_t cp = last_code_point(text, start);
    if (!is_closer(cp)) return cp;
    text = text.substr(0, start);
  }
  return 0;
}

std::string_view last_word(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// "right-wing", "US-led": letters on both sides of a hyphen, nothing else.
bool is_hyphenated_compound(std::string_view word) {
  const std::size_t hyphen = word.find('-');
  if (hyphen == 0 || hyphen == std::string_view::npos || hyphen + 1 == word.size()) return false;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = next_code_point(word, pos);
    if (cp != '-' && !is_letter(cp)) return false;
  }
  return true;
}

bool stops_mid_phrase(std::string_view text) {
  const std::string_view word = last_word(text);
  const std::string padded = " " + to_lower_ascii(word) + " ";
  return kMidPhraseWords.find(padded) != std::string_view::npos || is_hyphenated_compound(word);
}

template <typename Better>
TitleSeparator find_title_separator(std::string_view title, Better better) noexcept {
  TitleSeparator best;
  for (const Separator& separator : kTitleSeparators) {
    const std::size_t at = better.find(title, separator.text);
    if (at != std::string_view::npos && (!best || better(at, best.at))) {
      best = {at, separator.text.size(), separator.hierarchical};
    }
  }
  return best;
}

struct Earliest {
  static std::size_t find(std::string_view s, std::string_view p) { return s.find(p); }
  bool operator()(std::size_t a, std::size_t b) const { return a < b; }
};
struct Latest {
  static std::size_t find(std::string_view s, std::string_view p) { return s.rfind(p); }
  bool operator()(std::size_t a, std::size_t b) const { return a > b; }
};

}  // namespace

std::size_t word_count(std::string_view text) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_ascii_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool ends_sentence(std::string_view text) { return is_sentence_end(last_mark(text)); }

bool ends_clause(std::string_view text) {
  const char32_t mark = last_mark(text);
  return is_sentence_end(mark) || is_semicolon(mark);
}

Opening opening_of(std::string_view text) {
  text = trim(text);
  Opening opening;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto cp = static_cast<UChar32>(next_code_point(text, pos));
    if (is_opener(static_cast<char32_t>(cp))) {
      opening.quoted = true;
      continue;
    }
    const auto c = static_cast<char32_t>(cp);
    opening.lower = is_ascii(c) ? (c >= 'a' && c <= 'z') : u_islower(cp) != 0;
    opening.letter = is_letter(c);
    opening.digit = is_ascii(c) ? (c >= '0' && c <= '9') : u_isdigit(cp) != 0;
    break;
  }
  return opening;
}

bool continues_sentence(std::string_view first, std::string_view next) {
  if (word_count(first) < kMinWordsToContinue || ends_clause(first)) return false;
  const Opening opening = opening_of(next);
  const bool any_start = opening.quoted || opening.letter || opening.digit;
  return opening.lower || (any_start && stops_mid_phrase(first));
}

TitleSeparator first_title_separator(std::string_view title) noexcept {
  return find_title_separator(title, Earliest{});
}

TitleSeparator last_title_separator(std::string_view title) noexcept {
  return find_title_separator(title, Latest{});
}

std::size_t title_separator_at(std::string_view text, std::size_t pos) noexcept {
  if (pos > text.size()) return 0;
  for (const Separator& separator : kTitleSeparators) {
    if (text.substr(pos).starts_with(separator.text)) return separator.text.size();
  }
  return 0;
}

}  // namespace galley::detail
