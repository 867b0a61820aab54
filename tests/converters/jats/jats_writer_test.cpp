#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/model_builders.hpp"
#include "support/sample_articles.hpp"

namespace galley::test {
namespace {

std::string write_jats(const Article& article, Diagnostics& diag) {
  return write_string(article, "jats", {}, diag);
}

std::string write_jats(const Article& article) {
  Diagnostics diag;
  return write_jats(article, diag);
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(JatsWriter, DeclaresTheArchivingDtd) {
  const std::string xml = write_jats(Article{});
  EXPECT_EQ(xml.substr(0, xml.find("<article ")),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and "
            "Interchange DTD v1.3 20210610//EN\" \"JATS-archivearticle1-3.dtd\">\n");
  EXPECT_TRUE(contains(xml, "dtd-version=\"1.3\" article-type=\"other\" xml:lang=\"und\""));
}

TEST(JatsWriter, IsReproducible) {
  for (const NamedArticle& sample : sample_articles()) {
    EXPECT_EQ(write_jats(sample.article), write_jats(sample.article)) << sample.name;
  }
}

TEST(JatsWriter, WritesFrontMatter) {
  const std::string xml = write_jats(rich_article());
  EXPECT_TRUE(contains(xml, "<journal-title-group><journal-title>Northern Review</journal-title>"));
  EXPECT_TRUE(
      contains(xml, "<publisher><publisher-name>Northern Press</publisher-name></publisher>"));
  EXPECT_TRUE(contains(xml,
                       "<article-title>Rivers of the North</article-title>\n"
                       "<subtitle>A survey</subtitle>"));
  EXPECT_TRUE(contains(xml,
                       "<pub-date publication-format=\"electronic\" date-type=\"pub\" "
                       "iso-8601-date=\"2021-03-14\"><day>14</day><month>03</month>"
                       "<year>2021</year></pub-date>"));
  EXPECT_TRUE(contains(xml, "<self-uri xlink:href=\"https://example.org/rivers\">"));
  EXPECT_TRUE(contains(xml, "<abstract>\n<p>Where the rivers of the north begin.</p>"));
  EXPECT_TRUE(contains(xml, "xml:lang=\"en-GB\""));
}

std::string contrib(const std::string& name) {
  Article a;
  a.metadata.authors = {{name}};
  const std::string xml = write_jats(a);
  const auto start = xml.find("<contrib contrib-type=\"author\">") + 31;
  return xml.substr(start, xml.find("</contrib>") - start);
}

TEST(JatsWriter, SplitsNamesOnlyWhenUnambiguous) {
  EXPECT_EQ(
      contrib("Ann Lee"),
      "<name name-style=\"western\"><surname>Lee</surname><given-names>Ann</given-names></name>");
  EXPECT_EQ(contrib("J. R. R. Tolkien"),
            "<name name-style=\"western\"><surname>Tolkien</surname>"
            "<given-names>J. R. R.</given-names></name>");
  EXPECT_EQ(contrib("Zoë Saint-Éxupéry"),
            "<name name-style=\"western\"><surname>Saint-Éxupéry</surname>"
            "<given-names>Zoë</given-names></name>");
  EXPECT_EQ(contrib("Madonna"), "<string-name>Madonna</string-name>");
  EXPECT_EQ(contrib("Jan van Dijk"), "<string-name>Jan van Dijk</string-name>");
  EXPECT_EQ(contrib("Martin Luther King Jr."), "<string-name>Martin Luther King Jr.</string-name>");
  EXPECT_EQ(contrib("Lee, Ann"), "<string-name>Lee, Ann</string-name>");
  EXPECT_EQ(contrib("Ann  B."), "<string-name>Ann B.</string-name>");
  EXPECT_EQ(contrib("أحمد علي"), "<string-name>أحمد علي</string-name>");
  EXPECT_EQ(contrib("Staff & Agencies"), "<string-name>Staff &amp; Agencies</string-name>");
}

TEST(JatsWriter, NestsSectionsByHeadingLevel) {
  const std::string xml =
      write_jats(article("t", {para("lead"), heading(1, "A"), para("a"), heading(3, "A.1"),
                               para("a1"), heading(2, "A.2"), heading(1, "B"), para("b")}));
  EXPECT_TRUE(contains(xml,
                       "<body>\n<p>lead</p>\n<sec>\n<title>A</title>\n<p>a</p>\n"
                       "<sec>\n<title>A.1</title>\n<p>a1</p>\n</sec>\n"
                       "<sec>\n<title>A.2</title>\n</sec>\n</sec>\n"
                       "<sec>\n<title>B</title>\n<p>b</p>\n</sec>\n</body>"))
      << xml;
}

TEST(JatsWriter, WritesInlineMarkupLinksAndNoteReferences) {
  const std::string xml = write_jats(rich_article());
  EXPECT_TRUE(contains(
      xml,
      "<p>The <italic>longest</italic> rivers are <bold>shared</bold> by "
      "<monospace>n</monospace> countries<xref ref-type=\"fn\" rid=\"fn1\">1</xref>.</p>"));
  EXPECT_TRUE(
      contains(xml,
               "<ext-link ext-link-type=\"uri\" "
               "xlink:href=\"https://example.org/rivers?a=1&amp;b=2\">the atlas</ext-link>"));
  EXPECT_TRUE(contains(xml, "<fn id=\"fn2\"><label>2</label>\n<p>Not to scale.</p>\n</fn>"));
}

TEST(JatsWriter, WritesBlocks) {
  const std::string xml = write_jats(rich_article());
  EXPECT_TRUE(contains(xml, "<list list-type=\"bullet\">\n<list-item><p>ice</p>\n</list-item>"));
  EXPECT_TRUE(contains(xml, "<list list-type=\"order\">"));
  EXPECT_TRUE(contains(xml, "<disp-quote>\n<p>Rivers are roads that move.</p>"));
  EXPECT_TRUE(contains(
      xml, "<preformat preformat-type=\"code\">for r in rivers:\n    print(r)\n</preformat>"));
  EXPECT_TRUE(
      contains(xml,
               "<fig>\n<caption><p>A very small map<xref ref-type=\"fn\" rid=\"fn2\">2</xref>"
               "</p></caption>\n<graphic xlink:href=\"data:image/png;base64,"));
  EXPECT_TRUE(contains(xml,
                       "<table-wrap>\n<table>\n<thead>\n<tr><th>River</th><th>Length</th></tr>\n"
                       "</thead>\n<tbody>\n<tr><td>Ob</td><td>3650 km</td></tr>\n"
                       "<tr><td>Lena</td><td><p>4400</p>\n<p>km</p>\n</td></tr>\n</tbody>"));
}

TEST(JatsWriter, PutsNotesAndFooterInBack) {
  const std::string xml = write_jats(rich_article());
  const auto back = xml.find("<back>\n<fn-group>\n<fn id=\"fn1\">");
  ASSERT_NE(back, std::string::npos);
  EXPECT_LT(xml.find("</body>"), back);
  EXPECT_TRUE(contains(xml, "<notes notes-type=\"footer\">\n<p>© 2021 Northern Press. "));
  EXPECT_FALSE(contains(write_jats(article("t", {para("x")})), "<back>"));
}

TEST(JatsWriter, EscapesAndDropsUnsafeContent) {
  Diagnostics diag;
  const std::string xml = write_jats(hostile_article(), diag);
  EXPECT_TRUE(contains(xml, "<article-title>Tom &amp; Jerry &lt;script&gt;"));
  EXPECT_TRUE(contains(xml, "<p>nul bell vt del c1 fffe ffff end</p>"));
  EXPECT_TRUE(contains(xml, "<p>js vb data fragment relative</p>"));
  EXPECT_FALSE(contains(xml, "javascript:"));
  // Paragraph-only places wrap other blocks in a p.
  EXPECT_TRUE(contains(xml, "<fn id=\"fn3\"><label>3</label>\n<p><disp-quote>"));
  ASSERT_FALSE(diag.empty());
  EXPECT_EQ(diag.all()[0].message, "reference to a missing note 'nope' dropped");
}

}  // namespace
}  // namespace galley::test
