#include <random>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "detail/text.hpp"
#include "support/cmark.hpp"
#include "support/golden.hpp"
#include "support/model_builders.hpp"

namespace galley::test {
namespace {

std::string markdown_of(Blocks body) {
  Article a;
  a.body = std::move(body);
  return write_as(a, "markdown");
}

TEST(MarkdownWriter, QuotesFrontMatterAsJsonStrings) {
  Article a;
  a.metadata.title = "Say \"hi\": a \\ b\nnext\u2028line";
  a.metadata.authors = {{"Ann"}, {"Bo \"B\""}};
  a.metadata.date = std::chrono::year{2022} / 1 / 30;
  a.metadata.byline = "not written";
  EXPECT_EQ(write_as(a, "markdown"),
            "---\ntitle: \"Say \\\"hi\\\": a \\\\ b\\nnext\\u2028line\"\n"
            "author:\n  - \"Ann\"\n  - \"Bo \\\"B\\\"\"\ndate: \"2022-01-30\"\n---\n");
}

TEST(MarkdownWriter, DropsScriptAndDataLinksButKeepsTheirText) {
  Article a;
  a.body = {para(text("see "), link(" JavaScript:alert(1)", text("here")), text(" and "),
                 link("data:text/html,<b>x</b>", text("there")), text(" or "),
                 link("https://example.org/", text("safe")))};
  const std::string md = write_as(a, "markdown");
  EXPECT_EQ(md, "see here and there or [safe](https://example.org/)\n");
}

TEST(MarkdownWriter, WritesNothingForAnEmptyArticle) {
  EXPECT_EQ(write_as(Article{}, "markdown"), "");
}

TEST(MarkdownWriter, FencesCodeLongerThanAnyBacktickRun) {
  EXPECT_EQ(markdown_of(blocks(code_block("a ``` b\n", "js"))), "````js\na ``` b\n````\n");
  EXPECT_EQ(markdown_of(blocks(para(code("a`b"), text(" "), code("`x")))), "``a`b`` `` `x ``\n");
}

TEST(MarkdownWriter, WritesLinkDestinationsThatReadBack) {
  EXPECT_EQ(markdown_of(blocks(para(link("https://x.org/a b(c)", text("t"))))),
            "[t](<https://x.org/a b(c)>)\n");
  EXPECT_EQ(markdown_of(blocks(para(link("https://x.org/?a=1&amp;b", text("t"))))),
            "[t](https://x.org/?a=1&amp;amp;b)\n");
}

TEST(MarkdownWriter, KeepsAdjacentListsApart) {
  const Block one = list(false, {blocks(para(text("a")))});
  const Block two = list(true, {blocks(para(text("b")))});
  EXPECT_EQ(markdown_of(blocks(one, one, one, two, two)), "- a\n\n+ a\n\n- a\n\n1. b\n\n1) b\n");
  const Block empty_list = list(false, {});
  EXPECT_EQ(markdown_of(blocks(one, para(), empty_list, one)), "- a\n\n+ a\n");
}

TEST(MarkdownWriter, MakesListsLooseOnlyWhenAnItemNeedsIt) {
  EXPECT_EQ(markdown_of(
                blocks(list(false, {blocks(para(text("a")), list(false, {blocks(para(text("b")))})),
                                    blocks(para(text("c")))}))),
            "- a\n  - b\n- c\n");
  EXPECT_EQ(markdown_of(blocks(list(true, {blocks(para(text("a")), para(text("b")))}))),
            "1. a\n\n   b\n");
}

TEST(MarkdownWriter, FallsBackToHtmlEmphasisWhereDelimitersWouldNotParse) {
  EXPECT_EQ(markdown_of(blocks(para(text("a "), emph(text("b")), text(", c")))), "a *b*, c\n");
  EXPECT_EQ(markdown_of(blocks(para(text("a"), emph(text("b")), text("c")))), "a<em>b</em>c\n");
  EXPECT_EQ(markdown_of(blocks(para(text("a"), emph(text("\"b\"")), text("c")))),
            "a<em>\"b\"</em>c\n");
  EXPECT_EQ(markdown_of(blocks(para(emph(emph(text("x")))))), "<em>*x*</em>\n");
  EXPECT_EQ(markdown_of(blocks(para(emph(text(" x "))))), "*x*\n");
}

TEST(MarkdownWriter, PutsNotesAfterTheBodyAndTheFooterAfterARuleWithoutRawHtml) {
  Article a;
  a.body = blocks(para(text("Claim"), note_ref("n")));
  a.notes = {Note{"n", blocks(para(text("Source.")))}};
  a.footer = blocks(para(text("Contact")));
  a.furniture = {Furniture{1, "Page 1"}};
  EXPECT_EQ(write_as(a, "markdown"),
            "Claim<sup>[1](#note-1)</sup>\n\n* * *\n\n1. <a id=\"note-1\"></a>Source.\n\n"
            "* * *\n\nContact\n");
}

TEST(MarkdownWriter, WritesSimpleTablesAsPipeTablesAndOthersAsHtml) {
  const Block simple{Table{{{blocks(para(text("h|1")))}, {blocks(para(text("c")))}}, 1}};
  EXPECT_EQ(markdown_of(blocks(simple)), "| h\\|1 |\n| --- |\n| c |\n");
  const Block complex{Table{{{blocks(para(text("a")), para(text("b")))}}, 0}};
  EXPECT_EQ(markdown_of(blocks(complex)),
            "<table>\n<tr>\n<td>\n\na\n\nb\n\n</td>\n</tr>\n</table>\n");
}

class WithCmark : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!find_program("cmark")) GTEST_SKIP() << "cmark is not on PATH";
  }
};

