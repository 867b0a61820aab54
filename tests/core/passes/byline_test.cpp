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
  EXPECT_EQ(authors_of("By Alice, Bob, and Carol"), (Names{"Alice", "Bob", "Carol"}));
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
  EXPECT_EQ(authors_of("By Jane Goodwin, MA"), (Names{"Jane Goodwin"}));
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
  const auto near_twice = parse_byline("Jane Doe Jane Does");
  EXPECT_FALSE(near_twice && near_twice->marked);
  const auto single = parse_byline("Madonna Madonna");
  ASSERT_TRUE(single);
  EXPECT_FALSE(single->marked);
}

// An author card says more after the name: when, how long; it stays in the byline.
TEST(ParseByline, KeepsWhatAnAuthorCardSaysAfterTheName) {
  const auto relative =
      parse_byline("Ale\u0161 V\u00e1vra Ale\u0161 V\u00e1vra p\u0159ed 2 hodinami");
  ASSERT_TRUE(relative);
  EXPECT_TRUE(relative->marked);
  EXPECT_EQ(names(relative->authors), (Names{"Ale\u0161 V\u00e1vra"}));
  EXPECT_EQ(relative->text, "Ale\u0161 V\u00e1vra \u00b7 p\u0159ed 2 hodinami");
  const auto dated = parse_byline("Jane DoeJane Doe Jan 3, 2019 5 min read");
  ASSERT_TRUE(dated);
  EXPECT_EQ(dated->text, "Jane Doe \u00b7 5 min read");
  EXPECT_FALSE(parse_byline("Jane Doe Jane Doe wrote this piece for the paper in the spring"));
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
        "Latest News", "Subscribe", "AMournfulHowlInTheNight", "By TheRealJaneDoe"}) {
    EXPECT_FALSE(parse_byline(line)) << line;
  }
}

TEST(ParseByline, ReadsOtherLanguagesMarkers) {
  EXPECT_EQ(authors_of("Por Ana Silva"), (Names{"Ana Silva"}));
  EXPECT_EQ(authors_of("Texte Par Jean Dupont"), (Names{"Jean Dupont"}));
  EXPECT_EQ(authors_of("Texte et photos par Jean Dupont"), (Names{"Jean Dupont"}));
  EXPECT_EQ(authors_of("Reportagem Por Ana Silva"), (Names{"Ana Silva"}));
  EXPECT_EQ(authors_of("Ein Bericht von Max Mustermann"), (Names{"Max Mustermann"}));
  EXPECT_EQ(authors_of("Von Max Mustermann"), (Names{"Max Mustermann"}));
  EXPECT_EQ(authors_of("Door Jan Jansen"), (Names{"Jan Jansen"}));
  EXPECT_EQ(authors_of("Un articolo di Mario Rossi"), (Names{"Mario Rossi"}));
  EXPECT_EQ(authors_of("Story and photos by Jane Doe"), (Names{"Jane Doe"}));
  const auto byline = parse_byline("Reportagem Por Ana Silva");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Ana Silva");
  EXPECT_TRUE(byline->marked);
}

// Japanese and Chinese credits: a label before the name (著者 author, 投稿者 posted by,
// 記者 reporter, 文● text), full-width separators, a credit for other work after it.
TEST(ParseByline, ReadsJapaneseAndChineseCredits) {
  EXPECT_EQ(authors_of("投稿者 Masafumi Negishi"), (Names{"Masafumi Negishi"}));
  EXPECT_EQ(authors_of("記者：山田太郎"), (Names{"山田太郎"}));
  EXPECT_EQ(authors_of("文● オカモト／ASCII編集部"), (Names{"オカモト"}));
  EXPECT_EQ(authors_of("文・山田太郎、鈴木花子"), (Names{"山田太郎", "鈴木花子"}));
  const auto credits = parse_byline("著者 お米ゴハン イラスト 汐街コナ");
  ASSERT_TRUE(credits);
  EXPECT_EQ(names(credits->authors), (Names{"お米ゴハン"}));
  EXPECT_EQ(credits->text, "お米ゴハン | イラスト 汐街コナ");
  EXPECT_EQ(names(split_authors("[田中宏昌，ITmedia]")), (Names{"田中宏昌", "ITmedia"}));
  EXPECT_EQ(names(split_authors("《KT》")), (Names{"KT"}));
  // A label glued to other words is not a marker: 著者一覧 is "list of authors".
  EXPECT_FALSE(parse_byline("著者一覧"));
  EXPECT_FALSE(parse_byline("記者会見"));
}

TEST(ParseByline, CutsTheSectionAfterAMarkedName) {
  EXPECT_EQ(authors_of("Written by Michael Larabel in Linux on 1 June 2019 at 08:34 PM EDT. "
                       "51 Comments"),
            (Names{"Michael Larabel"}));
  EXPECT_EQ(authors_of("By Jane Doe in Paris"), (Names{"Jane Doe"}));
  EXPECT_FALSE(parse_byline("Jane Doe in Paris"));  // without a marker, a sentence's start
}

TEST(ParseByline, ReadsNamesAfterASectionLabel) {
  const auto byline = parse_byline("Politik \u00b7 Jochen Bittner, Tina Hildebrandt");
  ASSERT_TRUE(byline);
  EXPECT_EQ(names(byline->authors), (Names{"Jochen Bittner", "Tina Hildebrandt"}));
  EXPECT_FALSE(parse_byline("Politik \u00b7 Read more"));
  EXPECT_FALSE(parse_byline("Sport \u00b7 Fussball"));
}

