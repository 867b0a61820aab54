#include "detail/letters.hpp"

#include "detail/text.hpp"

namespace galley::detail {
namespace {

// Latin Extended-A alternates capital/small, but the parity flips at U+0138 (kra)
// and again at U+0149 and U+0178.
bool is_latin_extended_a_upper(char32_t cp) noexcept {
  if (cp < 0x138) return cp % 2 == 0;
  if (cp < 0x149) return cp % 2 == 1;
  if (cp < 0x178) return cp % 2 == 0;
  return cp == 0x178 || (cp <= 0x17E && cp % 2 == 1);
}

bool in(char32_t cp, char32_t first, char32_t last) noexcept { return cp >= first && cp <= last; }

}  // namespace

bool is_upper_letter(char32_t cp) noexcept {
  if (cp < 0x80) return in(cp, 'A', 'Z');
  if (in(cp, 0xC0, 0xDE)) return cp != 0xD7;
  if (in(cp, 0x100, 0x17F)) return is_latin_extended_a_upper(cp);
  return in(cp, 0x391, 0x3A9) || in(cp, 0x400, 0x42F);
}

bool is_lower_letter(char32_t cp) noexcept {
  if (cp < 0x80) return in(cp, 'a', 'z');
  if (in(cp, 0xDF, 0xFF)) return cp != 0xF7;
  if (in(cp, 0x100, 0x17F)) return !is_latin_extended_a_upper(cp);
  return in(cp, 0x3AC, 0x3CE) || in(cp, 0x430, 0x45F);
}

bool is_letter(char32_t cp) noexcept {
  if (cp < 0xC0) return in(cp, 'A', 'Z') || in(cp, 'a', 'z') || cp == 0xAA || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  // Punctuation, symbols, arrows, box drawing, CJK punctuation, specials and the
  // private use area are not letters; everything else above Latin-1 is taken as one.
  if (in(cp, 0x2000, 0x2BFF) || in(cp, 0x3000, 0x303F) || in(cp, 0xE000, 0xF8FF)) return false;
  if (in(cp, 0xFE10, 0xFE6F) || in(cp, 0xFF00, 0xFF20) || in(cp, 0xFFF0, 0xFFFF)) return false;
  return !in(cp, 0x1F000, 0x1FFFF);  // emoji and pictographs
}

char32_t first_letter(std::string_view text) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    if (is_letter(cp)) return cp;
  }
  return 0;
}

}  // namespace galley::detail
