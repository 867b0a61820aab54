#include <algorithm>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/model_builders.hpp"
#include "support/sample_articles.hpp"
#include "support/unzip.hpp"

namespace galley::test {
namespace {

std::string write_epub(const Article& article, Diagnostics& diag,
                       const WriteOptions& options = {}) {
  return write_string(article, "epub", options, diag);
}

std::string write_epub(const Article& article) {
  Diagnostics diag;
  return write_epub(article, diag);
}

std::string entry(const std::vector<ZipEntry>& entries, const std::string& name) {
  const auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const ZipEntry& e) { return e.name == name; });
  return it == entries.end() ? std::string("<missing " + name + ">") : it->bytes;
}

std::string content(const Article& article) {
  return entry(unzip_entries(write_epub(article)), "EPUB/article.xhtml");
}

std::string package(const Article& article) {
  return entry(unzip_entries(write_epub(article)), "EPUB/package.opf");
}

TEST(EpubWriter, StartsWithTheStoredMimetype) {
  const std::string bytes = write_epub(rich_article());
  // OCF: the first local header names "mimetype", stored, with no extra field.
  ASSERT_GT(bytes.size(), 58u);
  EXPECT_EQ(bytes.substr(0, 4), "PK\x03\x04");
  EXPECT_EQ(bytes.substr(8, 2), std::string("\0\0", 2));   // compression: stored
  EXPECT_EQ(bytes.substr(28, 2), std::string("\0\0", 2));  // extra field length
  EXPECT_EQ(bytes.substr(30, 28), "mimetypeapplication/epub+zip");
}

TEST(EpubWriter, WritesEntriesInAFixedOrder) {
  const auto entries = unzip_entries(write_epub(rich_article()));
  std::vector<std::string> names;
  for (const ZipEntry& e : entries) names.push_back(e.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"mimetype", "META-INF/container.xml", "EPUB/package.opf",
                                      "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/style.css",
                                      "EPUB/article.xhtml", "EPUB/images/img1.png"}));
  // Only the content document is worth deflating.
  for (const ZipEntry& e : entries) EXPECT_EQ(e.stored, e.name != "EPUB/article.xhtml") << e.name;
}

TEST(EpubWriter, IsReproducibleWithTheSameTimestamp) {
  WriteOptions options;
  options.timestamp = std::chrono::sys_days(std::chrono::year(2024) / 5 / 6);
  Diagnostics diag;
  for (const NamedArticle& sample : sample_articles()) {
    EXPECT_EQ(write_epub(sample.article, diag, options), write_epub(sample.article, diag, options))
        << sample.name;
  }
  // A dated article needs none: its date is the time stamp.
  EXPECT_EQ(write_epub(rich_article()), write_epub(rich_article()));
}

