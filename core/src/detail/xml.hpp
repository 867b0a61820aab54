// XML output helpers shared by the XML-based writers (EPUB's XHTML, JATS): escaping
// and removal of what XML 1.0 cannot carry. Internal to galley.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <string_view>

namespace galley::detail {

/// True when `cp` may appear in an XML 1.0 document and is not a control character:
/// tab, line feed, carriage return, U+0020..U+D7FF minus DEL and the C1 controls
/// (U+007F..U+009F, legal but "discouraged" and never meaningful text),
/// U+E000..U+FFFD and U+10000..U+10FFFF.
bool is_xml_char(char32_t cp) noexcept;

/// Appends `text` escaped for XML character data and double-quoted attribute values:
/// &, <, > and " become references; characters for which is_xml_char is false and
/// invalid UTF-8 sequences (including encoded surrogates) are removed.
void append_xml_escaped(std::string& out, std::string_view text);

/// append_xml_escaped into a new string.
std::string xml_escape(std::string_view text);

/// True when `text` keeps something other than whitespace once cleaned for XML, so
/// an element made from it would not be empty (validators refuse empty titles).
bool has_xml_text(std::string_view text);

/// True when `value` is known and has_xml_text: an optional field worth an element.
/// (A template, so that a string never converts to an optional to get here.)
template <std::same_as<std::optional<std::string>> Optional>
bool has_xml_text(const Optional& value) {
  return value && has_xml_text(*value);
}

}  // namespace galley::detail
