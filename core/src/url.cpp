#include "detail/url.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "detail/text.hpp"

namespace galley::detail {

// Resolution of relative references, for readers.

namespace {

struct UrlParts {
  std::string_view scheme;     // without ':'
  std::string_view authority;  // without "//"; empty when absent
  bool has_authority = false;
  std::string_view path;
  std::string_view query;  // with '?', or empty
};

UrlParts split(std::string_view url) {
  UrlParts parts;
  if (const std::size_t hash = url.find('#'); hash != std::string_view::npos) {
    url = url.substr(0, hash);
  }
  if (has_url_scheme(url)) {
    const std::size_t colon = url.find(':');
    parts.scheme = url.substr(0, colon);
    url.remove_prefix(colon + 1);
  }
  if (url.substr(0, 2) == "//") {
    url.remove_prefix(2);
    const std::size_t end = url.find_first_of("/?");
    parts.authority = url.substr(0, end);
    parts.has_authority = true;
    url = end == std::string_view::npos ? std::string_view{} : url.substr(end);
  }
  const std::size_t q = url.find('?');
  parts.path = url.substr(0, q);
  if (q != std::string_view::npos) parts.query = url.substr(q);
  return parts;
}

// RFC 3986 5.2.4: drops "." segments and lets ".." remove the segment before it.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  const bool absolute = !path.empty() && path.front() == '/';
  std::size_t pos = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (pos <= path.size()) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    const std::string_view segment = path.substr(pos, end - pos);
    trailing_slash = segment == "." || segment == "..";
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
    } else if (segment != ".") {
      out.push_back(segment);
    }
    pos = end + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i > 0) result += '/';
    result += out[i];
  }
  if (trailing_slash && !out.empty()) result += '/';
  return result;
}

}  // namespace

std::optional<std::string_view> find_http_url(std::string_view text) {
  const std::size_t at = std::min(text.find("http://"), text.find("https://"));
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t end = at;
  while (end < text.size() && !is_ascii_space(text[end])) ++end;
  std::string_view url = text.substr(at, end - at);
  while (!url.empty() && (url.back() == '.' || url.back() == ',' || url.back() == ';' ||
                          (url.back() == ')' && url.find('(') == std::string_view::npos))) {
    url.remove_suffix(1);
  }
  return url;
}

bool has_url_scheme(std::string_view url) noexcept {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url.front()))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

std::string resolve_url(std::string_view base, std::string_view reference) {
  reference = trim(reference);
  if (has_url_scheme(reference)) return std::string(reference);
  const UrlParts b = split(trim(base));
  if (b.scheme.empty() || !b.has_authority) return std::string(reference);
  std::string prefix = std::string(b.scheme) + ":";
  if (reference.substr(0, 2) == "//") return prefix + std::string(reference);
  prefix += "//" + std::string(b.authority);
  if (reference.empty()) return prefix + std::string(b.path) + std::string(b.query);
  if (reference.front() == '#') {
    return prefix + std::string(b.path) + std::string(b.query) + std::string(reference);
  }
  if (reference.front() == '?') return prefix + std::string(b.path) + std::string(reference);
  const std::size_t tail = reference.find_first_of("?#");
  const std::string_view ref_path = reference.substr(0, tail);
  const std::string_view rest =
      tail == std::string_view::npos ? std::string_view{} : reference.substr(tail);
  std::string merged;
  if (ref_path.front() == '/') {
    merged = std::string(ref_path);
  } else {
    const std::size_t slash = b.path.rfind('/');
    merged = slash == std::string_view::npos ? "/" : std::string(b.path.substr(0, slash + 1));
    merged += ref_path;
  }
  return prefix + remove_dot_segments(merged) + std::string(rest);
}

// Links and data: URIs, for writers.

