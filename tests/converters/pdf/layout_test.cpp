#include <gtest/gtest.h>

#include "../../../converters/pdf/pdf_layout.hpp"
#include "pdf_test_words.hpp"

namespace galley::pdf {
namespace {

using test::line_words;

constexpr double kPitch = 12;

// A block of lines "<name> 1", "<name> 2", ... stacked in a column at `x` from `y`.
void add_block(std::vector<Word>& words, const std::string& name, int lines, double x, double y) {
  for (int i = 0; i < lines; ++i) {
    const std::vector<Word> line =
        line_words(name + " line " + std::to_string(i + 1), x, y + kPitch * i);
    words.insert(words.end(), line.begin(), line.end());
  }
}

std::vector<std::string> texts(const Page& page) {
  std::vector<std::string> out;
  for (const Line& line : page.lines) out.push_back(line.text);
  return out;
}

std::vector<std::string> block_lines(const std::string& name, int lines) {
  std::vector<std::string> out;
  for (int i = 0; i < lines; ++i) out.push_back(name + " line " + std::to_string(i + 1));
  return out;
}

std::vector<std::string> concat(std::initializer_list<std::vector<std::string>> parts) {
  std::vector<std::string> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

// Poppler read the top of the right column before the lower part of the left one
// (a figure's labels broke the left column's flow): the left column is read to its
// foot first.
TEST(OrderColumns, ReadsTheLeftColumnToItsFootBeforeTheNextColumn) {
  std::vector<Word> words;
  add_block(words, "upper left", 5, 50, 100);
  add_block(words, "upper right", 6, 320, 100);
  add_block(words, "lower left", 5, 50, 200);
  add_block(words, "lower right", 5, 320, 200);
  Page page{1, 600, 800, build_lines(std::move(words), 1)};
  order_columns(page);
  EXPECT_EQ(texts(page), concat({block_lines("upper left", 5), block_lines("lower left", 5),
                                 block_lines("upper right", 6), block_lines("lower right", 5)}));
}

// Poppler read the right column first, beside a heading on its first line's baseline
// ("Abstract" over a paper's abstract, the introduction going on beside it): the left
// column is read first, and the heading is no cell of a table row.
TEST(OrderColumns, ReadsALeftColumnBesideTheRightOneFirst) {
  const std::string title = "a title across the whole page over both of the columns under it";
  std::vector<Word> words = line_words(title, 60, 60, 14);
  const std::vector<Word> heading = line_words("Abstract", 100, 100, 12);
  words.insert(words.end(), heading.begin(), heading.end());
  add_block(words, "right", 12, 320, 102);
  add_block(words, "abstract", 5, 70, 120);
  add_block(words, "left", 5, 50, 190);
  Page page{1, 600, 800, build_lines(std::move(words), 1)};
  order_columns(page);
  EXPECT_EQ(texts(page), concat({{title, "Abstract"},
                                 block_lines("abstract", 5),
                                 block_lines("left", 5),
                                 block_lines("right", 12)}));
}

// A figure across both columns between their upper and lower parts: the parts above
// it are read first, as Poppler does.
TEST(OrderColumns, KeepsColumnsAboveAFigureAcrossThePageFirst) {
  std::vector<Word> words;
  add_block(words, "upper left", 5, 50, 100);
  add_block(words, "upper right", 5, 320, 100);
  add_block(words, "figure across the columns of the page with its caption", 1, 50, 180);
  add_block(words, "lower left", 5, 50, 220);
  add_block(words, "lower right", 5, 320, 220);
  Page page{1, 600, 800, build_lines(std::move(words), 1)};
  const std::vector<std::string> poppler = texts(page);
  order_columns(page);
  EXPECT_EQ(texts(page), poppler);
}

// A table read row by row keeps its order: its cells are single lines side by side,
// none of them below the other column's cells.
TEST(OrderColumns, KeepsATableReadRowByRow) {
  std::vector<Word> words;
  for (int row = 0; row < 5; ++row) {
    const double y = 100 + kPitch * row;
    for (const double x : {50.0, 200.0, 350.0}) {
      const std::vector<Word> cell = line_words("cell " + std::to_string(row), x, y);
      words.insert(words.end(), cell.begin(), cell.end());
    }
  }
  Page page{1, 600, 800, build_lines(std::move(words), 1)};
  const std::vector<std::string> poppler = texts(page);
  order_columns(page);
  EXPECT_EQ(texts(page), poppler);
}

// A contents page Poppler reads a few entries, then their page numbers, then the next
// entries: the numbers are a narrow column on the entries' baselines and stay with them.
TEST(OrderColumns, KeepsAContentsPagesNumbersWithTheirEntries) {
  std::vector<Word> words;
  for (int part = 0; part < 2; ++part) {
    const double y = 100 + 100 * part;
    add_block(words, "entry of the contents in part " + std::to_string(part), 4, 50, y);
    add_block(words, std::to_string(part), 4, 500, y);
  }
  Page page{1, 600, 800, build_lines(std::move(words), 1)};
  const std::vector<std::string> poppler = texts(page);
  order_columns(page);
  EXPECT_EQ(texts(page), poppler);
}

// A box in smaller type beside the text (a web page's infobox) whose first word
// Poppler put on the text's line, and whose lines it interleaved with the text's:
// the box gets lines of its own, read after the text beside it.
TEST(OrderColumns, ReadsTheTextBeforeABoxInSmallerTypeBesideIt) {
  std::vector<Word> words;
  for (int i = 0; i < 6; ++i) {
    const double y = 100 + 16 * i;
    const std::vector<Word> text =
        line_words("running text of the article " + std::to_string(i), 50, y);
    words.insert(words.end(), text.begin(), text.end());
    std::vector<Word> box = line_words("infobox row " + std::to_string(i), 207, y + 4, 8);
    words.insert(words.end(), box.begin(), box.end());
  }
  std::vector<Line> lines = build_lines(std::move(words), 1);
  ASSERT_EQ(lines.size(), 12u);
  EXPECT_EQ(lines[0].text, "running text of the article 0");
  Page page{1, 600, 800, std::move(lines)};
  order_columns(page);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(page.lines[i].text, "running text of the article " + std::to_string(i));
    EXPECT_EQ(page.lines[6 + i].text, "infobox row " + std::to_string(i));
  }
}

// Poppler gives an Arabic line's words left to right as printed, each word's letters
// in drawing order; the line reads right to left, with "R" and "Python" embedded.
TEST(BuildLines, PutsRightToLeftTextInReadingOrder) {
  // Printed: "Python و R ةغلب ةجمربلا" (visual); read: "البرمجة بلغة R و Python".
  std::vector<Word> words = line_words(
      "Python \u0648 R \u0629\u063A\u0644\u0628 "
      "\u0629\u062C\u0645\u0631\u0628\u0644\u0627",
      50, 100);
  const std::vector<Line> lines = build_lines(std::move(words), 1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text,
            "\u0627\u0644\u0628\u0631\u0645\u062C\u0629 \u0628\u0644\u063A\u0629 R \u0648 Python");
  EXPECT_EQ(lines[0].word(0), "\u0627\u0644\u0628\u0631\u0645\u062C\u0629");
}

// Poppler gives a vowel sign as a word of no width drawn back over the letter before
// it ("بناءً" as "ء", "ً", "انب"): it stays on the line, and the word reads in order.
TEST(BuildLines, KeepsAVowelSignDrawnOverTheLetterBeforeIt) {
  std::vector<Word> words = line_words("\u0621 \u064B \u0627\u0646\u0628", 50, 100);
  words[0].space_after = false;
  words[1].box = {words[0].box.x0 + 1, 101, words[0].box.x0 + 1, 111};
  words[2].box.x0 = words[0].box.x1;
  const std::vector<Line> lines = build_lines(std::move(words), 1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "\u0628\u0646\u0627 \u064B\u0621");
}

TEST(BuildLines, LeavesLeftToRightTextAsPrinted) {
  const std::vector<Line> lines =
      build_lines(line_words("caf\u00E9 (x) 12 r\u00E9sum\u00E9", 50, 100), 1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "caf\u00E9 (x) 12 r\u00E9sum\u00E9");
}

// A line's words from the left, each followed by a space unless `glued`; a raised one
// is a marker's: six-point type, its top two points above the line's.
struct Printed {
  std::string text;
  bool raised = false;
  bool glued = false;
};
std::vector<Word> printed_line(const std::vector<Printed>& pieces) {
  std::vector<Word> words;
  double x = 50;
  for (const Printed& piece : pieces) {
    Word w;
    w.text = piece.text;
    const double width = (piece.raised ? 3 : 5) * static_cast<double>(piece.text.size());
    w.box = piece.raised ? Box{x, 98, x + width, 104} : Box{x, 100, x + width, 110};
    w.size = piece.raised ? 6 : 10;
    w.space_after = !piece.glued;
    x += width + (piece.glued ? 0 : 5);
    words.push_back(std::move(w));
  }
  return words;
}

TEST(BuildLines, KeepsTheMarkersItDropsWhereTheyWerePrinted) {
  const std::vector<Line> lines = build_lines(printed_line({{"Patrick"},
                                                            {"Lane", false, true},
                                                            {"a,c,", true, true},
                                                            {","},
                                                            {"Alice"},
                                                            {"Best", false, true},
                                                            {"b", true},
                                                            {"and"},
                                                            {"Lu"},
                                                            {"Zhang", false, true},
                                                            {"2,3,\u2217", true}}),
                                              1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "Patrick Lane, Alice Best and Lu Zhang");
  EXPECT_EQ(lines[0].marks,
            (std::vector<Mark>{{12, "a,c,", false}, {24, "b", false}, {37, "2,3,\u2217", false}}));
}

TEST(BuildLines, KeepsARaisedLetterOpeningALineAsItsMarker) {
  std::vector<Word> words = line_words("School of Forest Studies", 56, 100);
  Word mark;
  mark.text = "a";
  mark.size = 6;
  mark.box = {50, 98, 53, 104};
  words.insert(words.begin(), std::move(mark));
  const std::vector<Line> lines = build_lines(std::move(words), 1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "School of Forest Studies");
  EXPECT_EQ(lines[0].marks, (std::vector<Mark>{{0, "a", true}}));
}

TEST(BuildLines, KeepsARaisedLetterAfterWhatIsNoNameAsAnExponent) {
  // "R^d", "2^n", "QSL^r": exponents, not an affiliation's markers. A raised number
  // is taken for a marker anywhere, as before.
  for (const char* base : {"R", "2", "QSL", "Bild(D"}) {
    const std::vector<Line> lines =
        build_lines(printed_line({{"in"}, {base, false, true}, {"d", true}, {"here"}}), 1);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].text, std::string("in ") + base + "d here");
    EXPECT_TRUE(lines[0].marks.empty());
  }
}

