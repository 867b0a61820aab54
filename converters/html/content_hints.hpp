// The vocabularies behind content scoring and cleaning: class/id hints, roles, promo
// labels, and small text tests, kept apart from the scoring algorithm that uses them.
#pragma once

#include <string>
#include <string_view>

namespace galley::html {

/// Readability's unlikely-candidate test on a lower-cased "class id" string: a
/// boilerplate word ("comment", "sidebar") and none of "article", "body", "content"...
bool is_unlikely_match(std::string_view match);

/// ARIA roles of navigation, menus, dialogs and alerts.
bool is_unlikely_role(std::string_view role);

/// Readability's weight of one class or id value: -25 for a negative hint
/// ("comment", "footer"), +25 for a positive one ("article", "content"), both possible.
int hint_weight(std::string_view value);

/// True when `word` occurs in `text` bounded by non-alphanumerics (regex \b).
bool has_word(std::string_view text, std::string_view word);

/// Boilerplate kept by Readability inside articles: galleries, promo and newsletter
/// boxes, tag lists, related links, share bars, bylines (lower-cased "class id").
bool is_in_article_boilerplate(std::string_view match);

/// True when lower-cased `text` opens with a label promoting another page
/// ("related:", "read more", "don't miss").
bool starts_with_promo_label(std::string_view text);

/// True when `text` is nothing but an advert or loading label ("Advertisement").
bool is_ad_or_loading(const std::string& text);

/// True when `src` is an embeddable video player Readability keeps (YouTube, Vimeo...).
bool is_allowed_video(std::string_view src);

/// Tags whose text counts as running text in Readability's text density.
bool is_textish(std::string_view tag);

bool is_heading_tag(std::string_view tag);

/// Readability's _textSimilarity: the share of `b`'s words (by length) found in `a`.
double text_similarity(const std::string& a, const std::string& b);

}  // namespace galley::html
