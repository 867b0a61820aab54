// The title: a heading that opens the body.
#include <algorithm>

#include <galley/recover.hpp>

#include "detail/prose.hpp"
#include "detail/text.hpp"

namespace galley {
namespace {

const Heading* heading_of(const Block& block) { return std::get_if<Heading>(&block.node); }

std::string folded(std::string_view text) {
  return detail::to_lower_ascii(detail::collapse_whitespace(text));
}

// A heading repeats the known title when they match ignoring case and spacing, or when
// the title is the heading plus a site name: "Budget approved | City News".
bool repeats_title(std::string_view heading, std::string_view title) {
  const std::string h = folded(heading);
  const std::string t = folded(title);
  if (h.empty()) return false;
  if (h == t) return true;
  if (t.starts_with(h) && detail::title_separator_at(t, h.size()) > 0) return true;
  if (!t.ends_with(h)) return false;
  const std::string_view site = std::string_view(t).substr(0, t.size() - h.size());
  const detail::TitleSeparator separator = detail::last_title_separator(site);
  return separator && separator.end() == site.size();
}

// A heading at the very start is the title when it is level 1 or the only heading of
// the top level in the body ("## Title" over "### Section"s). A level-1 heading
// among several is still taken: a document rarely opens with a section heading.
bool is_title_heading(const Blocks& body) {
  const Heading* first = heading_of(body.front());
  if (!first || plain_text(first->inlines).empty()) return false;
  if (first->level == 1) return true;
  int top = first->level;
  int at_top = 0;
  for (const Block& block : body) {
    if (const Heading* h = heading_of(block)) {
      top = std::min(top, h->level);
      if (h->level == first->level) ++at_top;
    }
  }
  return top == first->level && at_top == 1;
}

}  // namespace

// When the reader already knows the title (HTML <title>, PDF metadata), a first
// heading that repeats it is dropped; only the first blocks are looked at, where
// such a repeat sits above the byline.
void recover_title(Article& article, const RecoverOptions&, Diagnostics&) {
  Blocks& body = article.body;
  if (body.empty()) return;
  if (article.metadata.title) {
    constexpr std::size_t kLookahead = 3;
    const auto end = body.begin() + static_cast<std::ptrdiff_t>(std::min(kLookahead, body.size()));
    const auto repeat = std::find_if(body.begin(), end, [&](const Block& block) {
      const Heading* h = heading_of(block);
      return h && repeats_title(plain_text(h->inlines), *article.metadata.title);
    });
    if (repeat != end) body.erase(repeat);
    return;
  }
  if (!is_title_heading(body)) return;
  article.metadata.title = plain_text(heading_of(body.front())->inlines);
  body.erase(body.begin());
}

}  // namespace galley
