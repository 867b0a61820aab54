// Dom subtrees to article blocks: paragraphs, headings, lists, quotes, tables,
// figures, code, and the inline markup inside them.
#pragma once

#include <string>
#include <vector>

#include <galley/article.hpp>

#include "detail/resources.hpp"
#include "dom.hpp"

namespace galley::html {

struct ConvertOptions {
  std::string base_url;       ///< resolves relative links and image sources
  std::vector<bool> skipped;  ///< nodes left out (with their subtrees); may be empty
  detail::ResourceCollector* images = nullptr;  ///< embeds images saved with the page
};

/// Converts each subtree in `roots`, in order, into blocks. Whitespace is collapsed as
/// a browser would; every block boundary in the page is a block boundary here.
Blocks convert_blocks(const Dom& dom, const std::vector<NodeId>& roots,
                      const ConvertOptions& options);

/// The source of an <img>: src, or the lazy-loading attribute that holds the real one.
std::string image_source(const Dom& dom, NodeId img);

/// True when a <table> holds data rather than page layout (Readability's rules).
bool is_data_table(const Dom& dom, NodeId table);

}  // namespace galley::html
