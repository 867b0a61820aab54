#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "detail/iso_date.hpp"
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

TEST(ParseDate, ReadsOtherLanguagesDayFirst) {
  EXPECT_EQ(parsed("3. M\xC3\xA4rz 2021"), "2021-03-03");  // German, "März"
  EXPECT_EQ(parsed("3. Maerz 2021"), "2021-03-03");
  EXPECT_EQ(parsed("3. Mrz. 2021"), "2021-03-03");
  EXPECT_EQ(parsed("1. J\xC3\xA4nner 2020"), "2020-01-01");
  EXPECT_EQ(parsed("24. Dezember 2019"), "2019-12-24");
  EXPECT_EQ(parsed("12 de enero de 2020"), "2020-01-12");  // Spanish
  EXPECT_EQ(parsed("1 de septiembre del 2020"), "2020-09-01");
  EXPECT_EQ(parsed("21 de dezembro de 2018"), "2018-12-21");  // Portuguese
  EXPECT_EQ(parsed("5 de mar\xC3\xA7o de 2019"), "2019-03-05");
  EXPECT_EQ(parsed("1\xC2\xBA de maio de 2019"), "2019-05-01");  // 1º
  EXPECT_EQ(parsed("1er janvier 2020"), "2020-01-01");           // French
  EXPECT_EQ(parsed("15 ao\xC3\xBBt 2019"), "2019-08-15");
  EXPECT_EQ(parsed("7 f\xC3\xA9vr. 2019"), "2019-02-07");
  EXPECT_EQ(parsed("7 FEVRIER 2019"), "2019-02-07");
  EXPECT_EQ(parsed("3 giugno 2021"), "2021-06-03");  // Italian
  EXPECT_EQ(parsed("3 ott. 2021"), "2021-10-03");
  EXPECT_EQ(parsed("3 maart 2021"), "2021-03-03");  // Dutch
  EXPECT_EQ(parsed("3 mrt 2021"), "2021-03-03");
  EXPECT_EQ(parsed("3 okt. 2021"), "2021-10-03");
}

TEST(ParseDate, ReadsAbbreviatedMonthsBetweenSeparators) {
  EXPECT_EQ(parsed("21.dez.2018"), "2018-12-21");
  EXPECT_EQ(parsed("21.Dez.2018"), "2018-12-21");
  EXPECT_EQ(parsed("21 dez. 2018"), "2018-12-21");
  EXPECT_EQ(parsed("30-Jan-2022"), "2022-01-30");
  EXPECT_EQ(parsed("30/jan/2022"), "2022-01-30");
  EXPECT_EQ(parsed("30-Jan/2022"), "none");  // the separators differ
}

TEST(ParseDate, ReadsOtherLanguagesWeekdaysAndPreambles) {
  EXPECT_EQ(parsed("lundi 12 janvier 2015"), "2015-01-12");
  EXPECT_EQ(parsed("Publi\xC3\xA9 le 12 janvier 2015"), "2015-01-12");
  EXPECT_EQ(parsed("Montag, 3. M\xC3\xA4rz 2021"), "2021-03-03");
  EXPECT_EQ(parsed("Ver\xC3\xB6"
                   "ffentlicht am 3. M\xC3\xA4rz 2021"),
            "2021-03-03");
  EXPECT_EQ(parsed("domingo, 12 de enero de 2020"), "2020-01-12");
  EXPECT_EQ(parsed("Publicado em segunda-feira, 21 de dezembro de 2018"), "2018-12-21");
  EXPECT_EQ(parsed("sabato 3 aprile 2021"), "2021-04-03");
  EXPECT_EQ(parsed("zondag 3 maart 2021"), "2021-03-03");
}

