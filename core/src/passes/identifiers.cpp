// Persistent identifiers printed in articles and their metadata.
#include <algorithm>
#include <cctype>
#include <string>

#include <galley/recover.hpp>

namespace galley {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// A DOI's suffix may hold almost any printable character; it ends at white space or at
// a character that quotes or delimits it in running text or markup.
bool ends_suffix(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '<' || c == '>' ||
         c == '\'' || c == '\0';
}

// The registrant part "10.NNNN" (4 to 9 digits, as the DOI handbook allows for the
// registrants Crossref and DataCite issue, sub-prefixes of any length: "10.1000.10") and the
// '/' after it; returns where the suffix starts, or npos.
std::size_t prefix_end(std::string_view text, std::size_t at) {
  if (text.substr(at, 3) != "10.") return std::string_view::npos;
  std::size_t i = at + 3;
  for (bool first = true;; first = false) {
    const std::size_t digits_from = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    const std::size_t digits = i - digits_from;
    if (first ? digits < 4 || digits > 9 : digits == 0) return std::string_view::npos;
    if (i < text.size() && text[i] == '.') {
      ++i;
      continue;
    }
    return i < text.size() && text[i] == '/' ? i + 1 : std::string_view::npos;
  }
}

// Punctuation that closes the sentence or bracket around a DOI is not part of it:
// "(doi:10.1/abc)." keeps "10.1/abc"; a ')' stays when the DOI opened one itself, as
// in "10.1016/0010-0277(94)90030-2".
std::string_view trim_trailing_punctuation(std::string_view doi) {
  for (;;) {
    if (doi.empty()) return doi;
    const char last = doi.back();
    if (last == '.' || last == ',' || last == ';' || last == ':') {
      doi.remove_suffix(1);
    } else if (last == ')' || last == ']' || last == '}') {
      const char open = last == ')' ? '(' : last == ']' ? '[' : '{';
      if (std::count(doi.begin(), doi.end(), open) >= std::count(doi.begin(), doi.end(), last)) {
        return doi;
      }
      doi.remove_suffix(1);
    } else {
      return doi;
    }
  }
}

}  // namespace

std::optional<std::string> find_doi(std::string_view text) {
  for (std::size_t at = text.find("10."); at != std::string_view::npos;
       at = text.find("10.", at + 1)) {
    // "2010.1234/5" is a number, not a DOI: the prefix starts a word, a path segment
    // ("doi.org/10.") or follows "doi:".
    if (at > 0 &&
        (is_digit(text[at - 1]) || std::isalpha(static_cast<unsigned char>(text[at - 1])))) {
      continue;
    }
    const std::size_t suffix = prefix_end(text, at);
    if (suffix == std::string_view::npos) continue;
    std::size_t end = suffix;
    while (end < text.size() && !ends_suffix(text[end])) ++end;
    const std::string_view doi = trim_trailing_punctuation(text.substr(at, end - at));
    if (doi.size() > suffix - at) return std::string(doi);
  }
  return std::nullopt;
}

}  // namespace galley
