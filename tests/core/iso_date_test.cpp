// ISO 8601 dates and timestamps as the readers meet them in markup.
#include "detail/iso_date.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

using namespace std::chrono;

TEST(IsoDate, RealDaysOnly) {
  EXPECT_EQ(parse_iso_date("2024-02-29"), year_month_day(year(2024), February, day(29)));
  for (const char* text : {"2023-02-29", "2023-13-01", "2023-1-01", "2023-01-01T10:00", ""}) {
    EXPECT_FALSE(parse_iso_date(text)) << text;
  }
}

// The same moment however the zone is written; no moment without a zone.
TEST(IsoDate, InstantsWithTheirZone) {
  const auto utc = parse_iso_instant("2023-11-09T02:11:03Z");
  ASSERT_TRUE(utc);
  EXPECT_EQ(
      sys_days(year_month_day(year(2023), November, day(9))) + hours(2) + minutes(11) + seconds(3),
      *utc);
  for (const char* same : {"2023-11-08T21:11:03-05:00", "2023-11-09 02:11:03+0000",
                           "2023-11-09T02:11:03.250Z", "2023-11-09T07:41:03+05:30"}) {
    EXPECT_EQ(parse_iso_instant(same), utc) << same;
  }
  EXPECT_EQ(parse_iso_instant("2023-11-09T02:11Z"), *utc - seconds(3));
  for (const char* none :
       {"2023-11-09", "2023-11-09T02:11:03", "2023-11-09T25:00Z", "2023-11-09T02:11:03+5",
        "2023-11-09T02:11:0Z", "2023-11-09T02:11:03Zx"}) {
    EXPECT_FALSE(parse_iso_instant(none)) << none;
  }
}

// A clock reading without a zone, counted as if in UTC; none with a zone or no time.
TEST(IsoDate, LocalTimesWithoutAZone) {
  const auto at = sys_days(year_month_day(year(2023), November, day(8))) + hours(21) + minutes(11);
  EXPECT_EQ(parse_iso_local_time("2023-11-08 21:11:03"), at + seconds(3));
  EXPECT_EQ(parse_iso_local_time("2023-11-08T21:11"), at);
  EXPECT_EQ(parse_iso_local_time("2023-11-08T21:11:03.5"), at + seconds(3));
  for (const char* none : {"2023-11-08", "2023-11-08T21:11:03Z", "2023-11-08T21:11:03-05:00",
                           "2023-11-08 21", "2023-11-08T21:61"}) {
    EXPECT_FALSE(parse_iso_local_time(none)) << none;
  }
}

}  // namespace
}  // namespace galley::detail
