// Bounds on the markup a page hands to libxml2, applied to its bytes before libxml2
// reads them: libxml2 2.9's HTML parser compares each attribute with every earlier one
// of its element and appends it by walking the element's list, so an element costs the
// square of its attribute count (50,000 attributes: 8 s of CPU in one call that no
// time budget can interrupt).
#pragma once

#include <cstddef>
#include <string>

namespace galley::html {

/// The most markup one page may carry (README and SECURITY.md, "Limits"), far above
/// real pages: among 800 saved news and blog pages the busiest element has 52 attributes
/// and the largest page 11,529 elements and 17,735 attributes.
struct MarkupLimits {
  std::size_t attributes_per_element = 256;  ///< later ones on the element are dropped
  std::size_t attributes = 1'000'000;        ///< on the page; later ones are dropped
  std::size_t nodes = 1'000'000;             ///< elements, comments and processing
                                             ///< instructions; a page with more is refused
  /// Open elements libxml2 may search for end tags that close none or may not close
  /// them (each such end tag, and each <body> inside the body, searches up to all: 20,000
  /// of them in 20,000 nested elements cost 12 s); a page past it is refused while it is
  /// parsed (parse_html), not by limit_markup(). The busiest of the 800 pages searches 38,459.
  std::size_t searched_elements = 25'000'000;
};

/// What limit_markup() found and changed.
struct MarkupCount {
  std::size_t nodes = 0;            ///< counting stops at limits.nodes + 1
  std::size_t attributes = 0;       ///< attributes kept
  std::size_t dropped = 0;          ///< attributes removed from the page
  std::size_t most_attributes = 0;  ///< the most one element carried
};

/// Reads `html` (UTF-8 without NULs or other C0 controls but tab, LF and CR) the way
/// libxml2 2.9's HTML parser tokenizes it, counts its nodes and attributes, and removes
/// the attributes past `limits` from it. An end tag inside a script or style element
/// that libxml2 would match against its open elements ("</p>" right after "<script>",
/// "</scripts>") gets a space after "</", so it stays script text as browsers read it and
/// the reading above stays exact. Stops reading once the node limit is passed.
MarkupCount limit_markup(std::string& html, const MarkupLimits& limits);

}  // namespace galley::html
