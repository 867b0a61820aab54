#include <gtest/gtest.h>

#include "detail/url.hpp"

namespace galley::detail {
namespace {

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
