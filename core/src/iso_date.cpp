#include "detail/iso_date.hpp"

#include <cstdio>

namespace galley::detail {

std::optional<std::string> iso_date(const std::optional<std::chrono::year_month_day>& date) {
  if (!date || !date->ok() || date->year() < std::chrono::year(1) ||
      date->year() > std::chrono::year(9999)) {
    return std::nullopt;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date->year()),
                static_cast<unsigned>(date->month()), static_cast<unsigned>(date->day()));
  return buffer;
}

}  // namespace galley::detail
