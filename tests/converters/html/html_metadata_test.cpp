#include <gtest/gtest.h>

#include <galley/recover.hpp>

#include "../../../converters/html/html_metadata.hpp"
#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

std::string page(const std::string& head, const std::string& body = "") {
  return "<html><head>" + head + "</head><body><article>" + body + article_paragraphs() +
         "</article></body></html>";
}

std::string date_of(const Article& a) {
  return a.metadata.date ? format_date(*a.metadata.date) : "";
}

std::vector<std::string> names(const Article& a) {
  std::vector<std::string> out;
  for (const Person& p : a.metadata.authors) out.push_back(p.name);
  return out;
}

TEST(HtmlMetadata, JsonLdGraphWithAuthorList) {
  const Article a = read_html(page(R"(<script type="application/ld+json">
    {"@graph": [{"@type": "WebPage", "name": "Site"},
                {"@type": ["NewsArticle"], "headline": "Real Headline",
                 "datePublished": "2020-02-29T23:30:00-08:00",
                 "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chen"]}]}
    </script><title>Other | Site</title>)"));
  EXPECT_EQ(a.metadata.title, "Real Headline");
  EXPECT_EQ(names(a), (std::vector<std::string>{"Ann Lee", "Bo Chen"}));
  EXPECT_EQ(date_of(a), "2020-02-29");  // the day as written, no time-zone shift
  EXPECT_EQ(a.metadata.datetime, "2020-02-29T23:30:00-08:00");
}

// Yoast's @graph types a plain post only as a WebPage, with its date there.
TEST(HtmlMetadata, JsonLdWebPageDateWhenNoArticleIsTyped) {
  const Article a = read_html(page(R"(<script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "Organization", "name": "Site"},
     {"@type": "WebPage", "name": "A post", "datePublished": "2018-02-28T15:07:03+00:00",
      "dateModified": "2021-01-01T10:00:00+00:00"}]}</script>)"));
  EXPECT_EQ(date_of(a), "2018-02-28");
}

TEST(HtmlMetadata, JsonLdInCdataAndTopLevelArray) {
  const Article a = read_html(page(R"(<script type="application/ld+json"><![CDATA[
    [{"@type": "Organization", "name": "Org"},
     {"@type": "BlogPosting", "name": "Post Name", "author": {"@type": "Person", "name": "Cy Dee"}}]
    ]]></script>)"));
  EXPECT_EQ(a.metadata.title, "Post Name");
  EXPECT_EQ(names(a), std::vector<std::string>{"Cy Dee"});
}

