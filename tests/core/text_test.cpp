#include "detail/text.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"));
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));       // a literal U+FFFD
  EXPECT_FALSE(is_valid_utf8("caf\xE9"));           // Latin-1 e-acute
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE2\x80"));          // truncated
}

TEST(Text, StepsBackOverCodePoints) {
  const std::string text = "a\u00E9\u4E0B\U0001F600";  // 1, 2, 3 and 4 bytes
  std::size_t pos = text.size();
  EXPECT_EQ(previous_code_point(text, pos), U'\U0001F600');
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(previous_code_point(text, pos), U'\u4E0B');
  EXPECT_EQ(previous_code_point(text, pos), U'\u00E9');
  EXPECT_EQ(previous_code_point(text, pos), U'a');
  EXPECT_EQ(pos, 0u);
  std::size_t stray = 2;  // continuation bytes without their lead belong to "a"
  EXPECT_EQ(previous_code_point("a\x80", stray), U'a');
  EXPECT_EQ(stray, 0u);
}

TEST(Text, DetectsEncodings) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFhi"), Encoding::Utf8Bom);
  EXPECT_EQ(detect_encoding("\xFF\xFEh\0"), Encoding::Utf16Le);
  EXPECT_EQ(detect_encoding("\xFE\xFF\0h"), Encoding::Utf16Be);
  EXPECT_EQ(detect_encoding("na\xC3\xAFve"), Encoding::Utf8);
  EXPECT_EQ(detect_encoding("na\xEFve \x93quoted\x94"), Encoding::Windows1252);
}

TEST(Text, DecodesLegacyAndUtf16) {
  EXPECT_EQ(windows1252_to_utf8("\x93hi\x94 \x80 caf\xE9"),
            "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x82\xAC caf\xC3\xA9");
  const std::string le("\xFF\xFEh\0\xE9\0=\xD8\x00\xDE", 10);  // h, e-acute, U+1F600
  EXPECT_EQ(decode_text(le, Encoding::Utf16Le), "h\xC3\xA9\xF0\x9F\x98\x80");
  const std::string be("\xFE\xFF\0h\xD8\x3D", 6);  // unpaired high surrogate at the end
  EXPECT_EQ(decode_text(be, Encoding::Utf16Be), "h\xEF\xBF\xBD");
}

TEST(Text, SanitizesControlsAndInvalidBytes) {
  EXPECT_EQ(sanitize_utf8(std::string("a\0b\x01\tc\n", 7)), "ab\tc\n");
  EXPECT_EQ(sanitize_utf8(std::string_view("x\xFFy")), "x\xEF\xBF\xBDy");
  EXPECT_EQ(sanitize_utf8(std::string("x\xFFy")), "x\xEF\xBF\xBDy");
  EXPECT_EQ(sanitize_utf8(std::string("\x7F")), "");
}

TEST(Text, KeepsCleanTextAsItIs) {
  const std::string clean = "caf\xC3\xA9\tline\r\n\xEF\xBF\xBD";  // U+FFFD itself is valid
  EXPECT_EQ(sanitize_utf8(std::string_view(clean)), clean);
  EXPECT_EQ(sanitize_utf8(std::string(clean)), clean);
}

TEST(Text, CollapsesAsciiAndUnicodeSpaces) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b\xC2\xA0\xC2\xA0"
                                "c\xE2\x80\x89  "),
            "a b c");
  EXPECT_EQ(collapse_whitespace("\xE3\x80\x80"), "");
}

TEST(Text, MovesOffsetsWhereWhitespaceCollapses) {
  // After "Doe", before "Jane" (the leading spaces go), inside a run, at the end.
  std::vector<std::size_t> offsets = {0, 2, 10, 12, 21};
  EXPECT_EQ(collapse_whitespace("  Jane Doe \t John Roe ", offsets), "Jane Doe John Roe");
  EXPECT_EQ(offsets, (std::vector<std::size_t>{0, 0, 8, 8, 17}));
}

TEST(Text, FindsExtensions) {
  EXPECT_EQ(extension_of("dir.v2/Story.HTML"), ".html");
  EXPECT_EQ(extension_of("README"), "");
  EXPECT_EQ(extension_of(".hidden"), "");
}

}  // namespace
TEST(Text, ReplacesEveryOccurrence) {
  std::string text = "a\u2019b\u2019c";
  replace_all(text, "\u2019", "'");
  EXPECT_EQ(text, "a'b'c");
  std::string grows = "aa";
  replace_all(grows, "a", "aa");  // what is put in is not looked at again
  EXPECT_EQ(grows, "aaaa");
}

TEST(Text, FindsAWordInAPaddedList) {
  EXPECT_TRUE(in_word_list(" van von der ", "von"));
  EXPECT_TRUE(in_word_list(" van von der ", "der"));
  EXPECT_FALSE(in_word_list(" van von der ", "vo"));
  EXPECT_FALSE(in_word_list(" van von der ", "van von"));
  EXPECT_FALSE(in_word_list(" van von der ", ""));
}

}  // namespace galley::detail
