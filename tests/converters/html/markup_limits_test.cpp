// The markup limits: attributes past them are dropped before libxml2 reads the page,
// pages with too many nodes are refused, and the tokenizer behind them finds every
// start tag libxml2 parses (checked against libxml2 itself on generated pages).
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <random>

#include <gtest/gtest.h>

#include "../../../converters/html/html_parse.hpp"
#include "../../../converters/html/markup_limits.hpp"
#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

using html::limit_markup;
using html::MarkupCount;
using html::MarkupLimits;

std::string element_with_attributes(int count, const std::string& tag = "p") {
  std::string page = "<" + tag;
  for (int i = 0; i < count; ++i) page += " a" + std::to_string(i);
  return page + ">";
}

std::size_t attribute_count(const html::Dom& dom, std::string_view tag) {
  const html::NodeId id = dom.find_first(tag);
  return id == html::kNoNode ? 0 : dom[id].attributes.size();
}

TEST(MarkupLimits, KeepsAPageWithinThemByteForByte) {
  std::string page =
      "<!DOCTYPE html><html><head><script>if (a < b) x = '<p a b c>';</script></head>"
      "<body><!-- <i x y z> --><p class=\"a\" id='b' hidden data-x=1>text</p></body></html>";
  const std::string before = page;
  const MarkupCount count = limit_markup(page, MarkupLimits{});
  EXPECT_EQ(page, before);
  EXPECT_EQ(count.dropped, 0u);
  EXPECT_EQ(count.attributes, 4u);
  EXPECT_EQ(count.most_attributes, 4u);
  EXPECT_EQ(count.nodes, 6u);  // html, head, script, body, the comment, p
}

TEST(MarkupLimits, DropsAttributesPastTheElementLimit) {
  std::string page = "<p a b c d e>text</p>";
  const MarkupCount count = limit_markup(page, MarkupLimits{.attributes_per_element = 2});
  EXPECT_EQ(page, "<p a b >text</p>");
  EXPECT_EQ(count.dropped, 3u);
  EXPECT_EQ(count.most_attributes, 5u);
}

TEST(MarkupLimits, DropsAttributesPastThePageLimit) {
  std::string page = "<p a b>1</p><p c d>2</p><p e=\"x y\" f>3</p>";
  const MarkupCount count = limit_markup(page, MarkupLimits{.attributes = 3});
  EXPECT_EQ(page, "<p a b>1</p><p c >2</p><p >3</p>");
  EXPECT_EQ(count.attributes, 3u);
  EXPECT_EQ(count.dropped, 3u);
}

TEST(MarkupLimits, CountsWhatLibxml2ReadsAsAttributes) {
  // A quoted value holds '>', a long name is cut at 100 characters into two attributes,
  // '/' is skipped as bogus, and the script's text and the comment hold no tags.
  std::string page = "<p a=\"x>y\" " + std::string(150, 'n') + " / b><script><i x y></script>" +
                     "<!-- <i x y> --!><i z>";
  const MarkupCount count = limit_markup(page, MarkupLimits{});
  EXPECT_EQ(count.attributes, 5u);
  EXPECT_EQ(count.most_attributes, 4u);
}

TEST(MarkupLimits, KeepsEndTagsInScriptTextAsText) {
  // libxml2 would close the script at "</p>" and "</scripts>" depending on the open
  // elements; a space keeps them text, as browsers read them.
  std::string page = "<p><script></p><i a b c></script><script>x</scripts>y</script>";
  limit_markup(page, MarkupLimits{.attributes_per_element = 2});
  EXPECT_EQ(page, "<p><script></ p><i a b c></script><script>x</ scripts>y</script>");
}

TEST(MarkupLimits, FiftyThousandAttributesOnOneElementAreCut) {
  Diagnostics diag;
  const html::Dom dom = html::parse_html(
      "<html><body>" + element_with_attributes(50000) + "the text</p></body></html>", "page.html",
      ReadOptions{}, diag);
  EXPECT_EQ(attribute_count(dom, "p"), MarkupLimits{}.attributes_per_element);
  EXPECT_TRUE(has_warning(diag, "dropped 49744 attributes past the limits of 256 per element"));
}

TEST(MarkupLimits, KeepsTheTextOfAnElementThatLostAttributes) {
  const Article a =
      read_html("<html><body><article>" + article_paragraphs() + element_with_attributes(5000) +
                "Closing words.</p></article>" + "</body></html>");
  EXPECT_NE(body_text(a).find("Closing words."), std::string::npos);
}

TEST(MarkupLimits, RefusesAPageWithTooManyElements) {
  std::string page = "<html><body>";
  for (std::size_t i = 0; i <= MarkupLimits{}.nodes; ++i) page += "<i>";
  try {
    read_html(page);
    ADD_FAILURE() << "a page of more than a million elements was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
    EXPECT_NE(std::string(e.what()).find("more than 1000000 elements"), std::string::npos);
  }
}

TEST(MarkupLimits, ReadsManyElementsBelowTheLimit) {
  std::string page = "<html><body><article>";
  for (int i = 0; i < 50000; ++i) page += "<p>Paragraph, with a comma.</p>";
  const Article a = read_html(page + "</article></body></html>");
  EXPECT_EQ(a.body.size(), 50000u);
}

