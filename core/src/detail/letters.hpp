// Letter classes for the scripts personal names are commonly written in (Latin with
// its accents, Greek, Cyrillic), without a locale: byline and paragraph heuristics
// need "is this word capitalised?" to behave the same on every machine.
#pragma once

#include <string_view>

namespace galley::detail {

/// Upper-case letters: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals.
bool is_upper_letter(char32_t cp) noexcept;

/// Lower-case letters of the same ranges as is_upper_letter.
bool is_lower_letter(char32_t cp) noexcept;

/// Any letter: cased letters above and caseless ones from other scripts (CJK, Arabic...).
bool is_letter(char32_t cp) noexcept;

/// The first code point of `text` that is a letter, or 0 when there is none.
char32_t first_letter(std::string_view text) noexcept;

}  // namespace galley::detail