TEST(HtmlMetadata, BrokenJsonLdIsIgnored) {
  const Article a = read_html(page(
      R"(<script type="application/ld+json">{"@type": "Article", "name": </script>
         <meta property="og:title" content="From OpenGraph">)"));
  EXPECT_EQ(a.metadata.title, "From OpenGraph");
}

TEST(HtmlMetadata, MetaTagsInOrderOfEvidence) {
  const Article a = read_html(page(R"(
    <meta property="og:title" content="OG Title">
    <meta name="twitter:title" content="Twitter Title">
    <meta property="og:site_name" content="The Site">
    <meta name="author" content="By Dana Fox">
    <meta property="article:published_time" content="2019-07-04T09:00:00Z">
    <meta name="date" content="2001-01-01">
    <meta name="description" content="What it is about.">
    <meta property="og:locale" content="pt_BR">
    <link rel="canonical" href="https://example.com/story">)"));
  EXPECT_EQ(a.metadata.title, "OG Title");
  EXPECT_EQ(a.metadata.site_name, "The Site");
  EXPECT_EQ(a.metadata.byline, "Dana Fox");
  EXPECT_EQ(names(a), std::vector<std::string>{"Dana Fox"});
  EXPECT_EQ(date_of(a), "2019-07-04");
  EXPECT_EQ(a.metadata.description, "What it is about.");
  EXPECT_EQ(a.metadata.lang, "pt-BR");
  EXPECT_EQ(a.metadata.url, "https://example.com/story");
}

// A meta author that is the outlet, a staff credit or a company gives way to the next
// meta tag that names the writer, then to the byline printed on the page; a name that
// is no more than a name (a pen name, a team the page itself names) still stands.
TEST(HtmlMetadata, AnOrganisationAsMetaAuthorGivesWayToThePerson) {
  const Article staff = read_html(page(R"(<meta name="author" content="Us Weekly Staff">
    <meta property="article:author" content="Kathy Lin">)"));
  EXPECT_EQ(names(staff), std::vector<std::string>{"Kathy Lin"});
  const Article outlet = read_html(page(R"(<meta property="og:site_name" content="Harbour Post">
    <meta name="author" content="Harbour Post">)",
                                        R"(<p class="byline">By Ann Lee</p>)"));
  EXPECT_EQ(names(outlet), std::vector<std::string>{"Ann Lee"});
  for (const char* company : {"mediagene Inc.", "Acme Media GmbH", "The Editors"}) {
    const Article a = read_html(page(std::string(R"(<meta name="author" content=")") + company +
                                     R"("><meta name="byl" content="By Bo Chen and Cy Dee">)"));
    EXPECT_EQ(names(a), (std::vector<std::string>{"Bo Chen", "Cy Dee"})) << company;
  }
  const Article pen = read_html(page(R"(<meta name="author" content="Organization for Writers">)"));
  EXPECT_EQ(pen.metadata.byline, "Organization for Writers");
}

// Of the meta tags that name someone, the one the printed byline agrees with: a
// publisher that reads like a person ("Condé Nast") gives way to the writer.
TEST(HtmlMetadata, TheMetaCreditThePrintedBylineAgreesWith) {
  const std::string head = R"(<meta name="author" content="Harbour Group">
    <meta property="article:author" content="Alex Hutchinson">)";
  const Article agreed = read_html(page(head, R"(<p class="byline">By Alex Hutchinson</p>)"));
  EXPECT_EQ(names(agreed), std::vector<std::string>{"Alex Hutchinson"});
  // With no byline on the page, nothing tells the two apart: the first stands.
  EXPECT_EQ(names(read_html(page(head))), std::vector<std::string>{"Harbour Group"});
}

TEST(HtmlMetadata, MetaCreditsThatNameNoWriterArePassedOver) {
  const auto names_in = [](const std::string& head, const std::string& body = "") {
    return names(read_html(page(head, body)));
  };
  using Names = std::vector<std::string>;
  // A tag repeated: the company first, the writer second.
  EXPECT_EQ(names_in(R"(<meta name="author" content="mediagene Inc.">
    <meta name="author" content="小暮ひさのり">)"),
            Names{"小暮ひさのり"});
  // A user name, then the byline tag.
  EXPECT_EQ(names_in(R"(<meta name="sailthru.author" content="mikecason">
    <meta name="byline" content="Mike Cason | mcason@al.com">)"),
            Names{"Mike Cason"});
  // The outlet named by its address, with the writer printed on the page.
  EXPECT_EQ(names_in(R"(<meta property="og:url" content="https://weekly.ascii.jp/elem/1/">
    <meta name="author" content="ASCII">)",
                     R"(<p class="author">文● オカモト／ASCII編集部</p>)"),
            Names{"オカモト"});
  EXPECT_EQ(names_in(R"(<meta property="og:url" content="https://www.itmedia.co.jp/pc/1.html">)",
                     R"(<div id="byline">[田中宏昌，ITmedia]</div>)"),
            Names{"田中宏昌"});
  // A tag repeated for each author.
  EXPECT_EQ(names_in(R"(<meta name="DC.Creator" content="Kooman, F.">
    <meta name="DC.Creator" content="Jong, Michiel de">)"),
            (Names{"F. Kooman", "Michiel de Jong"}));
  // The same tag twice with the same name names one author.
  EXPECT_EQ(names_in(R"(<meta name="author" content="Bushrod Washington">
    <meta name="author" content="Bushrod Washington">)"),
            Names{"Bushrod Washington"});
  // Surname first, as metadata writes it.
  EXPECT_EQ(names_in(R"(<meta name="parsely-author" content="Gillman, Steve">)"),
            Names{"Steve Gillman"});
  EXPECT_EQ(names_in(R"(<meta property="og:article:author" content="Cécile Ducourtieux">)"),
            Names{"Cécile Ducourtieux"});
  EXPECT_EQ(names_in(R"(<meta name="cXenseParse:author" content="KT">)"), Names{"KT"});
}

// The names a byline marks up one by one: all of them, without what is glued around
// them, up to a credit for other work.
TEST(HtmlMetadata, ReadsTheNamesABylineMarksUp) {
  const auto names_in = [](const std::string& body) { return names(read_html(page("", body))); };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names_in(R"(<address><div><a rel="author" href="/profile/a">Julia Carrie Wong</a>
    and <a rel="author" href="/profile/b">Sam Levin</a></div></address>)"),
            (Names{"Julia Carrie Wong", "Sam Levin"}));
  EXPECT_EQ(names_in(R"(<div itemprop="author"><span itemprop="name">Paul Wiseman</span><span
    itemprop="name">Fatima Hussein, The Associated Press</span></div>)"),
            (Names{"Paul Wiseman", "Fatima Hussein"}));
  EXPECT_EQ(names_in(R"(<div class="byline"><a rel="author" href="/author/ah"><img alt=""></a><a
    rel="author" href="/author/ah">Andrew Husband</a><a href="https://twitter.com/x">Twitter</a><span
    class="job">News &amp; Culture Writer</span></div>)"),
            (Names{"Andrew Husband"}));
  EXPECT_EQ(names_in(R"(<div class="article__authors"><p>著者</p><ul><li><span
    class="author__name">Diogo Carleto</span></li></ul><p>翻訳者</p><ul><li><span
    class="author__name">中村 真子</span></li></ul></div>)"),
            (Names{"Diogo Carleto"}));
  EXPECT_EQ(names_in(R"(<span class="byline"><span itemprop="name">Steven Lee Myers, </span><span
    itemprop="name">Keith Bradsher</span></span>)"),
            (Names{"Steven Lee Myers", "Keith Bradsher"}));
  // The printed line stands when it names the same people.
  const Article printed = read_html(page("", R"(<div class="author_fmt">By <a rel="author"
    href="/brenda-goodman">Brenda Goodman, MA</a><br>WebMD Health News</div>)"));
  EXPECT_EQ(names(printed), (Names{"Brenda Goodman"}));
  EXPECT_EQ(printed.metadata.byline, "Brenda Goodman, MA WebMD Health News");
}

// Other articles' bylines (a sidebar's, a teaser's, another <article>'s) are passed
// over; a "By" line around a link to an author's page is a byline without a class.
TEST(HtmlMetadata, ThePagesOwnBylineNotAnotherArticles) {
  const std::string sidebar = R"(<div class="sidebar"><span class="byline">By <a
    href="/author/cc">Caitlin Clark</a></span></div>)";
  const Article a = read_html("<html><body>" + sidebar + R"(<article><h1>Payments Can Begin</h1>
      <span class="info">By <a href="/author/kathy-wise"> Kathy Wise </a></span>)" +
                              article_paragraphs() + "</article></body></html>");
  EXPECT_EQ(names(a), std::vector<std::string>{"Kathy Wise"});
  const Article b = read_html(R"(<html><body><article><h2>Other story</h2><a class="byline"
    href="/author/mm">Michael Mooney</a></article><article><h1>Payments Can Begin</h1>
    <p class="byline">By Kathy Wise</p>)" +
                              article_paragraphs() + "</article></body></html>");
  EXPECT_EQ(names(b), std::vector<std::string>{"Kathy Wise"});
  // Without a headline inside an <article>, an <article> is the page's own.
  const Article c = read_html(R"(<html><body><h1>Site name</h1><article><aside><span
    itemprop="author"><span itemprop="name">Nicolas Perriault</span></span></aside>)" +
                              article_paragraphs() + "</article></body></html>");
  EXPECT_EQ(names(c), std::vector<std::string>{"Nicolas Perriault"});
  // A sidebar's "By" line around an author link is not taken.
  const Article d = read_html(page("", sidebar));
  EXPECT_TRUE(names(d).empty());
}

