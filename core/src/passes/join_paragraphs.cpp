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
