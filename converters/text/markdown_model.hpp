// Markdown-flavoured text to article blocks, through cmark (CommonMark 0.30).
#pragma once

#include <string>
#include <string_view>

#include <galley/article.hpp>
#include <galley/error.hpp>

#include "detail/resources.hpp"

namespace galley::text {

/// Parses `source` (UTF-8, LF line endings) as CommonMark and converts the tree to
/// blocks, with the plain-text guards described in markdown_model.cpp. Nesting deeper
/// than a fixed limit is flattened to text with a warning naming `input_name`. Images
/// saved beside the input are embedded through `images`.
Blocks markdown_to_blocks(std::string_view source, const std::string& input_name, Diagnostics& diag,
                          detail::ResourceCollector& images);

}  // namespace galley::text
