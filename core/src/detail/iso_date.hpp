// Dates as the publication formats write them. Internal to galley.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace galley::detail {

/// "YYYY-MM-DD" for a valid date in the years 1..9999, else nullopt (an unknown,
/// impossible or out-of-range date is left out rather than written wrong).
std::optional<std::string> iso_date(const std::optional<std::chrono::year_month_day>& date);

}  // namespace galley::detail
