// URLs: resolution of relative references for readers (RFC 3986 section 5), and
// the links and data: URIs writers may emit. Internal to galley.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::detail {

/// True when `url` starts with a scheme ("https:", "mailto:").
bool has_url_scheme(std::string_view url) noexcept;

/// The first http or https URL printed in `text`: up to the next white space, the
/// punctuation that closes a sentence (. , ;) and a ')' the URL did not open left out.
std::optional<std::string_view> find_http_url(std::string_view text);

/// Resolves `reference` against the absolute URL `base`. Returns `reference` unchanged
/// when it is already absolute or `base` is not an absolute hierarchical URL.
std::string resolve_url(std::string_view base, std::string_view reference);

/// True for link targets that run code or smuggle content: javascript:, vbscript: and
/// data: URLs (case and surrounding whitespace ignored). Readers and writers drop such
/// links and keep their text.
bool is_script_or_data_url(std::string_view url) noexcept;

/// The link target to write for `url`, or nullopt when the link should be dropped
/// (its text kept). Kept: http and https URLs with a host, and mailto: with an
/// address. Dropped: javascript:, vbscript:, data: and every other scheme, and
/// relative and fragment-only links, which point into a page the output does not contain.
/// Characters not allowed in a URI (spaces, non-ASCII bytes, <>"{}|\^`, a second '#',
/// a '%' not starting an escape) are percent-encoded.
std::optional<std::string> safe_link_url(std::string_view url);

/// The file a relative reference names, as a '/'-separated path below the document's
/// folder: query and fragment removed, percent-escapes decoded, "." segments dropped
/// and ".." applied. Nullopt for absolute URLs, rooted ("/x", "//host/x") and
/// fragment-only references, and paths that climb out of the folder or carry a
/// backslash or control character.
std::optional<std::string> relative_file_path(std::string_view reference);

/// RFC 4648 base64 with padding.
std::string base64_encode(std::string_view bytes);

/// Decodes base64 (standard or URL-safe alphabet, whitespace ignored), or nullopt when
/// `text` is not base64.
std::optional<std::string> base64_decode(std::string_view text);

/// A media type without its parameters, in lower case: "text/html; charset=UTF-8"
/// gives "text/html".
std::string media_type_essence(std::string_view media_type);

/// The value of parameter `name` of a media type, unquoted: "text/html;
/// charset=\"utf-8\"" and "charset" give "utf-8"; "" when absent.
std::string media_type_parameter(std::string_view media_type, std::string_view name);

/// A decoded data: URI.
struct DataUri {
  std::string media_type;  ///< lower case, parameters removed; "text/plain" when absent
  std::string data;        ///< the decoded bytes
};

/// Decodes a data: URI (base64 or percent-encoded), or nullopt when `uri` is not a
/// well-formed one.
std::optional<DataUri> parse_data_uri(std::string_view uri);

}  // namespace galley::detail
