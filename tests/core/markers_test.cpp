#include "detail/markers.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

using Markers = std::vector<std::string>;

std::vector<Person> people(std::initializer_list<const char*> names) {
  std::vector<Person> out;
  for (const char* name : names) out.push_back(Person{name});
  return out;
}

TEST(ReadMarkers, ReadsNumbersLettersAndSymbolsSpelledOneWay) {
  EXPECT_EQ(read_markers("1,2"), (Markers{"1", "2"}));
  EXPECT_EQ(read_markers("2,3,\u2217"), (Markers{"2", "3", "*"}));
  EXPECT_EQ(read_markers("a,c,*,"), (Markers{"a", "c", "*"}));
  EXPECT_EQ(read_markers("\u2020\u2021"), (Markers{"\u2020", "\u2021"}));
  EXPECT_EQ(read_markers("\u00B9\u00B2"), (Markers{"1", "2"}));  // superscript digits
  EXPECT_EQ(read_markers("12 \u262F"), (Markers{"12", "\u262F"}));
  EXPECT_EQ(read_markers(""), Markers{});
}

TEST(ReadMarkers, RefusesWhatNoMarkerIs) {
  EXPECT_FALSE(read_markers("PhD"));
  EXPECT_FALSE(read_markers("123"));  // no paper numbers a hundred affiliations
  EXPECT_FALSE(read_markers("ab"));
}

TEST(FindPrintedNames, ReadsTheMarkersAfterEachName) {
  const auto names =
      find_printed_names("Jane Doe1,2, John Roe2*", people({"Jane Doe", "John Roe"}));
  ASSERT_TRUE(names);
  ASSERT_EQ(names->size(), 2u);
  EXPECT_EQ((*names)[0].begin, 0u);
  EXPECT_EQ((*names)[0].end, 8u);
  EXPECT_EQ((*names)[0].markers, (Markers{"1", "2"}));
  EXPECT_EQ((*names)[1].begin, 13u);
  EXPECT_EQ((*names)[1].markers, (Markers{"2", "*"}));
}

TEST(FindPrintedNames, ReadsLettersSetApartAndSkipsTheConjunction) {
  const auto names = find_printed_names("Ann Lee a, b, Max Roe c and Eve Poe",
                                        people({"Ann Lee", "Max Roe", "Eve Poe"}));
  ASSERT_TRUE(names);
  EXPECT_EQ((*names)[0].markers, (Markers{"a", "b"}));
  EXPECT_EQ((*names)[1].markers, (Markers{"c"}));
  EXPECT_EQ((*names)[2].markers, Markers{});
}

TEST(FindPrintedNames, LeavesUnreadWhatIsNoMarker) {
  const auto names =
      find_printed_names("Jane Doe, PhD1, John Roe2", people({"Jane Doe", "John Roe"}));
  ASSERT_TRUE(names);
  EXPECT_FALSE((*names)[0].markers);
  EXPECT_EQ((*names)[1].markers, (Markers{"2"}));
  EXPECT_FALSE(find_printed_names("Jane Doe, John Roe", people({"John Roe", "Jane Doe"})));
}

TEST(LeadingMarkers, ReadsTheMarkersOpeningAnAffiliation) {
  const auto numbered = leading_markers("1 Department of Geography, University of Millbrook");
  ASSERT_TRUE(numbered);
  EXPECT_EQ(numbered->first, Markers{"1"});
  EXPECT_EQ(numbered->second, 2u);
  EXPECT_EQ(leading_markers("\u2020Department of Chemistry")->first, Markers{"\u2020"});
  EXPECT_EQ(leading_markers("a School of Forest Studies")->first, Markers{"a"});
  EXPECT_EQ(leading_markers("2,3 Institute of Water Research")->first, (Markers{"2", "3"}));
}

TEST(LeadingMarkers, FindsNoneWhereTheNameOpens) {
  EXPECT_FALSE(leading_markers("Department of Geography"));
  EXPECT_FALSE(leading_markers("aSchool of Forest Studies"));  // a word, not "a" and "School"
  EXPECT_FALSE(leading_markers("2016 Annual Report"));
  EXPECT_FALSE(leading_markers("1 in 5 adults"));
}

}  // namespace
}  // namespace galley::detail
