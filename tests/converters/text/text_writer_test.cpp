#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/golden.hpp"
#include "support/model_builders.hpp"

namespace galley::test {
namespace {

TEST(TextWriter, WritesTitleThenBlocksSeparatedByBlankLines) {
  Article a;
  a.metadata.title = "  The   title ";
  a.metadata.byline = "left out";
  a.body = blocks(heading(2, text("Part")), para(text("One "), emph(text("two")), text("  three")));
  EXPECT_EQ(write_as(a, "txt"), "The title\n\nPart\n\nOne two three\n");
}

// Plain text has no images: their alt text keeps the sentence; a figure without a
// caption reads as its alt text.
TEST(TextWriter, WritesTheAltTextOfImages) {
  Article a;
  a.body = blocks(para("The tariff is ", Inline{Image{"f.png", "E = 3 \u00d7 T"}}, " per tonne."),
                  figure("chart.png", "Rainfall by month"));
  EXPECT_EQ(write_as(a, "txt"), "The tariff is E = 3 \u00d7 T per tonne.\n\nRainfall by month\n");
}

TEST(TextWriter, KeepsHardBreaksAndCodeVerbatim) {
  Article a;
  a.body = blocks(para(text("line one"), line_break(), text(" line two")),
                  code_block("  indented\n\n  code\n"));
  EXPECT_EQ(write_as(a, "txt"), "line one\nline two\n\n  indented\n\n  code\n");
}

TEST(TextWriter, MarksListItemsAndIndentsTheirContinuation) {
  Article a;
  a.body = blocks(list(true, {blocks(para(text("first")), para(text("more"))),
                              blocks(list(false, {blocks(para(text("nested")))}))}));
  EXPECT_EQ(write_as(a, "txt"), "1. first\n   more\n2. - nested\n");
}

TEST(TextWriter, WritesTablesAsTabSeparatedRows) {
  Article a;
  a.body = {Block{Table{{{blocks(para(text("a"))), blocks(para(text("b")))},
                         {blocks(), blocks(para(text("c")), para(text("d")))}},
                        1}}};
  EXPECT_EQ(write_as(a, "txt"), "a\tb\n\tc d\n");
}

TEST(TextWriter, NumbersNotesAndDropsFooterAndFurniture) {
  Article a;
  a.body = blocks(para(text("Claim"), note_ref("x"), text(" "), image("i.png", "alt")), rule());
  a.notes = {Note{"x", blocks(para(text("Source")))}};
  a.footer = blocks(para(text("Contact us")));
  a.furniture = {Furniture{2, "Page 2"}};
  EXPECT_EQ(write_as(a, "txt"), "Claim[1] alt\n\n[1] Source\n");
}

TEST(TextWriter, WritesNothingForAnEmptyArticle) { EXPECT_EQ(write_as(Article{}, "txt"), ""); }

TEST(TextWriter, PutsTheAbstractBeforeTheBodyAndTheReferencesLast) {
  Article a = article("Title", blocks(para(text("Body"), note_ref("n"))));
  a.abstract = blocks(para(text("First  finding.")), para(text("Second.")));
  a.notes = {Note{"n", blocks(para(text("Note")))}};
  Reference labelled;
  labelled.label = "12";
  labelled.text = "Roe JA. Walking.  2017.";
  Reference unlabelled;
  unlabelled.text = "WHO report.";
  a.references = {labelled, unlabelled};
  EXPECT_EQ(write_as(a, "txt"),
            "Title\n\nAbstract\n\nFirst finding.\n\nSecond.\n\nBody[1]\n\n[1] Note\n\n"
            "References\n\n[12] Roe JA. Walking. 2017.\n\nWHO report.\n");
}

}  // namespace
}  // namespace galley::test