TEST(ParseDate, ReadsOtherLanguagesTimes) {
  EXPECT_EQ(parsed("21.dez.2018 \xC3\xA0s 12h55"), "2018-12-21");  // "às"
  EXPECT_EQ(parsed("04.05.2015 \xC3\xA0 13h36"), "2015-05-04");    // "à"
  EXPECT_EQ(parsed("04.05.2015 \xC3\xA0 13h36", DateOrder::MonthFirst), "2015-04-05");
  EXPECT_EQ(parsed("12 janvier 2015 \xC3\xA0 9h"), "2015-01-12");
  EXPECT_EQ(parsed("3. M\xC3\xA4rz 2021 um 10:15 Uhr"), "2021-03-03");
  EXPECT_EQ(parsed("12 de enero de 2020 a las 10:15"), "2020-01-12");
  EXPECT_EQ(parsed("3 aprile 2021 alle ore 10:15"), "2021-04-03");
  EXPECT_EQ(parsed("3 maart 2021 om 10:15"), "2021-03-03");
  const auto pt = detail::parse_date_span("21.dez.2018 \xC3\xA0s 12h55", DateOrder::Auto);
  ASSERT_TRUE(pt);
  EXPECT_EQ(pt->datetime, "2018-12-21T12:55");
  const auto fr = detail::parse_date_span("04.05.2015 \xC3\xA0 13h36", DateOrder::Auto);
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->datetime, "2015-05-04T13:36");
  const auto de = detail::parse_date_span("3. M\xC3\xA4rz 2021 um 10:15 Uhr", DateOrder::Auto);
  ASSERT_TRUE(de);
  EXPECT_EQ(de->datetime, "2021-03-03T10:15");
  EXPECT_EQ(parsed("04.05.2015 \xC3\xA0 13h36min"), "none");
  EXPECT_EQ(parsed("04.05.2015 \xC3\xA0 25h00"), "none");
}

TEST(ParseDate, RejectsWhatIsNotADateInOtherLanguages) {
  for (const char* text :
       {"M\xC3\xA4rz 2021", "3. M\xC3\xA4rz", "12 de enero", "enero de 2020", "juillet 2020",
        "3 jui 2020",  // June or July
        "3 xyz 2020", "3. 2021", "31 de febrero de 2020", "3 Mai 21", "Er kam am 3. M\xC3\xA4rz",
        "Am 3. M\xC3\xA4rz 2021 begann es", "Mai 3 2021"}) {
    EXPECT_EQ(parsed(text), "none") << text;
  }
}

// Forms beyond Western Europe's: Russian months (genitive, as dates use them), the
// year first with dots (Korean, Hungarian) or with 年月日 (Chinese, Japanese), day and
// month with a space after each dot (Czech, German), and a translated site's month
// name in the English order, with its comma.
TEST(ParseDate, ReadsRussianAsianAndCentralEuropeanForms) {
  EXPECT_EQ(parsed("15 \xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0 2016, 13:43"),
            "2016-08-15");                                             // 15 августа 2016
  EXPECT_EQ(parsed("1 \xD0\x9C\xD0\xB0\xD1\x8F 2020"), "2020-05-01");  // 1 Мая 2020
  EXPECT_EQ(parsed("2023.11.02."), "2023-11-02");
  EXPECT_EQ(parsed("2020. 06. 04. 11:27"), "2020-06-04");
  EXPECT_EQ(parsed("2020\xE5\xB9\xB4"
                   "07\xE6\x9C\x88"
                   "03\xE6\x97\xA5"),
            "2020-07-03");
  EXPECT_EQ(parsed("2019\xE5\xB9\xB4"
                   "3\xE6\x9C\x88"
                   "5\xE6\x97\xA5"),
            "2019-03-05");
  EXPECT_EQ(parsed("4. 2. 2022."), "2022-02-04");
  EXPECT_EQ(parsed("Juli 12, 2017"), "2017-07-12");
  for (const char* text : {"2023.11", "2020. 06.04",
                           "2020\xE5\xB9\xB4"
                           "07\xE6\x9C\x88",
                           "15 \xD0\xB0\xD0\xB2 2016", "4 .2. 2022", "2023.13.02."}) {
    EXPECT_EQ(parsed(text), "none") << text;
  }
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
  EXPECT_EQ(format_date(*find_date("Reportagem de Ana Silva, 21.dez.2018 \xC3\xA0s 12h55")),
            "2018-12-21");
  EXPECT_EQ(format_date(*find_date("Er kam am 3. M\xC3\xA4rz 2021 an.")), "2021-03-03");
  EXPECT_FALSE(find_date("2022\xE5\xB9\xB4 and 3 jui 2020 and mai 2020"));
  const auto span =
      detail::find_date_span("By Jane Doe | Jan 30, 2022 | Politics", DateOrder::Auto);
  ASSERT_TRUE(span);
  EXPECT_EQ(span->begin, 14u);
  EXPECT_EQ(span->end, 26u);
}

