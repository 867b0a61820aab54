#include <gtest/gtest.h>

#include "../../../converters/pdf/pdf_layout.hpp"
#include "support/model_builders.hpp"

namespace galley::pdf {
namespace {

using namespace galley::test;

const std::string kProse =
    "The committee met on a wet Tuesday morning and agreed, after a long debate about the "
    "harbour, that the old ferry should run again for the summer months of next year.";

TextBlock text_block(Block block, bool prose, bool title = false) {
  const std::string text = plain_text(block);
  const auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ') + 1);
  return TextBlock{std::move(block), words, 1, prose, title, false};
}

std::vector<TextBlock> page_with_sticky_title() {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(2, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 20; ++i) blocks.push_back(text_block(para("Menu entry"), false));
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false));
  for (int i = 0; i < 3; ++i) blocks.push_back(text_block(para(kProse), true));
  return blocks;
}

TEST(SelectArticle, StartsAfterTheRepeatedHeadlineOverTheArticle) {
  const Selection selection = select_article(page_with_sticky_title(), Layout::WebPrint);
  ASSERT_EQ(selection.body.size(), 3u);
  EXPECT_EQ(plain_text(selection.body.front().block), kProse);
  EXPECT_EQ(selection.before.size(), 20u);  // both headlines are the title, out of the text
}

TEST(SelectArticle, KeepsTheArticleWhenACaptionRepeatsTheTitle) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  blocks.push_back(text_block(para("By Jane Doe"), false));
  blocks.push_back(text_block(para("The Ferry Runs Again"), false));
  for (int i = 0; i < 3; ++i) blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks), Layout::WebPrint);
  ASSERT_EQ(selection.body.size(), 5u);
  EXPECT_EQ(plain_text(selection.body.front().block), "By Jane Doe");
}

// A web page printed with its teasers: the article ends where its running text does.
TEST(SelectArticle, EndsAWebPrintsArticleBeforeItsTeasers) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 4; ++i) blocks.push_back(text_block(para(kProse), true));
  for (int i = 0; i < 14; ++i) blocks.push_back(text_block(para("More stories"), false));
  blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks), Layout::WebPrint);
  EXPECT_EQ(selection.body.size(), 4u);
  EXPECT_EQ(selection.after.size(), 15u);
  EXPECT_FALSE(selection.kept_all);
}

// A figure's labels or a contents list inside the article: running text follows.
TEST(SelectArticle, GoesOnThroughAFiguresLabelsInAWebPrint) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 2; ++i) blocks.push_back(text_block(para(kProse), true));
  for (int i = 0; i < 20; ++i) blocks.push_back(text_block(para("Figure label"), false));
  for (int i = 0; i < 6; ++i) blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks), Layout::WebPrint);
  EXPECT_FALSE(selection.kept_all);
  EXPECT_EQ(selection.body.size(), 28u);
  EXPECT_TRUE(selection.after.empty());
}

// A box beside the text (a web page's infobox) interrupts the article's last paragraph
// mid-sentence, and the sentence resumes after the box's rows: all of it is the article.
TEST(SelectArticle, GoesOnThroughAFloatThatInterruptsASentence) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 3; ++i) blocks.push_back(text_block(para(kProse), true));
  blocks.push_back(text_block(para("The harbour master said, after the vote, that the ferry would "
                                   "run from the first week of"),
                              true));
  for (int i = 0; i < 20; ++i) blocks.push_back(text_block(para("Infobox row"), false));
  blocks.push_back(
      text_block(para("next summer, once the pier is mended and the crew are hired."), true));
  const Selection selection = select_article(std::move(blocks), Layout::WebPrint);
  EXPECT_FALSE(selection.kept_all);
  EXPECT_EQ(selection.body.size(), 25u);
  EXPECT_TRUE(selection.after.empty());
}

// A cut that would leave most of the running text behind keeps it all instead.
TEST(SelectArticle, KeepsAllOfAWebPrintRatherThanLoseMostOfItsRunningText) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  blocks.push_back(text_block(para(kProse), true));
  blocks.push_back(text_block(para("Related stories"), false));
  for (int i = 0; i < 14; ++i) blocks.push_back(text_block(para("Share"), false));
  for (int i = 0; i < 5; ++i) blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks), Layout::WebPrint);
  EXPECT_TRUE(selection.kept_all);
  EXPECT_EQ(selection.body.size(), 21u);
  EXPECT_TRUE(selection.after.empty());
}

// A paper's figures, tables and supplement are its own text: nothing ends it.
TEST(SelectArticle, KeepsAllOfADocumentAfterItsTitle) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(para("Journal of Ferries 12 (2024)"), false));
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 4; ++i) blocks.push_back(text_block(para(kProse), true));
  for (int i = 0; i < 14; ++i) blocks.push_back(text_block(para("Table cell"), false));
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false));
  for (int i = 0; i < 6; ++i) blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks), Layout::Document);
  ASSERT_EQ(selection.before.size(), 1u);
  EXPECT_EQ(selection.body.size(), 25u);
  EXPECT_TRUE(selection.after.empty());
}

TEST(LayoutOf, ABrowsersPrintStampMakesAWebPrint) {
  EXPECT_EQ(layout_of({.stamp_pages = 1}), Layout::WebPrint);
  EXPECT_EQ(layout_of({.stamp_pages = 3}), Layout::WebPrint);
  EXPECT_EQ(layout_of({.stamp_pages = 0}), Layout::Document);
}

}  // namespace
}  // namespace galley::pdf
