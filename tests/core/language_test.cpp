#include "detail/language.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(LanguageTag, NormalisesWellFormedTags) {
  EXPECT_EQ(normalize_language_tag("en"), "en");
  EXPECT_EQ(normalize_language_tag(" EN_us "), "en-US");
  EXPECT_EQ(normalize_language_tag("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(normalize_language_tag("es-419"), "es-419");
  EXPECT_EQ(normalize_language_tag("de-CH-1901"), "de-CH-1901");
  EXPECT_EQ(normalize_language_tag("en-a-bbb-x-private"), "en-a-bbb-x-private");
  EXPECT_EQ(normalize_language_tag("x-klingon"), "x-klingon");
}

TEST(LanguageTag, RefusesMalformedTags) {
  EXPECT_EQ(normalize_language_tag(""), std::nullopt);
  EXPECT_EQ(normalize_language_tag("english language"), std::nullopt);
  EXPECT_EQ(normalize_language_tag("en-"), std::nullopt);
  EXPECT_EQ(normalize_language_tag("e"), std::nullopt);
  EXPECT_EQ(normalize_language_tag("en-US-US"), std::nullopt);
  EXPECT_EQ(normalize_language_tag("en-a"), std::nullopt);
  EXPECT_EQ(normalize_language_tag("fr\"><x"), std::nullopt);
}

TEST(LanguageTag, KnowsRightToLeftLanguages) {
  EXPECT_TRUE(is_rtl_language("ar"));
  EXPECT_TRUE(is_rtl_language("he-IL"));
  EXPECT_TRUE(is_rtl_language("fa"));
  EXPECT_TRUE(is_rtl_language("ur-PK"));
  EXPECT_TRUE(is_rtl_language("az-Arab"));
  EXPECT_FALSE(is_rtl_language("en"));
  EXPECT_FALSE(is_rtl_language("az"));
  EXPECT_FALSE(is_rtl_language("ar-Latn"));
  EXPECT_FALSE(is_rtl_language("und"));
}

}  // namespace
}  // namespace galley::detail
