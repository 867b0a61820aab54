// The footer: boilerplate that ends an article ("To contact us visit...", copyright,
// newsletter prompts) moves from the body into Article::footer, kept but set apart.
//
// Recognition is by phrase, on short blocks only (under 40 words), and only at the
// very end of the body, scanning back while blocks match; so a closing paragraph of
// the article itself is never taken for boilerplate.
#include <algorithm>

#include <galley/recover.hpp>

#include "detail/inlines.hpp"
#include "detail/text.hpp"

namespace galley {
namespace {

constexpr std::size_t kMaxBoilerplateWords = 40;

// Phrases that open a boilerplate line.
constexpr std::string_view kOpenings[] = {"to contact",
                                          "contact us",
                                          "follow us",
                                          "subscribe to",
                                          "sign up for",
                                          "sign up to",
                                          "share this",
                                          "copyright",
                                          "(c) ",
                                          "terms of use",
                                          "terms of service",
                                          "privacy policy",
                                          "cookie policy",
                                          "this article was originally published",
                                          "this story was originally published",
                                          "this article first appeared",
                                          "originally published"};

// Phrases that make a short block boilerplate wherever they stand in it.
constexpr std::string_view kAnywhere[] = {"all rights reserved",
                                          "\xC2\xA9",
                                          "subscribe to our newsletter",
                                          "sign up for our newsletter",
                                          "follow us on",
                                          "privacy policy",
                                          "terms of use",
                                          "terms of service",
                                          "contact us",
                                          "was originally published"};

}  // namespace

bool is_boilerplate(std::string_view text) {
  const std::string lower = detail::to_lower_ascii(detail::collapse_whitespace(text));
  const std::size_t words = detail::word_count(lower);
  if (words == 0 || words >= kMaxBoilerplateWords) return false;
  const auto opens = [&](std::string_view phrase) { return lower.starts_with(phrase); };
  const auto holds = [&](std::string_view phrase) {
    return lower.find(phrase) != std::string::npos;
  };
  return std::ranges::any_of(kOpenings, opens) || std::ranges::any_of(kAnywhere, holds);
}

namespace {

bool is_boilerplate_block(const Block& block) {
  return std::visit(overloaded{
                        [&](const Paragraph&) { return is_boilerplate(plain_text(block)); },
                        [&](const Heading&) { return is_boilerplate(plain_text(block)); },
                        [](const List& list) {
                          return !list.items.empty() &&
                                 std::ranges::all_of(list.items, [](const Blocks& item) {
                                   return item.size() == 1 && is_boilerplate_block(item.front());
                                 });
                        },
                        [](const auto&) { return false; },
                    },
                    block.node);
}

}  // namespace

// Rules between and just above footer blocks go with them; the body always keeps its
// first block.
void recover_footer(Article& article, const RecoverOptions&, Diagnostics&) {
  Blocks& body = article.body;
  std::size_t cut = body.size();
  for (std::size_t i = body.size(); i-- > 1;) {
    if (is_boilerplate_block(body[i])) {
      cut = i;
    } else if (!std::holds_alternative<Rule>(body[i].node)) {
      break;
    }
  }
  if (cut == body.size()) return;
  // A rule just above the footer separates it from the article (fixtures/text/footer_heavy).
  while (cut > 1 && std::holds_alternative<Rule>(body[cut - 1].node)) --cut;
  const auto first = body.begin() + static_cast<std::ptrdiff_t>(cut);
  article.footer.insert(article.footer.begin(), std::make_move_iterator(first),
                        std::make_move_iterator(body.end()));
  body.erase(first, body.end());
}

}  // namespace galley
