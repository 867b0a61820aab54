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

bool is_lower(char32_t cp) {
  if (is_ascii(cp)) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp)) != 0;
}

bool is_digit(char32_t cp) {
  if (is_ascii(cp)) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp)) != 0;
}

// Colons (ASCII and full-width) and the ellipsis end a sentence here too: what follows
// them starts afresh as often as not.
bool is_sentence_end(char32_t cp) {
  constexpr std::array<char32_t, 2> kAlso = {0xFF1A, 0x2026};
  if (is_ascii(cp)) return cp == '.' || cp == '!' || cp == '?' || cp == ':';
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_S_TERM) ||
         std::ranges::find(kAlso, cp) != kAlso.end();
}

// Semicolons: ASCII, full-width and Arabic.
bool is_semicolon(char32_t cp) { return cp == ';' || cp == 0xFF1B || cp == 0x061B; }

// The last character of `text` once closing quotes and brackets are set aside; 0 when
// there is none.
char32_t last_mark(std::string_view text) {
  text = trim(text);
  for (std::size_t end = text.size(); end > 0;) {
    const char32_t cp = previous_code_point(text, end);
    if (!is_closer(cp)) return cp;
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

// The first title separator in `title`, or with `last` the last one.
TitleSeparator find_title_separator(std::string_view title, bool last) noexcept {
  TitleSeparator best;
  for (const Separator& separator : kTitleSeparators) {
    const std::size_t at = last ? title.rfind(separator.text) : title.find(separator.text);
    if (at == std::string_view::npos) continue;
    if (!best || (last ? at > best.at : at < best.at)) {
      best = {at, separator.text.size(), separator.hierarchical};
    }
  }
  return best;
}

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
    const char32_t cp = next_code_point(text, pos);
    if (is_opener(cp)) {
      opening.quoted = true;
      continue;
    }
    opening.lower = is_lower(cp);
    opening.letter = is_letter(cp);
    opening.digit = is_digit(cp);
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
  return find_title_separator(title, false);
}

TitleSeparator last_title_separator(std::string_view title) noexcept {
  return find_title_separator(title, true);
}

std::size_t title_separator_at(std::string_view text, std::size_t pos) noexcept {
  if (pos > text.size()) return 0;
  for (const Separator& separator : kTitleSeparators) {
    if (text.substr(pos).starts_with(separator.text)) return separator.text.size();
  }
  return 0;
}

}  // namespace galley::detail