TEST(ParseByline, ReadsALeadingDoubleSlash) {
  const auto byline = parse_byline("// Jane Doe");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Jane Doe");
  EXPECT_TRUE(byline->marked);
  EXPECT_EQ(authors_of("//Jane Doe and John Roe"), (Names{"Jane Doe", "John Roe"}));
}

TEST(ParseByline, LeavesHandlesOut) {
  const auto byline = parse_byline("By Jane Doe @janedoe");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Jane Doe");
  EXPECT_EQ(names(byline->authors), (Names{"Jane Doe"}));
  const auto bare = parse_byline("Jane Doe (@jdoe)");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->text, "Jane Doe");
  EXPECT_TRUE(bare->marked);
  EXPECT_EQ(authors_of("Jane Doe | @jane_doe"), (Names{"Jane Doe"}));
  EXPECT_EQ(authors_of("By Jane Doe (@jdoe) and John Roe (@jroe)"),
            (Names{"Jane Doe", "John Roe"}));
}

TEST(ParseByline, LeavesAffiliationMarkersOut) {
  EXPECT_EQ(authors_of("Jane Doe1,2, John Smith3*"), (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(authors_of("Jane Doe\u2020 and John Smith\u2021\u00A7"),
            (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(authors_of("Jane Doe\u00B9, John Smith\u00B2\u00B6"),
            (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(authors_of("Jane Doe a, b, John Smith c"), (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(authors_of("By Jane Doe1, John Smith2"), (Names{"Jane Doe", "John Smith"}));
  const auto byline = parse_byline("Jane Doe1,2, John Smith3*");
  ASSERT_TRUE(byline);
  EXPECT_EQ(byline->text, "Jane Doe, John Smith");
}

TEST(ParseByline, ReadsANumberedListOfAuthors) {
  EXPECT_EQ(authors_of("1. Jane Doe 2. John Roe"), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(authors_of("By 1. Jane Doe, 2. John Roe, 3. Max Mustermann"),
            (Names{"Jane Doe", "John Roe", "Max Mustermann"}));
  for (const char* line : {"1. Jane Doe", "1. Jane Doe 3. John Roe", "2. Jane Doe 3. John Roe"}) {
    EXPECT_FALSE(parse_byline(line)) << line;
  }
}

TEST(ParseByline, RejectsWhatIsNotABylineInOtherForms) {
  for (const char* line :
       {"Photos by Jane Doe and John Roe", "Translated by Jane Doe",
        "The Story of the Year by Jane Doe", "Von", "Door Knobs", "Di Maio", "Von der Leyen",
        "Por favor", "// TODO fix this", "@janedoe", "Version 1.2 by Jane Doe",
        "Windows 10, John Roe", "jane@example.com", "Jane Doe123"}) {
    EXPECT_FALSE(parse_byline(line)) << line;
  }
  const auto credit = parse_byline("Photos by Jane Doe");
  EXPECT_FALSE(credit && credit->marked);
  const auto headline = parse_byline("Von der Leyen Visits Kyiv");
  EXPECT_FALSE(headline && headline->marked);
}

TEST(SplitAuthorList, SplitsAPapersAuthors) {
  EXPECT_EQ(names(split_author_list("Jane Doe1,2, John Smith3* and Ann Lee\u2020")),
            (Names{"Jane Doe", "John Smith", "Ann Lee"}));
  EXPECT_EQ(names(split_author_list("Nuala E. Tully, Karen M. Morgan, and Hannah M. McGee")),
            (Names{"Nuala E. Tully", "Karen M. Morgan", "Hannah M. McGee"}));
  EXPECT_EQ(names(split_author_list("S Morad Hameed; Ross G. DOUGLAS & Ludwig van Beethoven")),
            (Names{"S Morad Hameed", "Ross G. DOUGLAS", "Ludwig van Beethoven"}));
  EXPECT_EQ(names(split_author_list("By Jane Doe and John Smith")),
            (Names{"Jane Doe", "John Smith"}));
  EXPECT_EQ(names(split_author_list("\u00C9lodie Durand a, b, Jean Dupont c")),
            (Names{"\u00C9lodie Durand", "Jean Dupont"}));
  for (const char* line : {"Introduction", "Jane Doe, University of Oxford", "Madonna, Prince",
                           "Results and Discussion", "Jane Doe, 2. John Smith"}) {
    EXPECT_TRUE(split_author_list(line).empty()) << line;
  }
  EXPECT_TRUE(split_author_list(std::string(500, 'A')).empty());
  // Long hostile input stays linear.
  EXPECT_TRUE(split_authors(" @" + std::string(200000, 'a')).empty());
  EXPECT_TRUE(split_authors("A" + std::string(200000, '1')).empty());
}

TEST(SplitAuthors, SplitsPrintedBylines) {
  EXPECT_EQ(names(split_authors("Jane Doe, John Roe and Max Mustermann")),
            (Names{"Jane Doe", "John Roe", "Max Mustermann"}));
  EXPECT_EQ(names(split_authors("Jane Doe & John Roe")), (Names{"Jane Doe", "John Roe"}));
  EXPECT_EQ(names(split_authors("By Jane Doe, Reuters")), (Names{"Jane Doe"}));
  EXPECT_TRUE(split_authors("the staff").empty());
  EXPECT_EQ(names(split_authors("Texte par Jean Dupont @jdupont")), (Names{"Jean Dupont"}));
  EXPECT_EQ(names(split_authors("Jane Doe1,2, John Smith3*")), (Names{"Jane Doe", "John Smith"}));
}

}  // namespace
}  // namespace galley
