#include <galley/galley.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

// The reader alone, without the recovery passes.
Article read_text(std::string_view bytes, Diagnostics& diag) {
  ReadOptions options;
  options.recover = false;
  return read(Input{"in.txt", bytes, {}}, options, diag, "text");
}

Blocks body_of(std::string_view bytes) {
  Diagnostics diag;
  return read_text(bytes, diag).body;
}

Error error_of(std::string_view bytes) {
  Diagnostics diag;
  try {
    read_text(bytes, diag);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorCode::Io, "", {}, "");
}

const Blocks kCafe =
    blocks(para(text("Caf\xC3\xA9 \xE2\x80\x9C"
                     "au lait\xE2\x80\x9D")));

TEST(TextReaderEncoding, ReadsUtf8WithAndWithoutBom) {
  EXPECT_EQ(body_of("Caf\xC3\xA9 \xE2\x80\x9C"
                    "au lait\xE2\x80\x9D"),
            kCafe);
  EXPECT_EQ(body_of("\xEF\xBB\xBF"
                    "Caf\xC3\xA9 \xE2\x80\x9C"
                    "au lait\xE2\x80\x9D"),
            kCafe);
}

TEST(TextReaderEncoding, ReadsUtf16WithBom) {
  const std::string le(
      "\xFF\xFE"
      "C\0a\0f\0\xE9\0 \0\x1C\x20"
      "a\0u\0 \0l\0a\0i\0t\0\x1D\x20",
      30);
  EXPECT_EQ(body_of(le), kCafe);
  const std::string be("\xFE\xFF\0C\0a\0f\0\xE9\0 \x20\x1C\0a\0u\0 \0l\0a\0i\0t\x20\x1D", 30);
  EXPECT_EQ(body_of(be), kCafe);
}

TEST(TextReaderEncoding, FallsBackToWindows1252WithAWarning) {
  Diagnostics diag;
  EXPECT_EQ(read_text("Caf\xE9 \x93"
                      "au lait\x94",
                      diag)
                .body,
            kCafe);
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_EQ(to_string(diag.all()[0]), "in.txt: not valid UTF-8; read as Windows-1252");
}

TEST(TextReaderEncoding, NormalisesLineEndings) {
  const Blocks expected = blocks(para(text("one two")), para(text("three")));
  EXPECT_EQ(body_of("one\r\ntwo\r\n\r\nthree\r\n"), expected);
  EXPECT_EQ(body_of("one\rtwo\r\rthree\r"), expected);
  EXPECT_EQ(body_of("one\ntwo\fthree"), expected);  // a form feed breaks the page
}

TEST(TextReader, JoinsHardWrappedLines) {
  EXPECT_EQ(body_of("A paragraph wrapped\nat sixty columns\n  with an indent.\n\nNext one."),
            blocks(para(text("A paragraph wrapped at sixty columns with an indent.")),
                   para(text("Next one."))));
}

TEST(TextReader, ReadsMarkdownInlines) {
  EXPECT_EQ(
      body_of("*em* _em_ **strong** `a*b` [link](http://x.org/) <https://y.org> \\$US100"),
      blocks(para(emph(text("em")), text(" "), emph(text("em")), text(" "), strong(text("strong")),
                  text(" "), code("a*b"), text(" "), link("http://x.org/", text("link")), text(" "),
                  link("https://y.org", text("https://y.org")), text(" $US100"))));
  EXPECT_EQ(body_of("line one  \nline two"),
            blocks(para(text("line one"), line_break(), text("line two"))));
}

TEST(TextReader, ReadsMarkdownBlocks) {
  EXPECT_EQ(body_of("# One\n\nTwo\n===\n\nThree\n---\n\n### Four ###"),
            blocks(heading(1, text("One")), heading(1, text("Two")), heading(2, text("Three")),
                   heading(3, text("Four"))));
  EXPECT_EQ(body_of("- a\n- b\n\n1. c\n2. d"),
            blocks(list(false, {blocks(para(text("a"))), blocks(para(text("b")))}),
                   list(true, {blocks(para(text("c"))), blocks(para(text("d")))})));
  EXPECT_EQ(body_of("> quoted\n> text\n\n***\n\n```cpp\nint x;\n  y\n```"),
            blocks(quote(para(text("quoted text"))), rule(), code_block("int x;\n  y", "cpp")));
  EXPECT_EQ(body_of("![a chart](chart.png \"Sales\")"),
            blocks(Block{Figure{Image{"chart.png", "a chart"}, {text("Sales")}}}));
}

