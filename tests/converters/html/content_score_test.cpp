#include <gtest/gtest.h>

#include "../../../converters/html/content_score.hpp"
#include "../../../converters/html/html_parse.hpp"
#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

TEST(ContentScore, PicksTheArticleOverNavigationSidebarAndComments) {
  const Article a = read_html(
      "<html><body><nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World</a></li></ul></nav>"
      "<div id=main><div class=\"story-body\">" +
      article_paragraphs(4) +
      "</div></div><div class=sidebar><p>Sidebar text that is long enough to count, with a comma, "
      "and more words here.</p></div><div id=comments><p>A comment, with commas, that is long "
      "enough to be scored as a paragraph by itself.</p></div></body></html>");
  const std::string text = body_text(a);
  EXPECT_NE(text.find("Paragraph 0"), std::string::npos);
  EXPECT_NE(text.find("Paragraph 3"), std::string::npos);
  EXPECT_EQ(text.find("Home"), std::string::npos);
  EXPECT_EQ(text.find("Sidebar"), std::string::npos);
  EXPECT_EQ(text.find("comment"), std::string::npos);
}

TEST(ContentScore, CleansShareBarsRelatedLinksAndNewsletterBoxes) {
  const Article a =
      read_html("<html><body><article>" + article_paragraphs(2) +
                "<div class=share-tools><a href=/fb>Share on Facebook</a></div>"
                "<div class=related-stories><ul><li><a href=/x>Another story</a></li></ul></div>"
                "<div class=newsletter-signup><p>Get our newsletter every morning.</p></div>"
                "<p><a href=/y>ALSO READ: SOMETHING ELSE</a></p>"
                "<p>Related: what the mayor said in <a href=/z>her earlier statement</a></p>" +
                article_paragraphs(2) + "</article></body></html>");
  const std::string text = body_text(a);
  for (const char* gone : {"Share on", "Another story", "newsletter", "ALSO READ", "mayor"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
  }
  EXPECT_EQ(a.body.size(), 4u) << text;
}

TEST(ContentScore, MergesSiblingParagraphsOfTheTopCandidate) {
  const Article a =
      read_html("<html><body><div class=wrap><div class=lead>" + article_paragraphs(3) +
                "</div><p>A short closing line with no links.</p></div>"
                "<div class=footer-links><a href=/1>One</a></div></body></html>");
  EXPECT_NE(body_text(a).find("short closing line"), std::string::npos) << body_text(a);
}

TEST(ContentScore, LayoutTableMenuCellIsDropped) {
  const Article a =
      read_html("<html><body><table><tr><td><a href=/1>Home</a><br><a href=/2>Links</a></td><td>" +
                article_paragraphs(3) + "</td></tr></table></body></html>");
  EXPECT_EQ(body_text(a).find("Home"), std::string::npos) << body_text(a);
  EXPECT_NE(body_text(a).find("Paragraph 2"), std::string::npos);
}

TEST(ContentScore, HeadingRepeatingTheTitleIsDropped) {
  const Article a = read_html(
      "<html><head><title>Moon Base Plans Unveiled</title></head><body><article>"
      "<h1>Moon Base Plans Unveiled</h1>" +
      article_paragraphs(3) + "</article></body></html>");
  EXPECT_FALSE(std::holds_alternative<Heading>(a.body.front().node));
}

TEST(ContentScore, ClassWeightReadsClassAndId) {
  Diagnostics diag;
  const html::Dom dom = html::parse_html(
      "<html><body><div class=article-content id=comments>x</div><div class=sidebar>y</div>"
      "<div id=post>z</div></body></html>",
      "t.html", ReadOptions{}, diag);
  std::vector<int> weights;
  for (html::NodeId id = 0; id < static_cast<html::NodeId>(dom.size()); ++id) {
    if (dom.is(id, "div")) weights.push_back(html::class_weight(dom, id));
  }
  EXPECT_EQ(weights, (std::vector<int>{0, -25, 25}));
}

TEST(TextStats, SumsTextAndLinksPerSubtree) {
  Diagnostics diag;
  const html::Dom dom =
      html::parse_html("<html><body><div><p>ab, cd</p><a href=x>efgh</a></div></body></html>",
                       "t.html", ReadOptions{}, diag);
  html::TextStats stats;
  stats.compute(dom, {});
  const html::NodeId div = dom.find_first("div");
  EXPECT_EQ(stats.chars[static_cast<std::size_t>(div)], 10);
  EXPECT_EQ(stats.link_chars[static_cast<std::size_t>(div)], 4);
  EXPECT_EQ(stats.commas[static_cast<std::size_t>(div)], 1);
  EXPECT_DOUBLE_EQ(stats.link_density(div), 0.4);
}

}  // namespace
}  // namespace galley::test

namespace galley::test {
namespace {

std::string two_candidates(const std::string& head) {
  std::string a, b;
  for (int i = 0; i < 3; ++i) {
    a += "<p>Alpha story paragraph " + std::to_string(i) +
         " tells of the harbour, the boats, and the people who work there every day.</p>";
    b += "<p>Beta story paragraph " + std::to_string(i) +
         " tells of the mountain, the trails, the huts, and the people who walk there often.</p>";
  }
  return "<html><head>" + head + "</head><body><div id=x>" + a + "</div><div id=y>" + b +
         "</div></body></html>";
}

TEST(ContentScore, JsonLdArticleBodyPicksTheCandidate) {
  // Without the hint both blocks are merged; the articleBody names Alpha alone.
  std::string alpha_body;
  for (int i = 0; i < 8; ++i) {
    alpha_body += "Alpha story paragraph " + std::to_string(i) +
                  " tells of the harbour, the boats, and the people who work there every day. ";
  }
  EXPECT_NE(body_text(read_html(two_candidates(""))).find("Beta"), std::string::npos);
  const Article a = read_html(two_candidates(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": \"" +
      alpha_body + "\"}</script>"));
  EXPECT_NE(body_text(a).find("Alpha"), std::string::npos);
  EXPECT_EQ(body_text(a).find("Beta"), std::string::npos);
}

}  // namespace
}  // namespace galley::test
