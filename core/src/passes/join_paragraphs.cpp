// Joining paragraphs that a page or column break split in two.
//
// Paragraph N is joined with paragraph N+1 when all of these hold
// (tests/core/passes/join_paragraphs_test.cpp pins each one):
//  1. both are top-level body paragraphs and adjacent: nothing is ever joined across
//     a heading, list, quote, table, code block, figure or rule;
//  2. N has at least six words: shorter lines are labels, captions or datelines;
//  3. N does not end a sentence: its last character, once closing quotes and
//     brackets are set aside, is no sentence end of any script, colon, semicolon or
//     ellipsis (a comma does not end one; a semicolon marks items of a list);
//  4. N does not end with a hard line break, which marks deliberate layout;
//  5. N+1 continues N: it starts with a lower-case letter of any script with case,
//     or opening quotes and one ("had" / "not substantially", "and" / "“multilateral");
//     or N stops mid-phrase, on a function word ("and", "the", "of") or a hyphenated
//     compound ("right-wing"), and N+1 starts with a letter, digit or opening quote,
//     so a proper name after it still continues the sentence (fixtures/text/seed).
// The two are joined with a single space and adjacent Text nodes merged. Rules 2, 3
// and 5 are detail::continues_sentence (detail/prose.hpp).
#include <algorithm>

#include <galley/recover.hpp>

#include "detail/inlines.hpp"
#include "detail/prose.hpp"

namespace galley {
namespace {

// The end of a paragraph's text that the rules read: its last words. A paragraph that
// took in thousands of others is not read whole for each next one.
std::string_view recent(std::string_view text) {
  constexpr std::size_t kTail = 1024;
  if (text.size() <= kTail) return text;
  text.remove_prefix(text.size() - kTail);
  const std::size_t space = text.find(' ');
  return space == std::string_view::npos ? text : text.substr(space + 1);
}

bool should_join(const Paragraph& first, std::string_view first_text, std::string_view next_text) {
  if (first.inlines.empty() || std::holds_alternative<LineBreak>(first.inlines.back().node)) {
    return false;
  }
  return detail::continues_sentence(recent(first_text), next_text);
}

}  // namespace

// One pass that moves each block once: joined paragraphs grow in place and are
// normalised once at the end, so a page of many split lines costs linear time.
void join_split_paragraphs(Article& article, const RecoverOptions&, Diagnostics&) {
  Blocks joined;
  joined.reserve(article.body.size());
  std::string last_text;           // the plain text of joined.back(), when a paragraph
  std::vector<std::size_t> grown;  // the paragraphs that took others in
  for (Block& block : article.body) {
    auto* next = std::get_if<Paragraph>(&block.node);
    auto* last = joined.empty() ? nullptr : std::get_if<Paragraph>(&joined.back().node);
    std::string next_text = next ? plain_text(next->inlines) : std::string();
    if (last && next && should_join(*last, last_text, next_text)) {
      last->inlines.push_back(Inline{Text{" "}});
      std::ranges::move(next->inlines, std::back_inserter(last->inlines));
      last_text += " " + next_text;
      if (grown.empty() || grown.back() != joined.size() - 1) grown.push_back(joined.size() - 1);
      continue;
    }
    joined.push_back(std::move(block));
    last_text = std::move(next_text);
  }
  for (const std::size_t i : grown) {
    detail::normalize_inlines(std::get<Paragraph>(joined[i].node).inlines);
  }
  article.body = std::move(joined);
}

}  // namespace galley
