// Bytes to Dom: encoding detection, libxml2's HTML parser with recovery and no
// network or entity loading, and the walk that copies its tree into a Dom.
#pragma once

#include <string>
#include <string_view>

#include <galley/error.hpp>
#include <galley/format.hpp>

#include "dom.hpp"

namespace galley::html {

/// The encoding to read `bytes` with: a BOM, then bytes that are valid UTF-8, then a
/// <meta charset> or http-equiv declaration in the first 4 KiB, then "windows-1252".
/// Returns a lower-case name ("utf-8", "utf-16le", "gb2312").
std::string choose_encoding(std::string_view bytes);

/// The charset a <meta> tag in `head` declares, lower-cased, or "".
std::string declared_charset(std::string_view head);

/// Parses an HTML page; elements nested deeper than `max_depth` (see
/// ReadOptions::max_depth) are flattened into their ancestor. Parser complaints that
/// matter (truncation, flattening, an unknown charset) become warnings named after `name`.
Dom parse_html(std::string_view bytes, const std::string& name, int max_depth, Diagnostics& diag);

}  // namespace galley::html
