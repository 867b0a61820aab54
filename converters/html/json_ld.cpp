#include "json_ld.hpp"

#include <algorithm>
#include <array>

#include "detail/text.hpp"

namespace galley::html {
namespace {

std::string clean(std::string_view text) { return detail::collapse_whitespace(text); }

// schema.org types whose JSON-LD describes the article itself.
constexpr std::array<std::string_view, 20> kArticleTypes = {"Article",
                                                            "NewsArticle",
                                                            "BlogPosting",
                                                            "AnalysisNewsArticle",
                                                            "OpinionNewsArticle",
                                                            "ReportageNewsArticle",
                                                            "ReviewNewsArticle",
                                                            "BackgroundNewsArticle",
                                                            "AskPublicNewsArticle",
                                                            "SatiricalArticle",
                                                            "ScholarlyArticle",
                                                            "TechArticle",
                                                            "Report",
                                                            "SocialMediaPosting",
                                                            "LiveBlogPosting",
                                                            "DiscussionForumPosting",
                                                            "AdvertiserContentArticle",
                                                            "MedicalScholarlyArticle",
                                                            "APIReference",
                                                            "Review"};

// True when the object's @type (a string or a list) is one of [first, last).
template <class It>
bool type_in(const Json& item, It first, It last) {
  if (!item.is_object() || !item.contains("@type")) return false;
  auto matches = [&](const Json& t) {
    return t.is_string() && std::find(first, last, t.get<std::string>()) != last;
  };
  const Json& type = item["@type"];
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

}  // namespace

bool has_json_type(const Json& item, std::initializer_list<std::string_view> types) {
  return type_in(item, types.begin(), types.end());
}

namespace {

// The first object of one of the types [first, last) among the page's JSON-LD blocks:
// top level, in an array, or in an @graph. Only these levels are searched, so a deeply
// nested document costs nothing.
template <class It>
Json find_typed_json(const std::vector<std::string>& blocks, It first, It last) {
  for (const std::string& block : blocks) {
    // Pages often wrap the JSON in a CDATA section for old XHTML parsers.
    std::string_view text = detail::trim(block);
    if (text.starts_with("<![CDATA[")) text.remove_prefix(9);
    if (text.ends_with("]]>")) text.remove_suffix(3);
    Json root = Json::parse(text, nullptr, false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> items;
    auto add = [&](const Json& j) {
      if (j.is_array()) {
        for (const Json& e : j) items.push_back(&e);
      } else {
        items.push_back(&j);
      }
    };
    add(root);
    for (std::size_t i = 0, n = items.size(); i < n; ++i) {
      if (items[i]->is_object() && items[i]->contains("@graph")) add((*items[i])["@graph"]);
    }
    for (const Json* item : items) {
      if (type_in(*item, first, last)) return *item;
    }
  }
  return Json();
}

}  // namespace

Json find_article_json(const std::vector<std::string>& blocks) {
  return find_typed_json(blocks, kArticleTypes.begin(), kArticleTypes.end());
}

Json find_page_json(const std::vector<std::string>& blocks) {
  constexpr std::array<std::string_view, 2> kPageTypes = {"WebPage", "ItemPage"};
  return find_typed_json(blocks, kPageTypes.begin(), kPageTypes.end());
}

const Json& json_member(const Json& object, std::string_view key) {
  static const Json null_value;
  if (!object.is_object()) return null_value;
  const auto it = object.find(key);
  return it == object.end() ? null_value : *it;
}

std::string json_string(const Json& object, std::string_view key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return clean(it->get<std::string>());
  if (it->is_object()) return json_string(*it, "name");
  if (it->is_array() && !it->empty()) {
    const Json& first = it->front();
    if (first.is_string()) return clean(first.get<std::string>());
    if (first.is_object()) return json_string(first, "name");
  }
  return {};
}

std::string find_json_value(const std::vector<std::string>& blocks,
                            std::initializer_list<std::string_view> keys) {
  constexpr std::size_t kMaxValues = 200'000;
  std::size_t looked_at = 0;
  for (const std::string& block : blocks) {
    const Json root = Json::parse(block, nullptr, false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> level{&root};
    while (!level.empty() && looked_at < kMaxValues) {
      std::vector<const Json*> deeper;
      for (const Json* value : level) {
        if (++looked_at > kMaxValues) break;
        if (value->is_object()) {
          for (const std::string_view key : keys) {
            const Json& found = json_member(*value, key);
            if (found.is_string()) return clean(found.get<std::string>());
          }
        }
        if (value->is_object() || value->is_array()) {
          for (const Json& child : *value) deeper.push_back(&child);
        }
      }
      level = std::move(deeper);
    }
  }
  return {};
}

}  // namespace galley::html
