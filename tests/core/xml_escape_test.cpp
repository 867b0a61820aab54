#include "detail/xml.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(XmlEscape, EscapesMarkupCharacters) {
  EXPECT_EQ(xml_escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'");
  EXPECT_EQ(xml_escape("]]>"), "]]&gt;");
}

TEST(XmlEscape, KeepsTextXmlAllows) {
  EXPECT_EQ(xml_escape("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
  EXPECT_EQ(xml_escape("é 中 😀 \xef\xbf\xbd"), "é 中 😀 \xef\xbf\xbd");
}

TEST(XmlEscape, RemovesControlsAndNonCharacters) {
  EXPECT_EQ(xml_escape(std::string("a\0b\x01\x08\x0b\x0c\x1f\x7f", 10)), "ab");
  EXPECT_EQ(xml_escape("c1:\xc2\x80\xc2\x9f."), "c1:.");
  EXPECT_EQ(xml_escape("\xef\xbf\xbe\xef\xbf\xbf|"), "|");
}

TEST(XmlEscape, RemovesInvalidUtf8AndSurrogates) {
  EXPECT_EQ(xml_escape("a\xff\xfe b"), "a b");
  EXPECT_EQ(xml_escape("s\xed\xa0\x80!"), "s!");  // encoded lone surrogate
  EXPECT_EQ(xml_escape("o\xc0\xaf!"), "o!");      // overlong '/'
  EXPECT_EQ(xml_escape("cut\xe2\x82"), "cut");    // truncated sequence
}

TEST(XmlChar, FollowsXml10) {
  EXPECT_TRUE(is_xml_char(0x09));
  EXPECT_FALSE(is_xml_char(0x00));
  EXPECT_FALSE(is_xml_char(0xD800));
  EXPECT_TRUE(is_xml_char(0xE000));
  EXPECT_FALSE(is_xml_char(0xFFFE));
  EXPECT_TRUE(is_xml_char(0x10FFFF));
  EXPECT_FALSE(is_xml_char(0x110000));
}

}  // namespace
}  // namespace galley::detail
