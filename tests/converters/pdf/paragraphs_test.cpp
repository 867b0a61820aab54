#include <gtest/gtest.h>

#include <sstream>

#include "../../../converters/pdf/pdf_layout.hpp"

namespace galley::pdf {
namespace {

constexpr double kSize = 10;
constexpr double kLeft = 50;
constexpr double kRight = 300;

struct Spec {
  std::string text;
  double right = kRight;  ///< where the line stops
  bool bold = false;
  double left = kLeft;      ///< where the line starts
  double space_before = 0;  ///< extra space above the line
  double size = kSize;
};

// Ten-point lines in one column, 12 points apart, each line's words spread evenly
// between `left` (the column's left edge unless indented) and `right`.
std::vector<Word> words_of(const std::vector<Spec>& lines) {
  std::vector<Word> words;
  double y = 100;
  for (const Spec& spec : lines) {
    y += spec.space_before;
    std::vector<std::string> texts;
    std::istringstream in(spec.text);
    for (std::string w; in >> w;) texts.push_back(w);
    const double step = (spec.right - spec.left) / static_cast<double>(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Word w;
      w.text = texts[i];
      const double x0 = spec.left + step * static_cast<double>(i);
      w.box = {x0, y, x0 + step - 3, y + spec.size};
      w.size = spec.size;
      w.bold = spec.bold;
      w.space_after = i + 1 < texts.size();
      words.push_back(std::move(w));
    }
    y += 12;
  }
  return words;
}

Page page_from(int number, std::vector<Word> words) {
  Page page{number, 600, 800, build_lines(std::move(words), number)};
  assign_columns(page);
  return page;
}

// A page of the lines words_of sets.
Page page_of(int number, const std::vector<Spec>& lines) {
  return page_from(number, words_of(lines));
}

std::vector<TextBlock> blocks_of(std::vector<Page> pages) {
  return BlockBuilder(std::move(pages), kSize).finish();
}

const std::vector<Spec> kFullLines = {
    {"the council met again on a wet morning to hear the engineers"},
    {"report on the river and its walls before the vote on the plan"},
    {"which would take the old stones down along two miles of bank"},
    {"and let the water find its own way through the eastern meadows"},
};

// Justified text: a full line before the page break ends a sentence, yet the
// paragraph goes on (its last line would be short).
TEST(BlockBuilder, JoinsAJustifiedParagraphAcrossABreakAfterAFullLine) {
  std::vector<Spec> first = kFullLines;
  first.push_back({"so the vote was carried by nine councillors against two of them."});
  std::vector<Spec> second = kFullLines;
  second.front().text[0] = 'T';
  second.push_back({"The work began in April.", 160});
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, first), page_of(2, second)});
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_NE(plain_text(blocks[0].block).find("two of them. The council met"), std::string::npos);
}

// Ragged text: a sentence that ends its line before a break ends the paragraph.
TEST(BlockBuilder, EndsARaggedParagraphWhereASentenceEndsAtABreak) {
  const std::vector<Spec> first = {
      {"the council met again on a wet morning to hear", 280},
      {"Harbourmasters report on the river and its walls", 296},
      {"Harbourmasters took the old stones down along", 270},
      {"Harbourmasters let the water find its own way", 290},
      {"Harbourmasters carried the vote by nine to two.", 285},
  };
  const std::vector<Spec> second = {{"Harbourmasters began the work in April of that year", 292},
                                    {"and it went on all summer.", 160}};
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, first), page_of(2, second)});
  EXPECT_EQ(blocks.size(), 2u);
}

// A bold line in body type over its section is a heading, not a paragraph.
TEST(BlockBuilder, TakesABoldLineInBodyTypeForASectionHeading) {
  std::vector<Spec> lines = {{"2 Methods", 110, true}};
  lines.insert(lines.end(), kFullLines.begin(), kFullLines.end());
  lines.push_back({"and so the work began.", 160});
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, lines)});
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<Heading>(blocks[0].block.node));
  EXPECT_EQ(plain_text(blocks[0].block), "2 Methods");
}

// A bold byline is no heading.
TEST(BlockBuilder, KeepsABoldBylineAParagraph) {
  std::vector<Spec> lines = {{"By Helen Marsh", 130, true}};
  lines.insert(lines.end(), kFullLines.begin(), kFullLines.end());
  lines.push_back({"and so the work began.", 160});
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, lines)});
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<Paragraph>(blocks[0].block.node));
}

bool is_heading(const TextBlock& block) {
  return std::holds_alternative<Heading>(block.block.node);
}

constexpr double kHang = kLeft + 15;

// A reference list set with hanging indents: each entry's lines after its first are
// indented, and an entry is one block, its line-end hyphen undone.
TEST(BlockBuilder, KeepsAnEntryWithAHangingIndentOneBlock) {
  const std::vector<TextBlock> blocks = blocks_of({page_of(
      1, {{"Alice Marsh, Tom Reed, Helen Brook, and Carl Fenn. 2020. Walls and weirs of the"},
          {"Millbrook river over two centuries of straightening and re-", kRight, false, kHang},
          {"pair. In Proceedings of the River Society, pages 1-9.", 260, false, kHang},
          {"Helen Brook and Carl Fenn. 2019. The flood plain and the town: a history of"},
          {"the meadows east of the bridge. Water Review, 41:101-130.", 270, false, kHang},
          {"Tom Reed. 2021. Rivers Set Free. Valley Press.", 200}})});
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_NE(plain_text(blocks[0].block).find("and repair. In"), std::string::npos);
  EXPECT_TRUE(blocks[0].hanging);
  EXPECT_TRUE(blocks[1].hanging);
  EXPECT_FALSE(blocks[2].hanging);
  EXPECT_FALSE(blocks[1].indented);
}

