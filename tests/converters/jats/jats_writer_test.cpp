#include <tuple>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "../../../converters/jats/jats_names.hpp"
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

// Alt text goes with a graphic, and stays in the sentence when the source is unusable.
TEST(JatsWriter, KeepsTheAltTextOfImages) {
  Article a;
  a.body = blocks(para("The tariff is ", Inline{Image{"f.png", "E = 3 \u00d7 T"}}, " or ",
                       Inline{Image{"javascript:x()", "four"}}, "."));
  EXPECT_NE(write_jats(a).find("<p>The tariff is <inline-graphic xlink:href=\"f.png\"><alt-text>E "
                               "= 3 \u00d7 T</alt-text></inline-graphic> or four.</p>"),
            std::string::npos)
      << write_jats(a);
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

// A paper dated by its meeting line is known to the month, by its copyright line to the
// year: the date is written with that precision, never padded to a made-up day.
TEST(JatsWriter, WritesADateKnownToTheMonthOrYearWithThatPrecision) {
  Article a;
  a.metadata.datetime = "2014-06";
  EXPECT_TRUE(contains(write_jats(a),
                       "<pub-date publication-format=\"electronic\" date-type=\"pub\" "
                       "iso-8601-date=\"2014-06\"><month>06</month><year>2014</year></pub-date>"));
  a.metadata.datetime = "2010";
  EXPECT_TRUE(contains(write_jats(a), "iso-8601-date=\"2010\"><year>2010</year></pub-date>"));
  a.metadata.datetime = "Tuesday morning";
  EXPECT_FALSE(contains(write_jats(a), "<pub-date"));
}

std::string contrib(const std::string& name) {
  Article a;
  a.metadata.authors = {{name}};
  const std::string xml = write_jats(a);
  const auto start = xml.find("<contrib contrib-type=\"author\">") + 31;
  return xml.substr(start, xml.find("</contrib>") - start);
}

// A name split only when the split is sure; otherwise whole as the surname, which
// pandoc and NCBI's preview show (a bare string-name they do not).
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
  EXPECT_EQ(contrib("Madonna"), "<name><surname>Madonna</surname></name>");
  EXPECT_EQ(contrib("Jan van Dijk"), "<name><surname>Jan van Dijk</surname></name>");
  EXPECT_EQ(contrib("Martin Luther King Jr."),
            "<name><surname>Martin Luther King Jr.</surname></name>");
  EXPECT_EQ(contrib("Lee, Ann"), "<name><surname>Lee, Ann</surname></name>");
  EXPECT_EQ(contrib("Ann  B."), "<name><surname>Ann B.</surname></name>");
  EXPECT_EQ(contrib("أحمد علي"), "<name><surname>أحمد علي</surname></name>");
  EXPECT_EQ(contrib("Staff & Agencies"), "<name><surname>Staff &amp; Agencies</surname></name>");
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
  EXPECT_TRUE(contains(
      xml, "<notes notes-type=\"footer\">\n<title>Footer</title>\n<p>© 2021 Northern Press. "));
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

TEST(JatsWriter, WritesScholarlyFrontMatterInDtdOrder) {
  const std::string xml = write_jats(scholarly_article());
  EXPECT_TRUE(contains(xml,
                       "<journal-meta>\n<journal-title-group><journal-title>Rehabilitation "
                       "Research &amp; Practice</journal-title></journal-title-group>\n"
                       "<issn>2090-2867</issn>\n</journal-meta>\n<article-meta>\n"
                       "<article-id pub-id-type=\"doi\">10.1155/2010/157939</article-id>\n"
                       "<article-id pub-id-type=\"arxiv\">1001.0001</article-id>\n"
                       "<article-id pub-id-type=\"pmcid\">PMC1234567</article-id>\n<title-group>"));
  EXPECT_TRUE(
      contains(xml,
               "</contrib-group>\n<aff id=\"aff1\">Example University, Dublin</aff>\n"
               "<aff id=\"aff2\">Example Hospital &amp; Clinic</aff>\n<volume>126</volume>\n"
               "<issue>4</issue>\n<isbn>978-3-16-148410-0</isbn>\n"
               "<elocation-id>e118</elocation-id>\n"
               "<permissions><license><license-p>CC BY &lt;3.0&gt;</license-p></license>"
               "</permissions>\n<abstract>\n<p>Background: <italic>gait</italic> predicts "
               "independence.</p>\n<sec>\n<title>Results</title>\n"));
  EXPECT_TRUE(contains(xml,
                       "<abstract abstract-type=\"summary\">\n<p>Gait after stroke.</p>\n"
                       "</abstract>\n<kwd-group>\n<kwd>stroke</kwd>\n<kwd>gait &amp; "
                       "&lt;speed&gt;</kwd>\n</kwd-group>\n</article-meta>"));
  // Types JATS has no article id for are left out; a script URL is no licence link.
  EXPECT_FALSE(contains(xml, "not written"));
  EXPECT_FALSE(contains(xml, "javascript:"));
}

TEST(JatsWriter, LinksAuthorsToTheirAffiliationsWithOrcidAndEmail) {
  const std::string xml = write_jats(scholarly_article());
  EXPECT_TRUE(
      contains(xml,
               "<contrib contrib-type=\"author\"><contrib-id contrib-id-type=\"orcid\">"
               "https://orcid.org/0000-0002-1825-0097</contrib-id><name "
               "name-style=\"western\"><surname>Burke</surname><given-names>Helen"
               "</given-names></name><xref ref-type=\"aff\" rid=\"aff1\"/><xref "
               "ref-type=\"aff\" rid=\"aff2\"/><email>helen@example.edu</email></contrib>"));
  // Indexes outside the affiliation list point nowhere and are dropped.
  EXPECT_TRUE(contains(xml,
                       "<contrib contrib-type=\"author\"><name><surname>de la Cruz, Juan"
                       "</surname></name><xref ref-type=\"aff\" rid=\"aff2\"/></contrib>"));
}

TEST(JatsWriter, WritesReferencesWithTheirFieldsBesideThePrintedText) {
  const std::string xml = write_jats(scholarly_article());
  EXPECT_TRUE(contains(
      xml,
      "<back>\n<ref-list>\n<title>References</title>\n<ref id=\"ref1\"><label>1</label>"
      "<citation-alternatives>\n<element-citation><person-group person-group-type=\"author\">"
      "<string-name>Roe JA</string-name><string-name>Yang Z</string-name></person-group>"
      "<year>2017</year><article-title>Walking</article-title><source>Stroke Res</source>"
      "<volume>126</volume><issue>4</issue><fpage>305</fpage><lpage>313</lpage>"
      "<pub-id pub-id-type=\"doi\">10.1000/xyz</pub-id><ext-link ext-link-type=\"uri\" "
      "xlink:href=\"https://example.org/webb\">https://example.org/webb</ext-link>"
      "</element-citation>\n<mixed-citation>Roe JA, Yang Z. Walking. Stroke Res. "
      "2017;126(4):305-313.</mixed-citation>\n</citation-alternatives>\n</ref>\n"
      "<ref id=\"ref2\"><mixed-citation>WHO &amp; partners &lt;report&gt;, 2015."
      "</mixed-citation>\n</ref>\n<ref id=\"ref3\"><label>Smith 2019a</label>"
      "<citation-alternatives>\n<element-citation><year>2019a</year><page-range>S1 to S9"
      "</page-range></element-citation>\n"));
}

TEST(JatsWriter, PutsTheReferencesBeforeTheNotesInBack) {
  Article a = rich_article();
  Reference ref;
  ref.text = "Printed only.";
  a.references = {ref};
  const std::string xml = write_jats(a);
  EXPECT_TRUE(contains(xml,
                       "<back>\n<ref-list>\n<title>References</title>\n<ref id=\"ref1\">"
                       "<mixed-citation>Printed only.</mixed-citation>\n</ref>\n</ref-list>\n"
                       "<fn-group>"));
}

TEST(JatsWriter, KeepsTheDescriptionAsTheAbstractWhenThereIsNoOther) {
  Article a;
  a.metadata.description = "Short.";
  EXPECT_TRUE(contains(write_jats(a), "<abstract>\n<p>Short.</p>\n</abstract>"));
  a.metadata.site_name = "Site";
  a.metadata.container = Container{"Journal", {}, {}, {}};
  EXPECT_TRUE(contains(write_jats(a), "<journal-title>Journal</journal-title>"));
}

TEST(JatsPages, SplitsFirstAndLastPagesArticleNumbersAndPrintedText) {
  using Kind = jats::PageSpan::Kind;
  const auto pages = [](std::string_view text) {
    const auto span = jats::split_pages(text);
    return span ? std::tuple{span->kind, span->first, span->last}
                : std::tuple{Kind::PageRange, std::string("none"), std::string()};
  };
  EXPECT_EQ(pages("305–313"), std::tuple(Kind::Pages, std::string("305"), std::string("313")));
  EXPECT_EQ(pages(" 12 - 19 "), std::tuple(Kind::Pages, std::string("12"), std::string("19")));
  EXPECT_EQ(pages("e118—e125"), std::tuple(Kind::Pages, std::string("e118"), std::string("e125")));
  EXPECT_EQ(pages("305"), std::tuple(Kind::Pages, std::string("305"), std::string()));
  EXPECT_EQ(pages("e118"), std::tuple(Kind::ElocationId, std::string("e118"), std::string()));
  EXPECT_EQ(pages("1-2-3"), std::tuple(Kind::PageRange, std::string("1-2-3"), std::string()));
  EXPECT_EQ(pages("S1 to S9"), std::tuple(Kind::PageRange, std::string("S1 to S9"), std::string()));
  EXPECT_EQ(pages("12–"), std::tuple(Kind::PageRange, std::string("12–"), std::string()));
  EXPECT_EQ(pages("  "), std::tuple(Kind::PageRange, std::string("none"), std::string()));
}

}  // namespace
}  // namespace galley::test
