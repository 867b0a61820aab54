// The footer: boilerplate that ends an article ("To contact us visit...", copyright,
// newsletter prompts) moves from the body into Article::footer, kept but set apart.
//
// Recognition is by phrase, on short blocks only (under 40 words), and only at the
// very end of the body, scanning back while blocks match; so a closing paragraph of
// the article itself is never taken for boilerplate. A reader-comment section
// ("View comments (27)", "Leave a Reply") ends the article wherever it opens, once
// the article has begun: a printed web page runs on into its comments (not a PDF
// read as a document, whose text is all its own).
#include <algorithm>

#include <galley/recover.hpp>

#include "detail/prose.hpp"
#include "detail/text.hpp"

namespace galley {
namespace {

constexpr std::size_t kMaxBoilerplateWords = 40;

// Phrases that open a boilerplate line.
constexpr std::string_view kOpenings[] = {"to contact",          "follow us",
                                          "subscribe to",        "sign up for",
                                          "sign up to",          "share this",
                                          "copyright",           "(c) ",
                                          "cookie policy",       "this article first appeared",
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

// Short blocks that open a reader-comment section, once a count such as "27",
// "(27)" or "27 comments" is set aside.
constexpr std::string_view kCommentOpenings[] = {"comments",
                                                 "reader comments",
                                                 "view comments",
                                                 "view all comments",
                                                 "show comments",
                                                 "read comments",
                                                 "see comments",
                                                 "load comments",
                                                 "leave a comment",
                                                 "leave a reply",
                                                 "post a comment",
                                                 "add comment",
                                                 "add a comment",
                                                 "write a comment",
                                                 "comment on this article",
                                                 "comment on this story",
                                                 "join the conversation",
                                                 "join the discussion"};

// Short blocks that open a rail of links to other articles.
constexpr std::string_view kRelatedOpenings[] = {"related",
                                                 "related stories",
                                                 "related articles",
                                                 "more related stories",
                                                 "related content",
                                                 "related coverage",
                                                 "you might also like",
                                                 "you may also like",
                                                 "recommended",
                                                 "recommended for you",
                                                 "recommended stories",
                                                 "more stories",
                                                 "more on this story",
                                                 "most read",
                                                 "most popular",
                                                 "most viewed",
                                                 "trending",
                                                 "trending now",
                                                 "read next",
                                                 "read more",
                                                 "up next",
                                                 "what to read next",
                                                 "around the web",
                                                 "from our partners",
                                                 "sponsored stories",
                                                 "more from our network"};

// Body words before a comment section can end the article: a comment count printed
// beside the byline ("27 reader comments") comes before the article, not after.
constexpr std::size_t kMinArticleWords = 100;

bool is_count_char(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == ' ' ||
         c == ',';
}

}  // namespace

namespace {

// Whether a short block reads as one of `openings` once a count ("27", "(27)") and
// a trailing colon are set aside.
template <std::size_t N>
bool is_opening(std::string_view text, const std::string_view (&openings)[N]) {
  if (text.size() > 80) return false;
  const std::string lower = detail::to_lower_ascii(detail::collapse_whitespace(text));
  std::string_view rest = lower;
  while (!rest.empty() && (is_count_char(rest.back()) || rest.back() == ':')) rest.remove_suffix(1);
  while (!rest.empty() && is_count_char(rest.front())) rest.remove_prefix(1);
  return std::ranges::find(openings, rest) != std::end(openings);
}

}  // namespace

bool opens_comments(std::string_view text) { return is_opening(text, kCommentOpenings); }

bool opens_related(std::string_view text) { return is_opening(text, kRelatedOpenings); }

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

// Where a comment section opens after the article's first kMinArticleWords words;
// the body's size when none does.
std::size_t comments_start(const Blocks& body) {
  std::size_t words = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const std::string text = plain_text(body[i]);
    if (words >= kMinArticleWords && opens_comments(text)) return i;
    words += detail::word_count(text);
  }
  return body.size();
}

}  // namespace

// Rules between and just above footer blocks go with them; the body always keeps its
// first block. A paper, report or book read from paged input has no reader comments:
// its "Comments" is a section of its own.
void recover_footer(Article& article, const RecoverOptions&, Diagnostics&) {
  Blocks& body = article.body;
  const std::size_t end =
      article.metadata.layout == "document" ? body.size() : comments_start(body);
  std::size_t cut = end;
  for (std::size_t i = end; i-- > 1;) {
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
