// Hostile pages, generated here rather than committed: each must convert or fail with
// galley::Error and never bring a local file into the output. Time and memory are
// bounded by tests/hostile, which runs such inputs through the command with a deadline.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stop_token>

#include <galley/galley.hpp>

#include "../../../converters/html/html_parse.hpp"
#include "converters/html/html_test_support.hpp"
#include "detail/text.hpp"

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

// Deep nesting and end tags that close nothing make libxml2 search all open elements for
// each end tag: quadratic work that only its callbacks can interrupt.
std::string slow_to_parse(int depth) {
  std::string page = "<html><body>";
  for (int i = 0; i < depth; ++i) page += "<div>";
  for (int i = 0; i < depth; ++i) page += "</span>";
  return page + "<p>the end</p></body></html>";
}

// The Error that stopped parsing `page`.
Error parse_error(const std::string& page, const ReadOptions& options) {
  try {
    Diagnostics diag;
    html::parse_html(page, "page.html", options, diag);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "the parse was not stopped";
  return Error(ErrorCode::Io, "page.html", {}, "not stopped");
}

TEST(HtmlHostile, CancellingStopsTheParse) {
  std::stop_source stop;
  stop.request_stop();
  ReadOptions options;
  options.stop = stop.get_token();
  EXPECT_EQ(parse_error(slow_to_parse(2000), options).code(), ErrorCode::Cancelled);
}

TEST(HtmlHostile, TimeBudgetStopsTheParse) {
  ReadOptions options;
  options.time_budget = std::chrono::milliseconds(1);
  // The budget ends the parse among the start tags, before the search limit below.
  const Error e = parse_error(slow_to_parse(200000), options);
  EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  EXPECT_NE(std::string(e.what()).find("time budget of 1 ms"), std::string::npos) << e.what();
}

TEST(HtmlHostile, EndTagsThatCloseNothingInDeepNestingAreRefused) {
  // 200,000 end tags each searching 200,000 open elements: minutes of work, refused
  // after the first 25 million elements searched.
  const Error e = parse_error(slow_to_parse(200000), ReadOptions{});
  EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  EXPECT_NE(std::string(e.what()).find("search more than 25000000 open elements"),
            std::string::npos)
      << e.what();
}

TEST(HtmlHostile, StrayEndTagsInShallowNestingAreRead) {
  std::string page = "<html><body><article>" + article_paragraphs();
  for (int i = 0; i < 100000; ++i) page += "</span>";
  const Article a = read_html(page + "<p>Still read after them, with a comma.</p></article>");
  EXPECT_NE(body_text(a).find("Still read after them"), std::string::npos);
}

// Random bytes after an <html> tag: libxml2 recovers what it can. What galley makes
// of it is well-formed UTF-8 that every writer takes; or it refuses the page as
// malformed, naming it.
TEST(HtmlHostile, BinaryGarbageConvertsOrFailsCleanly) {
  std::string garbage;
  unsigned state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245 + 12345;
    garbage += static_cast<char>(state >> 16);
  }
  Article article;
  try {
    article = read_html("<html>" + garbage);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Malformed) << e.what();
    return;
  }
  EXPECT_TRUE(detail::is_valid_utf8(all_text(article)));
  for (const auto& writer : Registry::builtin().writers()) {
    Diagnostics diag;
    EXPECT_NO_THROW(write_string(article, writer.info.name, {}, diag)) << writer.info.name;
  }
}

}  // namespace
}  // namespace galley::test
