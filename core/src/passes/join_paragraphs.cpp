// Joining paragraphs that a page or column break split in two.
//
// Paragraph N is joined with paragraph N+1 when all of these hold
// (tests/core/passes/join_paragraphs_test.cpp pins each one):
//  1. both are top-level body paragraphs and adjacent: nothing is ever joined across
//     a heading, list, quote, table, code block, figure or rule;
//  2. N has at least six words: shorter lines are labels, captions or datelines;
//  3. N does not end a sentence: its last character, once closing quotes and
//     brackets are set aside, is none of . ! ? : ; and … (a comma does not end one);
//  4. N does not end with a hard line break, which marks deliberate layout;
//  5. N+1 continues N: it starts with a lower-case letter, or an opening quote and
//     a lower-case letter ("had" / "not substantially", "and" / "“multilateral");
//     or N stops mid-phrase, on a function word ("and", "the", "of") or a hyphenated
//     compound ("right-wing"), and N+1 starts with a letter, digit or opening quote,
//     so a proper name after it still continues the sentence (fixtures/text/seed).
// The two are joined with a single space and adjacent Text nodes merged.
#include <algorithm>

#include <galley/recover.hpp>

#include "detail/inlines.hpp"
#include "detail/letters.hpp"
#include "detail/sentences.hpp"
#include "detail/text.hpp"

namespace galley {
namespace detail {
namespace {

constexpr std::size_t kMinWords = 6;

constexpr char32_t kClosers[] = {'"', '\'', ')', ']', 0x201D, 0x2019, 0x00BB, 0x203A};
constexpr char32_t kOpeners[] = {'"', '\'', '(', 0x201C, 0x2018, 0x00AB, 0x201E, 0x2039};
constexpr char32_t kSentenceEnds[] = {'.', '!', '?', ':', ';', 0x2026};

// Words after which an English sentence cannot stop.
constexpr std::string_view kMidPhraseWords =
    " and or but nor the a an of to in on at by for with from into that which who whose "
    "whom as than if when while because its their his her our this these between against "
    "about over under upon via is are was were be been has have had will would could "
    "should can not such both either neither ";

bool one_of(const auto& set, char32_t cp) { return std::ranges::find(set, cp) != std::end(set); }

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t pos = 0;
  while (pos < text.size()) out.push_back(next_code_point(text, pos));
  return out;
}

bool ends_sentence(const std::vector<char32_t>& text) {
  auto last = text.rbegin();
  while (last != text.rend() && one_of(kClosers, *last)) ++last;
  return last != text.rend() && one_of(kSentenceEnds, *last);
}

std::string_view last_word(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

// "right-wing", "US-led": letters on both sides of a hyphen, nothing else.
bool is_hyphenated_compound(std::string_view word) {
  const std::size_t hyphen = word.find('-');
  if (hyphen == 0 || hyphen == std::string_view::npos || hyphen + 1 == word.size()) return false;
  return std::ranges::all_of(code_points(word),
                             [](char32_t cp) { return cp == '-' || is_letter(cp); });
}

bool stops_mid_phrase(std::string_view text) {
  const std::string_view word = last_word(text);
  const std::string padded = " " + to_lower_ascii(word) + " ";
  return kMidPhraseWords.find(padded) != std::string_view::npos || is_hyphenated_compound(word);
}

// The first letter-like start of the next paragraph, skipping one opening quote.
struct Start {
  bool lower = false;       // a lower-case letter, possibly after a quote
  bool continuing = false;  // a letter, digit or opening quote at all
};

Start start_of(const std::vector<char32_t>& text) {
  if (text.empty()) return {};
  const bool quoted = one_of(kOpeners, text.front());
  const char32_t first = quoted && text.size() > 1 ? text[1] : text.front();
  const bool digit = first >= '0' && first <= '9';
  return {is_lower_letter(first), quoted || digit || is_letter(first)};
}

}  // namespace

bool continues_sentence(std::string_view first, std::string_view next) {
  if (word_count(first) < kMinWords) return false;
  if (ends_sentence(code_points(first))) return false;
  const Start start = start_of(code_points(next));
  return start.lower || (start.continuing && stops_mid_phrase(first));
}

}  // namespace detail

namespace {

bool should_join(const Paragraph& first, const Paragraph& next) {
  if (first.inlines.empty() || std::holds_alternative<LineBreak>(first.inlines.back().node)) {
    return false;
  }
  return detail::continues_sentence(plain_text(first.inlines), plain_text(next.inlines));
}

}  // namespace

void join_split_paragraphs(Article& article, const RecoverOptions&, Diagnostics&) {
  Blocks& body = article.body;
  std::size_t i = 0;
  while (i + 1 < body.size()) {
    auto* first = std::get_if<Paragraph>(&body[i].node);
    auto* next = std::get_if<Paragraph>(&body[i + 1].node);
    if (!first || !next || !should_join(*first, *next)) {
      ++i;
      continue;
    }
    first->inlines.push_back(Inline{Text{" "}});
    std::ranges::move(next->inlines, std::back_inserter(first->inlines));
    detail::normalize_inlines(first->inlines);
    body.erase(body.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
}

}  // namespace galley