// Texts full of Markdown-significant characters in the places where they matter.
std::vector<std::string> hazard_texts() {
  std::vector<std::string> texts = {
      "*a*",
      "**b**",
      "_c_",
      "__d__",
      "snake_case_word",
      "a_b",
      "_leading",
      "trailing_",
      "[x](y)",
      "![i](s)",
      "[ref]: /url",
      "`code`",
      "``",
      "a\\b",
      "a\\*b",
      "\\",
      "end\\",
      "<b>bold</b>",
      "<http://x.org>",
      "<!-- c -->",
      "a < b > c",
      "&amp;",
      "&#169;",
      "&copy;",
      "AT&T",
      "&;",
      "# h",
      "## h ##",
      "#hashtag",
      "> q",
      ">q",
      "- l",
      "-l",
      "+ l",
      "* l",
      "1. l",
      "1) l",
      "2022. year",
      "123456789. nine",
      "1234567890. ten",
      "---",
      "***",
      "___",
      "- - -",
      "===",
      "~~~",
      "```",
      "~~s~~",
      "a | b",
      "    indented",
      "\tTab",
      "!",
      "a!",
      "trailing  ",
      "<",
      "&",
      "[",
      "]",
      "\\[",
      "*",
      "_",
      "`",
      "1.",
      "#",
      ">",
      "-",
      "+",
      "«quote»",
      "a*«b»*c",
      "emoji 🎉*x*",
      "no\u00a0break",
      "مرحبا *بالعالم*",
      "x\ny",
  };
  std::mt19937 rng(20220130);
  const std::vector<std::string> pieces = {
      "a", "b",  "word", " ", " ", "*",  "**", "_", "__",     "`",  "``",      "[", "]",
      "(", ")",  "!",    "<", ">", "&",  ";",  "#", "-",      "+",  "=",       "1", ".",
      ")", "\\", "|",    "~", "'", "\"", "é",  "«", "\u00a0", "\n", "http://x"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 12);
  for (int i = 0; i < 1500; ++i) {
    std::string t;
    for (std::size_t n = length(rng); n > 0; --n) t += pieces[pick(rng)];
    texts.push_back(t);
  }
  return texts;
}

TEST_F(WithCmark, EscapedTextReadsBackUnchanged) {
  Blocks body;
  std::vector<std::string> expected;
  for (const std::string& t : hazard_texts()) {
    const std::string want = detail::collapse_whitespace(t);
    if (want.empty()) continue;
    body.push_back(para(text(t)));
    expected.push_back(want);
  }
  const std::string md = markdown_of(body);
  const std::vector<std::string> paragraphs = elements(cmark_html(md), "p");
  ASSERT_EQ(paragraphs.size(), expected.size()) << md;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(text_content(paragraphs[i]), expected[i]) << "paragraph " << i;
  }
}