namespace {

bool is_hex(char c) noexcept { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

std::string percent_encode(std::string_view url) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  static constexpr std::string_view kUnsafe = " \"<>\\^`{|}[]";
  std::string out;
  bool seen_fragment = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    const bool escape_start =
        c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]);
    const bool second_hash = c == '#' && seen_fragment;
    if (c == '#') seen_fragment = true;
    if (c < 0x21 || c >= 0x7F || kUnsafe.find(static_cast<char>(c)) != std::string_view::npos ||
        second_hash || (c == '%' && !escape_start)) {
      out += '%';
      out += kDigits[c >> 4];
      out += kDigits[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    if (c >= '0' && c <= '9') value = c - '0' + 52;
    if (c == '+' || c == '-') value = 62;
    if (c == '/' || c == '_') value = 63;
    if (c == '=') {
      padding = true;
      continue;
    }
    if (value < 0) {
      if (is_ascii_space(c)) continue;
      return std::nullopt;
    }
    if (padding) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  if (bits >= 6) return std::nullopt;  // a lone sextet cannot end a base64 text
  return out;
}

std::string base64_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    unsigned group = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      group <<= 8;
      if (k < n) group |= static_cast<unsigned char>(bytes[i + k]);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

namespace {

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && is_hex(text[i + 1]) && is_hex(text[i + 2])) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> relative_file_path(std::string_view reference) {
  reference = trim(reference);
  reference = reference.substr(0, reference.find_first_of("?#"));
  if (reference.empty() || reference.front() == '/' || has_url_scheme(reference)) {
    return std::nullopt;
  }
  const std::string decoded = percent_decode(reference);
  std::vector<std::string_view> segments;
  std::size_t pos = 0;
  while (pos <= decoded.size()) {
    const std::size_t end = std::min(decoded.find('/', pos), decoded.size());
    const std::string_view segment = std::string_view(decoded).substr(pos, end - pos);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    pos = end + 1;
  }
  std::string path;
  for (const std::string_view segment : segments) {
    for (const char c : segment) {
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return std::nullopt;
    }
    if (!path.empty()) path += '/';
    path += segment;
  }
  if (path.empty() || decoded.back() == '/') return std::nullopt;
  return path;
}

bool is_script_or_data_url(std::string_view url) noexcept {
  url = trim(url);
  return starts_with_icase(url, "javascript:") || starts_with_icase(url, "vbscript:") ||
         starts_with_icase(url, "data:");
}

std::optional<std::string> safe_link_url(std::string_view url) {
  url = trim(url);
  std::string_view rest;
  if (starts_with_icase(url, "http://")) {
    rest = url.substr(7);
  } else if (starts_with_icase(url, "https://")) {
    rest = url.substr(8);
  } else if (starts_with_icase(url, "mailto:")) {
    rest = url.substr(7);
  } else {
    return std::nullopt;
  }
  if (rest.empty() || rest.find_first_of("/?#") == 0) return std::nullopt;
  return percent_encode(url);
}

std::string media_type_essence(std::string_view media_type) {
  return to_lower_ascii(trim(media_type.substr(0, media_type.find(';'))));
}

std::string media_type_parameter(std::string_view media_type, std::string_view name) {
  std::size_t semicolon = media_type.find(';');
  while (semicolon != std::string_view::npos) {
    const std::size_t next = media_type.find(';', semicolon + 1);
    const std::string_view part = media_type.substr(semicolon + 1, next - semicolon - 1);
    semicolon = next;
    const std::size_t equals = part.find('=');
    if (equals == std::string_view::npos || !equals_icase(trim(part.substr(0, equals)), name)) {
      continue;
    }
    std::string_view value = trim(part.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

std::optional<DataUri> parse_data_uri(std::string_view uri) {
  uri = trim(uri);
  if (!starts_with_icase(uri, "data:")) return std::nullopt;
  const std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const std::string header = to_lower_ascii(uri.substr(5, comma - 5));
  const std::string_view payload = uri.substr(comma + 1);
  const bool base64 = header.size() >= 7 && header.ends_with(";base64");
  DataUri result;
  result.media_type = std::string(trim(header.substr(0, header.find(';'))));
  if (result.media_type.empty()) result.media_type = "text/plain";
  if (base64) {
    auto decoded = base64_decode(percent_decode(payload));
    if (!decoded) return std::nullopt;
    result.data = std::move(*decoded);
  } else {
    result.data = percent_decode(payload);
  }
  return result;
}

}  // namespace galley::detail
