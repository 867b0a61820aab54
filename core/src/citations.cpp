#include "detail/citations.hpp"

namespace galley::detail {

namespace {
constexpr std::string_view kCitationPrefix = "#";
}

std::string citation_url(std::string_view id) {
  return std::string(kCitationPrefix) + std::string(id);
}

ReferenceIndex::ReferenceIndex(const std::vector<Reference>& references) {
  for (std::size_t i = 0; i < references.size(); ++i) {
    if (!references[i].id.empty()) numbers_.try_emplace(references[i].id, static_cast<int>(i) + 1);
  }
}

int ReferenceIndex::cited(std::string_view url) const {
  if (!url.starts_with(kCitationPrefix)) return 0;
  const auto it = numbers_.find(url.substr(kCitationPrefix.size()));
  return it == numbers_.end() ? 0 : it->second;
}

}  // namespace galley::detail
