#include "detail/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "detail/text.hpp"

namespace galley::detail {
namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return pred(static_cast<unsigned char>(c)); });
}
bool is_alpha(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, std::isalpha);
}
bool is_alnum(std::string_view s, std::size_t min, std::size_t max) {
  return s.size() >= min && s.size() <= max && all_of(s, std::isalnum);
}
bool is_digits(std::string_view s, std::size_t n) {
  return s.size() == n && all_of(s, std::isdigit);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// RFC 5646 section 2.1 langtag: language [-extlang] [-script] [-region] *(-variant)
// *(-extension) [-privateuse]; a private-use tag ("x-...") on its own is accepted too.
bool is_well_formed(const std::vector<std::string_view>& subtags) {
  std::size_t i = 0;
  const auto at = [&](std::size_t k) {
    return k < subtags.size() ? subtags[k] : std::string_view{};
  };
  if (at(0) != "x") {
    if (!is_alpha(at(0), 2, 8) || at(0).size() == 4) return false;
    ++i;
    for (int n = 0; n < 3 && at(0).size() <= 3 && is_alpha(at(i), 3, 3); ++n) ++i;
    if (is_alpha(at(i), 4, 4)) ++i;
    if (is_alpha(at(i), 2, 2) || is_digits(at(i), 3)) ++i;
    while (is_alnum(at(i), 5, 8) ||
           (at(i).size() == 4 && std::isdigit(static_cast<unsigned char>(at(i)[0])) &&
            is_alnum(at(i), 4, 4))) {
      ++i;
    }
    while (at(i).size() == 1 && at(i) != "x" && is_alnum(at(i), 1, 1)) {
      ++i;
      if (!is_alnum(at(i), 2, 8)) return false;
      while (is_alnum(at(i), 2, 8)) ++i;
    }
  }
  if (at(i) == "x") {
    ++i;
    if (!is_alnum(at(i), 1, 8)) return false;
    while (is_alnum(at(i), 1, 8)) ++i;
  }
  return i == subtags.size();
}

}  // namespace

std::optional<std::string> normalize_language_tag(std::string_view tag) {
  std::string cleaned(trim(tag));
  std::replace(cleaned.begin(), cleaned.end(), '_', '-');
  const auto subtags = split(cleaned, '-');
  if (cleaned.empty() || !is_well_formed(subtags)) return std::nullopt;
  // Conventional case (RFC 5646 2.1.1): language lower, script title, region upper.
  std::string out;
  for (std::size_t i = 0; i < subtags.size(); ++i) {
    std::string sub = to_lower_ascii(subtags[i]);
    if (i > 0 && sub.size() == 4 && std::isalpha(static_cast<unsigned char>(sub[0])) &&
        subtags[i - 1].size() != 1) {
      sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
    } else if (i > 0 && sub.size() == 2 && subtags[i - 1].size() != 1) {
      std::transform(sub.begin(), sub.end(), sub.begin(), [](char c) {
        return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      });
    }
    if (i > 0) out += '-';
    out += sub;
  }
  return out;
}

bool is_rtl_language(std::string_view tag) {
  static constexpr std::array<std::string_view, 7> kRtlScripts = {"arab", "hebr", "syrc", "thaa",
                                                                  "nkoo", "adlm", "rohg"};
  static constexpr std::array<std::string_view, 17> kRtlLanguages = {
      "ar", "arc", "ckb", "dv",  "fa", "he", "iw", "ji", "khw",
      "ks", "ps",  "sd",  "syr", "ug", "ur", "yi", "prs"};
  const std::string lower = to_lower_ascii(trim(tag));
  const auto subtags = split(lower, '-');
  for (std::size_t i = 1; i < subtags.size() && subtags[i].size() != 1; ++i) {
    if (subtags[i].size() == 4 && std::isalpha(static_cast<unsigned char>(subtags[i][0]))) {
      return std::find(kRtlScripts.begin(), kRtlScripts.end(), subtags[i]) != kRtlScripts.end();
    }
  }
  return std::find(kRtlLanguages.begin(), kRtlLanguages.end(), subtags[0]) != kRtlLanguages.end();
}

}  // namespace galley::detail
