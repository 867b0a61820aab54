#include <gtest/gtest.h>

#include <galley/recover.hpp>

#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

std::string page(const std::string& head, const std::string& body = "") {
  return "<html><head>" + head + "</head><body><article>" + body + article_paragraphs() +
         "</article></body></html>";
}

std::string meta(std::string_view name, std::string_view content) {
  return "<meta name=\"" + std::string(name) + "\" content=\"" + std::string(content) + "\">";
}

std::vector<std::string> names(const Article& a) {
  std::vector<std::string> out;
  for (const Person& p : a.metadata.authors) out.push_back(p.name);
  return out;
}

std::string abstract_text(const Article& a) {
  std::string out;
  for (const Block& block : a.abstract) out += plain_text(block) + "\n";
  return out;
}

const std::string kAbstract =
    "We show that the tide, not the grazers, decides where kelp forests come back after a "
    "heatwave, across twelve sites watched for six years.";

TEST(HtmlScholarly, CitationAuthorsBeatMetaAuthorAndKeepTheirInstitutions) {
  const Article a = read_html(
      page(meta("author", "Editorial Office") + meta("citation_author", "Ann Lee") +
           meta("citation_author_institution", "Univ A") +
           meta("citation_author_institution", "Univ B") + meta("citation_author", "Bo Chen") +
           meta("citation_author_institution", "Univ A") +
           meta("citation_author_orcid", "http://orcid.org/0000-0002-1825-009X/") +
           meta("citation_author", "Cy Dee")));
  EXPECT_EQ(names(a), (std::vector<std::string>{"Ann Lee", "Bo Chen", "Cy Dee"}));
  EXPECT_EQ(a.metadata.byline, "Ann Lee, Bo Chen, Cy Dee");
  EXPECT_EQ(a.metadata.affiliations, (std::vector<std::string>{"Univ A", "Univ B"}));
  EXPECT_EQ(a.metadata.authors[0].affiliations, (std::vector<int>{0, 1}));
  EXPECT_EQ(a.metadata.authors[1].affiliations, (std::vector<int>{0}));
  EXPECT_EQ(a.metadata.authors[1].orcid, "0000-0002-1825-009X");
  EXPECT_TRUE(a.metadata.authors[2].affiliations.empty());
}

TEST(HtmlScholarly, OrcidThatIsNoIdentifierIsLeftOut) {
  const Article a = read_html(
      page(meta("citation_author", "Ann Lee") +
           meta("citation_author_orcid", "https://example.com/0000-0002-1825-0097") +
           meta("citation_author", "Bo Chen") + meta("citation_author_orcid", "0000-0002-1825")));
  ASSERT_EQ(a.metadata.authors.size(), 2U);
  EXPECT_FALSE(a.metadata.authors[0].orcid);
  EXPECT_FALSE(a.metadata.authors[1].orcid);
}

TEST(HtmlScholarly, IdentifiersAndContainer) {
  const Article a =
      read_html(page(meta("dc.identifier", "https://doi.org/10.1155/2010/157939") +
                     meta("citation_pmid", "2312345") + meta("citation_issn", "1234-5678") +
                     meta("citation_issn", "8765-4321") +
                     meta("prism.publicationName", "Rehabilitation Research and Practice") +
                     meta("prism.volume", "126") + meta("citation_firstpage", "e118")));
  EXPECT_EQ(a.metadata.identifiers, (std::vector<Identifier>{{"doi", "10.1155/2010/157939"},
                                                             {"pmid", "2312345"},
                                                             {"issn", "1234-5678"},
                                                             {"issn", "8765-4321"}}));
  ASSERT_TRUE(a.metadata.container);
  EXPECT_EQ(a.metadata.container->title, "Rehabilitation Research and Practice");
  EXPECT_EQ(a.metadata.container->volume, "126");
  EXPECT_EQ(a.metadata.container->pages, "e118");
  EXPECT_FALSE(a.metadata.container->issue);
}

TEST(HtmlScholarly, KeywordsAsOneListOrRepeated) {
  const Article one = read_html(page(meta("citation_keywords", "kelp; tides, mixing; kelp")));
  EXPECT_EQ(one.metadata.keywords, (std::vector<std::string>{"kelp", "tides, mixing"}));
  const Article repeated = read_html(page(meta("citation_title", "T") + meta("dc.subject", "soil") +
                                          meta("dc.subject", "runoff")));
  EXPECT_EQ(repeated.metadata.keywords, (std::vector<std::string>{"soil", "runoff"}));
}

TEST(HtmlScholarly, NonScholarlyPageKeepsItsDublinCoreAsBefore) {
  const Article a = read_html(page(meta("dc.subject", "soil") + meta("dc.description", kAbstract) +
                                   meta("dc.rights", "All rights reserved")));
  EXPECT_TRUE(a.metadata.keywords.empty());
  EXPECT_TRUE(a.abstract.empty());
  EXPECT_FALSE(a.metadata.license);
  EXPECT_EQ(a.metadata.description, kAbstract);
}

