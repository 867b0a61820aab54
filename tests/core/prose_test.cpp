#include "detail/prose.hpp"

#include <string>

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(Prose, CountsWordsBetweenWhitespace) {
  EXPECT_EQ(word_count(""), 0u);
  EXPECT_EQ(word_count("  one\ttwo \n three  "), 3u);
}

TEST(Prose, EndsASentenceInEveryScript) {
  for (const char* text : {"It rained.", "Did it rain?", "“It rained!”", "It rained.)", "下雨了。",
                           "下雨了吗？", "هل تمطر؟", "बारिश हुई।", "Wait…", "As follows:"}) {
    EXPECT_TRUE(ends_sentence(text)) << text;
  }
  for (const char* text : {"It rained,", "It rained", "first; ", "(a)", "", "”"}) {
    EXPECT_FALSE(ends_sentence(text)) << text;
  }
}

TEST(Prose, ASemicolonEndsAClauseButNoSentence) {
  EXPECT_FALSE(ends_sentence("the first item;"));
  EXPECT_TRUE(ends_clause("the first item;"));
  EXPECT_TRUE(ends_clause("第一项；"));
  EXPECT_TRUE(ends_clause("It rained."));
  EXPECT_FALSE(ends_clause("It rained,"));
}

TEST(Prose, TellsHowTextOpensPastQuotesAndBrackets) {
  EXPECT_TRUE(opening_of("and so on").lower);
  EXPECT_TRUE(opening_of("“multilateral").lower);
  EXPECT_TRUE(opening_of("“multilateral").quoted);
  EXPECT_TRUE(opening_of("ǫ′ )-approximation").lower);  // Latin Extended-B
  EXPECT_TRUE(opening_of("γνώση").lower);
  EXPECT_TRUE(opening_of("съезд").lower);
  EXPECT_TRUE(opening_of("éte").lower);
  EXPECT_FALSE(opening_of("Wang").lower);
  EXPECT_FALSE(opening_of("Ωmega").lower);
  EXPECT_TRUE(opening_of("[3] the").digit);
  const Opening caseless = opening_of("下雨了");
  EXPECT_TRUE(caseless.letter);
  EXPECT_FALSE(caseless.lower);
  EXPECT_FALSE(opening_of("").letter);
}

TEST(Prose, ContinuesASentenceThatStopsMidway) {
  const std::string open = "Wang declared that the US attitude toward China had";
  EXPECT_TRUE(continues_sentence(open, "not substantially changed."));
  EXPECT_TRUE(continues_sentence(open, "Beijing's view."));  // "had" stops mid-phrase
  EXPECT_FALSE(continues_sentence(open + ".", "not substantially changed."));
  EXPECT_FALSE(continues_sentence("Too short to go", "on and on"));
  EXPECT_FALSE(continues_sentence("Bring the following things to the trip;", "boots"));
  EXPECT_FALSE(continues_sentence("He said the talks had gone well", "Beijing agreed."));
}

TEST(Prose, FindsTitleSeparators) {
  const std::string title = "Budget approved | News — City Times";
  const TitleSeparator first = first_title_separator(title);
  ASSERT_TRUE(first);
  EXPECT_EQ(title.substr(0, first.at), "Budget approved");
  EXPECT_FALSE(first.hierarchical);
  const TitleSeparator last = last_title_separator(title);
  EXPECT_EQ(title.substr(last.end()), "City Times");
  EXPECT_TRUE(last_title_separator("Home » News » Budget").hierarchical);
  EXPECT_FALSE(first_title_separator("Budget-approved: a city"));
  EXPECT_EQ(title_separator_at(title, 15), 3u);
  EXPECT_EQ(title_separator_at(title, 0), 0u);
  EXPECT_EQ(title_separator_at(title, title.size() + 1), 0u);
}

}  // namespace
}  // namespace galley::detail
