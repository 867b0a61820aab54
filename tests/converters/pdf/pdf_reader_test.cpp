// The PDF reader against the fixtures made by fixtures/pdf/make_fixtures.sh.
#include <algorithm>
#include <set>
#include <stop_token>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/pdfs.hpp"

namespace galley {
namespace {

// A fixture galley reads (fixtures/pdf/<name>) or refuses (fixtures/errors/pdf_<name>).
std::string fixture_path(const std::string& name) {
  static const std::set<std::string> refused = {"encrypted", "image_only", "truncated",
                                                "garbage_after_header", "page_tree_loop"};
  const std::string dir = refused.count(name) ? "/fixtures/errors/pdf_" : "/fixtures/pdf/";
  return std::string(GALLEY_SOURCE_DIR) + dir + name + "/input.pdf";
}

Article read_pdf(const std::string& name, Diagnostics& diag, ReadOptions options = {}) {
  // The shared passes would move bylines and footers; these tests pin the reader.
  options.recover = false;
  return read_file(fixture_path(name), options, diag, "pdf");
}

std::vector<std::string> paragraphs(const Article& article) {
  std::vector<std::string> out;
  for (const Block& block : article.body) {
    if (std::holds_alternative<Paragraph>(block.node)) out.push_back(plain_text(block));
  }
  return out;
}

std::string body_text(const Article& article) {
  std::string text;
  for (const Block& block : article.body) text += plain_text(block) + "\n";
  return text;
}

bool has_furniture(const Article& article, int page, const std::string& text) {
  return std::find(article.furniture.begin(), article.furniture.end(), Furniture{page, text}) !=
         article.furniture.end();
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Reads a fixture expecting failure and returns the error.
Error read_error(const std::string& name, ReadOptions options = {}) {
  Diagnostics diag;
  try {
    read_pdf(name, diag, std::move(options));
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << name << " was read without error";
  return Error(ErrorCode::Io, name, {}, "no error");
}

TEST(PdfReader, IsDetectedByItsSignature) {
  const std::string bytes = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj";
  const auto& entry = Registry::builtin().detect_reader(Input{"download.bin", bytes, {}});
  EXPECT_EQ(entry.info.name, "pdf");
  EXPECT_EQ(Registry::builtin().detect_reader(Input{"a.PDF", "", {}}).info.name, "pdf");
  EXPECT_EQ(Registry::builtin().detect_reader(Input{"x", "", "application/pdf"}).info.name, "pdf");
}

TEST(PdfReader, ReadsTwoColumnsInOrderAndJoinsAcrossColumnAndPage) {
  Diagnostics diag;
  const Article article = read_pdf("two_column", diag);
  EXPECT_EQ(article.metadata.title, "A River Set Free");
  const auto paras = paragraphs(article);
  ASSERT_EQ(paras.size(), 21u);  // the author line and twice ten paragraphs
  EXPECT_EQ(paras[0], "Helen Marsh");
  EXPECT_TRUE(paras[1].starts_with("The river that runs through Millbrook"));
  // Column break on page 1, inside a paragraph.
  EXPECT_TRUE(contains(paras[8], "One of them, who has kept rainfall records since"));
  // Page break inside a paragraph.
  EXPECT_TRUE(contains(paras[15], "and have been shared with the county museum."));
  // Hyphenation at line ends is undone.
  EXPECT_TRUE(contains(body_text(article), "lower than expected."));
  EXPECT_TRUE(contains(body_text(article), "tannery workers who"));
}

TEST(PdfReader, ReadsATurnedPageAsTheUprightOne) {
  Diagnostics diag;
  const Article upright = read_pdf("two_column", diag);
  const Article turned = read_pdf("rotated_two_column", diag);
  EXPECT_EQ(turned.metadata.title, upright.metadata.title);
  EXPECT_EQ(paragraphs(turned), paragraphs(upright));
  EXPECT_EQ(turned.furniture, upright.furniture);
}

TEST(PdfReader, MovesRunningHeadersAndPageNumbersToFurniture) {
  Diagnostics diag;
  const Article article = read_pdf("running_header_page_numbers", diag);
  EXPECT_EQ(article.metadata.title, "Walls Come Down on the Millbrook River");
  EXPECT_TRUE(has_furniture(article, 1, "The Millbrook Weekly"));
  EXPECT_TRUE(has_furniture(article, 2, "Local News"));
  EXPECT_TRUE(has_furniture(article, 1, "Page 1 of 2"));
  EXPECT_TRUE(has_furniture(article, 2, "Page 2 of 2"));
  const std::string body = body_text(article);
  EXPECT_FALSE(contains(body, "Millbrook Weekly"));
  EXPECT_FALSE(contains(body, "Page 2"));
  EXPECT_EQ(paragraphs(article).size(), 20u);
}

// More pages than the reader holds at once (the first pages it measures the type on,
// then a window of pages for the furniture): every page still loses its header and
// number, and no paragraph is split or merged at a break, however far in.
TEST(PdfReader, ReadsALongDocumentAWindowAtATime) {
  Diagnostics diag;
  const Article article = read_pdf("long_document", diag);
  EXPECT_EQ(article.metadata.title, "A Year on the Millbrook River");
  constexpr int kPages = 38;
  for (int page = 1; page <= kPages; ++page) {
    EXPECT_TRUE(has_furniture(article, page, "Page " + std::to_string(page))) << page;
  }
  const std::string body = body_text(article);
  EXPECT_FALSE(contains(body, "Millbrook Weekly"));
  EXPECT_FALSE(contains(body, "Local News"));
  const auto paras = paragraphs(article);
  ASSERT_EQ(paras.size(), 80u);  // the ten paragraphs, eight times over
  EXPECT_EQ(paras.back(), paras[9]);
}

TEST(PdfReader, UndoesLineEndHyphenationButKeepsRealHyphens) {
  Diagnostics diag;
  const Article article = read_pdf("hyphenated_break", diag);
  const auto paras = paragraphs(article);
  ASSERT_EQ(paras.size(), 1u);
  EXPECT_TRUE(contains(paras[0], "answered that the insurance information gathered"));
  EXPECT_TRUE(contains(paras[0], "and that the US-led survey"));
}

TEST(PdfReader, JoinsAParagraphAcrossAPageBreak) {
  Diagnostics diag;
  const Article article = read_pdf("paragraph_across_pages", diag);
  EXPECT_EQ(article.metadata.title, "One Long Paragraph");
  const auto paras = paragraphs(article);
  ASSERT_EQ(paras.size(), 2u);
  EXPECT_TRUE(contains(paras[0], "and that the town should expect surprises along the way."));
  EXPECT_EQ(paras[1], "This paragraph comes after the long one and ends the article.");
  EXPECT_TRUE(has_furniture(article, 1, "- 1 -"));
  EXPECT_TRUE(has_furniture(article, 2, "- 2 -"));
}

TEST(PdfReader, SeparatesBrowserPrintHeadersAndFooters) {
  Diagnostics diag;
  const Article article = read_pdf("browser_printed", diag);
  EXPECT_EQ(article.metadata.title, "A River Set Free");
  for (int page : {1, 2}) {
    EXPECT_TRUE(has_furniture(article, page, "3/15/24, 10:30 AM"));
    EXPECT_TRUE(has_furniture(article, page, "A River Set Free | Millbrook Weekly"));
    EXPECT_TRUE(has_furniture(article, page, "https://weekly.example.org/2024/03/river"));
    EXPECT_TRUE(has_furniture(article, page, std::to_string(page) + "/2"));
  }
  const std::string body = body_text(article);
  EXPECT_FALSE(contains(body, "10:30"));
  EXPECT_FALSE(contains(body, "https://"));
  EXPECT_EQ(paragraphs(article).size(), 21u);  // byline and twice ten paragraphs
}

TEST(PdfReader, FindsTheArticleAmongAPrintedPagesMenusAndTeasers) {
  Diagnostics diag;
  const Article article = read_pdf("printed_web_page", diag);
  EXPECT_EQ(article.metadata.title, "River Work Begins");
  const auto paras = paragraphs(article);
  ASSERT_EQ(paras.size(), 7u);  // the byline and six paragraphs
  EXPECT_EQ(paras[0], "By Helen Marsh");
  EXPECT_TRUE(paras[6].starts_with("The cost of the project"));
  const std::string body = body_text(article);
  EXPECT_FALSE(contains(body, "Podcasts"));
  EXPECT_FALSE(contains(body, "bakery"));
  ASSERT_FALSE(article.footer.empty());
  EXPECT_EQ(plain_text(article.footer.front()), "Comments (12)");
  EXPECT_TRUE(contains(plain_text(article.footer.back()), "spring regatta"));
}

TEST(PdfReader, AsksForThePasswordOfAnEncryptedFile) {
  const Error e = read_error("encrypted");
  EXPECT_EQ(e.code(), ErrorCode::Unsupported);
  EXPECT_EQ(e.input(), fixture_path("encrypted"));
  EXPECT_EQ(e.message(), "encrypted; password required (set ReadOptions::password)");

  ReadOptions wrong;
  wrong.password = "not-it";
  EXPECT_EQ(read_error("encrypted", wrong).message(), "encrypted; the password is wrong");

  ReadOptions right;
  right.password = "millbrook";
  Diagnostics diag;
  EXPECT_EQ(read_pdf("encrypted", diag, right).metadata.title, "A River Set Free");
}

TEST(PdfReader, OpensAFileWithOnlyAnOwnerPassword) {
  Diagnostics diag;
  const Article article = read_pdf("encrypted_no_user_password", diag);
  EXPECT_EQ(article.metadata.title, "A River Set Free");
  EXPECT_FALSE(article.body.empty());
}

TEST(PdfReader, RefusesAFileWithoutText) {
  const Error e = read_error("image_only");
  EXPECT_EQ(e.code(), ErrorCode::Unsupported);
  EXPECT_EQ(e.message(), "no text layer; galley does no OCR");
}

TEST(PdfReader, FailsCleanlyOnBrokenFiles) {
  for (const char* name : {"truncated", "garbage_after_header", "page_tree_loop"}) {
    const Error e = read_error(name);
    EXPECT_EQ(e.code(), ErrorCode::Malformed) << name;
    EXPECT_TRUE(std::string(e.what()).starts_with(fixture_path(name) + ": ")) << e.what();
  }
}

TEST(PdfReader, TurnsPopplerMessagesIntoWarnings) {
  Diagnostics diag;
  EXPECT_THROW(read_pdf("page_tree_loop", diag), Error);
  ASSERT_FALSE(diag.empty());
  EXPECT_TRUE(std::any_of(diag.all().begin(), diag.all().end(), [](const Diagnostic& d) {
    return d.message == "poppler: error: Loop in Pages tree";
  }));
}

TEST(PdfReader, KeepsPopplerMessagesWithTheirOwnDocumentAcrossThreads) {
  Diagnostics broken_diag, clean_diag;
  std::thread broken([&] {
    for (int i = 0; i < 20; ++i) EXPECT_THROW(read_pdf("page_tree_loop", broken_diag), Error);
  });
  std::thread clean([&] {
    for (int i = 0; i < 20; ++i) read_pdf("two_column", clean_diag);
  });
  broken.join();
  clean.join();
  EXPECT_TRUE(clean_diag.empty());
  EXPECT_FALSE(broken_diag.empty());
}

// With no heading on the page, a title of some words in the document information is
// the article's title. Such a string is PDFDocEncoding unless a byte order mark says
// UTF-16: 0x8D and 0x8E are curly quotes, 0x93 the fi ligature, not Latin-1 controls.
TEST(PdfReader, ReadsTheDocumentInformationTitleInEitherEncoding) {
  const std::string content = "BT /F1 10 Tf 72 700 Td (A line of the article.) Tj ET\n";
  const auto title_of = [&](const std::string& info_title) {
    Diagnostics diag;
    const std::string pdf = testing::make_pdf({.content = content, .info_title = info_title});
    return read(Input{"info.pdf", pdf, {}}, {}, diag, "pdf").metadata.title;
  };
  EXPECT_EQ(title_of("(\\215Caf\\351 menus\\216 and the \\223nal list)"),
            "\u201cCaf\u00e9 menus\u201d and the \ufb01nal list");
  EXPECT_EQ(title_of("<FEFF0043006100660065030100200061006E00640020006D0065006E0075>"),
            "Cafe\u0301 and menu");
}

TEST(PdfReader, StopsBetweenPagesWhenCancelled) {
  const std::string bytes = read_file_bytes(fixture_path("two_column"), 1 << 20);
  std::stop_source stop;
  stop.request_stop();
  ReadOptions options;
  options.stop = stop.get_token();
  Diagnostics diag;
  // Called directly: galley::read would stop before the reader starts.
  const Reader& reader = *Registry::builtin().find_reader("pdf")->reader;
  try {
    reader.read(Input{"two_column.pdf", bytes, {}}, options, diag);
    ADD_FAILURE() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Cancelled);
    EXPECT_EQ(e.pos().page, 1);
  }
}

// A paper: no figure, equation or table ends it, and its numbered running header
// leaves every page.
TEST(PdfReader, KeepsAllOfAPapersTextThroughItsFigureEquationAndTable) {
  Diagnostics diag;
  const Article article = read_pdf("paper_with_figure_and_table", diag);
  EXPECT_EQ(article.metadata.layout, "document");
  const std::string text = body_text(article);
  for (const char* part :
       {"Tannery", "Quarry", "Figure 1: The river", "flow = width", "Reach", "1200",
        "Table 1: The reaches", "the walls came apart", "go where it wants"}) {
    EXPECT_NE(text.find(part), std::string::npos) << part;
  }
  EXPECT_EQ(text.find("A River Set Free"), std::string::npos);
  std::size_t headings = 0;
  for (const Block& block : article.body) headings += std::holds_alternative<Heading>(block.node);
  EXPECT_EQ(headings, 4u);  // 1. Introduction ... 4. Discussion
  EXPECT_TRUE(article.footer.empty());
}

// Poppler reads the top of the paper's second column before the figure's labels and
// the rest of the first: the first column is read to its foot, so the paragraph
// split by the column break is whole and the figure comes before the table.
TEST(PdfReader, ReadsAColumnToItsFootBeforeTheNext) {
  Diagnostics diag;
  const Article article = read_pdf("paper_with_figure_and_table", diag);
  const std::string text = body_text(article);
  EXPECT_TRUE(contains(text, "wants to rebuild a short section as a monument"));
  EXPECT_LT(text.find("Figure 1: The river"), text.find("flow = width"));
  EXPECT_LT(text.find("2. Methods"), text.find("Table 1: The reaches"));
  EXPECT_TRUE(contains(text, "Table 1: The reaches opened in the first year.\n"));
}

// A web print's contents list is part of its article, not its end.
TEST(PdfReader, KeepsAWebPrintsArticleAfterItsContentsList) {
  Diagnostics diag;
  const Article article = read_pdf("printed_contents", diag);
  EXPECT_EQ(article.metadata.layout, "web-print");
  const std::string text = body_text(article);
  EXPECT_NE(text.find("20 Reach 20 of the river"), std::string::npos);
  EXPECT_NE(text.find("go where it wants"), std::string::npos);
  EXPECT_TRUE(article.footer.empty());
}

// A toolbar of short lines above the headline is not the article.
TEST(PdfReader, FindsTheArticleUnderAPrintedToolbar) {
  Diagnostics diag;
  const Article article = read_pdf("printed_toolbar", diag);
  EXPECT_EQ(article.metadata.title, "River Work Begins");
  ASSERT_FALSE(article.body.empty());
  EXPECT_TRUE(plain_text(article.body.front()).starts_with("The river that runs"));
  EXPECT_EQ(body_text(article).find("Bookmarks"), std::string::npos);
}

// A journal paper's front matter and reference list leave the body for their fields;
// the appendix after the references stays.
TEST(PdfReader, ReadsAPapersFrontMatterAbstractAndReferences) {
  Diagnostics diag;
  const Article article = read_pdf("scholarly_paper", diag);
  const Metadata& meta = article.metadata;
  EXPECT_EQ(meta.keywords,
            (std::vector<std::string>{"river restoration", "flood plains", "weirs"}));
  EXPECT_EQ(meta.identifiers, (std::vector<Identifier>{{"doi", "10.5555/jrs.2024.045"}}));
  ASSERT_TRUE(meta.license);
  EXPECT_EQ(meta.license->url, "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(meta.affiliations.size(), 2u);
  ASSERT_EQ(meta.authors.size(), 2u);
  EXPECT_EQ(meta.authors[0].email, "helen.marsh@example.org");
  EXPECT_FALSE(meta.authors[1].email);
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_TRUE(plain_text(article.abstract[0]).starts_with("The walls that straightened"));
  ASSERT_EQ(article.references.size(), 4u);
  EXPECT_EQ(article.references[1].label, "2");
  EXPECT_EQ(article.references[1].doi, "10.5555/wr.2015.41.101");
  EXPECT_EQ(article.references[3].id, "ref-4");
  const std::string text = body_text(article);
  ASSERT_FALSE(article.body.empty());
  EXPECT_EQ(plain_text(article.body.front()), "1. Introduction");
  for (const char* gone :
       {"ABSTRACT", "Keywords", "Creative Commons", "helen.marsh", "References",
        "Millbrook flood plain", "Received 3 March", "University of Millbrook"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
  }
  EXPECT_TRUE(contains(text, "The survey points are the bridge"));
  EXPECT_TRUE(contains(plain_text(article.footer.front()), "Received 3 March 2024"));
}

// Numbered section titles in body type are headings; a reference list set with hanging
// indents gives one reference per entry, its broken words mended, and no reference is
// split where its text reads like the start of one ("... bridge. Water S.A. 41").
TEST(PdfReader, ReadsAListSetWithHangingIndents) {
  Diagnostics diag;
  const Article article = read_pdf("hanging_references", diag);
  std::vector<std::string> headings;
  for (const Block& block : article.body) {
    if (std::holds_alternative<Heading>(block.node)) headings.push_back(plain_text(block));
  }
  EXPECT_EQ(headings,
            (std::vector<std::string>{"1. Introduction", "2. Methods", "2.1. The survey"}));
  ASSERT_EQ(article.references.size(), 4u);
  EXPECT_TRUE(contains(article.references[0].text, "the Millbrook river"));
  EXPECT_TRUE(article.references[1].text.ends_with("bridge. Water S.A. 41, 101\u2013130."));
  EXPECT_EQ(article.references[2].text, "Tom Reed. 2021. Rivers Set Free. Valley Press.");
  EXPECT_EQ(article.references[3].authors, (std::vector<std::string>{"Dora Weir", "Evan Lock"}));
}

}  // namespace
}  // namespace galley
