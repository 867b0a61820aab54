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
  const Selection selection = select_article(page_with_sticky_title());
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
  const Selection selection = select_article(std::move(blocks));
  ASSERT_EQ(selection.body.size(), 5u);
  EXPECT_EQ(plain_text(selection.body.front().block), "By Jane Doe");
}

TEST(SelectArticle, KeepsTheArticleBeforeASupplementRepeatingTheTitle) {
  std::vector<TextBlock> blocks;
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false, true));
  for (int i = 0; i < 4; ++i) blocks.push_back(text_block(para(kProse), true));
  for (int i = 0; i < 14; ++i) blocks.push_back(text_block(para("Table cell"), false));
  blocks.push_back(text_block(heading(1, "The Ferry Runs Again"), false));
  for (int i = 0; i < 6; ++i) blocks.push_back(text_block(para(kProse), true));
  const Selection selection = select_article(std::move(blocks));
  EXPECT_TRUE(selection.before.empty());
  EXPECT_EQ(selection.body.size(), 4u);
}

}  // namespace
}  // namespace galley::pdf
