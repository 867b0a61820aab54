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

namespace {

// The clock reading of "YYYY-MM-DDTHH:MM[:SS[.fff]]" as if it were in UTC, and what
// follows it (the zone, or nothing).
struct ClockReading {
  std::chrono::sys_seconds at;
  std::string_view zone;
};

std::optional<ClockReading> read_clock(std::string_view text) noexcept {
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
    return std::nullopt;
  }
  const auto date = parse_iso_date(text.substr(0, 10));
  const auto hour = digits(text.substr(11, 2));
  const auto minute = digits(text.substr(14, 2));
  if (!date || !hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  std::size_t at = 16;
  int second = 0;
  if (at < text.size() && text[at] == ':') {
    if (at + 3 > text.size()) return std::nullopt;
    const auto s = digits(text.substr(at + 1, 2));
    if (!s || *s > 60) return std::nullopt;
    second = *s;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      for (++at; at < text.size() && text[at] >= '0' && text[at] <= '9';) ++at;
    }
  }
  return ClockReading{std::chrono::sys_days(*date) + std::chrono::hours(*hour) +
                          std::chrono::minutes(*minute) + std::chrono::seconds(second),
                      text.substr(at)};
}

}  // namespace

std::optional<std::chrono::sys_seconds> parse_iso_instant(std::string_view text) noexcept {
  // Z or an offset ±HH:MM / ±HHMM after the clock.
  const auto reading = read_clock(text);
  if (!reading) return std::nullopt;
  const std::string_view zone = reading->zone;
  int offset_minutes = 0;
  if (zone != "Z") {
    if (zone.size() < 5 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
    const auto oh = digits(zone.substr(1, 2));
    const auto om = digits(zone.substr(zone[3] == ':' ? 4 : 3, 2));
    if (!oh || !om || zone.size() != (zone[3] == ':' ? 6u : 5u)) return std::nullopt;
    offset_minutes = (*oh * 60 + *om) * (zone[0] == '-' ? -1 : 1);
  }
  return reading->at - std::chrono::minutes(offset_minutes);
}

std::optional<std::chrono::sys_seconds> parse_iso_local_time(std::string_view text) noexcept {
  const auto reading = read_clock(text);
  if (!reading || !reading->zone.empty()) return std::nullopt;
  return reading->at;
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
