#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

Blocks joined(Blocks body) {
  Article article;
  article.body = std::move(body);
  Diagnostics diag;
  join_split_paragraphs(article, {}, diag);
  return article.body;
}

const std::string kOpen = "Wang declared that the US attitude toward China had";

// A long run of lines that each continue the last becomes one paragraph, and the
// blocks around it stay in order (the pass is one linear walk).
TEST(JoinParagraphs, JoinsALongRunIntoOneParagraph) {
  Blocks body{heading(1, text("Lines"))};
  std::string expected = kOpen;
  body.push_back(para(text(kOpen)));
  constexpr int kLines = 20000;
  for (int i = 0; i < kLines; ++i) {
    body.push_back(para(text("and on we went")));
    expected += " and on we went";
  }
  body.push_back(para(text("End.")));
  EXPECT_EQ(joined(std::move(body)),
            blocks(heading(1, text("Lines")), para(text(expected)), para(text("End."))));
}

TEST(JoinParagraphs, JoinsALowerCaseContinuation) {
  EXPECT_EQ(joined(blocks(para(text(kOpen)), para(text("not substantially changed.")))),
            blocks(para(text(kOpen + " not substantially changed."))));
}

TEST(JoinParagraphs, JoinsAQuotedLowerCaseContinuation) {
  const std::string open = "China, Russia and Iran held exercises to “strengthen security” and";
  EXPECT_EQ(joined(blocks(para(text(open)), para(text("“multilateral cooperation.”")))),
            blocks(para(text(open + " “multilateral cooperation.”"))));
}

TEST(JoinParagraphs, JoinsAProperNameAfterAHyphenatedCompound) {
  const std::string open = "Its evidence is the rantings of a right-wing";
  EXPECT_EQ(joined(blocks(para(text(open)), para(text("Chinese nationalist blogger.")))),
            blocks(para(text(open + " Chinese nationalist blogger."))));
}

TEST(JoinParagraphs, JoinsAfterAFunctionWord) {
  const std::string open = "The ministers met in Beijing and agreed on the";
  EXPECT_EQ(joined(blocks(para(text(open)), para(text("Olympic truce.")))),
            blocks(para(text(open + " Olympic truce."))));
}

TEST(JoinParagraphs, MergesInlinesAcrossTheJoin) {
  EXPECT_EQ(
      joined(blocks(para(text("A "), emph(text("Financial Times")), text(" article said the")),
                    para(text("ties were deepening.")))),
      blocks(para(text("A "), emph(text("Financial Times")),
                  text(" article said the ties were deepening."))));
}

TEST(JoinParagraphs, JoinsAChainOfSplits) {
  EXPECT_EQ(
      joined(blocks(para(text("one two three four five six and")),
                    para(text("seven eight nine ten eleven twelve or")), para(text("thirteen.")))),
      blocks(para(text("one two three four five six and seven eight nine ten eleven "
                       "twelve or thirteen."))));
}

TEST(JoinParagraphs, KeepsFinishedSentencesApart) {
  for (const char* end : {".", "!", "?", ":", ";", "…", ".”", "?\"", ".)"}) {
    const Blocks body = blocks(para(text(kOpen + end)), para(text("not a continuation")));
    EXPECT_EQ(joined(body), body) << end;
  }
}

TEST(JoinParagraphs, KeepsAnUpperCaseStartApart) {
  const Blocks body = blocks(para(text("It was the rantings of a nationalist blogger")),
                             para(text("Chinese officials said nothing.")));
  EXPECT_EQ(joined(body), body);
}

TEST(JoinParagraphs, NeverJoinsAShortLabel) {
  const Blocks body = blocks(para(text("Photo by the agency")), para(text("taken in 2021.")));
  EXPECT_EQ(joined(body), body);
}

TEST(JoinParagraphs, NeverJoinsAcrossOtherBlocks) {
  const Blocks after_heading = blocks(heading(2, text(kOpen)), para(text("not substantially.")));
  EXPECT_EQ(joined(after_heading), after_heading);
  const Blocks after_list =
      blocks(list(false, {blocks(para(text(kOpen)))}), para(text("not substantially.")));
  EXPECT_EQ(joined(after_list), after_list);
  const Blocks after_quote = blocks(quote(para(text(kOpen))), para(text("not substantially.")));
  EXPECT_EQ(joined(after_quote), after_quote);
  const Blocks before_code = blocks(para(text(kOpen)), code_block("not substantially"));
  EXPECT_EQ(joined(before_code), before_code);
  const Blocks across_rule = blocks(para(text(kOpen)), rule(), para(text("not substantially.")));
  EXPECT_EQ(joined(across_rule), across_rule);
}

TEST(JoinParagraphs, KeepsAHardLineBreakEnding) {
  const Blocks body = blocks(para(text(kOpen), line_break()), para(text("not substantially.")));
  EXPECT_EQ(joined(body), body);
}

}  // namespace
}  // namespace galley
