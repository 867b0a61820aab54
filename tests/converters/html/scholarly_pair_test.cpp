// A paper read from its PDF and from its journal's landing page (citation_* tags)
// gives the same metadata: fixtures/pdf/scholarly_paper and
// fixtures/html/scholarly_paper_landing describe the same article.
#include <galley/galley.hpp>

#include <gtest/gtest.h>

#include "support/golden.hpp"

namespace galley {
namespace {

Article read_fixture(const std::string& path) {
  Diagnostics diag;
  return read_file(test::fixtures_dir() / path, ReadOptions{}, diag);
}

class ScholarlyPair : public ::testing::Test {
 protected:
  const Article pdf = read_fixture("pdf/scholarly_paper/input.pdf");
  const Article html = read_fixture("html/scholarly_paper_landing/input.html");
};

TEST_F(ScholarlyPair, SameTitleLanguageAndIdentifiers) {
  EXPECT_EQ(pdf.metadata.title, html.metadata.title);
  EXPECT_EQ(pdf.metadata.lang, html.metadata.lang);
  EXPECT_EQ(pdf.metadata.identifiers, html.metadata.identifiers);
  ASSERT_TRUE(pdf.metadata.license && html.metadata.license);
  EXPECT_EQ(pdf.metadata.license->url, html.metadata.license->url);
}

TEST_F(ScholarlyPair, SameAuthorsWithTheirAffiliationsAndEmail) {
  ASSERT_EQ(pdf.metadata.authors.size(), html.metadata.authors.size());
  EXPECT_EQ(pdf.metadata.affiliations, html.metadata.affiliations);
  for (std::size_t i = 0; i < pdf.metadata.authors.size(); ++i) {
    EXPECT_EQ(pdf.metadata.authors[i].name, html.metadata.authors[i].name);
    EXPECT_EQ(pdf.metadata.authors[i].email, html.metadata.authors[i].email);
    // The PDF's by the markers printed after the names and before the affiliations.
    EXPECT_EQ(pdf.metadata.authors[i].affiliations, html.metadata.authors[i].affiliations);
    EXPECT_FALSE(pdf.metadata.authors[i].affiliations.empty());
  }
}

TEST_F(ScholarlyPair, SameAbstractAndKeywords) {
  ASSERT_EQ(pdf.abstract.size(), 1u);
  ASSERT_EQ(html.abstract.size(), 1u);
  EXPECT_EQ(plain_text(pdf.abstract.front()), plain_text(html.abstract.front()));
  EXPECT_EQ(pdf.metadata.keywords, html.metadata.keywords);
}

TEST_F(ScholarlyPair, SameReferencesAndCitations) {
  ASSERT_EQ(pdf.references.size(), html.references.size());
  for (std::size_t i = 0; i < pdf.references.size(); ++i) {
    const Reference& a = pdf.references[i];
    const Reference& b = html.references[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.container, b.container) << a.text;
    EXPECT_EQ(a.authors, b.authors) << a.text;
    EXPECT_EQ(a.year, b.year) << a.text;
    EXPECT_EQ(a.title, b.title) << a.text;
    EXPECT_EQ(a.volume, b.volume) << a.text;
    EXPECT_EQ(a.pages, b.pages) << a.text;
    EXPECT_EQ(a.doi, b.doi) << a.text;
    EXPECT_EQ(a.url, b.url) << a.text;
  }
  // "[1] ... [2, 3]" in the Results section link the same references.
  const auto citations = [](const Article& article) {
    std::vector<std::string> urls;
    for (const Block& block : article.body) {
      const auto* paragraph = std::get_if<Paragraph>(&block.node);
      if (!paragraph) continue;
      for (const Inline& node : paragraph->inlines) {
        if (const auto* link = std::get_if<Link>(&node.node)) urls.push_back(link->url);
      }
    }
    return urls;
  };
  EXPECT_EQ(citations(pdf), (std::vector<std::string>{"#ref-1", "#ref-2", "#ref-3"}));
  EXPECT_EQ(citations(pdf), citations(html));
}

}  // namespace
}  // namespace galley
