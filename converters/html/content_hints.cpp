#include "content_hints.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "detail/text.hpp"

namespace galley::html {
namespace {

// Readability's class/id vocabularies (Readability.js REGEXPS), as substrings.
constexpr std::array<std::string_view, 31> kUnlikely = {
    "-ad-",       "ai2html", "banner",    "breadcrumbs",  "combx",    "comment",  "community",
    "cover-wrap", "disqus",  "extra",     "footer",       "gdpr",     "header",   "legends",
    "menu",       "related", "remark",    "replies",      "rss",      "shoutbox", "sidebar",
    "skyscraper", "social",  "sponsor",   "supplemental", "ad-break", "agegate",  "pagination",
    "pager",      "popup",   "yom-remote"};
constexpr std::array<std::string_view, 8> kMaybe = {"and",     "article", "body",    "column",
                                                    "content", "main",    "mathjax", "shadow"};
constexpr std::array<std::string_view, 13> kPositive = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story"};
constexpr std::array<std::string_view, 24> kNegative = {
    "-ad-",  "hidden",   "banner",  "combx",      "comment",  "com-",     "contact", "footer",
    "gdpr",  "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll",
    "share", "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget"};
constexpr std::array<std::string_view, 7> kUnlikelyRoles = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"};

// Boilerplate inside an article that Readability keeps: galleries' navigation, promo
// and newsletter boxes, tag lists, "read more" and "related" links, share bars.
// ("social" is not among them: social-media embeds are quoted content.)
constexpr std::array<std::string_view, 19> kInArticleBoilerplate = {
    "gallery", "slideshow", "carousel", "lightbox",  "modal",    "newsletter", "subscribe",
    "signup",  "promo",     "related",  "recommend", "readmore", "read-more",  "more-stories",
    "share",   "tags",      "tag-list", "byline",    "dateline"};

// Labels that open a line promoting another page.
constexpr std::array<std::string_view, 10> kPromoLabels = {
    "related:",        "read more", "see also:",    "also read", "don't miss",
    "don\u2019t miss", "more:",     "recommended:", "subscribe", "click here"};

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

}  // namespace

bool is_unlikely_match(std::string_view match) {
  return contains_any(match, kUnlikely) && !contains_any(match, kMaybe);
}

bool is_unlikely_role(std::string_view role) {
  return std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(), role) != kUnlikelyRoles.end();
}

bool is_in_article_boilerplate(std::string_view match) {
  return contains_any(match, kInArticleBoilerplate);
}

bool starts_with_promo_label(std::string_view text) {
  return std::any_of(kPromoLabels.begin(), kPromoLabels.end(),
                     [&](std::string_view label) { return text.starts_with(label); });
}

// The class/id words split at non-alphanumerics: Readability's \b-bounded matches.
bool has_word(std::string_view text, std::string_view word) {
  std::size_t pos = 0;
  while ((pos = text.find(word, pos)) != std::string_view::npos) {
    const bool start = pos == 0 || !std::isalnum(static_cast<unsigned char>(text[pos - 1]));
    const std::size_t end = pos + word.size();
    const bool stop = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (start && stop) return true;
    pos = end;
  }
  return false;
}

int hint_weight(std::string_view value) {
  if (value.empty()) return 0;
  const std::string lower = detail::to_lower_ascii(value);
  int weight = 0;
  if (contains_any(lower, kNegative) || has_word(lower, "hid")) weight -= 25;
  if (contains_any(lower, kPositive)) weight += 25;
  return weight;
}

bool is_heading_tag(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

double text_similarity(const std::string& a, const std::string& b) {
  const auto wa = detail::lower_words(a);
  const auto wb = detail::lower_words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t total = 0;
  std::size_t missing = 0;
  for (const auto& w : wb) {
    total += w.size() + 1;
    if (std::find(wa.begin(), wa.end(), w) == wa.end()) missing += w.size() + 1;
  }
  return 1.0 - static_cast<double>(missing) / static_cast<double>(total);
}

bool is_allowed_video(std::string_view src) {
  for (std::string_view host :
       {"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "dailymotion.com", "v.qq.com",
        "bilibili.com", "archive.org", "upload.wikimedia.org", "player.twitch.tv"}) {
    if (src.find(host) != std::string_view::npos) return true;
  }
  return false;
}

bool is_textish(std::string_view tag) {
  return tag == "span" || tag == "li" || tag == "td" || tag == "blockquote" || tag == "dl" ||
         tag == "div" || tag == "img" || tag == "ol" || tag == "p" || tag == "pre" ||
         tag == "table" || tag == "ul";
}

bool is_ad_or_loading(const std::string& text) {
  const std::string lower = detail::to_lower_ascii(text);
  for (std::string_view word : {"ad", "advertising", "advertisement", "pub", "publicité", "werbung",
                                "广告", "реклама", "anuncio", "loading", "loading...", "loading…",
                                "chargement", "cargando", "正在加载", "загрузка"}) {
    if (lower == word) return true;
  }
  return false;
}

}  // namespace galley::html
