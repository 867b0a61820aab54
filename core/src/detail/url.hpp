// URL reference resolution (RFC 3986 section 5) for readers that meet relative links.
// Internal to galley.
#pragma once

#include <string>
#include <string_view>

namespace galley::detail {

/// True when `url` starts with a scheme ("https:", "mailto:").
bool has_url_scheme(std::string_view url) noexcept;

/// Resolves `reference` against the absolute URL `base`. Returns `reference` unchanged
/// when it is already absolute or `base` is not an absolute hierarchical URL.
std::string resolve_url(std::string_view base, std::string_view reference);

}  // namespace galley::detail
