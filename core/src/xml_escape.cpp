#include "detail/xml.hpp"

#include "detail/text.hpp"

namespace galley::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// next_code_point() reports invalid bytes as U+FFFD; tell those apart from a real
// U+FFFD in the text, which is kept.
bool is_real_replacement(std::string_view text, std::size_t start) noexcept {
  return text.substr(start, 3) == "\xEF\xBF\xBD";
}

// Printable ASCII that needs no escaping.
bool is_plain_ascii(unsigned char c) noexcept {
  return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && c != '"';
}

}  // namespace

bool is_xml_char(char32_t cp) noexcept {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0x7F && cp <= 0x9F) return false;
  if (cp <= 0xD7FF) return true;
  if (cp >= 0xE000 && cp <= 0xFFFD) return true;
  return cp >= 0x10000 && cp <= 0x10FFFF;
}

void append_xml_escaped(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Copy the run of plain printable ASCII at once; most text is nothing else.
    const std::size_t run_start = pos;
    while (pos < text.size() && is_plain_ascii(static_cast<unsigned char>(text[pos]))) ++pos;
    out.append(text.substr(run_start, pos - run_start));
    if (pos == text.size()) break;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      ++pos;
      switch (byte) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        default:
          if (is_xml_char(byte)) out += static_cast<char>(byte);
      }
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == kReplacement && !is_real_replacement(text, start)) continue;
    if (is_xml_char(cp)) out.append(text.substr(start, pos - start));
  }
}

std::string xml_escape(std::string_view text) {
  std::string out;
  append_xml_escaped(out, text);
  return out;
}

}  // namespace galley::detail