TEST(EpubWriter, DoesNotDependOnTheTimeZone) {
  const std::string before = write_epub(rich_article());
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  ::setenv("TZ", "Pacific/Kiritimati", 1);
  ::tzset();
  const std::string after = write_epub(rich_article());
  if (old) {
    ::setenv("TZ", saved.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
  EXPECT_EQ(before, after);
}

// The year of dcterms:modified in a package document.
int modified_year(const std::string& opf) {
  const std::string key = "<meta property=\"dcterms:modified\">";
  const std::size_t at = opf.find(key);
  return at == std::string::npos ? 0 : std::stoi(opf.substr(at + key.size(), 4));
}

TEST(EpubWriter, TakesTheTimestampFromTheOptionsThenTheDateThenTheClock) {
  EXPECT_NE(
      package(rich_article()).find("<meta property=\"dcterms:modified\">2021-03-14T00:00:00Z"),
      std::string::npos);
  // Undated: the time of writing, not the Unix epoch.
  const auto now = std::chrono::year_month_day(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const int year = static_cast<int>(now.year());
  EXPECT_GE(modified_year(package(Article{})), year);
  EXPECT_LE(modified_year(package(Article{})), year + 1);
  WriteOptions options;
  options.timestamp =
      std::chrono::sys_days(std::chrono::year(2024) / 5 / 6) + std::chrono::hours(7);
  Diagnostics diag;
  const auto entries = unzip_entries(write_epub(rich_article(), diag, options));
  EXPECT_NE(entry(entries, "EPUB/package.opf").find(">2024-05-06T07:00:00Z<"), std::string::npos);
}

TEST(EpubWriter, DerivesTheIdentifierFromTheUrlOrTheContent) {
  // UUID v5 of the URL in the URL namespace (checked with Python's uuid.uuid5).
  EXPECT_NE(package(rich_article()).find("urn:uuid:cac3e550-4002-5b7a-a2d2-c777ead9c277"),
            std::string::npos)
      << package(rich_article());
  Article a = article("A", {para("one")});
  Article b = article("A", {para("two")});
  const std::string id_a = package(a).substr(package(a).find("urn:uuid:"), 45);
  const std::string id_b = package(b).substr(package(b).find("urn:uuid:"), 45);
  EXPECT_NE(id_a, id_b);
  EXPECT_NE(entry(unzip_entries(write_epub(a)), "EPUB/toc.ncx").find(id_a), std::string::npos);
}

TEST(EpubWriter, WritesTheMetadata) {
  const std::string opf = package(rich_article());
  EXPECT_NE(opf.find("<dc:title>Rivers of the North</dc:title>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:creator id=\"creator1\">Ann Lee</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:creator id=\"creator2\">Jan van Dijk</dc:creator>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:language>en-GB</dc:language>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:date>2021-03-14</dc:date>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:publisher>Northern Press</dc:publisher>"), std::string::npos);
  EXPECT_NE(opf.find("media-type=\"image/png\""), std::string::npos);
}

TEST(EpubWriter, WritesADateKnownToTheMonthWithThatPrecision) {
  Article a;
  a.metadata.title = "Proceedings paper";
  a.metadata.datetime = "2014-06";
  EXPECT_NE(package(a).find("<dc:date>2014-06</dc:date>"), std::string::npos);
  EXPECT_NE(content(a).find("<time datetime=\"2014-06\">2014-06</time>"), std::string::npos);
}

TEST(EpubWriter, UsesUndAndInventsNoTitleWhenUnknown) {
  const std::string opf = package(Article{});
  EXPECT_NE(opf.find("<dc:language>und</dc:language>"), std::string::npos);
  EXPECT_NE(opf.find("<dc:title>\u2014</dc:title>"), std::string::npos);
  EXPECT_EQ(opf.find("<dc:date>"), std::string::npos);
  EXPECT_EQ(opf.find("<dc:creator"), std::string::npos);
  EXPECT_EQ(content(Article{}).find("<header"), std::string::npos);
}

TEST(EpubWriter, NamesAnUntitledArticleByItsFirstHeadingOrOpeningWords) {
  Article opening;
  opening.body = blocks(para("One two three four five six seven eight nine ten."));
  EXPECT_NE(
      package(opening).find("<dc:title>One two three four five six seven eight\u2026</dc:title>"),
      std::string::npos);
  Article headed = opening;
  headed.body.push_back(heading(2, "Findings"));
  EXPECT_NE(package(headed).find("<dc:title>Findings</dc:title>"), std::string::npos);
  // No headline is made up: the body's top heading is the page's h1.
  const std::string xhtml = content(headed);
  EXPECT_EQ(xhtml.find("<header"), std::string::npos);
  EXPECT_NE(xhtml.find("<h1 id=\"sec-1\">Findings</h1>"), std::string::npos);
}

TEST(EpubWriter, HeadingLevelsSkipNoneBelowTheHeadline) {
  Article a = article("Title", blocks(heading(3, "Three"), heading(5, "Five"), heading(4, "Four"),
                                      heading(3, "Three again"), heading(6, "Six")));
  const std::string xhtml = content(a);
  for (const char* h :
       {"<h2 id=\"sec-1\">Three</h2>", "<h3 id=\"sec-2\">Five</h3>", "<h3 id=\"sec-3\">Four</h3>",
        "<h2 id=\"sec-4\">Three again</h2>", "<h3 id=\"sec-5\">Six</h3>"}) {
    EXPECT_NE(xhtml.find(h), std::string::npos) << h << "\n" << xhtml;
  }
}

// A heading with nothing to read is not written (Ace's empty-heading); one holding
// only an image keeps it.
TEST(EpubWriter, LeavesOutAHeadingWithNothingInIt) {
  const Article a = article(
      "Title", blocks(heading(2, "\x01"), heading(2, "Kept"),
                      heading(2, image("data:image/gif;base64,R0lGODlhAQABAAAAACw=", "Logo"))));
  const std::string xhtml = content(a);
  EXPECT_NE(xhtml.find("<h2 id=\"sec-1\">Kept</h2>"), std::string::npos) << xhtml;
  EXPECT_NE(xhtml.find("<h2 id=\"sec-2\"><img"), std::string::npos) << xhtml;
  EXPECT_EQ(xhtml.find("sec-3"), std::string::npos) << xhtml;
}

// The empty corner of a header row is a data cell: a header cell with nothing in it
// would be announced as heading its column (Ace's empty-table-header).
TEST(EpubWriter, WritesAnEmptyHeaderCellAsADataCell) {
  const Article a =
      article("Title", blocks(table({{{}, {para("2020")}}, {{para("Sales")}, {para("3")}}}, 1)));
  EXPECT_NE(content(a).find("<thead>\n<tr><td></td><th>2020</th></tr>"), std::string::npos)
      << content(a);
}

// Each epub:type with the ARIA role of the same meaning, for assistive technology that
// reads ARIA and not EPUB's vocabulary (Ace's epub-type-has-matching-role).
TEST(EpubWriter, WritesFootnotesAsEpubNotes) {
  const std::string xhtml = content(rich_article());
  EXPECT_NE(
      xhtml.find("<sup><a epub:type=\"noteref\" role=\"doc-noteref\" href=\"#fn1\">1</a></sup>"),
      std::string::npos);
  EXPECT_NE(xhtml.find("<aside id=\"fn2\" epub:type=\"footnote\" role=\"doc-footnote\">"),
            std::string::npos);
  EXPECT_LT(xhtml.find("</article>"), xhtml.find("id=\"notes\""));
  EXPECT_LT(xhtml.find("id=\"notes\""), xhtml.find("<section id=\"footer\""));
}

// Reading systems hide a footnote until its reference is followed: a note nothing links
// to (referenced only inside a link, or not at all) stays an ordinary aside.
TEST(EpubWriter, LeavesANoteNothingLinksToReadable) {
  Article a = article("Title", blocks(para("Linked", note_ref("n1"), ".")));
  a.notes = {{"n1", {para("Followed.")}}, {"n2", {para("Never referenced.")}}};
  const std::string xhtml = content(a);
  EXPECT_NE(xhtml.find("<aside id=\"fn1\" epub:type=\"footnote\" role=\"doc-footnote\">"),
            std::string::npos);
  EXPECT_NE(xhtml.find("<aside id=\"fn2\">"), std::string::npos) << xhtml;
}

TEST(EpubWriter, EscapesAndRemovesWhatXmlCannotCarry) {
  Diagnostics diag;
  const auto entries = unzip_entries(write_epub(hostile_article(), diag));
  const std::string xhtml = entry(entries, "EPUB/article.xhtml");
  EXPECT_NE(xhtml.find("<title>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; "
                       "&quot;quoted&quot; </title>"),
            std::string::npos);
  EXPECT_NE(xhtml.find("<p>nul bell vt del c1 fffe ffff end</p>"), std::string::npos);
  EXPECT_NE(xhtml.find("<p>bad utf8  surrogate  overlong  kept \xef\xbf\xbd</p>"),
            std::string::npos);
  EXPECT_NE(xhtml.find("]]&gt;"), std::string::npos);
  EXPECT_EQ(xhtml.find("<script"), std::string::npos);
}

TEST(EpubWriter, KeepsOnlyWebAndMailLinks) {
  const std::string xhtml = content(hostile_article());
  EXPECT_NE(xhtml.find("<p>js vb data fragment relative</p>"), std::string::npos);
  EXPECT_EQ(xhtml.find("javascript:"), std::string::npos);
  // Nested links keep their text; the URL is percent-encoded where it must be.
  EXPECT_NE(xhtml.find("<a href=\"https://example.org/a%20b?q=%22x%22&amp;y=%3Cz%3E#f%23g\">"
                       "outer inner<sup>1</sup></a>"),
            std::string::npos);
  EXPECT_NE(content(rich_article()).find("<a href=\"mailto:editor@example.org\">write</a>"),
            std::string::npos);
}

TEST(EpubWriter, EmbedsDataUriImagesAndDropsOthersWithAWarning) {
  Diagnostics diag;
  const auto entries = unzip_entries(write_epub(hostile_article(), diag));
  EXPECT_EQ(entries.size(), 7u);  // no image entry
  const std::string xhtml = entry(entries, "EPUB/article.xhtml");
  // A dropped image keeps its alt text.
  EXPECT_NE(xhtml.find("<figure>\n<p class=\"image-alt\">gone</p>\n"
                       "<figcaption>The caption stays</figcaption>\n</figure>"),
            std::string::npos);
  EXPECT_EQ(xhtml.find("<img"), std::string::npos);
  std::size_t image_warnings = 0;
  for (const Diagnostic& d : diag.all())
    image_warnings += d.message.find("image") != std::string::npos;
  EXPECT_EQ(image_warnings, 5u);

  // The same data URI twice is embedded once.
  const auto rich = unzip_entries(write_epub(rich_article()));
  EXPECT_EQ(entry(rich, "EPUB/images/img1.png").substr(1, 3), "PNG");
  EXPECT_EQ(entry(rich, "EPUB/images/img2.png"), "<missing EPUB/images/img2.png>");
}

// "The tariff is <img alt="E = 3 × T"> per tonne." still reads whole when the image
// cannot be embedded; a paragraph of images without alt text leaves nothing behind.
TEST(EpubWriter, KeepsTheAltTextOfImagesItCannotEmbed) {
  Diagnostics diag;
  const auto entries = unzip_entries(write_epub(
      article("t",
              {para("The tariff is ", Inline{Image{"https://example.org/f.png", "E = 3 \u00d7 T"}},
                    " per tonne."),
               para(Inline{Image{"https://example.org/g.png", ""}}), para("After.")}),
      diag));
  const std::string xhtml = entry(entries, "EPUB/article.xhtml");
  EXPECT_NE(xhtml.find("<p>The tariff is E = 3 \u00d7 T per tonne.</p>\n<p>After.</p>"),
            std::string::npos)
      << xhtml;
  EXPECT_EQ(xhtml.find("<p></p>"), std::string::npos);
}

// EPUB Accessibility 1.1 metadata, as the content is made.
TEST(EpubWriter, DescribesItsAccessibility) {
  const auto text_only = unzip_entries(write_epub(article("t", {para("Words.")})));
  const std::string opf = entry(text_only, "EPUB/package.opf");
  EXPECT_NE(opf.find("<meta property=\"schema:accessMode\">textual</meta>"), std::string::npos);
  EXPECT_EQ(opf.find("<meta property=\"schema:accessMode\">visual</meta>"), std::string::npos);
  EXPECT_NE(opf.find("<meta property=\"schema:accessibilityHazard\">none</meta>"),
            std::string::npos);
  EXPECT_NE(opf.find("schema:accessibilitySummary"), std::string::npos);
  EXPECT_NE(entry(text_only, "EPUB/nav.xhtml").find("role=\"doc-toc\""), std::string::npos);
  const std::string rich = entry(unzip_entries(write_epub(rich_article())), "EPUB/package.opf");
  EXPECT_NE(rich.find("<meta property=\"schema:accessMode\">visual</meta>"), std::string::npos);
}

TEST(EpubWriter, WarnsAboutReferencesToMissingNotes) {
  Diagnostics diag;
  write_epub(article("t", {para("x", note_ref("gone"))}), diag);
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_EQ(diag.all()[0].message, "reference to a missing note 'gone' dropped");
}

TEST(EpubWriter, SetsRightToLeftDirection) {
  const auto entries = unzip_entries(write_epub(rtl_article()));
  EXPECT_NE(
      entry(entries, "EPUB/article.xhtml").find("xml:lang=\"ar-EG\" lang=\"ar-EG\" dir=\"rtl\""),
      std::string::npos);
  EXPECT_NE(entry(entries, "EPUB/package.opf").find("page-progression-direction=\"rtl\""),
            std::string::npos);
  EXPECT_EQ(entry(unzip_entries(write_epub(rich_article())), "EPUB/package.opf").find("rtl"),
            std::string::npos);
}

// With no language known, the first strong character sets the direction, as dir="auto"
// does in a browser: digits and punctuation before it do not.
TEST(EpubWriter, TakesTheDirectionFromTheTextWhenTheLanguageIsUnknown) {
  Article arabic = rtl_article();
  arabic.metadata.lang.reset();
  arabic.metadata.title = "2024: \u0645\u0642\u0627\u0644\u0629";
  const auto entries = unzip_entries(write_epub(arabic));
  EXPECT_NE(entry(entries, "EPUB/article.xhtml").find("xml:lang=\"und\" lang=\"und\" dir=\"rtl\""),
            std::string::npos);
  EXPECT_NE(entry(entries, "EPUB/package.opf").find("page-progression-direction=\"rtl\""),
            std::string::npos);
  Article latin = rich_article();
  latin.metadata.lang.reset();
  EXPECT_EQ(entry(unzip_entries(write_epub(latin)), "EPUB/package.opf").find("rtl"),
            std::string::npos);
  Article untitled = arabic;
  untitled.metadata.title.reset();
  EXPECT_NE(entry(unzip_entries(write_epub(untitled)), "EPUB/package.opf").find("rtl"),
            std::string::npos);
}

TEST(EpubWriter, ListsTitleHeadingsAndNotesButNotTheFooterInTheNavigation) {
  const auto entries = unzip_entries(write_epub(rich_article()));
  const std::string nav = entry(entries, "EPUB/nav.xhtml");
  EXPECT_NE(nav.find("<li><a href=\"article.xhtml#title\">Rivers of the North</a></li>\n"
                     "<li><a href=\"article.xhtml#sec-1\">Sources</a></li>"),
            std::string::npos);
  EXPECT_NE(nav.find("article.xhtml#notes"), std::string::npos);
  EXPECT_EQ(nav.find("article.xhtml#footer"), std::string::npos);
  EXPECT_NE(entry(entries, "EPUB/toc.ncx").find("playOrder=\"5\""), std::string::npos);
  EXPECT_EQ(entry(entries, "EPUB/toc.ncx").find("playOrder=\"6\""), std::string::npos);
}

TEST(EpubWriter, WritesTheAbstractBeforeTheBodyAndTheReferencesAfterIt) {
  const std::string xhtml = content(scholarly_article());
  const auto abstract = xhtml.find(
      "<section id=\"abstract\" class=\"abstract\" epub:type=\"abstract\" "
      "role=\"doc-abstract\">\n<h2>Abstract</h2>\n<p>Background: <em>gait</em> predicts "
      "independence.</p>\n<h3 id=\"sec-1\">Results</h3>\n");
  ASSERT_NE(abstract, std::string::npos);
  EXPECT_LT(xhtml.find("</header>"), abstract);
  EXPECT_LT(abstract, xhtml.find("<h3 id=\"sec-2\">Introduction</h3>"));
  const auto references = xhtml.find(
      "<section id=\"references\" class=\"references\" epub:type=\"bibliography\" "
      "role=\"doc-bibliography\">\n<h2>References</h2>\n<p id=\"ref1\"><span "
      "class=\"ref-label\">[1]</span> Roe JA, Yang Z. Walking. Stroke Res. "
      "2017;126(4):305-313.</p>\n<p id=\"ref2\">WHO &amp; partners &lt;report&gt;, 2015.</p>\n");
  ASSERT_NE(references, std::string::npos);
  EXPECT_LT(xhtml.find("</article>"), references);
  const std::string nav = entry(unzip_entries(write_epub(scholarly_article())), "EPUB/nav.xhtml");
  EXPECT_NE(nav.find("<li><a href=\"article.xhtml#abstract\">Abstract</a>\n<ol>\n"
                     "<li><a href=\"article.xhtml#sec-1\">Results</a></li>\n</ol>\n</li>"),
            std::string::npos)
      << nav;
  EXPECT_NE(nav.find("article.xhtml#references"), std::string::npos);
}

TEST(EpubWriter, PutsKeywordsTheDoiAndTheLicenceInThePackage) {
  const std::string opf = package(scholarly_article());
  EXPECT_NE(opf.find("<dc:identifier id=\"uid\">urn:uuid:"), std::string::npos);
  EXPECT_NE(opf.find("<dc:identifier>urn:doi:10.1155/2010/157939</dc:identifier>"),
            std::string::npos);
  EXPECT_EQ(opf.find("PMC1234567"), std::string::npos);
  EXPECT_NE(opf.find("<dc:subject>stroke</dc:subject>\n"
                     "    <dc:subject>gait &amp; &lt;speed&gt;</dc:subject>"),
            std::string::npos);
  EXPECT_NE(opf.find("<dc:rights>CC BY &lt;3.0&gt;</dc:rights>"), std::string::npos);
}

}  // namespace
}  // namespace galley::test

namespace galley::test {
namespace {

std::string write_collection(const std::vector<Article>& articles, Diagnostics& diag,
                             const std::string& format = "epub") {
  std::string out;
  StringSink sink(out);
  Registry::builtin().find_writer(format)->writer->write_collection(
      articles, CollectionInfo{"Morning digest"}, {}, sink, diag);
  return out;
}

std::vector<Article> digest_articles() {
  Article one = rich_article();
  Article two = article("Second story", {heading(1, "Part one"), para("Words.")});
  two.metadata.byline = "Ada Byline";
  two.metadata.date = std::chrono::year(2024) / 5 / 2;
  two.body.push_back(Block{Figure{Image{kPngDataUri, "again"}, {}}});
  return {one, two, rtl_article()};
}

TEST(EpubCollection, WritesAChapterPerArticleWithImagesNumberedAcrossTheBook) {
  Diagnostics diag;
  const auto entries = unzip_entries(write_collection(digest_articles(), diag));
  std::vector<std::string> names;
  for (const ZipEntry& e : entries) names.push_back(e.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml",
                "EPUB/toc.ncx", "EPUB/style.css", "EPUB/chapter-1.xhtml", "EPUB/chapter-2.xhtml",
                "EPUB/chapter-3.xhtml", "EPUB/images/img1.png", "EPUB/images/img2.png"}));
  EXPECT_NE(entry(entries, "EPUB/chapter-2.xhtml").find("src=\"images/img2.png\""),
            std::string::npos);
  // Each chapter keeps its own language and direction.
  EXPECT_NE(entry(entries, "EPUB/chapter-3.xhtml").find("dir=\"rtl\""), std::string::npos);
  const std::string opf = entry(entries, "EPUB/package.opf");
  EXPECT_NE(opf.find("<dc:title>Morning digest</dc:title>"), std::string::npos);
  EXPECT_NE(opf.find("<itemref idref=\"nav\"/>\n    <itemref idref=\"chapter-1\"/>"),
            std::string::npos);
}

TEST(EpubCollection, NamesTitlesBylinesAndDatesInANestedContents) {
  Diagnostics diag;
  const auto entries = unzip_entries(write_collection(digest_articles(), diag));
  const std::string nav = entry(entries, "EPUB/nav.xhtml");
  EXPECT_NE(nav.find("<li><a href=\"chapter-2.xhtml#title\">Second story \u2014 Ada Byline, "
                     "2024-05-02</a>\n<ol>\n<li><a href=\"chapter-2.xhtml#sec-1\">Part one</a>"
                     "</li>\n</ol>\n</li>\n"),
            std::string::npos)
      << nav;
  const std::string ncx = entry(entries, "EPUB/toc.ncx");
  EXPECT_NE(ncx.find("<meta name=\"dtb:depth\" content=\"2\"/>"), std::string::npos);
  EXPECT_NE(ncx.find("<content src=\"chapter-2.xhtml#title\"/>\n<navPoint"), std::string::npos);
}

TEST(EpubCollection, IsReproducibleAndIdentifiedByItsChapters) {
  Diagnostics diag;
  const std::vector<Article> articles = digest_articles();
  const std::string book = write_collection(articles, diag);
  EXPECT_EQ(write_collection(articles, diag), book);
  const std::vector<Article> fewer(articles.begin(), articles.begin() + 2);
  const auto uid = [](const std::string& epub) {
    const std::string opf = entry(unzip_entries(epub), "EPUB/package.opf");
    const std::size_t at = opf.find("urn:uuid:");
    return opf.substr(at, 45);
  };
  EXPECT_NE(uid(write_collection(fewer, diag)), uid(book));
}

TEST(EpubCollection, OtherFormatsRefuseACollection) {
  Diagnostics diag;
  try {
    write_collection(digest_articles(), diag, "markdown");
    ADD_FAILURE() << "markdown wrote a collection";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Unsupported);
  }
}

}  // namespace
}  // namespace galley::test
