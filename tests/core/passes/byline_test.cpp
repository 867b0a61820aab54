#include <galley/recover.hpp>

#include <gtest/gtest.h>

namespace galley {
namespace {

std::vector<std::string> names(const std::vector<Person>& people) {
  std::vector<std::string> out;
  for (const Person& p : people) out.push_back(p.name);
  return out;
}

std::vector<std::string> authors_of(std::string_view line) {
  const auto byline = parse_byline(line);
  return byline ? names(byline->authors) : std::vector<std::string>{"<none>"};
}

using Names = std::vector<std::string>;

TEST(ParseByline, ReadsMarkedBylines) {
  EXPECT_EQ(authors_of("By Jane Doe and John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors_of("by JANE DOE"), (Names{"JANE DOE"}));
  EXPECT_EQ(authors_of("BY Jane Doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("Written by Mary O'Brien"), (Names{"Mary O'Brien"}));
  EXPECT_EQ(authors_of("Story by Jean-Luc Picard"), (Names{"Jean-Luc Picard"}));
  EXPECT_EQ(authors_of("By: Madonna"), (Names{"Madonna"}));
  EXPECT_EQ(authors_of("Par Élodie Durand"), (Names{"Élodie Durand"}));
  EXPECT_EQ(authors_of("By Alice, Bob and Carol"), (Names{"Alice", "Bob", "Carol"}));
}

TEST(ParseByline, ReadsBareNames) {
  const auto byline = parse_byline("Peter Symonds");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Peter Symonds");
  EXPECT_FALSE(byline->marked);
  EXPECT_EQ(authors_of("Jane Doe and John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors_of("Jane Doe, John Roe and Max Mustermann"),
            (Names{"Jane Doe", "John Roe", "Max Mustermann"}));
  EXPECT_EQ(authors_of("Pieter van der Berg"), (Names{"Pieter van der Berg"}));
  EXPECT_EQ(authors_of("Maria de la Cruz"), (Names{"Maria de la Cruz"}));
  EXPECT_EQ(authors_of("J. R. R. Tolkien"), (Names{"J. R. R. Tolkien"}));
  EXPECT_EQ(authors_of("Bashar al-Assad"), (Names{"Bashar al-Assad"}));
  EXPECT_EQ(authors_of("Łukasz Żak"), (Names{"Łukasz Żak"}));
}

TEST(ParseByline, DropsAffiliations) {
  const auto reuters = parse_byline("Jane Doe, Reuters");
  ASSERT_TRUE(reuters);
  EXPECT_EQ(reuters->text, "Jane Doe, Reuters");
  EXPECT_EQ(names(reuters->authors), (Names{"Jane Doe"}));
  EXPECT_TRUE(reuters->marked);
  EXPECT_EQ(authors_of("Jane Doe | Staff Writer"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("By Jane Doe, Associated Press"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("By Jane Doe, Reuters and AFP"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("By Brenda Goodman, MA"), (Names{"Brenda Goodman"}));
  EXPECT_EQ(authors_of("By Jack Ma"), (Names{"Jack Ma"}));
}

TEST(ParseByline, StopsAtTheFirstAffiliation) {
  EXPECT_EQ(
      authors_of("By Jane Doe, Senior Staff Technologist, Open Speech, Privacy, and Data Project"),
      (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("By Jane Doe, Reuters, John Roe"), (Names{"Jane Doe"}));
}

TEST(ParseByline, CutsADescriptionAfterTheName) {
  const auto byline = parse_byline(
      "By Jane Doe, a deputy editor and author of a weekly newsletter. She has covered farming "
      "for a decade.");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Jane Doe");
  EXPECT_EQ(names(byline->authors), (Names{"Jane Doe"}));
}

TEST(ParseByline, ReadsCoauthorsInParentheses) {
  EXPECT_EQ(authors_of("By Jane Doe (with John Roe)"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors_of("Par Anne Roux (avec Paul Morel et Lucie Blanc)"),
            (Names{"Anne Roux", "Paul Morel", "Lucie Blanc"}));
  EXPECT_EQ(authors_of("Anna Schmidt und Paul Weber"), (Names{"Anna Schmidt", "Paul Weber"}));
  EXPECT_FALSE(parse_byline("By Jane Doe (staff)"));
}

TEST(ParseByline, ReadsANamePrintedTwiceAsMarked) {
  for (const char* line : {"Jane Doe Jane Doe", "Jane DoeJane Doe", "Łukasz Żak Łukasz Żak"}) {
    const auto byline = parse_byline(line);
    ASSERT_TRUE(byline) << line;
    EXPECT_TRUE(byline->marked) << line;
    EXPECT_EQ(byline->authors.size(), 1u) << line;
  }
  EXPECT_EQ(authors_of("Jane Doe Jane Doe"), (Names{"Jane Doe"}));
  const auto single = parse_byline("Madonna Madonna");
  ASSERT_TRUE(single);
  EXPECT_FALSE(single->marked);
}

TEST(ParseByline, LeavesTheDateOut) {
  const auto byline = parse_byline("By Jane Doe | January 30, 2022");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Jane Doe");
  EXPECT_EQ(names(byline->authors), (Names{"Jane Doe"}));
  const auto on = parse_byline("Posted by John Roe on 30 January 2022");
  ASSERT_TRUE(on);
  EXPECT_EQ(on->text, "John Roe");
}

TEST(ParseByline, RejectsWhatIsNotAByline) {
  for (const char* line :
       {"", "The Russian Economy", "Read more", "Share this article", "jane doe", "30 January 2022",
        "Chapter 12", "He said so.", "Wang made the remarks on Thursday",
        "By the time the ministers met, talks had stalled.",
        "Alexander Korolev Said Russia And China Would Build Stronger Military Ties Soon",
        "Jane Doe!", "Contact Us", "Washington, DC", "Jane", "Why China Backs Russia?",
        "Latest News", "Subscribe"}) {
    EXPECT_FALSE(parse_byline(line)) << line;
  }
}

TEST(SplitAuthors, SplitsPrintedBylines) {
  EXPECT_EQ(names(split_authors("Jane Doe, John Roe and Max Mustermann")),
            (Names{"Jane Doe", "John Roe", "Max Mustermann"}));
  EXPECT_EQ(names(split_authors("Jane Doe & John Roe")), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(names(split_authors("By Jane Doe, Reuters")), (Names{"Jane Doe"}));
  EXPECT_TRUE(split_authors("the staff").empty());
}

}  // namespace
}  // namespace galley
