#include "detail/iso_date.hpp"

#include <cstdio>

namespace galley::detail {
namespace {

std::optional<int> digits(std::string_view text) noexcept {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string to_iso_date(std::chrono::year_month_day date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::string to_iso_date(std::chrono::year_month date) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()));
  return buffer;
}

std::string to_iso_date(std::chrono::year date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", static_cast<int>(date));
  return buffer;
}

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<std::string> writable_iso_date(
    const std::optional<std::chrono::year_month_day>& date) {
  if (!date || !date->ok() || date->year() < std::chrono::year(1) ||
      date->year() > std::chrono::year(9999)) {
    return std::nullopt;
  }
  return to_iso_date(*date);
}

std::optional<std::string> writable_publication_date(
    const std::optional<std::chrono::year_month_day>& date,
    const std::optional<std::string>& datetime) {
  if (auto day = writable_iso_date(date)) return day;
  if (!datetime) return std::nullopt;
  const std::string_view text = *datetime;
  if (text.size() != 4 && !(text.size() == 7 && text[4] == '-')) return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  if (!year || *year < 1) return std::nullopt;
  if (text.size() == 4) return std::string(text);
  const auto month = digits(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  return std::string(text);
}

}  // namespace galley::detail
