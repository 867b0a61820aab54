#include "detail/url.hpp"

#include <cctype>
#include <vector>

#include "detail/text.hpp"

namespace galley::detail {
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

}  // namespace galley::detail
