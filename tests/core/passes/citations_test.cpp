#include <galley/recover.hpp>

#include <gtest/gtest.h>

namespace galley {
namespace {

// The references as a reader numbers them: ids ref-1, ref-2, ...
std::vector<Reference> reference_list(std::initializer_list<const char*> printed) {
  std::vector<Reference> refs;
  for (const char* text : printed) {
    refs.push_back(parse_reference(text));
    refs.back().id = "ref-" + std::to_string(refs.size());
  }
  return refs;
}

// The paragraph's inlines written back with each link as "{text->url}".
std::string marked(const Inlines& inlines) {
  std::string out;
  for (const Inline& node : inlines) {
    if (const auto* text = std::get_if<Text>(&node.node)) out += text->text;
    if (const auto* link = std::get_if<Link>(&node.node)) {
      out += "{" + marked(link->children) + "->" + link->url + "}";
    }
    if (const auto* emphasis = std::get_if<Emphasis>(&node.node)) {
      out += "_" + marked(emphasis->children) + "_";
    }
  }
  return out;
}

std::string linked(const std::vector<Reference>& refs, Inlines paragraph) {
  Article article;
  article.references = refs;
  article.body.push_back(Block{Paragraph{std::move(paragraph)}});
  Diagnostics diag;
  link_citations(article, {}, diag);
  return marked(std::get<Paragraph>(article.body.front().node).inlines);
}

std::string linked(const std::vector<Reference>& refs, const std::string& text) {
  return linked(refs, Inlines{Inline{Text{text}}});
}

const std::vector<Reference>& numbered() {
  static const auto refs = reference_list(
      {"[1] A. Smith, \u201CFirst,\u201D J. X, 2001.", "[2] B. Jones, \u201CSecond,\u201D 2002.",
       "[3] C. Roe, \u201CThird,\u201D 2003.", "[4] D. Poe, \u201CFourth,\u201D 2004."});
  return refs;
}

const std::vector<Reference>& author_year() {
  static const auto refs = reference_list(
      {"Yang Z. 2007. PAML 4: phylogenetic analysis by maximum likelihood. Mol Biol Evol 24:1586.",
       "Yang Z, Dos Reis M. 2011. Statistical properties of the branch-site test. Mol Biol Evol "
       "28:1217.",
       "Swanson WJ, Yang Z, Wolfner MF, Aquadro CF. 2001. Positive Darwinian selection. PNAS "
       "98:2509.",
       "van der Berg, J. (2019a). Rivers. Journal of Water, 3, 1-9.",
       "van der Berg, J. (2019b). Lakes. Journal of Water, 3, 10-19.",
       "Smith, J., & Doe, A. (2015). Hills. Journal of Land, 1, 1-5.",
       "Smith, J., & Roe, B. (2015). Dales. Journal of Land, 1, 6-9."});
  return refs;
}

TEST(LinkCitations, LinksEachNumberOfANumberedCitation) {
  EXPECT_EQ(linked(numbered(), "as shown [2] and [1, 3]."),
            "as shown [{2->#ref-2}] and [{1->#ref-1}, {3->#ref-3}].");
  EXPECT_EQ(linked(numbered(), "before [1\u20133;4]"),
            "before [{1->#ref-1}\u2013{3->#ref-3};{4->#ref-4}]");
}

TEST(LinkCitations, LeavesNumbersThatAreNoCitationsAlone) {
  for (const char* text : {"the interval [0, 1]", "see [5]", "a range [3-1]", "x[2 + 1]",
                           "in (2) and [2, 9]", "Table (3)"}) {
    EXPECT_EQ(linked(numbered(), text), text) << text;
  }
}

TEST(LinkCitations, LinksPrintedKeys) {
  const auto refs = reference_list({"[Smi17] J. Smith. A study. 2017.",
                                    "[Brin, 1998] S. Brin. Extracting patterns. WebDB, 1998.",
                                    "[Agichtein and Gravano, 2000] E. Agichtein and L. Gravano. "
                                    "Snowball. DL, 2000."});
  EXPECT_EQ(linked(refs, "[Smi17]"), "[{Smi17->#ref-1}]");
  EXPECT_EQ(linked(refs, "systems [Agichtein and Gravano, 2000; Brin, 1998] learn"),
            "systems [{Agichtein and Gravano, 2000->#ref-3}; {Brin, 1998->#ref-2}] learn");
}

TEST(LinkCitations, LinksParentheticalAuthorYear) {
  EXPECT_EQ(linked(author_year(), "in PAML (Yang, 2007)."), "in PAML ({Yang, 2007->#ref-1}).");
  EXPECT_EQ(linked(author_year(), "(e.g., Swanson et al., 2001; Yang & Dos Reis, 2011)"),
            "(e.g., {Swanson et al., 2001->#ref-3}; {Yang & Dos Reis, 2011->#ref-2})");
  EXPECT_EQ(linked(author_year(), "(van der Berg, 2019a, 2019b)"),
            "({van der Berg, 2019a->#ref-4}, {2019b->#ref-5})");
}

TEST(LinkCitations, LinksThePartsOfAGroupThatNameAReference) {
  EXPECT_EQ(linked(author_year(), "(Jones, 2001; Yang, 2007)"),
            "(Jones, 2001; {Yang, 2007->#ref-1})");
}

// Reference styles the field parser does not know still print the first author's
// surname before the first comma.
TEST(LinkCitations, FindsTheFirstAuthorInThePrintedText) {
  std::vector<Reference> refs(2);
  refs[0].id = "ref-1";
  refs[0].text = "Shachnai, H. and Tamir, T. 2000a. On two problems. Algorithmica.";
  refs[0].year = "2000a";
  refs[1].id = "ref-2";
  refs[1].text = "E. Agichtein and L. Gravano, Snowball: extracting relations, DL, 2000.";
  refs[1].year = "2000";
  EXPECT_EQ(linked(refs, "of [Shachnai and Tamir 2000a]"),
            "of [{Shachnai and Tamir 2000a->#ref-1}]");
  EXPECT_EQ(linked(refs, "(Agichtein, 2000)"), "(Agichtein, 2000)");
}

TEST(LinkCitations, LinksTheYearsOfANarrativeCitation) {
  EXPECT_EQ(linked(author_year(), "Swanson et al. (2001) found"),
            "Swanson et al. ({2001->#ref-3}) found");
  EXPECT_EQ(linked(author_year(), "as Smith and Roe (2015) say"),
            "as Smith and Roe ({2015->#ref-7}) say");
}

TEST(LinkCitations, LeavesAmbiguousAndUnknownCitationsAlone) {
  for (const char* text : {"(Smith, 2015)", "Smith (2015)", "(Jones, 2007)", "(Yang, 2008)",
                           "in (2007)", "(Yang, 2007, p. 12)"}) {
    EXPECT_EQ(linked(author_year(), text), text) << text;
  }
}

TEST(LinkCitations, LooksIntoEmphasisButNotIntoLinks) {
  Inlines inlines{Inline{Text{"see "}}, Inline{Emphasis{{Inline{Text{"Yang (2007)"}}}}},
                  Inline{Link{{Inline{Text{"[1]"}}}, "https://example.org/"}}};
  EXPECT_EQ(linked(author_year(), inlines),
            "see _Yang (_{_2007_->#ref-1}_)_{[1]->https://example.org/}");
}

// Fonts set "et al." in italics, and PDF readers may carry the italics on.
TEST(LinkCitations, LinksACitationAcrossEmphasis) {
  Inlines inlines{Inline{Text{"in mammals (Swanson "}},
                  Inline{Emphasis{{Inline{Text{"et al., 2001), and"}}}}}, Inline{Text{" more"}}};
  EXPECT_EQ(linked(author_year(), inlines),
            "in mammals ({Swanson _et al., 2001_->#ref-3}_), and_ more");
}

TEST(LinkCitations, NumbersAListPrintedWithoutLabelsInItsOrder) {
  auto refs = numbered();
  for (Reference& ref : refs) ref.label.clear();
  EXPECT_EQ(linked(refs, "as [2, 4] show"), "as [{2->#ref-2}, {4->#ref-4}] show");
  refs[0].label = "Smi17";
  EXPECT_EQ(linked(refs, "as [2, 4] show"), "as [2, 4] show");
}

TEST(LinkCitations, NeedsAReferenceToLinkTo) {
  std::vector<Reference> refs = numbered();
  refs[1].id.clear();
  EXPECT_EQ(linked(refs, "[2]"), "[2]");
  EXPECT_EQ(linked({}, "[2]"), "[2]");
}

}  // namespace
}  // namespace galley
