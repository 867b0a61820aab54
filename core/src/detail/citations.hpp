// In-text citations as the model carries them: a Link whose url is "#" and the id of
// the reference it cites (set by link_citations). Writers that number references
// (EPUB, JATS) turn such a link into a link to the numbered entry. Internal to galley.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>

namespace galley::detail {

/// The url of a link citing the reference called `id`: "#ref-12".
std::string citation_url(std::string_view id);

/// The references numbered 1, 2, ... in order, found by the url of a citation.
class ReferenceIndex {
 public:
  explicit ReferenceIndex(const std::vector<Reference>& references);
  /// The number of the reference a citation's `url` names, or 0 when it names none
  /// (an ordinary link, or a reference that is not there). A repeated id names the
  /// first reference that has it.
  int cited(std::string_view url) const;

 private:
  std::map<std::string, int, std::less<>> numbers_;
};

}  // namespace galley::detail
