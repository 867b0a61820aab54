#include <gtest/gtest.h>

#include "../../../converters/pdf/pdf_layout.hpp"
#include "support/model_builders.hpp"

namespace galley::pdf {
namespace {

using namespace galley::test;

const std::string kProse =
    "MapReduce is a programming model and an associated implementation for processing and "
    "generating large data sets, which users specify as a map and a reduce function.";

TextBlock text_block(Block block, bool prose) {
  const std::string text = plain_text(block);
  const auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ') + 1);
  return TextBlock{std::move(block), words, 1, prose, false, false};
}

Article read(std::vector<TextBlock> body) {
  Selection selection;
  selection.title_page = 1;
  selection.body = std::move(body);
  Article article;
  read_scholarly(selection, article);
  for (const TextBlock& block : selection.body) article.body.push_back(block.block);
  return article;
}

TEST(ReadScholarly, TakesTheAbstractBelowTheTitleBlocksHeadings) {
  // Authors' names and institutions set as headings come before the abstract.
  const Article article =
      read({text_block(heading(2, "Michael Benedikt"), false),
            text_block(para("Oxford University, UK"), false),
            text_block(heading(2, "Google, Inc."), false),
            text_block(heading(2, "ABSTRACT"), false), text_block(para(kProse), true),
            text_block(heading(2, "1. INTRODUCTION"), false), text_block(para(kProse), true)});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(plain_text(article.abstract.front()), kProse);
  EXPECT_EQ(plain_text(article.body.front()), "Michael Benedikt");
}

TEST(ReadScholarly, EndsARunInAbstractBeforeAnAuthorLineBesideIt) {
  // Springer sets the authors and their institution beside the abstract, in full sentences.
  const Article article =
      read({text_block(para("Abstract " + kProse), true),
            text_block(para("S. Ruswandi · K. Kitani · T. Shiraishi (*)."), true),
            text_block(para("Faculty of Agriculture, Okayama University."), true),
            text_block(heading(2, "Introduction"), false)});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(plain_text(article.abstract.front()), kProse);
  EXPECT_EQ(plain_text(article.body.front()), "S. Ruswandi · K. Kitani · T. Shiraishi (*).");
  EXPECT_EQ(article.metadata.affiliations,
            (std::vector<std::string>{"Faculty of Agriculture, Okayama University."}));
}

TEST(ReadScholarly, LooksNoFurtherThanTheFirstSection) {
  // A "Summary" under the first numbered section is the paper's own, not its abstract.
  const Article article =
      read({text_block(heading(2, "1 Introduction"), false), text_block(para(kProse), true),
            text_block(heading(2, "Summary"), false), text_block(para(kProse), true)});
  EXPECT_TRUE(article.abstract.empty());
  EXPECT_EQ(article.body.size(), 4u);
}

}  // namespace
}  // namespace galley::pdf
