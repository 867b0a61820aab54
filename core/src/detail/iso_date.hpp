// ISO 8601 calendar dates (YYYY-MM-DD), as the JSON model and the writers spell them.
// Internal to galley.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace galley::detail {

/// "2022-01-30"; years outside 0..9999 are written with as many digits as they need.
std::string to_iso_date(std::chrono::year_month_day date);

/// ISO 8601 with reduced precision, for a date known to the month or the year only:
/// "2014-06", "2010".
std::string to_iso_date(std::chrono::year_month date);
std::string to_iso_date(std::chrono::year date);

/// Parses exactly "YYYY-MM-DD" naming a real day (2022-02-30 is refused); nullopt otherwise.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) noexcept;

/// The moment a timestamp with a zone names: "2023-11-08T21:11:03-05:00",
/// "2023-11-09T02:11:03.000Z", "2023-11-09 02:11+0000"; nullopt without a time or zone.
std::optional<std::chrono::sys_seconds> parse_iso_instant(std::string_view text) noexcept;

/// The clock reading of a timestamp without a zone, "2023-11-08 18:09:55", counted as
/// if it were UTC; nullopt when it has a zone or no time.
std::optional<std::chrono::sys_seconds> parse_iso_local_time(std::string_view text) noexcept;

/// to_iso_date() of a known, real date in the years 1..9999, else nullopt: what the
/// publication formats (EPUB's dc:date, JATS pub-date) accept; an impossible or
/// out-of-range date is left out rather than written wrong.
std::optional<std::string> writable_iso_date(
    const std::optional<std::chrono::year_month_day>& date);

/// The publication date as precisely as the model knows it, for the writers: the day
/// when `date` is writable, else the month or year that `datetime` holds in ISO 8601 with
/// reduced precision ("2014-06", "2010"; see docs/json-schema.md); nullopt otherwise.
/// A `datetime` of any other shape is a timestamp as found, not a reduced date.
std::optional<std::string> writable_publication_date(
    const std::optional<std::chrono::year_month_day>& date,
    const std::optional<std::string>& datetime);

}  // namespace galley::detail
