// Bytes to Dom: encoding detection, the markup limits, libxml2's HTML parser with
// recovery and no network or entity loading, and the walk that copies its tree into a Dom.
#pragma once

#include <string>
#include <string_view>

#include <galley/error.hpp>
#include <galley/format.hpp>

#include "dom.hpp"

namespace galley::html {

/// The encoding to read `bytes` with: a BOM, then bytes that are valid UTF-8, then the
/// charset the server declared (`transport_charset`, from Content-Type), then a <meta
/// charset> or http-equiv declaration in the first 4 KiB, then "windows-1252". The
/// server comes before the page, as in browsers. Returns a lower-case name ("utf-8",
/// "utf-16le", "gb2312").
std::string choose_encoding(std::string_view bytes, std::string_view transport_charset = {});

/// The charset a <meta> tag in `head` declares, lower-cased, or "".
std::string declared_charset(std::string_view head);

/// Parses an HTML page; elements nested deeper than ReadOptions::max_depth are flattened
/// into their ancestor, and attributes past MarkupLimits (markup_limits.hpp) are dropped.
/// Parser complaints that matter (truncation, flattening, dropping, an unknown charset)
/// become warnings named after `name`. Throws Error{LimitExceeded} for a page with more
/// nodes than MarkupLimits allows, and the Error of ReadOptions' time budget or stop
/// token when either runs out during the parse. `transport_charset` is what the server
/// declared (see choose_encoding).
Dom parse_html(std::string_view bytes, const std::string& name, const ReadOptions& options,
               Diagnostics& diag, std::string_view transport_charset = {});

}  // namespace galley::html
