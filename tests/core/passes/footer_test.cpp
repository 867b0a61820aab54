#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

TEST(IsBoilerplate, RecognisesEndOfArticleLines) {
  for (const char* text :
       {"To contact the WSWS and the Socialist Equality Party visit: wsws.org/contact",
        "Contact us", "© 2022 The Daily Example",
        "Copyright 2022 Example Media. All rights reserved.", "All rights reserved.",
        "Subscribe to our newsletter for the latest news", "Follow us on Twitter and Facebook",
        "Share this article", "Sign up for our morning briefing",
        "This article was originally published by The Conversation.",
        "Terms of use | Privacy policy"}) {
    EXPECT_TRUE(is_boilerplate(text)) << text;
  }
}

TEST(IsBoilerplate, LeavesArticleTextAlone) {
  for (const char* text :
       {"", "The ministers will meet again in March.",
        "Any war in Ukraine would threaten to rapidly escalate into a catastrophic war.",
        "He said the copyright rules would change next year, and publishers would have to adapt "
        "their contracts, their pricing and their distribution to a market that readers were "
        "already leaving, so that all rights reserved by authors were at stake in the talks."}) {
    EXPECT_FALSE(is_boilerplate(text)) << text;
  }
}

TEST(OpensComments, RecognisesCommentSectionOpenings) {
  for (const char* text : {"Comments", "View comments (27)", "Comments (10580)", "View comments941",
                           "27 comments", "Leave a Reply", "Post a comment", "Show comments",
                           "Join the conversation", "  comment on this article "}) {
    EXPECT_TRUE(opens_comments(text)) << text;
  }
  for (const char* text : {"", "27", "Comment", "Discussion", "No comments yet? Be the first.",
                           "Readers left comments under the story for days.", "reply"}) {
    EXPECT_FALSE(opens_comments(text)) << text;
  }
}

TEST(OpensRelated, RecognisesLinksToOtherArticles) {
  for (const char* text : {"Related stories", "You might also like", "Recommended for you",
                           "Most read", "Read next:", " related articles (5) "}) {
    EXPECT_TRUE(opens_related(text)) << text;
  }
  for (const char* text : {"", "Related work", "We recommend a slower river.", "Next"}) {
    EXPECT_FALSE(opens_related(text)) << text;
  }
}

Article recovered(Blocks body, std::optional<std::string> layout = std::nullopt) {
  Article article;
  article.metadata.layout = std::move(layout);
  article.body = std::move(body);
  Diagnostics diag;
  recover_footer(article, {}, diag);
  return article;
}

TEST(RecoverFooter, MovesTrailingBoilerplateInOrder) {
  const Article article =
      recovered(blocks(para(text("Body text.")), para(text("Share this article")), rule(),
                       para(text("© 2022 Example"))));
  EXPECT_EQ(article.body, blocks(para(text("Body text."))));
  EXPECT_EQ(article.footer,
            blocks(para(text("Share this article")), rule(), para(text("© 2022 Example"))));
}

TEST(RecoverFooter, TakesTheRuleAboveTheFooter) {
  const Article article =
      recovered(blocks(para(text("Body text.")), rule(), para(text("All rights reserved."))));
  EXPECT_EQ(article.body, blocks(para(text("Body text."))));
  EXPECT_EQ(article.footer, blocks(rule(), para(text("All rights reserved."))));
}

TEST(RecoverFooter, StopsAtTheFirstArticleBlock) {
  const Article article =
      recovered(blocks(para(text("Contact us")), para(text("The last paragraph of the story.")),
                       para(text("All rights reserved."))));
  EXPECT_EQ(article.body.size(), 2u);
  EXPECT_EQ(article.footer, blocks(para(text("All rights reserved."))));
}

TEST(RecoverFooter, KeepsANormalLastParagraph) {
  const Blocks body = blocks(para(text("First.")), para(text("The talks will resume on Friday.")));
  EXPECT_EQ(recovered(body).body, body);
  EXPECT_TRUE(recovered(body).footer.empty());
}

TEST(RecoverFooter, MovesAListOfFooterLinks) {
  const Block links = list(false, {blocks(para(link("/terms", text("Terms of use")))),
                                   blocks(para(link("/privacy", text("Privacy policy"))))});
  const Article article = recovered(blocks(para(text("Body.")), links));
  EXPECT_EQ(article.footer, blocks(links));
}

Block words(std::size_t n) {
  std::string run;
  for (std::size_t i = 0; i < n; ++i) run += "word ";
  return para(text(run + "end."));
}

TEST(RecoverFooter, MovesACommentSectionAfterTheArticle) {
  const Article article = recovered(blocks(words(120), para(text("View comments (27)")),
                                           para(text("Great piece.")), para(text("reply"))));
  EXPECT_EQ(article.body, blocks(words(120)));
  EXPECT_EQ(article.footer, blocks(para(text("View comments (27)")), para(text("Great piece.")),
                                   para(text("reply"))));
}

// A paper's section named "Comments" is its own text, not readers'.
TEST(RecoverFooter, KeepsADocumentsCommentsSection) {
  const Blocks body = blocks(words(120), para(text("Comments")), words(50));
  EXPECT_EQ(recovered(body, "document").body, body);
}

TEST(RecoverFooter, KeepsACommentCountBeforeTheArticle) {
  const Blocks body = blocks(para(text("27 reader comments")), words(120), words(50));
  EXPECT_EQ(recovered(body).body, body);
}

TEST(RecoverFooter, NeverEmptiesTheBody) {
  EXPECT_EQ(recovered(blocks(para(text("© 2022 Example")))).body.size(), 1u);
}

}  // namespace
}  // namespace galley
