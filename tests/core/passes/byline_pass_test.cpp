#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

const Block kBody =
    para(text("In China's most forthright yet comments on the mounting US "
              "confrontation with Russia over Ukraine, Chinese Foreign Minister "
              "Wang Yi warned Washington and its allies not to hype the crisis."));

Article recovered(Blocks body) {
  Article article;
  article.body = std::move(body);
  Diagnostics diag;
  recover_byline_and_date(article, {}, diag);
  return article;
}

std::string date_of(const Article& a) {
  return a.metadata.date ? format_date(*a.metadata.date) : "none";
}

TEST(RecoverByline, ReadsABoldNameOverADate) {
  const Article a = recovered(
      blocks(para(strong(text("Peter Symonds")), line_break(), text("30 January 2022")), kBody));
  EXPECT_EQ(a.metadata.byline, "Peter Symonds");
  ASSERT_EQ(a.metadata.authors.size(), 1u);
  EXPECT_EQ(a.metadata.authors[0].name, "Peter Symonds");
  EXPECT_EQ(date_of(a), "2022-01-30");
  EXPECT_EQ(a.body, blocks(kBody));
}

TEST(RecoverByline, ReadsMarkedBylineWithDateAndTime) {
  const Article a =
      recovered(blocks(para(text("By Jane Doe | January 30, 2022 10:15 GMT")), kBody));
  EXPECT_EQ(a.metadata.byline, "Jane Doe");
  EXPECT_EQ(date_of(a), "2022-01-30");
  EXPECT_EQ(a.metadata.datetime, "2022-01-30T10:15Z");
  EXPECT_EQ(a.body, blocks(kBody));
}

TEST(RecoverByline, ADayReplacesADateKnownToTheYearOnly) {
  Article article;
  article.metadata.datetime = "2014";  // a paper's copyright line, read by the PDF reader
  article.body = blocks(para(text("Published 30 Jan 2014")), kBody);
  Diagnostics diag;
  recover_byline_and_date(article, {}, diag);
  EXPECT_EQ(date_of(article), "2014-01-30");
  EXPECT_FALSE(article.metadata.datetime);
}

TEST(RecoverByline, ReadsSeparateBlocksUnderASubtitle) {
  const Article a =
      recovered(blocks(heading(2, text("A subtitle")), para(text("Jane Doe, Reuters")),
                       para(text("Published 30 Jan 2022")), kBody));
  EXPECT_EQ(a.metadata.byline, "Jane Doe, Reuters");
  EXPECT_EQ(a.metadata.authors.size(), 1u);
  EXPECT_EQ(date_of(a), "2022-01-30");
  EXPECT_EQ(a.body, blocks(heading(2, text("A subtitle")), kBody));
}

TEST(RecoverByline, NeedsEvidenceForABareName) {
  const Blocks body = blocks(para(text("Breaking Point")), kBody);
  EXPECT_EQ(recovered(body).body, body);
  EXPECT_TRUE(recovered(body).metadata.authors.empty());
  const Article dated = recovered(blocks(para(text("Jane Doe")), para(text("2022-01-30")), kBody));
  EXPECT_EQ(dated.metadata.byline, "Jane Doe");
  EXPECT_EQ(dated.body, blocks(kBody));
}

TEST(RecoverByline, LeavesMixedBlocksAndLaterBlocksAlone) {
  const Blocks mixed =
      blocks(para(text("By Jane Doe"), line_break(), text("The talks failed.")), kBody);
  EXPECT_EQ(recovered(mixed).body, mixed);
  const Blocks late = blocks(kBody, para(text("By Jane Doe")));
  EXPECT_EQ(recovered(late).body, late);
}

TEST(RecoverByline, PrefersAMarkedBylineToABoldLabel) {
  const Article a = recovered(blocks(para(strong(text("Tech Industry"))),
                                     para(text("by Jane Doe January 30, 2022 11:00 PM")), kBody));
  EXPECT_EQ(a.metadata.byline, "Jane Doe");
  EXPECT_EQ(date_of(a), "2022-01-30");
}

TEST(RecoverByline, ReadsADateLineEndingInASeparator) {
  const Article a = recovered(blocks(para(text("Jun 7, 2023, 8:54 PM UTC|")), kBody));
  EXPECT_EQ(date_of(a), "2023-06-07");
  EXPECT_EQ(a.body, blocks(kBody));
}

TEST(RecoverByline, KeepsKnownMetadata) {
  Article article;
  article.metadata.byline = "Known Author";
  article.metadata.date = std::chrono::year{2020} / 1 / 1;
  article.body = blocks(para(text("By Jane Doe")), para(text("30 January 2022")), kBody);
  Diagnostics diag;
  recover_byline_and_date(article, {}, diag);
  EXPECT_EQ(article.metadata.byline, "Known Author");
  EXPECT_EQ(format_date(*article.metadata.date), "2020-01-01");
  EXPECT_EQ(article.body, blocks(kBody));
}

TEST(RecoverByline, UsesTheDateOrder) {
  Article article;
  article.body = blocks(para(text("03/04/2022")), kBody);
  Diagnostics diag;
  recover_byline_and_date(article, {DateOrder::MonthFirst}, diag);
  EXPECT_EQ(date_of(article), "2022-03-04");
}

}  // namespace
}  // namespace galley
