// Finding the article among the page's boilerplate: Readability's content scoring
// (paragraph length, commas, link density, class/id hints) with sibling merging and
// conditional cleaning, plus the signals a saved page gives for free (<article>,
// itemprop=articleBody, the JSON-LD articleBody).
#pragma once

#include <string>
#include <vector>

#include "dom.hpp"

namespace galley::html {

struct ContentHints {
  std::string title;             ///< the article title: a heading repeating it is dropped
  std::vector<NodeId> excluded;  ///< nodes known not to be body (the byline element)
  std::string json_ld_body;      ///< JSON-LD articleBody, when the page has one
};

struct Content {
  std::vector<NodeId> roots;  ///< subtrees that make the article, in document order
  std::vector<bool> skipped;  ///< nodes inside them removed as boilerplate
  bool found = false;         ///< false when the page had no recognisable article
};

/// Chooses the article content of `dom`.
Content select_content(const Dom& dom, const ContentHints& hints);

/// Readability's class/id weight: +25 per positive hint ("article", "content"),
/// -25 per negative one ("comment", "sidebar"), for the class and the id.
int class_weight(const Dom& dom, NodeId id);

}  // namespace galley::html