TEST(TextReaderGuards, ReadsIndentedParagraphsAsText) {
  EXPECT_EQ(body_of("    An indented *first* line\n    and its wrap.\n\n\tA tabbed one."),
            blocks(para(text("An indented "), emph(text("first")), text(" line and its wrap.")),
                   para(text("A tabbed one."))));
}

TEST(TextReaderGuards, ReadsAYearOpeningALineAsText) {
  // cmark reads the second line as the same list's next item; it stays text too.
  EXPECT_EQ(body_of("1984. It was a bright cold day.\n\n2. Second line"),
            blocks(para(text("1984. It was a bright cold day.")), para(text("2. Second line"))));
  EXPECT_EQ(body_of("1984. Orwell\n\nList:\n\n1. one"),
            blocks(para(text("1984. Orwell")), para(text("List:")),
                   list(true, {blocks(para(text("one")))})));
}

TEST(TextReaderGuards, KeepsRawHtmlAsText) {
  EXPECT_EQ(
      body_of("<div onclick=\"x()\">hi</div>\n\nA <b>bold</b> claim."),
      blocks(para(text("<div onclick=\"x()\">hi</div>")), para(text("A <b>bold</b> claim."))));
}

TEST(TextReaderGuards, DropsUnsafeLinks) {
  Diagnostics diag;
  EXPECT_EQ(read_text("[click](javascript:alert(1))", diag).body, blocks(para(text("click"))));
  EXPECT_EQ(diag.all().size(), 1u);
}

TEST(TextReaderGuards, FlattensDeepNesting) {
  Diagnostics diag;
  const Article quotes = read_text(std::string(100000, '>') + " deep", diag);
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_EQ(to_string(diag.all()[0]),
            "in.txt: nesting deeper than 48 levels was flattened to text");
  EXPECT_EQ(plain_text(quotes.body.at(0)), "deep");
  const Article emphasis = read_text(std::string(50000, '*') + "x" + std::string(50000, '*'), diag);
  EXPECT_EQ(plain_text(emphasis.body.at(0)), "x");
  const Article lists = read_text(std::string(20000, '-') + "x", diag);
  EXPECT_FALSE(lists.body.empty());
}

TEST(TextReaderErrors, RefusesBinaryInput) {
  const Error nul = error_of(std::string("line one\nab\0cd", 14));
  EXPECT_EQ(nul.code(), ErrorCode::Malformed);
  EXPECT_EQ(nul.pos(), (SourcePos{0, 2, 3}));
  EXPECT_EQ(nul.message(), "not text: it holds NUL bytes");
  const Error controls = error_of("\x01\x02\x03\x04 text \x05\x06");
  EXPECT_EQ(controls.code(), ErrorCode::Malformed);
  EXPECT_EQ(controls.message(), "not text: 6 of its 12 bytes are control characters");
}

TEST(TextReaderErrors, RefusesEmptyInput) {
  for (const char* input : {"", "  \n\t\r\n ", "\xEF\xBB\xBF", "\xFF\xFE"}) {
    const Error e = error_of(input);
    EXPECT_EQ(e.code(), ErrorCode::Malformed) << input;
    EXPECT_EQ(std::string(e.what()), "in.txt: empty document") << input;
  }
}

