#include <gtest/gtest.h>

#include "../../../converters/pdf/pdf_layout.hpp"
#include "support/model_builders.hpp"

namespace galley::pdf {
namespace {

using namespace galley::test;

const std::string kProse =
    "MapReduce is a programming model and an associated implementation for processing and "
    "generating large data sets, which users specify as a map and a reduce function.";

TextBlock text_block(Block block, bool prose) {
  const std::string text = plain_text(block);
  const auto words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ') + 1);
  TextBlock out{std::move(block), words, 1, prose, false, false};
  out.size = 6.5;
  return out;
}

Article read(std::vector<TextBlock> body) {
  Selection selection;
  selection.title_page = 1;
  selection.body = std::move(body);
  Article article;
  read_scholarly(selection, article);
  for (const TextBlock& block : selection.body) article.body.push_back(block.block);
  return article;
}

TEST(ReadScholarly, TakesTheAbstractBelowTheTitleBlocksHeadings) {
  // Authors' names and institutions set as headings come before the abstract.
  const Article article =
      read({text_block(heading(2, "Michael Benedikt"), false),
            text_block(para("Oxford University, UK"), false),
            text_block(heading(2, "Google, Inc."), false),
            text_block(heading(2, "ABSTRACT"), false), text_block(para(kProse), true),
            text_block(heading(2, "1. INTRODUCTION"), false), text_block(para(kProse), true)});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(plain_text(article.abstract.front()), kProse);
  EXPECT_EQ(plain_text(article.body.front()), "Michael Benedikt");
}

TEST(ReadScholarly, EndsARunInAbstractBeforeAnAuthorLineBesideIt) {
  // Springer sets the authors and their institution beside the abstract, in full sentences.
  const Article article =
      read({text_block(para("Abstract " + kProse), true),
            text_block(para("S. Ruswandi · K. Kitani · T. Shiraishi (*)."), true),
            text_block(para("Faculty of Agriculture, Okayama University."), true),
            text_block(heading(2, "Introduction"), false)});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(plain_text(article.abstract.front()), kProse);
  EXPECT_EQ(plain_text(article.body.front()), "S. Ruswandi · K. Kitani · T. Shiraishi (*).");
  EXPECT_EQ(article.metadata.affiliations,
            (std::vector<std::string>{"Faculty of Agriculture, Okayama University."}));
}

TEST(ReadScholarly, TakesARunInAbstractInTheLanguageOfThePaper) {
  // A French paper heads its abstract "Résumé" and its English one, at the end, "Summary".
  const std::string resume =
      "Une fa\u00E7on d\u2019assister l\u2019analyse d\u2019entrep\u00F4t de donn\u00E9es "
      "repose sur l\u2019exploitation et la fouille de fichiers de logs de requ\u00EAtes.";
  const Article article =
      read({text_block(para("R\u00E9sum\u00E9. " + resume), true),
            text_block(heading(2, "1 Introduction"), false), text_block(para(kProse), true)});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(plain_text(article.abstract.front()), resume);
}

TEST(ReadScholarly, GoesOnWithAnAbstractWhereABlockStopsInMidSentence) {
  // A structured abstract whose parts the layout broke into blocks, some of them a
  // few words long; the keywords end it, and a contents list after a run-in one is
  // no part of it.
  const Article article =
      read({text_block(heading(2, "Abstract"), false),
            text_block(para("Areas of agreement: The majority of girls with TS require oestrogen "
                            "replacement, and a systematic approach to health care in"),
                       true),
            text_block(para("TS is needed."), false),
            text_block(para("Areas timely for developing research: The optimal model of care and "
                            "transi-"),
                       false),
            text_block(para("tion to adult services in TS requires attention."), true),
            text_block(para("Key words: Turner syndrome, transition, puberty"), true),
            text_block(heading(2, "Background"), false)});
  EXPECT_EQ(article.abstract.size(), 4u);
  const Article contents =
      read({text_block(para("Abstract. " + kProse), true), text_block(para("Contents"), false),
            text_block(para("1. Introduction 2. Structural measures 2.1. High-degree centrality "
                            "2.2. Closeness centrality 2.3. Betweenness centrality 2.4. "
                            "Eigenvector centrality 2.5. PageRank, and more"),
                       true)});
  EXPECT_EQ(contents.abstract.size(), 1u);
}

// A reference, so that the article reads as a paper.
const TextBlock kReferences[] = {
    text_block(heading(2, "References"), false),
    text_block(para("1. Koch, C. Biophysics of Computation (Oxford University Press, 1999)."),
               true)};

TEST(ReadScholarly, TakesTheParagraphsBeforeTheKeywordsForAnUnheadedAbstract) {
  // ACM: the abstract in small type at the head of page 2, before the classification.
  const Article article =
      read({text_block(para("Golubchik, Khanna, Khuller, Thurimella and Zhu"), false),
            text_block(para(kProse), true), text_block(para(kProse), true),
            text_block(para("Categories and Subject Descriptors: F.2.2 [Analysis of "
                            "Algorithms]: Nonnumerical Algorithms"),
                       false),
            text_block(heading(2, "1. INTRODUCTION"), false), text_block(para(kProse), true),
            kReferences[0], kReferences[1]});
  EXPECT_EQ(article.abstract.size(), 2u);
  EXPECT_EQ(plain_text(article.body.front()), "Golubchik, Khanna, Khuller, Thurimella and Zhu");
}

TEST(ReadScholarly, TakesALeadParagraphSetApartForAnUnheadedAbstract) {
  // Nature: the abstract runs across both columns, the text under it in one.
  const std::string lead = kProse + " " + kProse;
  TextBlock abstract_block = text_block(para(lead), true);
  abstract_block.width = 510;
  TextBlock first = text_block(para(lead), true);
  first.width = 245;
  TextBlock second = first;
  const Article article = read({abstract_block, first, second, kReferences[0], kReferences[1]});
  ASSERT_EQ(article.abstract.size(), 1u);
  EXPECT_EQ(article.body.size(), 2u);
  // Set like the text under it, the first paragraph is the text's own.
  abstract_block.width = 245;
  EXPECT_TRUE(
      read({abstract_block, first, second, kReferences[0], kReferences[1]}).abstract.empty());
}

TEST(ReadScholarly, ReadsANumberedListWithoutAHeading) {
  // Nature prints its list after the acknowledgements, with no heading, and a Methods
  // section after it whose one reference goes on the numbering.
  const Article article = read(
      {text_block(para("The authors declare no competing financial interests."), false),
       text_block(para("1. Koch, C. Biophysics of Computation (Oxford University Press, 1999)."),
                  true),
       text_block(para("2. Stuart, G., Spruston, N. & Hausser, M. Dendrites (Oxford University "
                       "Press, 2008)."),
                  true),
       text_block(para("3. Haider, B. & McCormick, D.A. Rapid neocortical dynamics. Neuron 62, "
                       "171-189 (2009)."),
                  true),
       [] {
         TextBlock title = text_block(para("ONLINE METHODS"), false);
         title.size = 9;
         return title;
       }(),
       text_block(para(kProse), true),
       text_block(para("4. Berens, P. CircStat: a MATLAB toolbox for circular statistics. J. "
                       "Stat. Softw. 31, 1-21 (2009)."),
                  true)});
  EXPECT_EQ(article.references.size(), 4u);
  EXPECT_EQ(article.body.size(), 3u);
  // A mark set large between a page's running head and the list goes on with it.
  TextBlock mark = text_block(para("\u00B7"), false);
  mark.size = 14.5;
  EXPECT_EQ(read({kReferences[0],
                  text_block(para("Adam, C. and Richer, F. (1994) Temporal characteristics of "
                                  "seizures. Neurology 44, 1065-1072."),
                             true),
                  mark,
                  text_block(para("Boitano, S. and Sanderson, M.J. (1992) Intercellular "
                                  "propagation of calcium waves. Science 258, 292-295."),
                             true)})
                .references.size(),
            2u);
  // Numbered steps are no references.
  EXPECT_TRUE(read({text_block(para("1. Preheat the oven to a low heat."), true),
                    text_block(para("2. Mix the flour and the water."), true),
                    text_block(para("3. Bake the bread for an hour."), true)})
                  .references.empty());
}

TEST(ReadScholarly, LooksNoFurtherThanTheFirstSection) {
  // A "Summary" under the first numbered section is the paper's own, not its abstract.
  const Article article =
      read({text_block(heading(2, "1 Introduction"), false), text_block(para(kProse), true),
            text_block(heading(2, "Summary"), false), text_block(para(kProse), true)});
  EXPECT_TRUE(article.abstract.empty());
  EXPECT_EQ(article.body.size(), 4u);
}

// A block of a reference list: `hanging` when its lines after its first are indented,
// `indented` when its first line is.
TextBlock list_block(const std::string& text, bool hanging, bool indented = false) {
  TextBlock block = text_block(para(text), true);
  block.hanging = hanging;
  block.indented = indented;
  return block;
}

std::vector<std::string> reference_texts(const Article& article) {
  std::vector<std::string> out;
  for (const Reference& ref : article.references) out.push_back(ref.text);
  return out;
}

TEST(ReadScholarly, ReadsAListSetWithHangingIndentsEntryByEntry) {
  // Full names and the year at the end (natbib's plainnat): no author-year start to
  // split on, so the layout shows where each reference opens. Two end their first line
  // with a sentence, their rest indented in a block of its own; the line after the
  // list is neither hung nor a reference.
  const Article article = read(
      {text_block(heading(2, "References"), false),
       list_block("Shuai Bai, Keqin Chen, and Junyang Lin. Qwen2.5-VL technical report.", false),
       list_block("arXiv [cs.CV], February 2025.", false, true),
       list_block("Lukas Blecher and Robert Stojnic. Nougat: Neural optical understanding for "
                  "academic documents, 2023.",
                  true),
       list_block("Mi Jian and Lei Zhang. dots.ocr:", false),
       list_block("Multilingual Document Layout Parsing, 2025.", false, true),
       list_block("DeepSeek-AI. Deepseek-ocr: Contexts optical compression, 2025. URL "
                  "https://github.com/deepseek-ai/DeepSeek-OCR.",
                  true),
       list_block("Cite this article as: Marsh et al., Journal of River Studies 2024, 3:1.",
                  false)});
  EXPECT_EQ(reference_texts(article),
            (std::vector<std::string>{
                "Shuai Bai, Keqin Chen, and Junyang Lin. Qwen2.5-VL technical report. arXiv "
                "[cs.CV], February 2025.",
                "Lukas Blecher and Robert Stojnic. Nougat: Neural optical understanding for "
                "academic documents, 2023.",
                "Mi Jian and Lei Zhang. dots.ocr: Multilingual Document Layout Parsing, 2025.",
                "DeepSeek-AI. Deepseek-ocr: Contexts optical compression, 2025. URL "
                "https://github.com/deepseek-ai/DeepSeek-OCR. Cite this article as: Marsh et "
                "al., Journal of River Studies 2024, 3:1."}));
}

TEST(ReadScholarly, KeepsTextWithoutAYearInTheAuthorYearReferenceBefore) {
  // "Water S.A." reads like an author after a full stop, but a reference has its year.
  const Article article = read(
      {text_block(heading(2, "References"), false),
       list_block("Scott, D.F., Smith, R.E., 1997. Preliminary empirical models. Water S.A. 23, "
                  "135-140.",
                  true),
       list_block("Smakhtin, V.U., 2001. Low flow hydrology: a review. Journal of Hydrology "
                  "240, 147-186.",
                  true)});
  EXPECT_EQ(reference_texts(article),
            (std::vector<std::string>{
                "Scott, D.F., Smith, R.E., 1997. Preliminary empirical models. Water S.A. 23, "
                "135-140.",
                "Smakhtin, V.U., 2001. Low flow hydrology: a review. Journal of Hydrology 240, "
                "147-186."}));
}

TEST(ReadScholarly, OpensReferencesOnlyAtLabelsInALabelledListWithHangingIndents) {
  // The authors' biographies after an IEEE list are flush paragraphs, each with an
  // indented one after it, but have no label.
  const Article article = read(
      {text_block(heading(2, "REFERENCES"), false),
       list_block("[1] E. Chang and A. Zakhor, \u201CScalable video data placement on parallel "
                  "disk arrays,\u201D in Proc. SPIE, 1994.",
                  true),
       list_block("[2] H. Vin, S. Rao, and P. Goyal, \u201COptimizing the placement of "
                  "multimedia objects,\u201D in Proc. ICMCS, 1995.",
                  true),
       list_block("Ed Chang received the B.S. degree from Purdue University in 1987.", false),
       list_block("He is currently with Digital Equipment Corporation.", false, true)});
  ASSERT_EQ(article.references.size(), 2u);
  EXPECT_TRUE(article.references[1].text.ends_with("Digital Equipment Corporation."));
}

TEST(ReadScholarly, NumbersReferencesWhoseLabelsAreSetApartWithFullStops) {
  // Labels "2." and "3." in a column of their own, the references' text after them, set
  // with hanging indents.
  const Article article = read(
      {text_block(heading(2, "References"), false),
       list_block("1. Kudsk KA, Fabian TC: Silent deep vein thrombosis. Ann Surg 1989, 210:1-9.",
                  true),
       text_block(para("2."), false), text_block(para("3."), false),
       list_block("Geerts WH, Code KI: A prospective study of venous thromboembolism. N Engl J "
                  "Med 1994, 331:1601-6.",
                  true),
       list_block("Weitz JI: Low-molecular-weight heparins. N Engl J Med 1997, 337:688-98.",
                  true)});
  std::vector<std::string> labels;
  for (const Reference& ref : article.references) labels.push_back(ref.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3"}));
}

TEST(ReadScholarly, SplitsAuthorYearReferencesWithoutAFullStopAfterTheirPages) {
  // Portland Press ends a reference with its pages; two run together when the first's
  // last line is full.
  const Article article =
      read({text_block(heading(2, "REFERENCES"), false),
            text_block(para("Peng, H., Carretero, O. A. and Rhaleb, N. E. (2003) Ac-SDKP reverses "
                            "cardiac fibrosis. Hypertension 42, 1164\u20131170 Rasoul, S. and "
                            "Peng, H. (2004) Ac-SDKP reverses inflammation. J. Hypertens. 22, "
                            "593\u2013603"),
                       true)});
  EXPECT_EQ(reference_texts(article),
            (std::vector<std::string>{
                "Peng, H., Carretero, O. A. and Rhaleb, N. E. (2003) Ac-SDKP reverses cardiac "
                "fibrosis. Hypertension 42, 1164\u20131170",
                "Rasoul, S. and Peng, H. (2004) Ac-SDKP reverses inflammation. J. Hypertens. "
                "22, 593\u2013603"}));
}

// ---- affiliations and which are whose --------------------------------------------

// A paper whose title page holds the author list `authors` and the affiliation blocks,
// read as the PDF reader does: front matter, then the scholarly parts.
Metadata paper_front(TextBlock authors, const std::vector<TextBlock>& affiliations) {
  Selection selection;
  selection.title_page = 1;
  selection.body.push_back(std::move(authors));
  selection.body.insert(selection.body.end(), affiliations.begin(), affiliations.end());
  selection.body.push_back(text_block(heading(2, "Abstract"), false));
  selection.body.push_back(text_block(para(kProse), true));
  Article article;
  read_front_matter(selection, article.metadata, DateOrder::Auto);
  read_scholarly(selection, article);
  return article.metadata;
}

// A block whose raised markers were dropped from its text into its marks.
TextBlock marked_block(const std::string& text, std::vector<Mark> marks) {
  TextBlock block = text_block(para(text), false);
  block.markers = true;
  block.marks = std::move(marks);
  return block;
}

std::vector<std::vector<int>> affiliations_of(const Metadata& metadata) {
  std::vector<std::vector<int>> out;
  for (const Person& author : metadata.authors) out.push_back(author.affiliations);
  return out;
}

TEST(ReadAffiliations, LinksAuthorsByRaisedLetters) {
  // Elsevier: "Lane" over "a,c,", then "*," in body type; each affiliation opened by a
  // raised letter, two of them run on as one paragraph.
  const Metadata metadata = paper_front(
      marked_block("Patrick Lane*, Alice Best, Lu Zhang",
                   {{12, "a,c,", false}, {25, "b,c,d", false}, {35, "b,c", false}}),
      {marked_block("School of Forest Studies, University of Melbourne, Australia",
                    {{0, "a", true}}),
       marked_block("CSIRO Division of Land and Water, Canberra, Australia Cooperative "
                    "Research Centre for Hydrology, Canberra, Australia",
                    {{0, "b", true}, {54, "c", true}}),
       marked_block("Department of Civil Engineering, University of Melbourne, Australia",
                    {{0, "d", true}})});
  EXPECT_EQ(metadata.affiliations,
            (std::vector<std::string>{
                "School of Forest Studies, University of Melbourne, Australia",
                "CSIRO Division of Land and Water, Canberra, Australia",
                "Cooperative Research Centre for Hydrology, Canberra, Australia",
                "Department of Civil Engineering, University of Melbourne, Australia"}));
  // "*" marks the corresponding author and opens no affiliation.
  EXPECT_EQ(affiliations_of(metadata), (std::vector<std::vector<int>>{{0, 2}, {1, 2, 3}, {1, 2}}));
}

TEST(ReadAffiliations, LinksAuthorsByNumbersGluedToTheirNamesAndARunInList) {
  // PLOS: the affiliations numbered in one paragraph.
  const Metadata metadata = paper_front(
      text_block(para("Jane Doe1,2*, John Roe2 and Ann Lee3"), false),
      {text_block(para("1 Department of Geography, University of Millbrook, Millbrook, UK, 2 "
                       "Institute of Water Research, Valley College, Eastford, UK, 3 School "
                       "of Law, Valley College, Eastford, UK"),
                  false)});
  EXPECT_EQ(
      metadata.affiliations,
      (std::vector<std::string>{"Department of Geography, University of Millbrook, Millbrook, UK",
                                "Institute of Water Research, Valley College, Eastford, UK",
                                "School of Law, Valley College, Eastford, UK"}));
  EXPECT_EQ(affiliations_of(metadata), (std::vector<std::vector<int>>{{0, 1}, {1}, {2}}));
}

TEST(ReadAffiliations, LinksAuthorsBySymbols) {
  const Metadata metadata = paper_front(
      marked_block("Ross DOUGLAS, Rajni SHARMA and Lizelle LUBBE",
                   {{12, "\u22171", false}, {26, "\u20201", false}, {44, "\u2217", false}}),
      {marked_block("Institute of Infectious Disease, University of Cape Town",
                    {{0, "\u2217", true}}),
       text_block(para("\u2020Department of Chemistry, University of Cape Town"), false)});
  // "1" ("These authors contributed equally") opens no affiliation.
  EXPECT_EQ(affiliations_of(metadata), (std::vector<std::vector<int>>{{0}, {1}, {0}}));
}

TEST(ReadAffiliations, LinksNothingByAMarkerThatOpensNoneOrSeveral) {
  const TextBlock authors = text_block(para("Jane Doe1, John Roe2, Ann Lee3"), false);
  const Metadata metadata = paper_front(
      authors, {text_block(para("1 Department of Geography, University of Millbrook"), false),
                text_block(para("2 Institute of Water Research, Valley College"), false),
                text_block(para("2 School of Law, Valley College"), false)});
  EXPECT_EQ(metadata.affiliations.size(), 3u);
  EXPECT_EQ(affiliations_of(metadata), (std::vector<std::vector<int>>{{0}, {}, {}}));
}

TEST(ReadAffiliations, GivesOneUnmarkedAffiliationToEveryAuthorAndAMarkedOneByItsMarker) {
  const TextBlock affiliation =
      text_block(para("Department of Geography, University of Millbrook"), false);
  EXPECT_EQ(
      affiliations_of(paper_front(text_block(para("Jane Doe, John Roe"), false), {affiliation})),
      (std::vector<std::vector<int>>{{0}, {0}}));
  EXPECT_EQ(affiliations_of(paper_front(
                text_block(para("Jane Doe1, John Roe"), false),
                {text_block(para("1 Department of Geography, University of Millbrook"), false)})),
            (std::vector<std::vector<int>>{{0}, {}}));
}

TEST(ReadAffiliations, TakesNoBlockThatHoldsMoreThanAffiliations) {
  const Metadata metadata = paper_front(
      text_block(para("Jane Doe1, John Roe2"), false),
      {text_block(para("1 Department of Geography, University of Millbrook, 2 we thank the "
                       "council for its help with the survey"),
                  false)});
  EXPECT_TRUE(metadata.affiliations.empty());
}

// ---- a paper's month or year from its meeting and copyright lines ------------------

// The date read_scholarly gives a paper whose title page holds `lines` (and the
// furniture of its pages), as metadata.datetime.
std::string venue_date(const std::vector<std::string>& lines,
                       const std::vector<Furniture>& furniture = {}) {
  std::vector<TextBlock> body;
  for (const std::string& line : lines) body.push_back(text_block(para(line), false));
  body.push_back(text_block(para(kProse), true));
  body.push_back(kReferences[0]);
  body.push_back(kReferences[1]);
  Selection selection;
  selection.title_page = 1;
  selection.body = std::move(body);
  Article article;
  article.furniture = furniture;
  read_scholarly(selection, article);
  EXPECT_FALSE(article.metadata.date);
  return article.metadata.datetime.value_or("none");
}

TEST(ReadVenueDate, TakesTheMonthOfTheMeetingOfAProceedingsLine) {
  // ACL: the line broken after a comma; the copyright's "©" lost from the text layer.
  EXPECT_EQ(venue_date({"Proceedings of the 52nd Annual Meeting of the Association for "
                        "Computational Linguistics, pages 624\u2013633,",
                        "Baltimore, Maryland, USA, June 23-25 2014. c 2014 Association for "
                        "Computational Linguistics"}),
            "2014-06");
  // VLDB: the meeting in the permission notice, the copyright in a line of its own.
  EXPECT_EQ(venue_date({"Permission to make digital or hard copies of all or part of this work "
                        "is granted without fee. Articles from this volume were presented at "
                        "The 36th International Conference on Very Large Data Bases, September "
                        "13-17, 2010, Singapore. Proceedings of the VLDB Endowment, Vol. 3, No. 1",
                        "Copyright 2010 VLDB Endowment 2150-8097/10/09... $ 10.00."}),
            "2010-09");
}

TEST(ReadVenueDate, TakesTheMonthAfterAMeetingsAcronymWithItsYear) {
  EXPECT_EQ(venue_date({"PODS'10, June 6\u201311, 2010, Indianapolis, Indiana, USA. Copyright "
                        "2010 ACM 978-1-4503-0033-9/10/06 ...$10.00."}),
            "2010-06");
  // "IT'S" names no meeting, nor does a date without one.
  EXPECT_EQ(venue_date({"IT'10 ended. Singapore, September 13-17, 2010."}), "none");
}

TEST(ReadVenueDate, TakesTheYearOfACopyrightLine) {
  EXPECT_EQ(venue_date({"0022-1694/$ - see front matter q 2005 Elsevier B.V. All rights "
                        "reserved."}),
            "2005");
  EXPECT_EQ(venue_date({"978-1-4673-5208-6/13/$31.00 \u00A92013 IEEE"}), "2013");
  EXPECT_EQ(venue_date({"\u00A9 The Author 2014. Published by Oxford University Press."}), "2014");
  // In the running footer of the title page, not of the pages after it.
  EXPECT_EQ(venue_date({}, {{1, "\u00A9 2011 Nature America, Inc. All rights reserved."}}), "2011");
  EXPECT_EQ(venue_date({}, {{2, "\u00A9 2011 Nature America, Inc. All rights reserved."}}), "none");
}

TEST(ReadVenueDate, KeepsTheYearOfTheCopyrightWhereTheMeetingIsAnotherYears) {
  // The journal version of a conference paper.
  EXPECT_EQ(venue_date({"Presented at the 12th Symposium on Rivers, June 2009.",
                        "Copyright 2011 ACM 0000-0000/2011/0000-0001 $5.00"}),
            "2011");
}

TEST(ReadVenueDate, TakesNoDateOfAnotherWorkOrOfLinesThatDisagree) {
  EXPECT_EQ(venue_date({"A preliminary version of this paper was presented at the ACM-SIAM "
                        "Symposium on Discrete Algorithms, January 2000."}),
            "none");
  EXPECT_EQ(venue_date({"Figure 1: The river in flood. Copyright 2008 IEEE."}), "none");
  EXPECT_EQ(venue_date({"Reprinted with permission. \u00A9 2008 Elsevier."}), "none");
  EXPECT_EQ(venue_date({"c 20YY ACM 0000-0000/20YY/0000-0001 $5.00"}), "none");
  EXPECT_EQ(venue_date({"Copyright 2010 VLDB Endowment", "\u00A9 2012 Elsevier B.V."}), "none");
  // "Received" and "Downloaded" lines name neither a meeting nor a copyright.
  EXPECT_EQ(venue_date({"Received 1 October 2003; accepted 3 January 2005"},
                       {{1, "Downloaded from https://academic.oup.com on 24 October 2020"}}),
            "none");
}

TEST(ReadVenueDate, LeavesADocumentThatIsNoPaperAndAKnownDateAlone) {
  Selection selection;
  selection.title_page = 1;
  selection.body = {text_block(para("Copyright 2010 IBM Corporation"), false)};
  Article report;
  read_scholarly(selection, report);
  EXPECT_FALSE(report.metadata.datetime);

  selection.body.push_back(kReferences[0]);
  selection.body.push_back(kReferences[1]);
  Article dated;
  dated.metadata.date = std::chrono::year{2011} / 3 / 4;
  read_scholarly(selection, dated);
  EXPECT_FALSE(dated.metadata.datetime);
}

}  // namespace
}  // namespace galley::pdf
