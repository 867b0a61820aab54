#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

Article recovered(Blocks body, std::optional<std::string> title = std::nullopt) {
  Article article;
  article.body = std::move(body);
  article.metadata.title = std::move(title);
  Diagnostics diag;
  recover_title(article, {}, diag);
  return article;
}

TEST(RecoverTitle, TakesALeadingLevelOneHeading) {
  const Article a =
      recovered(blocks(heading(1, text("The "), emph(text("Title"))), para(text("x"))));
  EXPECT_EQ(a.metadata.title, "The Title");
  EXPECT_EQ(a.body, blocks(para(text("x"))));
}

TEST(RecoverTitle, TakesTheOnlyTopLevelHeading) {
  const Article a =
      recovered(blocks(heading(2, text("Title")), para(text("x")), heading(3, text("Section"))));
  EXPECT_EQ(a.metadata.title, "Title");
  EXPECT_EQ(a.body.size(), 2u);
}

TEST(RecoverTitle, LeavesSectionHeadingsAlone) {
  const Blocks sections = blocks(heading(2, text("One")), para(text("x")), heading(2, text("Two")));
  EXPECT_FALSE(recovered(sections).metadata.title);
  EXPECT_EQ(recovered(sections).body, sections);
  const Blocks late = blocks(para(text("x")), heading(1, text("Late")));
  EXPECT_FALSE(recovered(late).metadata.title);
}

TEST(RecoverTitle, DropsAHeadingRepeatingAKnownTitle) {
  const Article a = recovered(blocks(heading(1, text("THE  TITLE")), para(text("x"))), "The title");
  EXPECT_EQ(a.metadata.title, "The title");
  EXPECT_EQ(a.body, blocks(para(text("x"))));
}

TEST(RecoverTitle, DropsAHeadingRepeatingATitleWithASiteName) {
  const Article a = recovered(blocks(heading(1, text("Budget approved")), para(text("x"))),
                              "Budget approved | City News");
  EXPECT_EQ(a.body, blocks(para(text("x"))));
  const Blocks body = blocks(heading(1, text("Budget")), para(text("x")));
  EXPECT_EQ(recovered(body, "Budget approved | City News").body, body);
}

TEST(RecoverTitle, KeepsAKnownTitleAndADifferentHeading) {
  const Blocks body = blocks(heading(1, text("Other")), para(text("x")));
  const Article a = recovered(body, "The title");
  EXPECT_EQ(a.metadata.title, "The title");
  EXPECT_EQ(a.body, body);
}

}  // namespace
}  // namespace galley