TEST(TextReaderDetection, IsFoundByExtensionAndContent) {
  const Registry& registry = Registry::builtin();
  for (const char* name : {"a.txt", "a.TEXT", "a.md", "a.markdown"}) {
    EXPECT_EQ(registry.detect_reader(Input{name, "x", {}}).info.name, "text") << name;
  }
  EXPECT_EQ(registry.detect_reader(Input{"a", "x", "text/markdown"}).info.name, "text");
  EXPECT_EQ(registry.detect_reader(Input{"noext", "Just some words.", {}}).info.name, "text");
  const auto* text = registry.find_reader("text");
  ASSERT_TRUE(text);
  EXPECT_GT(text->info.sniff("\xFF\xFEh\0i\0"), 0);
  EXPECT_EQ(text->info.sniff(std::string_view("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), 0);
}

// YAML front matter as pandoc, Hugo and Jekyll write it is metadata, not body text.
TEST(TextReaderFrontMatter, ReadsTheMetadataAndLeavesTheBody) {
  Diagnostics diag;
  const Article a = read_text(
      "---\n"
      "title: \"Tide tables\"\n"
      "author:\n  - Ann Lee\n  - name: Bo Chen\n"
      "date: 2024-03-05\n"
      "lang: en-GB\n"
      "url: /tides/\n"
      "canonical_url: https://example.org/tides\n"
      "keywords: [tides, harbour]\n"
      "abstract: |\n  When the *spring* tides come.\n"
      "tags: ignored\n"
      "...\n"
      "The tide tables are out.\n",
      diag);
  const Metadata& m = a.metadata;
  EXPECT_EQ(m.title, "Tide tables");
  ASSERT_EQ(m.authors.size(), 2u);
  EXPECT_EQ(m.authors[1].name, "Bo Chen");
  EXPECT_EQ(m.date, std::chrono::year_month_day(std::chrono::year(2024), std::chrono::month(3),
                                                std::chrono::day(5)));
  EXPECT_EQ(m.lang, "en-GB");
  EXPECT_EQ(m.url, "https://example.org/tides");  // Hugo's url is a path on the site
  EXPECT_EQ(m.keywords, (std::vector<std::string>{"tides", "harbour"}));
  EXPECT_EQ(a.abstract,
            blocks(para(text("When the "), emph(text("spring")), text(" tides come."))));
  EXPECT_EQ(a.body, blocks(para(text("The tide tables are out."))));
  EXPECT_TRUE(diag.all().empty());
}

TEST(TextReaderFrontMatter, KeepsAMonthOrYearAsTheDatetime) {
  Diagnostics diag;
  const Article a = read_text("---\ndate: \"2014-06\"\n---\nText.\n", diag);
  EXPECT_EQ(a.metadata.date, std::nullopt);
  EXPECT_EQ(a.metadata.datetime, "2014-06");
}

// Only a mapping right after the opening line is front matter; a rule that opens a
// text, or YAML that does not parse, stays text (the latter with a warning).
TEST(TextReaderFrontMatter, LeavesWhatIsNotFrontMatterAsText) {
  Diagnostics diag;
  EXPECT_EQ(read_text("---\n\ntitle: x\n---\nText.\n", diag).metadata.title, std::nullopt);
  EXPECT_EQ(read_text("---\nJust words\n---\n", diag).metadata.title, std::nullopt);
  EXPECT_TRUE(diag.all().empty());
  const Article broken = read_text("---\ntitle: [unclosed\n---\nText.\n", diag);
  EXPECT_EQ(broken.metadata.title, std::nullopt);
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_NE(diag.all()[0].message.find("front matter is not valid YAML"), std::string::npos);
  EXPECT_NE(body_of("---\ntitle: [unclosed\n---\nText.\n").size(), 0u);
}

// galley's own Markdown reads back with the metadata it wrote.
TEST(TextReaderFrontMatter, ReadsBackGalleysMarkdown) {
  Article a;
  a.metadata.title = "Walking speed";
  a.metadata.affiliations = {"Uni A", "Lab B"};
  a.metadata.authors = {{"Ann", {1, 0}, "ann@example.org", "0000-0002-1825-0097"}, {"Bo"}};
  a.body = blocks(para(text("Body.")));
  Diagnostics diag;
  const std::string md = write_string(a, "markdown", {}, diag);
  const Article back = read_text(md, diag);
  EXPECT_EQ(back.metadata.title, a.metadata.title);
  EXPECT_EQ(back.metadata.authors.size(), 2u);
  EXPECT_EQ(back.metadata.authors[0].email, "ann@example.org");
  EXPECT_EQ(back.metadata.authors[0].orcid, "0000-0002-1825-0097");
  ASSERT_EQ(back.metadata.authors[0].affiliations.size(), 2u);
  EXPECT_EQ(back.metadata
                .affiliations[static_cast<std::size_t>(back.metadata.authors[0].affiliations[0])],
            "Lab B");
  EXPECT_EQ(back.body, a.body);
}

}  // namespace
}  // namespace galley
