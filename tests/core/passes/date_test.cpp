#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "passes/date_scan.hpp"

namespace galley {
namespace {

using namespace std::chrono;

std::string parsed(std::string_view text, DateOrder order = DateOrder::Auto) {
  const auto date = parse_date(text, order);
  return date ? format_date(*date) : "none";
}

TEST(ParseDate, ReadsDayMonthYear) {
  EXPECT_EQ(parsed("30 January 2022"), "2022-01-30");
  EXPECT_EQ(parsed("30 Jan 2022"), "2022-01-30");
  EXPECT_EQ(parsed("30 Jan. 2022"), "2022-01-30");
  EXPECT_EQ(parsed("1st March 2021"), "2021-03-01");
  EXPECT_EQ(parsed("30th of January, 2022"), "2022-01-30");
  EXPECT_EQ(parsed("  3 SEPTEMBER 2021  "), "2021-09-03");
  EXPECT_EQ(parsed("30\xC2\xA0January\xC2\xA0"
                   "2022"),
            "2022-01-30");  // no-break spaces
}

TEST(ParseDate, ReadsMonthDayYear) {
  EXPECT_EQ(parsed("January 30, 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Jan. 30, 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Sept 3 2021"), "2021-09-03");
  EXPECT_EQ(parsed("December 25th, 2020"), "2020-12-25");
  EXPECT_EQ(parsed("May 5, 2022"), "2022-05-05");
}

TEST(ParseDate, SkipsWeekdayAndPreamble) {
  EXPECT_EQ(parsed("Sunday, 30 January 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Sun 30 January 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Wednesday, March 2, 2022"), "2022-03-02");
  EXPECT_EQ(parsed("Published 30 Jan 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Updated: January 30, 2022"), "2022-01-30");
  EXPECT_EQ(parsed("Last updated on 2022-01-30"), "2022-01-30");
}

TEST(ParseDate, ReadsIsoWithAndWithoutTime) {
  EXPECT_EQ(parsed("2022-01-30"), "2022-01-30");
  EXPECT_EQ(parsed("2022/01/30"), "2022-01-30");
  EXPECT_EQ(parsed("2022-01-30T10:00:00Z"), "2022-01-30");
  EXPECT_EQ(parsed("2022-01-30T10:00:00.123+01:00"), "2022-01-30");
  EXPECT_EQ(parsed("2022-01-30 10:00"), "2022-01-30");
}

TEST(ParseDate, ReadsTrailingTimes) {
  EXPECT_EQ(parsed("20 Jan 2022 10:15 GMT"), "2022-01-20");
  EXPECT_EQ(parsed("January 20, 2022, 3:05 pm"), "2022-01-20");
  EXPECT_EQ(parsed("20 January 2022 at 10:15 EST"), "2022-01-20");
}

TEST(ParseDate, ReadsNumericDatesByOrder) {
  EXPECT_EQ(parsed("30/01/2022"), "2022-01-30");
  EXPECT_EQ(parsed("01/30/2022"), "2022-01-30");  // 30 cannot be a month
  EXPECT_EQ(parsed("30.01.2022"), "2022-01-30");
  EXPECT_EQ(parsed("30-01-2022"), "2022-01-30");
  EXPECT_EQ(parsed("03/04/2022"), "2022-04-03");  // Auto: day first when both fit
  EXPECT_EQ(parsed("03/04/2022", DateOrder::DayFirst), "2022-04-03");
  EXPECT_EQ(parsed("03/04/2022", DateOrder::MonthFirst), "2022-03-04");
  EXPECT_EQ(parsed("30/01/2022", DateOrder::MonthFirst), "none");  // no month 30
  EXPECT_EQ(parsed("01/30/2022", DateOrder::DayFirst), "none");
}

TEST(ParseDate, ValidatesTheCalendar) {
  EXPECT_EQ(parsed("31 February 2022"), "none");
  EXPECT_EQ(parsed("29 February 2022"), "none");
  EXPECT_EQ(parsed("29 February 2024"), "2024-02-29");
  EXPECT_EQ(parsed("2022-13-01"), "none");
  EXPECT_EQ(parsed("32/01/2022"), "none");
  EXPECT_EQ(parsed("April 31, 2022"), "none");
  EXPECT_EQ(parsed("20 Jan 2022 25:15"), "none");
}

TEST(ParseDate, RejectsWhatIsNotADate) {
  for (const char* text :
       {"2022", "10:30", "Page 3 of 7", "3/7", "1.5 million", "Chapter 12", "", "   ",
        "January 2022", "30 January", "In 2014, China abstained on 3 resolutions.",
        "He said 30 people died in January 2022 alone.", "30 January 2022 was a Sunday",
        "Route 66/12/2022", "0/0/2022", "30 January 22", "12 12 2022", "30/01/22"}) {
    EXPECT_EQ(parsed(text), "none") << text;
  }
}

TEST(ParseDate, ReportsTheDateTime) {
  const auto iso = detail::parse_date_span("2022-01-30T10:00:00Z", DateOrder::Auto);
  ASSERT_TRUE(iso);
  EXPECT_EQ(iso->datetime, "2022-01-30T10:00:00Z");
  const auto gmt = detail::parse_date_span("20 Jan 2022 10:15 GMT", DateOrder::Auto);
  ASSERT_TRUE(gmt);
  EXPECT_EQ(gmt->datetime, "2022-01-20T10:15Z");
  const auto pm = detail::parse_date_span("January 20, 2022, 3:05 p.m.", DateOrder::Auto);
  ASSERT_TRUE(pm);
  EXPECT_EQ(pm->datetime, "2022-01-20T15:05");
  const auto offset = detail::parse_date_span("2022-01-30 10:00 -0500", DateOrder::Auto);
  ASSERT_TRUE(offset);
  EXPECT_EQ(offset->datetime, "2022-01-30T10:00-05:00");
  const auto named = detail::parse_date_span("20 January 2022 at 10:15 EST", DateOrder::Auto);
  ASSERT_TRUE(named);
  EXPECT_EQ(named->datetime, "20 January 2022 at 10:15 EST");
  const auto plain = detail::parse_date_span("20 January 2022", DateOrder::Auto);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->datetime);
}

TEST(FindDate, FindsADateInFreeText) {
  const auto found = find_date("Posted by Jane Doe on 30 January 2022 at 10:00");
  ASSERT_TRUE(found);
  EXPECT_EQ(format_date(*found), "2022-01-30");
  EXPECT_EQ(format_date(*find_date("(Reuters, 2022-01-30) - The")), "2022-01-30");
  EXPECT_EQ(format_date(*find_date("It ended on 30.01.2022.")), "2022-01-30");
  EXPECT_FALSE(find_date("In 2014, 13,000 troops held 3 exercises on 21 January."));
  EXPECT_FALSE(find_date("Build v2022-01-30 and 12/30/01/2022"));
  const auto span =
      detail::find_date_span("By Jane Doe | Jan 30, 2022 | Politics", DateOrder::Auto);
  ASSERT_TRUE(span);
  EXPECT_EQ(span->begin, 14u);
  EXPECT_EQ(span->end, 26u);
}

TEST(FormatDate, PadsFields) { EXPECT_EQ(format_date(2022y / 1 / 3), "2022-01-03"); }

}  // namespace
}  // namespace galley
