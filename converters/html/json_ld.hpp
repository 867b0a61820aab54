// The page's schema.org JSON-LD: the object that describes the article, and its
// values read leniently (a string, an object with a name, or a list of either), shared
// by the general metadata (html_metadata.cpp) and the scholarly fields
// (scholarly_metadata.cpp), so there is one walker over the page's JSON-LD.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace galley::html {

using Json = nlohmann::json;

/// The article object among the page's JSON-LD blocks (top level, in an array, or in an
/// @graph), or a null Json when none has an article type.
Json find_article_json(const std::vector<std::string>& blocks);

/// The web page object the same way (WebPage, ItemPage): where Yoast's @graph puts the
/// publication date of a post it types no further.
Json find_page_json(const std::vector<std::string>& blocks);

/// True when the object's @type is one of `types`.
bool has_json_type(const Json& item, std::initializer_list<std::string_view> types);

/// The member `key` of an object; a null Json when `object` is no object or lacks it.
const Json& json_member(const Json& object, std::string_view key);

/// A value as text: a string, an object's "name", or the first of a list of either;
/// whitespace collapsed. "" when absent.
std::string json_string(const Json& object, std::string_view key);

/// The string value of the first of `keys` met in the JSON `blocks`, the shallowest
/// first (a page's state: {"props": {"data": {"publicationDate": "…"}}}); empty when
/// none holds one. A bounded number of values is looked at.
std::string find_json_value(const std::vector<std::string>& blocks,
                            std::initializer_list<std::string_view> keys);

}  // namespace galley::html