// An IEEE reference whose repeated authors are a drawn rule: its label stands apart,
// three ems left of its text, and Poppler may give it before the text or after it.
TEST(BuildLines, KeepsALabelSetApartAtTheHeadOfItsLine) {
  std::vector<Word> text = line_words(", \u201CVariable bit rate video,\u201D in Proc.", 90, 100);
  std::vector<Word> label = line_words("[2]", 50, 100);
  std::vector<Word> after = text;
  after.push_back(label.front());
  std::vector<Word> before = label;
  before.insert(before.end(), text.begin(), text.end());
  for (std::vector<Word>* words : {&after, &before}) {
    const std::vector<Line> lines = build_lines(std::move(*words), 1);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].text, "[2] , \u201CVariable bit rate video,\u201D in Proc.");
    EXPECT_EQ(lines[0].box.x0, 50);
  }
}

// A word on the baseline of a line far to its right, or one that reads as no label
// (the end of the column to the left), starts a line of its own.
TEST(BuildLines, KeepsAWordLeftOfALineApartUnlessALabel) {
  std::vector<Word> far = line_words("right column text", 300, 100);
  far.push_back(line_words("[2]", 50, 100).front());
  EXPECT_EQ(build_lines(std::move(far), 1).size(), 2u);
  std::vector<Word> no_label = line_words("right column text", 90, 100);
  no_label.push_back(line_words("river.", 50, 100).front());
  EXPECT_EQ(build_lines(std::move(no_label), 1).size(), 2u);
}

}  // namespace
}  // namespace galley::pdf