TEST(HtmlScholarly, AbstractFromTagsWhenThePageDoesNotPrintIt) {
  const Article a =
      read_html(page(meta("citation_title", "Kelp") + meta("citation_abstract", kAbstract)));
  EXPECT_EQ(abstract_text(a), kAbstract + "\n");
}

TEST(HtmlScholarly, AbstractFromTagsIsNotRepeatedWhenTheBodyPrintsIt) {
  const Article a =
      read_html(page(meta("citation_title", "Kelp") + meta("citation_abstract", kAbstract),
                     "<p>" + kAbstract + "</p>"));
  EXPECT_TRUE(a.abstract.empty());
  EXPECT_NE(body_text(a).find(kAbstract), std::string::npos);
}

TEST(HtmlScholarly, PrintedAbstractMovesOutOfTheBody) {
  for (const std::string& element :
       {"<section role=\"doc-abstract\"><p>" + kAbstract + "</p></section>",
        "<div id=\"abstract\"><h2>Abstract</h2><p>" + kAbstract + "</p></div>",
        "<h2>ABSTRACT:</h2><p>" + kAbstract + "</p><h2>Introduction</h2>"}) {
    SCOPED_TRACE(element);
    const Article a = read_html(
        page(meta("citation_title", "Kelp") + meta("citation_abstract", "A shorter abstract."),
             element));
    EXPECT_EQ(abstract_text(a), kAbstract + "\n");
    EXPECT_EQ(body_text(a).find("tide, not the grazers"), std::string::npos) << body_text(a);
    EXPECT_EQ(body_text(a).find("Abstract"), std::string::npos) << body_text(a);
  }
}

TEST(HtmlScholarly, ShortAbstractLinkIsNoAbstract) {
  const Article a =
      read_html(page(meta("citation_title", "Kelp"),
                     "<div class=\"abstract-link\"><a href=\"#a\">Abstract</a></div>"));
  EXPECT_TRUE(a.abstract.empty());
}

TEST(HtmlScholarly, CitationReferencesWithFieldsOrAsPrinted) {
  const Article a = read_html(page(
      meta("citation_reference",
           "citation_author=Hale, R.; citation_author=Orme, J.; citation_title=Kelp; a review; "
           "citation_journal_title=Mar Ecol; citation_volume=8; citation_issue=2; "
           "citation_firstpage=45; citation_lastpage=59; citation_year=2017; "
           "citation_doi=10.5555/mel.2017.045") +
      meta("citation_reference",
           "Vale M. Drifters. Ocean Methods. 2015;3:101-110. doi:10.5555/om.3.")));
  ASSERT_EQ(a.references.size(), 2U);
  const Reference& r = a.references[0];
  EXPECT_EQ(r.id, "ref-1");
  EXPECT_EQ(r.authors, (std::vector<std::string>{"Hale, R.", "Orme, J."}));
  EXPECT_EQ(r.title, "Kelp; a review");
  EXPECT_EQ(r.container, "Mar Ecol");
  EXPECT_EQ(r.volume, "8");
  EXPECT_EQ(r.issue, "2");
  EXPECT_EQ(r.pages, "45\u201359");
  EXPECT_EQ(r.year, "2017");
  EXPECT_EQ(r.doi, "10.5555/mel.2017.045");
  EXPECT_EQ(r.text,
            "Hale, R., Orme, J. (2017). Kelp; a review. Mar Ecol 8(2): 45\u201359. "
            "doi:10.5555/mel.2017.045");
  const Reference& printed = a.references[1];
  EXPECT_EQ(printed.id, "ref-2");
  EXPECT_EQ(printed.text, "Vale M. Drifters. Ocean Methods. 2015;3:101-110. doi:10.5555/om.3.");
  EXPECT_EQ(printed.doi, "10.5555/om.3");
  // A reference as printed is read by the shared parser of printed references.
  EXPECT_EQ(printed.authors, (std::vector<std::string>{"Vale M"}));
  EXPECT_EQ(printed.title, "Drifters");
  EXPECT_EQ(printed.container, "Ocean Methods");
  EXPECT_EQ(printed.year, "2015");
}

TEST(HtmlScholarly, PaperDateAfterPublicationStampsBeforeModifiedTimes) {
  const Article a =
      read_html(page(meta("citation_date", "2019") + meta("citation_online_date", "2019/05/01") +
                     "<meta property=\"article:modified_time\" content=\"2023-01-02\">"));
  ASSERT_TRUE(a.metadata.date);
  EXPECT_EQ(format_date(*a.metadata.date), "2019-05-01");
  const Article dublin_core = read_html(
      page(meta("citation_publication_date", "2019/01/01") + meta("DC.Date", "2019-07-11")));
  ASSERT_TRUE(dublin_core.metadata.date);
  EXPECT_EQ(format_date(*dublin_core.metadata.date), "2019-07-11");
}

