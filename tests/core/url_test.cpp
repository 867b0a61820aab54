#include "detail/url.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(SafeLinkUrl, KeepsWebAndMailLinks) {
  EXPECT_EQ(safe_link_url("https://example.org/a?b=1#c"), "https://example.org/a?b=1#c");
  EXPECT_EQ(safe_link_url(" HTTP://Example.org "), "HTTP://Example.org");
  EXPECT_EQ(safe_link_url("mailto:a@b.org"), "mailto:a@b.org");
}

TEST(SafeLinkUrl, DropsScriptsDataRelativeAndHostless) {
  EXPECT_EQ(safe_link_url("javascript:alert(1)"), std::nullopt);
  EXPECT_EQ(safe_link_url("JavaScript:alert(1)"), std::nullopt);
  EXPECT_EQ(safe_link_url("vbscript:x"), std::nullopt);
  EXPECT_EQ(safe_link_url("data:text/html,x"), std::nullopt);
  EXPECT_EQ(safe_link_url("#top"), std::nullopt);
  EXPECT_EQ(safe_link_url("page.html"), std::nullopt);
  EXPECT_EQ(safe_link_url("http://"), std::nullopt);
  EXPECT_EQ(safe_link_url("https:///path"), std::nullopt);
  EXPECT_EQ(safe_link_url("mailto:"), std::nullopt);
}

TEST(SafeLinkUrl, PercentEncodesWhatUrisCannotHold) {
  EXPECT_EQ(safe_link_url("https://e.org/a b\"<>{}|\\^`"),
            "https://e.org/a%20b%22%3C%3E%7B%7D%7C%5C%5E%60");
  EXPECT_EQ(safe_link_url("https://e.org/caf\xc3\xa9"), "https://e.org/caf%C3%A9");
  EXPECT_EQ(safe_link_url("https://e.org/100%?x=%41#a#b"), "https://e.org/100%25?x=%41#a%23b");
}

TEST(DataUri, DecodesBase64AndPercentEncoding) {
  const auto png = parse_data_uri("data:Image/PNG;name=x;base64,iVBO Rw0K");
  ASSERT_TRUE(png);
  EXPECT_EQ(png->media_type, "image/png");
  EXPECT_EQ(png->data, "\x89PNG\r\n");
  const auto text = parse_data_uri("data:,a%20b");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->media_type, "text/plain");
  EXPECT_EQ(text->data, "a b");
}

TEST(DataUri, RefusesMalformedUris) {
  EXPECT_EQ(parse_data_uri("https://e.org/x.png"), std::nullopt);
  EXPECT_EQ(parse_data_uri("data:image/png;base64"), std::nullopt);
  EXPECT_EQ(parse_data_uri("data:image/png;base64,ab!c"), std::nullopt);
  EXPECT_EQ(parse_data_uri("data:image/png;base64,a"), std::nullopt);
  EXPECT_EQ(parse_data_uri("data:image/png;base64,aGk=aGk="), std::nullopt);
}

TEST(Url, ResolvesReferencesAsRfc3986Does) {
  const std::string base = "http://a/b/c/d;p?q";
  // RFC 3986 section 5.4.1, normal examples.
  EXPECT_EQ(resolve_url(base, "g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_url(base, "./g"), "http://a/b/c/g");
  EXPECT_EQ(resolve_url(base, "g/"), "http://a/b/c/g/");
  EXPECT_EQ(resolve_url(base, "/g"), "http://a/g");
  EXPECT_EQ(resolve_url(base, "//g"), "http://g");
  EXPECT_EQ(resolve_url(base, "?y"), "http://a/b/c/d;p?y");
  EXPECT_EQ(resolve_url(base, "g?y"), "http://a/b/c/g?y");
  EXPECT_EQ(resolve_url(base, "#s"), "http://a/b/c/d;p?q#s");
  EXPECT_EQ(resolve_url(base, "g#s"), "http://a/b/c/g#s");
  EXPECT_EQ(resolve_url(base, ""), "http://a/b/c/d;p?q");
  EXPECT_EQ(resolve_url(base, "."), "http://a/b/c/");
  EXPECT_EQ(resolve_url(base, ".."), "http://a/b/");
  EXPECT_EQ(resolve_url(base, "../g"), "http://a/b/g");
  EXPECT_EQ(resolve_url(base, "../../g"), "http://a/g");
  EXPECT_EQ(resolve_url(base, "../../../g"), "http://a/g");
}

TEST(Url, KeepsAbsoluteReferencesAndUnusableBases) {
  EXPECT_EQ(resolve_url("https://x.org/a", "mailto:me@x.org"), "mailto:me@x.org");
  EXPECT_EQ(resolve_url("https://x.org/a", "HTTPS://Y.org/b"), "HTTPS://Y.org/b");
  EXPECT_EQ(resolve_url("", "images/a.png"), "images/a.png");
  EXPECT_EQ(resolve_url("not a url", "images/a.png"), "images/a.png");
  EXPECT_EQ(resolve_url("https://x.org", "a.png"), "https://x.org/a.png");
}

TEST(Url, DetectsSchemes) {
  EXPECT_TRUE(has_url_scheme("https://x"));
  EXPECT_TRUE(has_url_scheme("data:image/png;base64,AA"));
  EXPECT_FALSE(has_url_scheme("/path:with/colon"));
  EXPECT_FALSE(has_url_scheme("a b:c"));
  EXPECT_FALSE(has_url_scheme(""));
}

}  // namespace
}  // namespace galley::detail

namespace galley::detail {
namespace {

TEST(Url, RecognisesScriptAndDataLinks) {
  EXPECT_TRUE(is_script_or_data_url("javascript:alert(1)"));
  EXPECT_TRUE(is_script_or_data_url("  VBScript:msgbox"));
  EXPECT_TRUE(is_script_or_data_url("data:text/html;base64,PGI+"));
  EXPECT_FALSE(is_script_or_data_url("https://example.org/javascript:"));
  EXPECT_FALSE(is_script_or_data_url("/relative/data:x"));
  EXPECT_FALSE(is_script_or_data_url("mailto:a@example.org"));
}

}  // namespace
}  // namespace galley::detail

namespace galley::detail {
namespace {

TEST(RelativeFilePath, NamesTheFileBelowTheDocumentsFolder) {
  EXPECT_EQ(relative_file_path("images/a.png"), "images/a.png");
  EXPECT_EQ(relative_file_path(" ./story_files/a%20b.jpg?v=2#x "), "story_files/a b.jpg");
  EXPECT_EQ(relative_file_path("a/../b/./c.gif"), "b/c.gif");
  EXPECT_EQ(relative_file_path("a//b.png"), "a/b.png");
}

TEST(RelativeFilePath, RefusesWhatIsNotAFileBelowTheFolder) {
  for (const char* reference :
       {"", "#top", "?q=1", "/etc/passwd", "//host/a.png", "https://x.org/a.png", "data:,x",
        "file:///etc/passwd", "C:/x.png", "../a.png", "a/../../b.png", "%2e%2e/a.png", "a%5Cb.png",
        "a%00.png", "folder/"}) {
    EXPECT_EQ(relative_file_path(reference), std::nullopt) << reference;
  }
}

TEST(Base64, EncodesWithPaddingAndRoundTrips) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(base64_decode(base64_encode(all)), all);
  EXPECT_EQ(base64_decode("Zm9v!"), std::nullopt);
}

}  // namespace
}  // namespace galley::detail
