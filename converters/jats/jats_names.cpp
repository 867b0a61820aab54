#include "jats_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "detail/prose.hpp"
#include "detail/text.hpp"

namespace galley::jats {
namespace {

bool is_latin_letter(char32_t cp) noexcept {
  if (cp < 0x80) return std::isalpha(static_cast<int>(cp)) != 0;
  const bool latin1 = cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
  return latin1 || (cp >= 0x1E00 && cp <= 0x1EFF);
}

bool is_name_token(std::string_view token) {
  std::size_t pos = 0;
  bool previous_letter = false;
  while (pos < token.size()) {
    const char32_t cp = detail::next_code_point(token, pos);
    if (is_latin_letter(cp)) {
      previous_letter = true;
      continue;
    }
    const bool joiner = cp == '-' || cp == '\'' || cp == 0x2019;
    const bool final_period = cp == '.' && pos == token.size();
    if (!previous_letter || !(joiner || final_period)) return false;
    if (joiner && pos == token.size()) return false;
    previous_letter = false;
  }
  return true;
}

bool is_suffix(std::string_view token) {
  static constexpr std::array<std::string_view, 9> kSuffixes = {"jr",  "jr.", "sr",  "sr.", "ii",
                                                                "iii", "iv",  "phd", "md"};
  const std::string lower = detail::to_lower_ascii(token);
  return std::find(kSuffixes.begin(), kSuffixes.end(), lower) != kSuffixes.end();
}

bool is_page_token(std::string_view token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
}

bool is_number(std::string_view token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// The position and length of the one dash between two page numbers (hyphen, en or em
// dash, Unicode hyphens), or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> page_dash(std::string_view text) {
  std::optional<std::pair<std::size_t, std::size_t>> found;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = detail::next_code_point(text, pos);
    if (cp != '-' && (cp < 0x2010 || cp > 0x2014)) continue;
    if (found) return std::nullopt;
    found = std::pair{start, pos - start};
  }
  return found;
}

}  // namespace

std::optional<PageSpan> split_pages(std::string_view pages) {
  pages = detail::trim(pages);
  if (pages.empty()) return std::nullopt;
  if (const auto dash = page_dash(pages)) {
    const std::string_view first = detail::trim(pages.substr(0, dash->first));
    const std::string_view last = detail::trim(pages.substr(dash->first + dash->second));
    if (is_page_token(first) && is_page_token(last)) {
      return PageSpan{PageSpan::Kind::Pages, std::string(first), std::string(last)};
    }
  } else if (is_number(pages)) {
    return PageSpan{PageSpan::Kind::Pages, std::string(pages), {}};
  } else if (is_page_token(pages)) {
    return PageSpan{PageSpan::Kind::ElocationId, std::string(pages), {}};
  }
  return PageSpan{PageSpan::Kind::PageRange, std::string(pages), {}};
}

std::optional<SplitName> split_name(std::string_view name) {
  const std::vector<std::string_view> tokens = detail::split_whitespace(name);
  if (tokens.size() < 2) return std::nullopt;
  for (std::string_view token : tokens) {
    if (!is_name_token(token) || detail::opening_of(token).lower || is_suffix(token))
      return std::nullopt;
  }
  if (tokens.back().ends_with('.')) return std::nullopt;
  SplitName split;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (i > 0) split.given_names += ' ';
    split.given_names += tokens[i];
  }
  split.surname = tokens.back();
  return split;
}

}  // namespace galley::jats
