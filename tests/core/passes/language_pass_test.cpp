#include <galley/recover.hpp>

#include <gtest/gtest.h>

#include "support/model_builders.hpp"

namespace galley {
namespace {

using namespace galley::test;

std::string detected(std::string_view text) { return detect_language(text).value_or("none"); }

TEST(DetectLanguage, NamesCommonLanguagesAsBcp47Tags) {
  EXPECT_EQ(detected("The combined effects of an ageing population and advances in treatments "
                     "for acute myocardial infarction have resulted in heart failure."),
            "en");
  EXPECT_EQ(detected("Zázrak jedné sezony? West Ham dává pochybovačům stále pádnější odpovědi a "
                     "fotbalový svět si začíná uvědomovat."),
            "cs");
  EXPECT_EQ(detected("Olá, este é um artigo sobre ciência e tecnologia no Brasil, escrito para "
                     "os leitores do jornal."),
            "pt");
  EXPECT_EQ(detected("這是一個關於科學和技術的文章，我們討論了很多問題。"), "zh-Hant");
}

TEST(DetectLanguage, UsesCurrentCodesForRenamedLanguages) {
  // CLD2 says "iw", withdrawn from ISO 639 in 1989.
  EXPECT_EQ(detected("שלום עולם, זהו מאמר על מדע וטכנולוגיה בישראל ועל החוקרים שעובדים בו"), "he");
}

TEST(DetectLanguage, SaysNothingWithoutEnoughEvidence) {
  EXPECT_EQ(detected(""), "none");
  EXPECT_EQ(detected("Hi"), "none");
  EXPECT_EQ(detected("12 345 678 — 3.14 % 2022-01-30"), "none");
}

TEST(DetectLanguage, ToleratesInvalidUtf8) {
  EXPECT_EQ(detected("Der schnelle braune Fuchs springt \xff\xfe über den faulen Hund, und die "
                     "Katze schläft den ganzen Tag im Garten."),
            "de");
}

TEST(RecoverLanguage, FillsOnlyWhatTheSourceDidNotSay) {
  Article article;
  article.body =
      blocks(para(text("Der schnelle braune Fuchs springt über den faulen Hund, und "
                       "die Katze schläft den ganzen Tag im Garten.")));
  Diagnostics diag;
  recover_language(article, {}, diag);
  EXPECT_EQ(article.metadata.lang, "de");
  article.metadata.lang = "en-GB";  // a page that declares its language is believed
  recover_language(article, {}, diag);
  EXPECT_EQ(article.metadata.lang, "en-GB");
}

TEST(RecoverLanguage, JudgesTheArticleNotItsFooterOrCode) {
  Article article;
  article.body = blocks(para(text("Olá, este é um artigo sobre ciência e tecnologia no Brasil, "
                                  "escrito para os leitores do jornal.")),
                        code_block("int main() { return 0; } // the English comment here is long "
                                   "enough to outweigh the article if it were counted at all",
                                   "cpp"));
  article.footer =
      blocks(para(text("Contact us about advertising, subscriptions and the terms "
                       "of use of this website and all of its content.")));
  Diagnostics diag;
  recover_language(article, {}, diag);
  EXPECT_EQ(article.metadata.lang, "pt");
}

}  // namespace
}  // namespace galley
