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
};

// A page of ten-point lines in one column, 12 points apart, each line's words spread
// evenly between the column's left edge and `right`.
Page page_of(int number, const std::vector<Spec>& lines) {
  std::vector<Word> words;
  double y = 100;
  for (const Spec& spec : lines) {
    std::vector<std::string> texts;
    std::istringstream in(spec.text);
    for (std::string w; in >> w;) texts.push_back(w);
    const double step = (spec.right - kLeft) / static_cast<double>(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Word w;
      w.text = texts[i];
      const double x0 = kLeft + step * static_cast<double>(i);
      w.box = {x0, y, x0 + step - 3, y + kSize};
      w.size = kSize;
      w.bold = spec.bold;
      w.space_after = i + 1 < texts.size();
      words.push_back(std::move(w));
    }
    y += 12;
  }
  Page page{number, 600, 800, build_lines(std::move(words), number)};
  assign_columns(page);
  return page;
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

}  // namespace
}  // namespace galley::pdf