// What cmark should make of inlines: the reference the writer's output is checked against.
std::string expected_html(const Inlines& inlines, bool in_link = false) {
  std::string out;
  for (const Inline& i : inlines) {
    std::visit(overloaded{
                   [&](const Text& t) { out += t.text; },
                   [&](const Emphasis& e) {
                     out += "<em>" + expected_html(e.children, in_link) + "</em>";
                   },
                   [&](const Strong& s) {
                     out += "<strong>" + expected_html(s.children, in_link) + "</strong>";
                   },
                   [&](const Code& c) { out += "<code>" + c.text + "</code>"; },
                   // CommonMark links cannot nest: the writer keeps an inner link's text.
                   [&](const Link& l) {
                     const std::string text = expected_html(l.children, true);
                     out += in_link ? text : "<a href=\"" + l.url + "\">" + text + "</a>";
                   },
                   [&](const LineBreak&) { out += "<br />"; },
                   [&](const auto&) {},
               },
               i.node);
  }
  return out;
}

Inlines random_inlines(std::mt19937& rng, int depth) {
  static const std::vector<std::string> words = {"a", "word", "\"q\"", "(p)", "x.", "-",
                                                 "é", "«g»",  "1",     "_",   "*",  "a b"};
  std::uniform_int_distribution<int> count(1, 3), kind(0, depth > 0 ? 6 : 1);
  std::uniform_int_distribution<std::size_t> word(0, words.size() - 1);
  Inlines out;
  for (int n = count(rng); n > 0; --n) {
    switch (kind(rng)) {
      case 0:
      case 1:
        out.push_back(text(words[word(rng)]));
        break;
      case 2:
        out.push_back({Emphasis{random_inlines(rng, depth - 1)}});
        break;
      case 3:
        out.push_back({Strong{random_inlines(rng, depth - 1)}});
        break;
      case 4:
        out.push_back({Link{random_inlines(rng, depth - 1), "u"}});
        break;
      case 5:
        out.push_back(line_break());
        break;
      default:
        out.push_back(code(words[word(rng)]));
    }
  }
  return out;
}

// Only the tags matter here: text escaping is covered above.
std::string tags_only(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '<') continue;
    const std::size_t end = html.find('>', i);
    out.append(html.substr(i, end - i + 1));
    i = end;
  }
  return out;
}

TEST_F(WithCmark, EmphasisNestsAsTheModelSays) {
  std::mt19937 rng(7);
  Blocks body;
  std::vector<std::string> expected;
  for (int i = 0; i < 600; ++i) {
    Inlines inlines = random_inlines(rng, 3);
    // Hard breaks at the very start or end of a paragraph mean nothing; the writer drops them.
    while (!inlines.empty() && std::holds_alternative<LineBreak>(inlines.front().node)) {
      inlines.erase(inlines.begin());
    }
    while (!inlines.empty() && std::holds_alternative<LineBreak>(inlines.back().node)) {
      inlines.pop_back();
    }
    // Emphasis around nothing but spaces renders as the spaces, so leave such cases out.
    if (detail::collapse_whitespace(plain_text(inlines)).empty()) continue;
    // The writer joins adjacent code spans, whose fences would otherwise merge.
    std::string html = expected_html(inlines);
    for (std::size_t at; (at = html.find("</code><code>")) != std::string::npos;)
      html.erase(at, 13);
    expected.push_back(tags_only(html));
    body.push_back({Paragraph{std::move(inlines)}});
  }
  const std::string md = markdown_of(body);
  const std::vector<std::string> paragraphs = elements(cmark_html(md), "p");
  ASSERT_EQ(paragraphs.size(), expected.size());
  std::size_t start = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::size_t end = md.find('\n', start);
    EXPECT_EQ(tags_only(paragraphs[i]), expected[i])
        << "markdown: " << md.substr(start, end - start);
    start = end + 2;
  }
}