TEST(HtmlScholarly, TitleAndLanguageFromCitationTags) {
  const Article a =
      read_html("<html><head><meta property=\"og:title\" content=\"The Journal\">" +
                meta("citation_title", "The paper's own title") + meta("citation_language", "de") +
                "</head><body><article>" + article_paragraphs() + "</article></body></html>");
  EXPECT_EQ(a.metadata.title, "The paper's own title");
  EXPECT_EQ(a.metadata.lang, "de");
}

TEST(HtmlScholarly, LicenseFromRightsAndLink) {
  const Article a = read_html(
      page(meta("citation_title", "T") + meta("dc.rights", "CC BY 4.0") +
           "<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"));
  ASSERT_TRUE(a.metadata.license);
  EXPECT_EQ(a.metadata.license->text, "CC BY 4.0");
  EXPECT_EQ(a.metadata.license->url, "https://creativecommons.org/licenses/by/4.0/");
}

TEST(HtmlScholarly, HostileAuthorListIsBounded) {
  std::string head;
  for (int i = 0; i < 6000; ++i) head += meta("citation_author", "Author " + std::to_string(i));
  head += meta("citation_keywords", std::string(5000, 'k'));
  const Article a = read_html(page(head));
  EXPECT_EQ(a.metadata.authors.size(), 5000U);
  ASSERT_EQ(a.metadata.keywords.size(), 1U);
  EXPECT_EQ(a.metadata.keywords[0].size(), 2000U);
}

TEST(HtmlScholarly, JsonLdScholarlyArticle) {
  const Article a = read_html(page(R"(<script type="application/ld+json">
    {"@type": "ScholarlyArticle", "headline": "Crusts",
     "author": [{"@type": "Person", "name": "Ann Lee", "affiliation": {"name": "Univ A"},
                 "identifier": "https://orcid.org/0000-0001-5109-3700"},
                {"@type": "Person", "name": "Bo Chen", "affiliation": ["Univ B", {"name": "Univ A"}]}],
     "sameAs": ["https://example.org/x", "https://doi.org/10.5555/alr.77"],
     "isPartOf": {"@type": "PublicationVolume", "volumeNumber": 31,
                  "isPartOf": {"@type": "Periodical", "name": "Arid Lands Review"}},
     "keywords": "biocrust, runoff",
     "citation": ["Moreno T. Runoff plots. 2018."]}
    </script>)"));
  EXPECT_EQ(names(a), (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
  EXPECT_EQ(a.metadata.affiliations, (std::vector<std::string>{"Univ A", "Univ B"}));
  EXPECT_EQ(a.metadata.authors[1].affiliations, (std::vector<int>{1, 0}));
  EXPECT_EQ(a.metadata.authors[0].orcid, "0000-0001-5109-3700");
  EXPECT_EQ(a.metadata.identifiers, (std::vector<Identifier>{{"doi", "10.5555/alr.77"}}));
  ASSERT_TRUE(a.metadata.container);
  EXPECT_EQ(a.metadata.container->title, "Arid Lands Review");
  EXPECT_EQ(a.metadata.container->volume, "31");
  EXPECT_EQ(a.metadata.keywords, (std::vector<std::string>{"biocrust", "runoff"}));
  ASSERT_EQ(a.references.size(), 1U);
  EXPECT_EQ(a.references[0].text, "Moreno T. Runoff plots. 2018.");
}

TEST(HtmlScholarly, ArticleInAJournalIssueIsAPaper) {
  const Article a = read_html(page(R"(<script type="application/ld+json">
    {"@type": "Article", "headline": "Crusts", "abstract": "Crusts cover a third of drylands.",
     "isPartOf": {"@type": "PublicationIssue", "issueNumber": "4"}}
    </script>)"));
  EXPECT_EQ(abstract_text(a), "Crusts cover a third of drylands.\n");
  ASSERT_TRUE(a.metadata.container);
  EXPECT_EQ(a.metadata.container->issue, "4");
}

TEST(HtmlScholarly, NewsArticleAuthorsGetNoAffiliations) {
  const Article a = read_html(page(R"(<script type="application/ld+json">
    {"@type": "NewsArticle", "headline": "News",
     "abstract": "A summary of the news.",
     "author": {"@type": "Person", "name": "Ann Lee", "affiliation": {"name": "Paper"}}}
    </script>)"));
  EXPECT_EQ(names(a), std::vector<std::string>{"Ann Lee"});
  EXPECT_TRUE(a.metadata.affiliations.empty());
  EXPECT_TRUE(a.metadata.authors[0].affiliations.empty());
  EXPECT_TRUE(a.abstract.empty());
}

}  // namespace
}  // namespace galley::test