TEST(HtmlMetadata, HtmlLangWinsOverMeta) {
  const Article a = read_html(
      "<html lang=\"fr\"><head><meta property=\"og:locale\" "
      "content=\"en_US\"></head><body>" +
      article_paragraphs() + "</body></html>");
  EXPECT_EQ(a.metadata.lang, "fr");
}

TEST(HtmlMetadata, ArticleAuthorUrlIsNotAName) {
  const Article a =
      read_html(page(R"(<meta property="article:author" content="https://facebook.com/someone">)"));
  EXPECT_FALSE(a.metadata.byline);
}

TEST(HtmlMetadata, TimeElementGivesTheDate) {
  const Article a =
      read_html(page("", R"(<p class="meta"><time datetime="2018-03-09">9 March</time></p>)"));
  EXPECT_EQ(date_of(a), "2018-03-09");
}

// Templates that print the publication line after the text: found anywhere when it
// says what it dates, but not from a comment, nor an unlabelled date.
TEST(HtmlMetadata, ALabelledPublicationLineAfterTheText) {
  const auto after = [](const std::string& line) {
    return "<html><head><title>Rails</title></head><body><h1>One</h1><h1>Two</h1><article>" +
           article_paragraphs(6) + line + "</article></body></html>";
  };
  EXPECT_EQ(date_of(read_html(after("<p>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 "
                                    "um 10:00 Uhr ver\xC3\xB6"
                                    "ffentlicht.</p>"))),
            "2011-12-03");
  EXPECT_EQ(date_of(read_html(after("<div class=\"submitted\">Gespeichert von <span>rasos"
                                    "</span> am 24. Juli 2017 - 18:55</div>"))),
            "2017-07-24");
  EXPECT_EQ(date_of(read_html(after("<div class=\"comments\"><p>Posted on 3 May 2019 by Bo"
                                    "</p></div>"))),
            "");
  EXPECT_EQ(date_of(read_html(after("<p>Next meeting: 3 May 2019</p>"))), "");
}

// A page's generic date meta is what a CMS last did to the page: the article's own
// marked <time>, or the date it prints marked as one, comes first.
TEST(HtmlMetadata, TheArticlesOwnDateBeforeThePagesGenericStamp) {
  const std::string meta = R"(<meta name="date" content="2022-01-21T15:38:44+01:00">
    <meta property="article:modified_time" content="2022-01-30T10:00:00+01:00">)";
  EXPECT_EQ(date_of(read_html(page(meta, R"(<time itemprop="datePublished"
    datetime="2022-01-27">27.01.2022</time>)"))),
            "2022-01-27");
  EXPECT_EQ(date_of(read_html(page(meta, R"(<li class="Date">29.01.2022, 12:01 Uhr</li>)"))),
            "2022-01-29");
  EXPECT_EQ(date_of(read_html(page(meta))), "2022-01-21");
}

// The address's /YYYY/MM/DD/ is the last evidence of the day, the page's own address or
// the one it was fetched from.
TEST(HtmlMetadata, TheAddressGivesTheDayLast) {
  EXPECT_EQ(date_of(read_html(
                page(R"(<link rel="canonical" href="https://news.example/2013/08/07/kinos/">)"))),
            "2013-08-07");
  ReadOptions options;
  options.base_url = "https://news.example/blog/2019/02/22/post";
  EXPECT_EQ(date_of(read_html(page(""), options)), "2019-02-22");
  for (const char* url : {"https://news.example/2013/08/kinos", "https://news.example/2013/13/07/x",
                          "https://news.example/2013/08/071/x"}) {
    EXPECT_EQ(
        date_of(read_html(page(std::string(R"(<link rel="canonical" href=")") + url + "\">"))), "")
        << url;
  }
}

// A UTC stamp after the publisher's midnight: the day is the one a <time> with the
// page's own offset gives for the same moment; a bare UTC stamp keeps its own day.
TEST(HtmlMetadata, AUtcStampTakesThePagesOwnDay) {
  const std::string stamp =
      R"(<meta property="article:published_time" content="2023-11-09T02:11:03Z">)";
  EXPECT_EQ(date_of(read_html(page(stamp, R"(<time datetime="2023-11-08T21:11:03-05:00">
    November 8, 2023</time>)"))),
            "2023-11-08");
  EXPECT_EQ(date_of(read_html(page(stamp, R"(<time datetime="2023-11-08T09:00:00-05:00">
    November 8, 2023</time>)"))),
            "2023-11-09");
  EXPECT_EQ(date_of(read_html(page(stamp))), "2023-11-09");
  // The same moment without a zone, to the second, five hours away.
  EXPECT_EQ(date_of(read_html(page(stamp + R"(<meta name="sailthru.date"
    content="2023-11-08 21:11:03">)"))),
            "2023-11-08");
  EXPECT_EQ(date_of(read_html(page(stamp, R"(<time datetime="2023-11-08 21:11:03">Nov 8</time>)"))),
            "2023-11-08");
  // Another moment without a zone moves nothing: 21:12:00 is not 02:11:03 elsewhere.
  EXPECT_EQ(date_of(read_html(page(stamp + R"(<meta name="sailthru.date"
    content="2023-11-08 21:12:00">)"))),
            "2023-11-09");
  // The <time> holding the stamp prints the publisher's day.
  EXPECT_EQ(date_of(read_html(page("", R"(<time class="story__date"
    datetime="2023-11-01T23:01:00Z">02 Novembre 2023</time>)"))),
            "2023-11-02");
  EXPECT_EQ(date_of(read_html(page("", R"(<time class="story__date"
    datetime="2023-11-01T23:01:00Z">05 Novembre 2023</time>)"))),
            "2023-11-01");
}

// The day printed under the headline wins over JSON-LD's when a meta tag names it too
// (a CMS that stamps JSON-LD with the draft's day); not when it is an update, and not
// when nothing else names it.
TEST(HtmlMetadata, ThePrintedDayAStampConfirmsOverJsonLd) {
  const std::string json = R"(<script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Vanlife im Winter", "datePublished": "2022-01-04T07:29:00.000Z"}</script>)";
  const std::string meta = R"(<meta name="date" content="2022-01-06T10:00:00+01:00">)";
  const auto date_with = [&](const std::string& head, const std::string& line) {
    return date_of(read_html("<html><head>" + head + "</head><body><article><h1>Vanlife im " +
                             "Winter</h1><p class=\"info\">" + line + "</p>" +
                             article_paragraphs() + "</article></body></html>"));
  };
  EXPECT_EQ(date_with(json + meta, "06.01.2022"), "2022-01-06");
  EXPECT_EQ(date_with(json, "06.01.2022"), "2022-01-04");
  EXPECT_EQ(date_with(json + meta, "Aktualisiert: 06.01.2022"), "2022-01-04");
}

// A printed, marked dateline outranks the first <time> of all, which may be an
// embedded post's; a slashed stamp is read in the order the page prints it.
TEST(HtmlMetadata, WeakStampsGiveWayToWhatThePagePrints) {
  EXPECT_EQ(date_of(read_html(page("", R"(<div class="PublishDate">Dienstag, 29. Januar 2019</div>
    <blockquote class="instagram-media"><time datetime="2018-03-12T19:30:12+00:00">March 12,
    2018</time></blockquote>)"))),
            "2019-01-29");
  EXPECT_EQ(date_of(read_html(page(R"(<meta name="date" content="11/01/2023 12:43:42">)",
                                   "<p>Erstellt am: 01.11.2023</p>"))),
            "2023-11-01");
  EXPECT_EQ(date_of(read_html(page(R"(<meta name="date" content="11/01/2023 12:43:42">)"))),
            "2023-01-11");
}

// A template that boxes its own article as a "teaser" still prints the article's date;
// a forum's clock is no one's date.
TEST(HtmlMetadata, TheHeadlinesOwnBoxAndClocks) {
  const Article teaser = read_html(R"(<html><body><div class="teaser-body"><h1>Der Abend</h1>
    <div class="teaser_text_meta">Peter Grimm / 07.11.2023 / 09:30</div>)" +
                                   article_paragraphs() + "</div></body></html>");
  EXPECT_EQ(date_of(teaser), "2023-11-07");
  const Article clock = read_html(page("", R"(<p class="time">Aktuelle Zeit: 14.10.2020</p>
    <p class="newsdatum">[Samstag, 19. Juli 2014]</p>)"));
  EXPECT_EQ(date_of(clock), "2014-07-19");
}

// Labels tell a publication from a change: an update is the date only when nothing
// else is printed; an element after "Erschienen am:" is a dateline; a wiki's "last
// modified" footer is its date; a label beside a date in a longer block counts.
TEST(HtmlMetadata, LabelsTellThePublicationFromAChange) {
  EXPECT_EQ(date_of(read_html(page("", R"(<ul><li class="timestamp">Zuletzt geändert am:
    15.10.2021</li></ul><span>Erschienen am:</span><h2>13.10.2021</h2>)"))),
            "2021-10-13");
  EXPECT_EQ(date_of(read_html(page("", R"(<ul><li class="timestamp">Zuletzt geändert am:
    15.10.2021</li></ul>)"))),
            "2021-10-15");
  EXPECT_EQ(date_of(read_html(page("", R"(<li id="footer-info-lastmod">Diese Seite wurde zuletzt
    am 29. Januar 2020 um 12:00 Uhr geändert.</li>)"))),
            "2020-01-29");
  const std::string block =
      "<p class=\"postmetadata\"><small>Dieser Beitrag wurde am Samstag, "
      "3. Dezember 2011 um 18:44 Uhr veröffentlicht und ist unter Allgemein "
      "abgelegt. Du kannst die Kommentare zu diesen Eintrag durch den RSS "
      "2.0 Feed verfolgen.</small></p>";
  EXPECT_EQ(date_of(read_html("<html><body><article>" + article_paragraphs() + block +
                              "</article></body></html>")),
            "2011-12-03");
}

// Dates in parts, in a script's attribute, on the site's own link to the page, in the
// title, and in a site's own meta tag: read when nothing better is printed.
TEST(HtmlMetadata, DatesWrittenInOtherPlaces) {
  EXPECT_EQ(date_of(read_html(page("", R"(<div class="date"><span class="month">Apr</span>
    <span class="day">04</span><span class="year">2013</span></div>)"))),
            "2013-04-04");
  EXPECT_EQ(date_of(read_html(R"(<html><head><title>Rinderleber mit Apfel</title></head><body>
    <article><h2>Rinderleber mit Apfel</h2><p>8.<a
    href="/2010/12/">Dezember 2010</a> um 09:43</p>)" +
                              article_paragraphs() + "</article></body></html>")),
            "2010-12-08");
  EXPECT_EQ(date_of(read_html(R"(<html><body><article><h1>Achtsam durch die Krise</h1><div
    data-date="18. März 2020" class="timeline__arrow"></div>)" +
                              article_paragraphs() + "</article></body></html>")),
            "2020-03-18");
  EXPECT_EQ(
      date_of(read_html(page(R"(<link rel="canonical" href="https://example.org/menschenrechte">)",
                             R"(<a href="/menschenrechte"><div class="authored">10.11.2021</div>
    <h2>Menschenrechte achten</h2></a><a href="/andere"><div>01.01.2020</div></a>)"))),
      "2021-11-10");
  EXPECT_EQ(date_of(read_html(page("<title>08.11.2021 | Online-Fachtag zum Tag</title>"))),
            "2021-11-08");
  EXPECT_EQ(
      date_of(read_html(page(
          R"(<meta property="five_hundred_pixels:uploaded" content="2013-02-16T04:36:36-05:00">)"))),
      "2013-02-16");
  // A page rendered by script: its state's shallowest publication date.
  EXPECT_EQ(date_of(read_html(page(R"(<script id="__NEXT_DATA__" type="application/json">
    {"props": {"pageProps": {"data": {"items": [{"publicationDate": "2001-01-01"}],
     "publicationDate": "2022-01-31T14:27:32+01:00"}}}}</script>)"))),
            "2022-01-31");
  EXPECT_EQ(date_of(read_html(page(R"(<script type="application/json">{"publicationDate":
    "not a date"}</script>)"))),
            "");
}

// A comment's, a teaser's or a related story's date is another item's, however it is
// marked up; the article's own <footer> is the article's.
TEST(HtmlMetadata, AnotherItemsDateIsNotTheArticles) {
  const std::string own = R"(<span class="published">31. Oktober 2023</span>)";
  EXPECT_EQ(date_of(read_html(page("", R"(<aside class="related-posts"><time class="published"
    datetime="2020-12-03">3. Dezember 2020</time></aside>)" +
                                           own))),
            "2023-10-31");
  EXPECT_EQ(date_of(read_html(page("", own + R"(<div class="comments"><time
    datetime="2023-11-02T18:19:06+02:00">vor 2 Tagen</time></div>)"))),
            "2023-10-31");
  EXPECT_EQ(date_of(read_html(page("", R"(<ol class="comment-list"><li><div
    class="comment__date">04.02.2022</div></li></ol>)" +
                                           own))),
            "2023-10-31");
  const Article footer = read_html(
      "<html><head><title>Rails for a cottage</title></head><body><article><h1>Rails for a "
      "cottage</h1><footer class=\"node__meta\">Gespeichert von Ann am 28.01.2022</footer>" +
      article_paragraphs() + "</article><footer>Updated 01.02.2024</footer></body></html>");
  EXPECT_EQ(date_of(footer), "2022-01-28");
}

// A dateline printed beside the headline with no markup that says date: after the h1
// (also after a caption and the lead), else just above it; never from the navigation,
// a sidebar, comments or teasers, nor from the running text.
TEST(HtmlMetadata, DatelineBesideTheHeadline) {
  const auto body = [](const std::string& around_h1) {
    return "<html><head><title>Rails for a cottage</title></head><body>" + around_h1 + "<article>" +
           article_paragraphs() + "</article></body></html>";
  };
  EXPECT_EQ(date_of(read_html(body("<h1>Rails for a cottage</h1><p>Engineers moved it on "
                                   "steel rails.</p><h5>Datum:</h5> 03.11.2021 "))),
            "2021-11-03");
  EXPECT_EQ(date_of(read_html(body("<div>Peter Grimm / 07.11.2023 / 09:30</div>"
                                   "<h1>Rails for a cottage</h1>"))),
            "2023-11-07");
  EXPECT_EQ(date_of(read_html(body("<h1>Rails for a cottage</h1><p>Posted on September 21, "
                                   "2020 by Adi Tzlil</p>"))),
            "2020-09-21");
  EXPECT_EQ(date_of(read_html(body("<h2>Rails for a cottage</h2><p>Von: Björn Jahner | "
                                   "31.10.23</p>"))),
            "2023-10-31");
  EXPECT_EQ(date_of(read_html(body("<h1>Rails for a cottage</h1><aside>Read next: 04.02.2022"
                                   "</aside><div class=\"comments\">12.03.2021</div>"))),
            "");
  EXPECT_EQ(date_of(read_html(body("<nav>Today 14.10.2020</nav><h1>Rails for a cottage</h1>"))),
            "");
  // The headline among several h1: the title with its typographic apostrophe, or the
  // title without the place or site name after it.
  const auto titled = [](const std::string& title, const std::string& headings) {
    return "<html><head><title>" + title + "</title></head><body><h1>Harbour Post</h1>" + headings +
           "<p>Von: Ann Lee | 31.10.23</p><article>" + article_paragraphs() +
           "</article><h1>Comments</h1><p>01.11.23</p></body></html>";
  };
  EXPECT_EQ(date_of(read_html(titled("The cottage's rails", "<h1>The cottage’s rails</h1>"))),
            "2023-10-31");
  EXPECT_EQ(date_of(read_html(titled("Rails for a cottage on the coast, Thailand",
                                     "<h1>Rails for a cottage on the coast</h1>"))),
            "2023-10-31");
  // Two headlines and no title to tell them apart: no headline, no dateline.
  EXPECT_EQ(date_of(read_html(body("<h1>One</h1><h1>Two</h1><p>03.11.2021</p>"))), "");
}

TEST(HtmlMetadata, VisibleBylineLeavesTheBody) {
  const Article a = read_html(page("", R"(<div class="byline">By Erin Moss</div>)"));
  EXPECT_EQ(names(a), std::vector<std::string>{"Erin Moss"});
  EXPECT_EQ(body_text(a).find("Erin Moss"), std::string::npos);
}

TEST(HtmlMetadata, AuthorMarkupUsesItspropName) {
  const Article a = read_html(page("", R"(<p><span itemprop="author" itemscope>
      <span itemprop="name">Finn Ode</span> &mdash;</span></p>)"));
  EXPECT_EQ(names(a), std::vector<std::string>{"Finn Ode"});
}

TEST(HtmlMetadata, LargeElementWithAuthorClassIsNotAByline) {
  const Article a =
      read_html(page("", R"(<div class="author-bio">)" + article_paragraphs(2) + "</div>"));
  EXPECT_TRUE(a.metadata.authors.empty());
  EXPECT_NE(body_text(a).find("Paragraph 1"), std::string::npos);
}

TEST(HtmlMetadata, DocumentTitleLosesSiteSuffix) {
  EXPECT_EQ(
      read_html(page("<title>A Long Headline About Things | Daily Site</title>")).metadata.title,
      "A Long Headline About Things");
  // Too few words left: the whole title is kept.
  EXPECT_EQ(read_html(page("<title>Short One | Daily Site</title>")).metadata.title,
            "Short One | Daily Site");
}

// A section's label before the printed headline, or an edition's note in brackets
// after it, is not part of the title; a site's name after it is kept as given.
TEST(HtmlMetadata, TheMetaTitleLessASectionLabelOrEditionNote) {
  const auto title_of = [](const std::string& og_title, const std::string& h1) {
    const Article a = read_html("<html><head><meta property=\"og:title\" content=\"" + og_title +
                                "\"></head><body><article><h1>" + h1 + "</h1>" +
                                article_paragraphs() + "</article></body></html>");
    return a.metadata.title.value_or("");
  };
  EXPECT_EQ(title_of("Opinion | Enough platitudes: Let's name names",
                     "Enough platitudes: Let\u2019s name names"),
            "Enough platitudes: Let\u2019s name names");
  EXPECT_EQ(title_of("Rahami Is Arrested in Manhattan (Published 2016)",
                     "Rahami Is Arrested in Manhattan"),
            "Rahami Is Arrested in Manhattan");
  EXPECT_EQ(title_of("Why Trump won't change | CNN Politics", "Why Trump won't change"),
            "Why Trump won't change | CNN Politics");
  // A heading that is the label, or the longer part, is not the headline.
  EXPECT_EQ(title_of("Politics | Budget talks stall", "Politics"), "Politics | Budget talks stall");
  EXPECT_EQ(title_of("A very long section label here - Short head", "Short head"),
            "A very long section label here - Short head");
}

TEST(HtmlMetadata, StripSiteSuffixNeedsTheSiteName) {
  using html::strip_site_suffix;
  EXPECT_EQ(strip_site_suffix("Budget Passes - The Herald", "The Herald"), "Budget Passes");
  EXPECT_EQ(strip_site_suffix("The Herald | Budget Passes", "the herald"), "Budget Passes");
  EXPECT_EQ(strip_site_suffix("Budget Passes - Analysis", "The Herald"),
            "Budget Passes - Analysis");
  EXPECT_EQ(strip_site_suffix("Budget Passes - The Herald", ""), "Budget Passes - The Herald");
}

}  // namespace
}  // namespace galley::test
