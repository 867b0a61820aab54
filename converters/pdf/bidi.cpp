// Right-to-left text back into reading order.
//
// Poppler gives a line's words left to right as they are printed, and the letters of
// an Arabic or Hebrew word in the order they are drawn: visual order. Text is stored,
// searched and read in logical order, the order it is written in. The Unicode
// bidirectional algorithm run backwards (ICU's inverse bidi) turns the one into the
// other, embedded left-to-right runs ("R", "Python") and numbers included.
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>

#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...), by
// its bidirectional class in ICU's character database.
bool is_rtl(char32_t cp) {
  const UCharDirection direction = u_charDirection(static_cast<UChar32>(cp));
  return direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC;
}

// Right-to-left letters against left-to-right ones (digits and punctuation aside),
// counted in code points: the line's base direction is the one most of its letters take.
int rtl_balance(std::string_view text) {
  int balance = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = detail::next_code_point(text, pos);
    if (is_rtl(cp)) {
      ++balance;
    } else if (u_charDirection(static_cast<UChar32>(cp)) == U_LEFT_TO_RIGHT) {
      --balance;
    }
  }
  return balance;
}

bool has_rtl(std::string_view text) {
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return false;
  }
  for (std::size_t pos = 0; pos < text.size();) {
    if (is_rtl(detail::next_code_point(text, pos))) return true;
  }
  return false;
}

struct BidiCloser {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

std::u16string to_utf16(std::string_view text) {
  std::u16string out(text.size(), u'\0');  // never more units than bytes
  int32_t length = 0;
  UErrorCode error = U_ZERO_ERROR;
  u_strFromUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &error);
  out.resize(U_SUCCESS(error) ? static_cast<std::size_t>(length) : 0);
  return out;
}

std::string to_utf8(std::u16string_view text) {
  std::string out(text.size() * 3, '\0');  // at most three bytes a unit
  int32_t length = 0;
  UErrorCode error = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, text.data(),
                     static_cast<int32_t>(text.size()), 0xFFFD, nullptr, &error);
  out.resize(U_SUCCESS(error) ? static_cast<std::size_t>(length) : 0);
  return out;
}

// The line's text as printed, words joined by their spaces, and the word each UTF-16
// unit belongs to (-1 for a space between words).
struct VisualLine {
  std::u16string text;
  std::vector<int> word_of;
};

VisualLine visual_line(std::span<const Word> words) {
  VisualLine line;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::u16string word = to_utf16(words[i].text);
    line.text += word;
    line.word_of.insert(line.word_of.end(), word.size(), static_cast<int>(i));
    if (words[i].space_after && i + 1 < words.size()) {
      line.text += u' ';
      line.word_of.push_back(-1);
    }
  }
  return line;
}

}  // namespace

bool needs_reordering(std::span<const Word> words) {
  return std::any_of(words.begin(), words.end(), [](const Word& w) { return has_rtl(w.text); });
}

std::vector<Word> to_logical_order(std::span<const Word> words) {
  const VisualLine visual = visual_line(words);
  std::string all;
  for (const Word& w : words) all += w.text;
  const auto length = static_cast<int32_t>(visual.text.size());
  UErrorCode error = U_ZERO_ERROR;
  const std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_openSized(length, 0, &error));
  ubidi_setInverse(bidi.get(), true);
  ubidi_setPara(bidi.get(), visual.text.data(), length,
                rtl_balance(all) > 0 ? UBIDI_RTL : UBIDI_LTR, nullptr, &error);
  std::u16string logical(visual.text.size(), u'\0');
  std::vector<int32_t> source(visual.text.size());
  // Mirroring keeps the length, so each unit written still has its source unit.
  ubidi_writeReordered(bidi.get(), logical.data(), length, UBIDI_DO_MIRRORING, &error);
  ubidi_getVisualMap(bidi.get(), source.data(), &error);
  if (U_FAILURE(error)) return {words.begin(), words.end()};
  // Consecutive units of one word make a word of the logical line; a word that mixes
  // directions may come out in pieces, each keeping the word's style and box. Where a
  // left-to-right word meets a right-to-left one the space between them is printed
  // at the far end of the run, not between the two: it goes back between them.
  std::vector<Word> out;
  int current = -1;
  const auto direction = [&](int word) {
    const int balance = rtl_balance(words[static_cast<std::size_t>(word)].text);
    return (balance > 0) - (balance < 0);
  };
  std::u16string text;
  const auto flush = [&] {
    if (current < 0 || text.empty()) return;
    Word w = words[static_cast<std::size_t>(current)];
    w.text = to_utf8(text);
    w.space_after = false;
    out.push_back(std::move(w));
    text.clear();
  };
  for (std::size_t k = 0; k < logical.size(); ++k) {
    const int word = visual.word_of[static_cast<std::size_t>(source[k])];
    if (word != current) {
      const bool turns = current >= 0 && word >= 0 && direction(current) * direction(word) < 0;
      flush();
      if ((word < 0 || turns) && !out.empty()) out.back().space_after = true;
      current = word;
    }
    if (word >= 0) text += logical[k];
  }
  flush();
  return out;
}

}  // namespace galley::pdf