// A byline over a paragraph whose first line is indented: the paragraph's second line
// is flush and goes on with the first, so the byline is no entry hung over it.
TEST(BlockBuilder, KeepsALineOverAnIndentedFirstLineApart) {
  const std::vector<TextBlock> blocks = blocks_of({page_of(
      1, {{"By Helen Marsh and Tom Reed with Carl Fenn and the river society of Millbrook"},
          {"the council met again on a wet morning to hear the engineers", kRight, false, kHang},
          {"report on the river and its walls before the vote on the plan"},
          {"and so the work began.", 160}})});
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_FALSE(blocks[0].hanging);
  EXPECT_TRUE(blocks[1].indented);
}

// Centred lines (a title block's affiliations) move in at both ends: no hanging indent.
TEST(BlockBuilder, KeepsCentredLinesApart) {
  const std::vector<TextBlock> blocks = blocks_of({page_of(
      1, {{"Department of Geography, University of Millbrook, Millbrook, United Kingdom"},
          {"Institute of Water Research, Valley College", kRight - 60, false, kLeft + 60}})});
  EXPECT_EQ(plain_text(blocks.front().block),
            "Department of Geography, University of Millbrook, Millbrook, United Kingdom");
}

// Numbered section titles set in body type, alone on their line, are headings when
// running text follows them, or a numbered title under them.
TEST(BlockBuilder, TakesNumberedTitlesOverTextForHeadings) {
  std::vector<Spec> lines = {
      {"2. Methods", 110},
      {"2.1. Characterisation of flow", 170, false, kLeft, 8},
      {"The council met again on a wet morning to hear the engineers", kRight, false, kLeft, 8}};
  lines.insert(lines.end(), kFullLines.begin() + 1, kFullLines.end());
  lines.push_back({"and so the work began.", 160});
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, lines)});
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_TRUE(is_heading(blocks[0]));
  EXPECT_TRUE(is_heading(blocks[1]));
  EXPECT_EQ(plain_text(blocks[1].block), "2.1. Characterisation of flow");
  EXPECT_FALSE(is_heading(blocks[2]));
}

// Numbered lines in sequence are a list, and a numbered line that runs on to the
// column's edge is a reference's first line: neither is a heading.
TEST(BlockBuilder, KeepsNumberedListItemsParagraphs) {
  std::vector<Spec> lines = {
      {"1. Preheat the oven", 150},
      {"2. Mix the flour", 140, false, kLeft, 8},
      {"The council met again on a wet morning to hear the engineers", kRight, false, kLeft, 8}};
  lines.insert(lines.end(), kFullLines.begin() + 1, kFullLines.end());
  lines.push_back({"and so the work began.", 160});
  lines.push_back({"12. Mason M: Sample Size and Saturation in Studies Using Qualitative"});
  lines.push_back(
      {"Interviews of the council in the winter before the vote", kRight, false, kHang});
  lines.insert(lines.end(), kFullLines.begin(), kFullLines.end());
  lines.push_back({"and so the work began.", 160});
  const std::vector<TextBlock> blocks = blocks_of({page_of(1, lines)});
  for (const TextBlock& block : blocks) EXPECT_FALSE(is_heading(block)) << plain_text(block.block);
}

// A mark set large between a running head's parts ("Title · 23"), a figure's panel
// letter and its axis numbers head nothing.
TEST(BlockBuilder, TakesNoMarkLetterOrNumbersForAHeading) {
  for (const char* mark : {"\u00B7", "d", "0 0.005"}) {
    std::vector<Spec> lines = {{mark, 90, false, kLeft, 0, 14.5}};
    lines.insert(lines.end(), kFullLines.begin(), kFullLines.end());
    for (const TextBlock& block : blocks_of({page_of(1, lines)})) {
      EXPECT_FALSE(is_heading(block)) << mark;
    }
  }
}

// A raised marker opening a line whose top is `y`, in six-point type.
Word opening_marker(const std::string& text, double y) {
  Word w;
  w.text = text;
  w.size = 6;
  w.box = {kLeft - 4, y - 2, kLeft - 1, y + 4};
  return w;
}

TEST(BlockBuilder, KeepsTheMarkersDroppedFromItsLinesAtTheirPlaceInItsText) {
  // Two affiliations that run on as one paragraph, each line opened by a raised number.
  std::vector<Word> words =
      words_of({{"Department of Geography, University of Millbrook, Millbrook, UK and"},
                {"Institute of Water Research, Valley College", 250}});
  words.insert(words.begin() + 9, opening_marker("2", 112));
  words.insert(words.begin(), opening_marker("1", 100));
  const std::vector<TextBlock> blocks = blocks_of({page_from(1, std::move(words))});
  ASSERT_EQ(blocks.size(), 1u);
  const std::string text = plain_text(blocks[0].block);
  const std::size_t second = text.find(" Institute");
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(blocks[0].marks, (std::vector<Mark>{{0, "1", true}, {second, "2", true}}));
}

TEST(FontStyle, ReadsWeightAndSlantFromTheFontsName) {
  EXPECT_TRUE(font_style("ABCDEF+Times-BoldItalic").bold);
  EXPECT_TRUE(font_style("ABCDEF+Times-BoldItalic").italic);
  EXPECT_TRUE(font_style("CMBX10").bold);
  EXPECT_TRUE(font_style("HDRKKF+TradeGothicLTStd-Bd2").bold);
  EXPECT_TRUE(font_style("HelveticaBdIt").bold);
  EXPECT_FALSE(font_style("XBTCAZ+MinionPro-Regular").bold);
  EXPECT_FALSE(font_style("AbdominalSans").bold);
  EXPECT_FALSE(font_style("Bdrone-Light").bold);
}

}  // namespace
}  // namespace galley::pdf
