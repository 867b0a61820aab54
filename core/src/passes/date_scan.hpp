// Date recognition shared by the passes and the readers: where a date sits in a line,
// the time printed with it, and dates known only to the month. parse_date/find_date in
// recover.hpp are the public face.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <galley/format.hpp>

namespace galley::detail {

struct DateSpan {
  std::chrono::year_month_day date;
  /// ISO 8601 date-time when a time was printed with the date ("2022-01-20T10:15Z");
  /// the text as found when its time zone is a name other than GMT/UTC ("... 10:15 EST").
  std::optional<std::string> datetime;
  std::size_t begin = 0;  ///< byte range of the date and its time in the text
  std::size_t end = 0;
};

/// The date that makes up all of `text` (see parse_date for what may surround it).
std::optional<DateSpan> parse_date_span(std::string_view text, DateOrder order);

/// The first date inside free text.
std::optional<DateSpan> find_date_span(std::string_view text, DateOrder order);

/// The first month and year inside free text, with the day or the days of a range
/// printed with them, as a meeting's dates are: "June 23-25 2014", "September 13-17,
/// 2010", "6–11 June 2010", "juin 2014". Month names in the languages parse_date reads.
std::optional<std::chrono::year_month> find_month_year(std::string_view text);

/// The first day-first date with dots and a two-digit year inside free text
/// ("28.01.22", "3.11.23"), read as 20yy: how German and Swiss sites print a dateline.
/// Not part of find_date, where "10.12.19" may as well be a version number; callers
/// use it only where a dateline is expected.
std::optional<std::chrono::year_month_day> find_short_year_date(std::string_view text);

}  // namespace galley::detail