// Names stay a plain list (an object would show as "true" in pandoc's templates); what
// is known beyond them goes under author-details.
TEST(MarkdownWriter, WritesAuthorDetailsBesideThePlainNames) {
  Article a;
  a.metadata.affiliations = {"Uni \"A\"", "Lab B"};
  a.metadata.authors = {{"Ann", {1, 0, 9}, "ann@example.org", "0000-0002-1825-0097"}, {"Bo"}};
  EXPECT_EQ(write_as(a, "markdown"),
            "---\nauthor:\n  - \"Ann\"\n  - \"Bo\"\nauthor-details:\n  - name: \"Ann\"\n"
            "    affiliations:\n      - \"Lab B\"\n      - \"Uni \\\"A\\\"\"\n"
            "    email: \"ann@example.org\"\n    orcid: \"0000-0002-1825-0097\"\n"
            "  - name: \"Bo\"\n---\n");
}

TEST(MarkdownWriter, WritesTheAbstractAsALiteralBlockOfMarkdown) {
  Article a;
  a.abstract = blocks(para(text("First "), emph(text("finding")), text(".")),
                      list(false, {blocks(para(text("item")))}));
  EXPECT_EQ(write_as(a, "markdown"), "---\nabstract: |2\n  First *finding*.\n\n  - item\n---\n");
  // What YAML cannot carry raw makes it a quoted scalar.
  a.abstract = blocks(para(text("line\u2028separator")));
  EXPECT_EQ(write_as(a, "markdown"), "---\nabstract: \"line\\u2028separator\"\n---\n");
}

TEST(MarkdownWriter, WritesKeywordsIdentifiersContainerAndLicense) {
  Article a;
  a.metadata.keywords = {"stroke", "gait"};
  a.metadata.identifiers = {
      {"issn", "1111-1111"}, {"doi", "10.1/x"}, {"issn", "2222-2222"}, {"handle", "left out"}};
  a.metadata.container = Container{"Journal", "3", {}, "1–9"};
  a.metadata.license = License{"CC BY", "https://creativecommons.org/licenses/by/4.0/"};
  EXPECT_EQ(write_as(a, "markdown"),
            "---\nkeywords:\n  - \"stroke\"\n  - \"gait\"\ndoi: \"10.1/x\"\n"
            "issn:\n  - \"1111-1111\"\n  - \"2222-2222\"\ncontainer-title: \"Journal\"\n"
            "volume: \"3\"\npage: \"1–9\"\nlicense:\n  text: \"CC BY\"\n"
            "  url: \"https://creativecommons.org/licenses/by/4.0/\"\n---\n");
}

TEST(MarkdownWriter, ListsReferencesUnderAHeadingBesideTheTopSections) {
  Article a;
  a.body = blocks(heading(2, text("Intro")), para(text("Text.")), heading(3, text("Aims")));
  Reference first;
  first.label = "1";
  first.text = "Roe JA. *Walking*. 2017.";
  Reference second;
  second.text = "WHO report.";
  a.references = {first, second};
  EXPECT_EQ(write_as(a, "markdown"),
            "## Intro\n\nText.\n\n### Aims\n\n## References\n\n"
            "1. <a id=\"ref-1\"></a>Roe JA. \\*Walking\\*. 2017.\n"
            "2. <a id=\"ref-2\"></a>WHO report.\n");
  // Labels other than the numbers are kept, in brackets.
  a.references[1].label = "WHO 2015";
  a.body.clear();
  EXPECT_EQ(write_as(a, "markdown"),
            "# References\n\n- <a id=\"ref-1\"></a>\\[1\\] Roe JA. \\*Walking\\*. 2017.\n"
            "- <a id=\"ref-2\"></a>\\[WHO 2015\\] WHO report.\n");
}

// A citation links to its reference's anchor, whatever the reference's id; a link to
// an id no reference has is left as the reader gave it.
TEST(MarkdownWriter, LinksCitationsToTheReferenceList) {
  Article a;
  Reference ref;
  ref.id = "smith17";
  ref.text = "Smith J. Walking. 2017.";
  a.references = {ref};
  a.body = blocks(para(text("As shown ("), Inline{Link{{text("Smith, 2017")}, "#smith17"}},
                       text("), not "), Inline{Link{{text("this")}, "#elsewhere"}}));
  EXPECT_EQ(write_as(a, "markdown"),
            "As shown ([Smith, 2017](#ref-1)), not [this](#elsewhere)\n\n# References\n\n"
            "1. <a id=\"ref-1\"></a>Smith J. Walking. 2017.\n");
}

}  // namespace
}  // namespace galley::test
