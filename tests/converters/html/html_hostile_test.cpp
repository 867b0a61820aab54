// Hostile pages, generated here rather than committed: each must convert or fail with
// galley::Error and never bring a local file into the output. Time and memory are
// bounded by tests/hostile, which runs such inputs through the command with a deadline.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "converters/html/html_test_support.hpp"

namespace galley::test {
namespace {

std::string all_text(const Article& a) {
  std::string out = body_text(a) + a.metadata.title.value_or("");
  for (const Block& b : a.footer) out += plain_text(b);
  return out;
}

TEST(HtmlHostile, FiftyThousandLevelsDeep) {
  std::string page = "<html><body>";
  for (int i = 0; i < 50000; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < 50000; ++i) page += "</div>";
  page += "<p>after the deep part</p></body></html>";
  Diagnostics diag;
  const Article a = read_html(page, diag);
  const std::string text = body_text(a);
  EXPECT_NE(text.find("deep text"), std::string::npos);
  EXPECT_NE(text.find("after the deep part"), std::string::npos);  // nothing cut off
  EXPECT_TRUE(has_warning(diag, "nested deeper"));
}

TEST(HtmlHostile, DeepInlineNesting) {
  std::string page = "<html><body><p>";
  for (int i = 0; i < 20000; ++i) page += "<em><span>";
  page += "core";
  page += "</p></body></html>";
  EXPECT_NE(body_text(read_html(page)).find("core"), std::string::npos);
}

// 16 MB on one line keeps the test fast; the CLI converts 100 MB lines too (slower),
// past libxml2's 10 MB text-node limit, which is lifted rather than truncating.
TEST(HtmlHostile, SixteenMegabyteSingleLine) {
  const std::size_t size = std::size_t{16} << 20;
  std::string page = "<html><body><p>";
  page.append(size, 'x');
  page += " end</p></body></html>";
  const Article a = read_html(page);
  ASSERT_EQ(a.body.size(), 1u);
  const std::string text = plain_text(a.body.front());
  EXPECT_EQ(text.size(), size + 4);
  EXPECT_TRUE(text.ends_with(" end"));
}

TEST(HtmlHostile, NulBytes) {
  std::string page = "<html><body><article>" + article_paragraphs() + "<p>a";
  page += '\0';
  page += "b</p>";
  page += '\0';
  page += "</article></body></html>";
  const Article a = read_html(page);
  const std::string text = body_text(a);
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_NE(text.find("ab"), std::string::npos);
}

TEST(HtmlHostile, LyingCharsetDeclaration) {
  // Declares UTF-8, is Latin-1: read as windows-1252, with a warning.
  Diagnostics diag;
  const Article a =
      read_html("<html><head><meta charset=utf-8><title>caf\xE9</title></head><body>" +
                    article_paragraphs() + "</body></html>",
                diag);
  EXPECT_EQ(a.metadata.title, "caf\xC3\xA9");
  EXPECT_TRUE(has_warning(diag, "not; read as windows-1252"));
  // UTF-8 with one stray byte stays UTF-8; the byte becomes U+FFFD.
  Diagnostics diag1;
  const Article c = read_html(
      "<html><head><meta charset=utf-8><title>na\xC3\xAFve caf\xC3\xA9 \xE9</title></head>"
      "<body><p>x</p></body></html>",
      diag1);
  EXPECT_EQ(c.metadata.title, "na\xC3\xAFve caf\xC3\xA9 \xEF\xBF\xBD");
  EXPECT_TRUE(has_warning(diag1, "invalid UTF-8"));
  // Declares a charset no converter knows.
  Diagnostics diag2;
  const Article b = read_html(
      "<html><head><meta charset=x-no-such-charset><title>caf\xE9</title>"
      "</head><body><p>x</p></body></html>",
      diag2);
  EXPECT_EQ(b.metadata.title, "caf\xC3\xA9");
  EXPECT_TRUE(has_warning(diag2, "unknown charset"));
}

TEST(HtmlHostile, EntityBombInXhtmlDoctype) {
  std::string page =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
      "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\" [\n<!ENTITY a0 \"lol\">\n";
  for (int i = 1; i <= 10; ++i) {
    page += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) page += "&a" + std::to_string(i - 1) + ";";
    page += "\">\n";
  }
  page +=
      "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>boom &a10; end</p>"
      "</body></html>";
  const Article a = read_html(page);
  const std::string text = all_text(a);
  EXPECT_LT(text.size(), 1000u);
  EXPECT_EQ(text.find("lollol"), std::string::npos);
  EXPECT_NE(text.find("boom"), std::string::npos);
}

TEST(HtmlHostile, ExternalEntityNeverReadsLocalFiles) {
  const auto canary = std::filesystem::temp_directory_path() / "galley_html_canary.txt";
  const std::string secret = "CANARY-7f3a9c-SECRET";
  std::ofstream(canary) << secret;
  const std::string url = "file://" + canary.string();
  const std::string page =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"" + url + "\" [\n<!ENTITY x SYSTEM \"" +
      url +
      "\">\n]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t &x;</title>"
      "</head><body><p>before &x; after</p><iframe src=\"" +
      url +
      "\"></iframe>"
      "<img src=\"" +
      url + "\"></body></html>";
  const Article a = read_html(page);
  std::filesystem::remove(canary);
  EXPECT_EQ(all_text(a).find(secret), std::string::npos);
  EXPECT_NE(all_text(a).find("before"), std::string::npos);
}

TEST(HtmlHostile, BinaryGarbageConvertsOrFailsCleanly) {
  std::string garbage;
  unsigned state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245 + 12345;
    garbage += static_cast<char>(state >> 16);
  }
  try {
    read_html("<html>" + garbage);
  } catch (const Error& e) {
    SUCCEED() << e.what();
  }
}

}  // namespace
}  // namespace galley::test
