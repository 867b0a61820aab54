#include <gtest/gtest.h>

#include <galley/registry.hpp>

#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

TEST(HtmlReader, DropsScriptsStylesAndHiddenElements) {
  const Article a = read_html(
      "<html><body><article>" + article_paragraphs() +
      "<script>var secret = 1;</script><style>p{color:red}</style>"
      "<template><p>template text</p></template><svg><text>svg text</text></svg>"
      "<p hidden>hidden attr</p><p aria-hidden=\"true\">aria hidden</p>"
      "<p style=\"display: none\">display none</p><p style=\"visibility:hidden\">invisible</p>"
      "</article></body></html>");
  const std::string text = body_text(a);
  EXPECT_NE(text.find("Paragraph 2"), std::string::npos);
  for (const char* gone : {"secret", "color", "template text", "svg text", "hidden attr",
                           "aria hidden", "display none", "invisible"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
  }
}

TEST(HtmlReader, NeverGluesTextAcrossBlocks) {
  const Article a = read_html("<html><body><article>" + article_paragraphs() +
                              "<div>first block</div><div>second block</div>"
                              "<p>line one<br>line two</p><ul><li>item a</li><li>item b</li></ul>"
                              "</article></body></html>");
  const std::string text = body_text(a);
  EXPECT_NE(text.find("first block\nsecond block\n"), std::string::npos) << text;
  EXPECT_NE(text.find("line one line two"), std::string::npos) << text;
  EXPECT_NE(text.find("item a item b"), std::string::npos) << text;
}

TEST(HtmlReader, BuildsInlineMarkupAndResolvesLinks) {
  ReadOptions options;
  options.base_url = "https://example.org/news/story.html";
  const Article a =
      read_html("<html><body><article>" + article_paragraphs() +
                    "<p>Read <em>this</em> and <strong>that</strong> with <code>x = 1</code> in "
                    "<a href=\"../about.html\">the about page</a>.</p></article></body></html>",
                options);
  ASSERT_FALSE(a.body.empty());
  const auto& p = std::get<Paragraph>(a.body.back().node);
  ASSERT_EQ(p.inlines.size(), 9u);
  EXPECT_EQ(p.inlines[0], Inline{Text{"Read "}});
  EXPECT_EQ(p.inlines[1], (Inline{Emphasis{{Inline{Text{"this"}}}}}));
  EXPECT_EQ(p.inlines[3], (Inline{Strong{{Inline{Text{"that"}}}}}));
  EXPECT_EQ(p.inlines[5], Inline{Code{"x = 1"}});
  const auto& link = std::get<Link>(p.inlines[7].node);
  EXPECT_EQ(link.url, "https://example.org/about.html");
  EXPECT_EQ(plain_text(link.children), "the about page");
}

TEST(HtmlReader, BaseElementWinsOverPageUrl) {
  ReadOptions options;
  options.base_url = "https://example.org/a/";
  const Article a =
      read_html("<html><head><base href=\"/b/\"></head><body><article>" + article_paragraphs() +
                    "<p>See <a href=\"c.html\">c</a>.</p></article></body></html>",
                options);
  const auto& p = std::get<Paragraph>(a.body.back().node);
  EXPECT_EQ(std::get<Link>(p.inlines[1].node).url, "https://example.org/b/c.html");
}

TEST(HtmlReader, ConvertsListsQuotesCodeAndDataTables) {
  const Article a = read_html("<html><body><article>" + article_paragraphs() +
                              "<ol><li>one</li><li>two <b>bold</b></li></ol>"
                              "<blockquote><p>quoted words</p></blockquote>"
                              "<pre class=\"language-cpp\">int main() {\n  return 0;\n}</pre>"
                              "<table><thead><tr><th>k</th><th>v</th></tr></thead>"
                              "<tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>"
                              "</article></body></html>");
  bool list = false, quote = false, code = false, table = false;
  for (const Block& b : a.body) {
    if (const auto* l = std::get_if<List>(&b.node)) {
      list = l->ordered && l->items.size() == 2;
    } else if (const auto* q = std::get_if<Quote>(&b.node)) {
      quote = plain_text(b) == "quoted words" && q->blocks.size() == 1;
    } else if (const auto* c = std::get_if<CodeBlock>(&b.node)) {
      code = c->text == "int main() {\n  return 0;\n}" && c->language == "cpp";
    } else if (const auto* t = std::get_if<Table>(&b.node)) {
      table = t->rows.size() == 3 && t->header_rows == 1 && t->rows[2].size() == 2;
    }
  }
  EXPECT_TRUE(list);
  EXPECT_TRUE(quote);
  EXPECT_TRUE(code);
  EXPECT_TRUE(table);
}

TEST(HtmlReader, FigureKeepsItsCaption) {
  const Article a = read_html("<html><body><article>" + article_paragraphs() +
                              "<figure><img src=\"https://x.org/a.jpg\" alt=\"A\">"
                              "<figcaption>A <em>fine</em> view.</figcaption></figure>"
                              "</article></body></html>");
  const auto* fig = std::get_if<Figure>(&a.body.back().node);
  ASSERT_NE(fig, nullptr);
  EXPECT_EQ(fig->image.src, "https://x.org/a.jpg");
  EXPECT_EQ(plain_text(fig->caption), "A fine view.");
}

TEST(HtmlReader, ValidUtf8WinsOverDeclaredCharset) {
  const Article a =
      read_html("<html><head><meta charset=\"gb2312\"><title>caf\xC3\xA9</title></head><body>" +
                article_paragraphs() + "</body></html>");
  EXPECT_EQ(a.metadata.title, "caf\xC3\xA9");
}

TEST(HtmlReader, FallsBackToWindows1252) {
  const Article a = read_html("<html><head><title>caf\xE9 \x93quoted\x94</title></head><body>" +
                              article_paragraphs() + "</body></html>");
  EXPECT_EQ(a.metadata.title, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(HtmlReader, HonoursDeclaredLegacyCharset) {
  // "Привет" in windows-1251.
  const Article a = read_html(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "<title>\xCF\xF0\xE8\xE2\xE5\xF2</title></head><body>" +
      article_paragraphs() + "</body></html>");
  EXPECT_EQ(a.metadata.title, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(HtmlReader, ReadsUtf16WithBom) {
  const std::string page =
      "<html><head><title>t\xC3\xA9</title></head><body><p>x</p></body></html>";
  std::string utf16 = "\xFF\xFE";
  for (std::size_t i = 0; i < page.size(); ++i) {
    const auto c = static_cast<unsigned char>(page[i]);
    if (c == 0xC3) {  // the one non-ASCII character, U+00E9
      utf16 += '\xE9';
      ++i;
    } else {
      utf16 += static_cast<char>(c);
    }
    utf16 += '\0';
  }
  EXPECT_EQ(read_html(utf16).metadata.title, "t\xC3\xA9");
}

TEST(HtmlReader, IsDetectedByContent) {
  const std::string page = "<!DOCTYPE html>\n<html><body><p>x</p></body></html>";
  const auto& entry = Registry::builtin().detect_reader(Input{"page", page, ""});
  EXPECT_EQ(entry.info.name, "html");
}

TEST(HtmlReader, PageWithoutArticleKeepsWhatItHasAndWarns) {
  Diagnostics diag;
  const Article a = read_html(
      "<html><head><title>Login</title></head><body><form><input name=u></form>"
      "<p>Forgot password?</p></body></html>",
      diag);
  EXPECT_EQ(a.metadata.title, "Login");
  EXPECT_EQ(body_text(a), "Forgot password?\n");
  EXPECT_TRUE(has_warning(diag, "no article"));
}

// As for an empty text: a page that gives nothing to write is an error, not an empty output.
TEST(HtmlReader, EmptyPageIsAnError) {
  for (const char* page : {"", " \n\t ", "<html><head></head><body>\n</body></html>",
                           "<!DOCTYPE html><!-- nothing --><script>x()</script><p> </p>"}) {
    SCOPED_TRACE(page);
    try {
      read_html(page);
      ADD_FAILURE() << "an empty page was read";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::Malformed);
      EXPECT_STREQ(e.what(), "page.html: empty document");
    }
  }
}

TEST(HtmlReader, PageWithOnlyATitleKeepsItAndWarns) {
  Diagnostics diag;
  const Article a = read_html("<html><head><title>Just a title</title></head></html>", diag);
  EXPECT_EQ(a.metadata.title, "Just a title");
  EXPECT_TRUE(a.body.empty());
  EXPECT_TRUE(has_warning(diag, "no readable text"));
}

}  // namespace
}  // namespace galley::test
