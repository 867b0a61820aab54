// The seed article (fixtures/text/seed): the text reader and every recovery pass.
#include <galley/galley.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace galley {
namespace {

const std::filesystem::path kSeed = std::filesystem::path(GALLEY_SOURCE_DIR) / "fixtures/text/seed";

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    std::string paragraph = text.substr(pos, end - pos);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (!paragraph.empty()) out.push_back(paragraph);
    pos = end + 2;
  }
  return out;
}

class Seed : public ::testing::Test {
 protected:
  void SetUp() override { article = read_file(kSeed / "input.txt", {}, diag); }
  Diagnostics diag;
  Article article;
};

TEST_F(Seed, RecoversMetadata) {
  EXPECT_EQ(article.metadata.source_format, "text");
  EXPECT_EQ(article.metadata.title,
            "Chinese foreign minister signals support for Russia over Ukraine crisis");
  ASSERT_EQ(article.metadata.authors.size(), 1u);
  EXPECT_EQ(article.metadata.authors[0].name, "Peter Symonds");
  EXPECT_EQ(article.metadata.byline, "Peter Symonds");
  ASSERT_TRUE(article.metadata.date);
  EXPECT_EQ(format_date(*article.metadata.date), "2022-01-30");
  EXPECT_FALSE(article.metadata.datetime);
  EXPECT_TRUE(diag.empty());
}

TEST_F(Seed, HasTheExpectedParagraphs) {
  const auto expected = paragraphs_of(read_file_bytes(kSeed / "expected_body.txt", 1 << 20));
  ASSERT_EQ(expected.size(), 21u);
  ASSERT_EQ(article.body.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<Paragraph>(article.body[i].node)) << i;
    EXPECT_EQ(plain_text(article.body[i]), expected[i]) << i;
  }
}

TEST_F(Seed, KeepsEmphasisAndUnescapes) {
  // Paragraph 11 (0-based 10) opens "A *Financial Times* article today ...".
  const auto& inlines = std::get<Paragraph>(article.body[10].node).inlines;
  ASSERT_GE(inlines.size(), 3u);
  EXPECT_EQ(inlines[0], (Inline{Text{"A "}}));
  EXPECT_EQ(inlines[1], (Inline{Emphasis{{Inline{Text{"Financial Times"}}}}}));
  EXPECT_NE(plain_text(article.body[15]).find("exceeded $US100 billion"), std::string::npos);
}

TEST_F(Seed, MovesTheContactLineToTheFooter) {
  ASSERT_EQ(article.footer.size(), 1u);
  EXPECT_EQ(plain_text(article.footer[0]),
            "To contact the WSWS and the Socialist Equality Party visit: wsws.org/contact");
  const auto& inlines = std::get<Paragraph>(article.footer[0].node).inlines;
  const Inline link{Link{{Inline{Text{"wsws.org/contact"}}}, "http://wsws.org/contact"}};
  EXPECT_EQ(inlines.back(), (Inline{Strong{{link}}}));
}

}  // namespace
}  // namespace galley