// A page in a legacy charset is decoded before the limits apply: in ISO-2022-JP the
// bytes of "<!--" can be two kanji, which must not hide the element after them.
TEST(MarkupLimits, ApplyAfterALegacyCharsetIsDecoded) {
  const std::string kanji_mode = "\x1B$B";
  const std::string ascii_mode = "\x1B(B";
  Diagnostics diag;
  const html::Dom dom = html::parse_html(
      "<html><head><meta charset=iso-2022-jp></head><body>\xFF" + kanji_mode + "<!--" + ascii_mode +
          element_with_attributes(1000, "b") + "x</b> -->\xFF</body></html>",
      "page.html", ReadOptions{}, diag);
  EXPECT_EQ(attribute_count(dom, "b"), MarkupLimits{}.attributes_per_element);
}

TEST(MarkupLimits, LegacyCharsetKeepsTheTextAfterAnInvalidByte) {
  Diagnostics diag;
  const Article a = read_html(
      "<html><head><meta charset=gb2312><title>\xC4\xE3\xBA\xC3</title></head><body><article>" +
          article_paragraphs() + "<p>bad \xFF byte, then more words</p></article></body></html>",
      diag);
  EXPECT_EQ(a.metadata.title, "\xE4\xBD\xA0\xE5\xA5\xBD");
  EXPECT_NE(body_text(a).find("\xEF\xBF\xBD byte, then more words"), std::string::npos);
  EXPECT_TRUE(has_warning(diag, "not valid in gb2312"));
}

// The most attributes libxml2 hands to one startElement call during a parse of `page`.
class AttributeWitness {
 public:
  explicit AttributeWitness(const std::string& page, bool huge) {
    htmlParserCtxt* ctxt = htmlNewParserCtxt();
    ctxt->_private = this;
    saved_ = ctxt->sax->startElement;
    ctxt->sax->startElement = [](void* ctx, const xmlChar* name, const xmlChar** atts) {
      auto* self = static_cast<AttributeWitness*>(static_cast<xmlParserCtxt*>(ctx)->_private);
      std::size_t count = 0;
      while (atts != nullptr && atts[2 * count] != nullptr) ++count;
      self->most_ = std::max(self->most_, count);
      self->saved_(ctx, name, atts);
    };
    const xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void* old_context = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(nullptr, [](void*, xmlErrorPtr) {});
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                  HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
    if (huge) options |= XML_PARSE_HUGE;
    xmlFreeDoc(htmlCtxtReadMemory(ctxt, page.data(), static_cast<int>(page.size()), nullptr,
                                  "UTF-8", options));
    xmlSetStructuredErrorFunc(old_context, old_handler);
    htmlFreeParserCtxt(ctxt);
  }

  std::size_t most() const noexcept { return most_; }

 private:
  startElementSAXFunc saved_ = nullptr;
  std::size_t most_ = 0;
};

// Pages made of the pieces where libxml2's reading is subtle (comments, DOCTYPEs,
// processing instructions, script and style text, quotes, long names, non-ASCII
// names): with a limit of two attributes, libxml2 must never see a third on an element.
TEST(MarkupLimits, AgreeWithLibxml2OnGeneratedPages) {
  const std::vector<std::string> pieces = {"<",
                                           "<",
                                           ">",
                                           ">",
                                           "</",
                                           "/>",
                                           "/",
                                           "<!--",
                                           "-->",
                                           "--!>",
                                           "--",
                                           "-",
                                           "!",
                                           "<!",
                                           "<?",
                                           "?>",
                                           "<!DOCTYPE ",
                                           "<!doctype",
                                           " SYSTEM ",
                                           " PUBLIC ",
                                           "\"",
                                           "\"",
                                           "'",
                                           "'",
                                           "=",
                                           "=",
                                           " ",
                                           " ",
                                           "\n",
                                           "\t",
                                           "&",
                                           "&amp;",
                                           "&#",
                                           ";",
                                           "a",
                                           "x1",
                                           "9",
                                           "script",
                                           "style",
                                           "sCrIpT",
                                           "</script>",
                                           "</style",
                                           "<script>",
                                           "<style>",
                                           "<script ",
                                           "body",
                                           "p",
                                           ".",
                                           ":",
                                           "_",
                                           "\xC3\xA9",
                                           "\xCC\x81",
                                           "\xEF\xBF\xBE",
                                           "\xE4\xB8\x80",
                                           std::string(120, 'q'),
                                           "<p ",
                                           "<b ",
                                           "<body ",
                                           "<html ",
                                           " a1",
                                           " a2",
                                           " a3",
                                           " a4",
                                           " x=\"",
                                           " y='",
                                           " z=w",
                                           "<i a1 a2 a3 a4>",
                                           "<b a1 a2 a3 a4 a5 a6>",
                                           "</p>",
                                           "</ ",
                                           "</3",
                                           "<3",
                                           "< ",
                                           "<.x",
                                           "<![CDATA[",
                                           "<!x",
                                           "<?xml ",
                                           "<?\xC3\xA9 ",
                                           "<?\xCC\x81 ",
                                           "</scriptx",
                                           "</SCRIPT>",
                                           "<style/>",
                                           "<frameset ",
                                           "<title>"};
  const MarkupLimits two{.attributes_per_element = 2};
  std::mt19937 random(20);
  xmlInitParser();
  for (int i = 0; i < 4000; ++i) {
    std::string page;
    for (std::size_t n = 1 + random() % 60; n > 0; --n) page += pieces[random() % pieces.size()];
    const std::string original = page;
    limit_markup(page, two);
    const bool huge = i % 2 == 1;
    ASSERT_LE(AttributeWitness(page, huge).most(), 2u) << "page: " << original;
  }
}

}  // namespace
}  // namespace galley::test