TEST(FindMonthYear, ReadsAMeetingsDatesToTheMonth) {
  const auto found = [](std::string_view text) {
    const auto month = detail::find_month_year(text);
    return month ? detail::to_iso_date(*month) : "none";
  };
  EXPECT_EQ(found("Baltimore, Maryland, USA, June 23-25 2014. c 2014 ACL"), "2014-06");
  EXPECT_EQ(found("Very Large Data Bases, September 13-17, 2010, Singapore."), "2010-09");
  EXPECT_EQ(found("PODS'10, June 6\u201311, 2010, Indianapolis"), "2010-06");
  EXPECT_EQ(found("held 6\u201311 June 2010 in Indianapolis"), "2010-06");
  EXPECT_EQ(found("Proceedings, June 2014"), "2014-06");
  EXPECT_EQ(found("Actes de la conf\u00E9rence, juin 2014"), "2014-06");
  EXPECT_EQ(found("Sept. 3rd, 2021"), "2021-09");
  EXPECT_EQ(found("Vol. 3, No. 1, pages 2150-8097"), "none");
  EXPECT_EQ(found("June 32 2014"), "none");   // no 32nd day
  EXPECT_EQ(found("June 2014-15"), "none");   // glued to a number
  EXPECT_EQ(found("June 23-25 14"), "none");  // a year has four digits
}

TEST(FormatDate, PadsFields) { EXPECT_EQ(format_date(2022y / 1 / 3), "2022-01-03"); }

TEST(FindDate, ShortYearDatesOnlyWhereADatelineIsExpected) {
  const auto found = [](std::string_view text) {
    const auto date = detail::find_short_year_date(text);
    return date ? format_date(*date) : "none";
  };
  EXPECT_EQ(found("Von: Björn Jahner | 31.10.23"), "2023-10-31");
  EXPECT_EQ(found("28.01.22 / 0 Kommentare"), "2022-01-28");
  EXPECT_EQ(found("macbacchi 28.09.19 12:44"), "2019-09-28");
  EXPECT_EQ(found("3.11.23"), "2023-11-03");
  EXPECT_EQ(found("Version 10.12.19.5"), "none");  // a fourth part: a version
  EXPECT_EQ(found("31.02.23"), "none");            // no 31 February
  EXPECT_EQ(found("1.13.22"), "none");             // day first: no month 13
  EXPECT_EQ(found("28.01.2022"), "none");          // four digits: find_date's
  EXPECT_EQ(found("a28.01.22"), "none");
  // find_date itself keeps refusing two-digit years.
  EXPECT_EQ(parsed("28.01.22"), "none");
}

TEST(FormatDate, WritesDatesKnownToTheMonthOrYearWithThatPrecision) {
  EXPECT_EQ(detail::to_iso_date(2014y / June), "2014-06");
  EXPECT_EQ(detail::to_iso_date(2010y), "2010");
}

TEST(FormatDate, WritersTakeTheDayElseAReducedDatetime) {
  using detail::writable_publication_date;
  const auto none = std::nullopt;
  EXPECT_EQ(writable_publication_date(2014y / June / 23, std::string("2014")), "2014-06-23");
  EXPECT_EQ(writable_publication_date(none, std::string("2014-06")), "2014-06");
  EXPECT_EQ(writable_publication_date(none, std::string("2010")), "2010");
  EXPECT_EQ(writable_publication_date(none, std::nullopt), std::nullopt);
  // A timestamp as found, or a month that is none, is not a reduced date.
  EXPECT_EQ(writable_publication_date(none, std::string("Tue, 3 June 2014")), std::nullopt);
  EXPECT_EQ(writable_publication_date(none, std::string("2014-13")), std::nullopt);
  EXPECT_EQ(writable_publication_date(none, std::string("0000")), std::nullopt);
  EXPECT_EQ(writable_publication_date(none, std::string("2014-6")), std::nullopt);
}

}  // namespace
}  // namespace galley
