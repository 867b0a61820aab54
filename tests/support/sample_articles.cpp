#include "support/sample_articles.hpp"

#include "support/model_builders.hpp"

namespace galley::test {

using namespace std::chrono;

const char* const kPngDataUri =
    "data:image/"
    "png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
    "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

Article rich_article() {
  Article a =
      article("Rivers of the North",
              {
                  para("The ", emph("longest"), " rivers are ", strong("shared"), " by ", code("n"),
                       " countries", note_ref("n1"), "."),
                  heading(1, "Sources"),
                  para("See ", link("https://example.org/rivers?a=1&b=2", "the atlas"), " or ",
                       link("mailto:editor@example.org", "write"), ".", line_break(), "New line."),
                  heading(2, "Glaciers"),
                  list(false, {{para("ice")}, {para("snow"), para("rain")}}),
                  list(true, {{para("first")}, {list(false, {{para("nested")}})}}),
                  quote(para("Rivers are roads that move."), para("— Pascal")),
                  code_block("for r in rivers:\n    print(r)\n", "python"),
                  figure(kPngDataUri, "a dot", "A very small map", note_ref("n2")),
                  heading(1, "Numbers"),
                  table({{{para("River")}, {para("Length")}},
                         {{para("Ob")}, {para("3650 km")}},
                         {{para("Lena")}, {para("4400"), para("km")}}},
                        1),
                  rule(),
                  para("Inline image ", image(kPngDataUri, "dot"), " ends here."),
              });
  Metadata& m = a.metadata;
  m.subtitle = "A survey";
  m.byline = "Ann Lee and Jan van Dijk";
  m.authors = {{"Ann Lee"}, {"Jan van Dijk"}};
  m.date = year_month_day(year(2021), month(3), day(14));
  m.datetime = "2021-03-14T09:30:00Z";
  m.site_name = "Northern Review";
  m.publisher = "Northern Press";
  m.lang = "en-GB";
  m.url = "https://example.org/rivers";
  m.description = "Where the rivers of the north begin.";
  a.notes = {{"n1", {para("Counted in 2020.")}}, {"n2", {para("Not to scale.")}}};
  a.footer = {para("© 2021 Northern Press. ", link("https://example.org/about", "About us"))};
  return a;
}

Article hostile_article() {
  Article a = article(
      "Tom & Jerry <script>alert(1)</script> \"quoted\" \x01\x1f",
      {
          heading(1, "A < B && C > D"),
          para("nul\x01 bell\x07 vt\x0b del\x7f c1\xc2\x85 fffe\xef\xbf\xbe ffff\xef\xbf\xbf end"),
          para("bad utf8 \xff\xfe surrogate \xed\xa0\x80 overlong \xc0\xaf kept \xef\xbf\xbd"),
          para(link("javascript:alert(1)", "js"), " ", link("vbscript:x", "vb"), " ",
               link("data:text/html,<b>x</b>", "data"), " ", link("#frag", "fragment"), " ",
               link("relative/page.html", "relative")),
          para(link("https://example.org/a b?q=\"x\"&y=<z>#f#g", "outer ",
                    link("https://example.org/inner", "inner"), note_ref("n1"))),
          para("missing", note_ref("nope")),
          para(image("https://example.org/remote.png", "remote"),
               image("data:image/png;base64,AAAA", "not a png"),
               image("data:image/svg+xml,<svg/>", "svg")),
          figure("missing.jpg", "gone", "The caption stays"),
          figure("missing2.jpg", "gone"),
          heading(7, "too deep"),
          heading(0, "too shallow"),
          heading(1, "\x01\x02"),
          table({}, 3),
          table({{{para("a")}, {}}, {{para("b")}}}, 5),
          list(false, {}),
          list(false, {{}}),
          quote(),
          code_block("x < y && z\n\x01]]>\n"),
      });
  Metadata& m = a.metadata;
  m.authors = {{"<b>Eve</b> & Mallory"}, {""}, {"de la Cruz, Juan"}};
  m.byline = "<b>Eve</b> & Mallory";
  m.lang = "not a language!";
  m.site_name = "R&D <Weekly>";
  m.url = "https://example.org/?a=1&b=<2>";
  m.description = "\x01";
  m.date = year_month_day(year(2021), month(2), day(30));
  a.notes = {{"n1", {para("one & only")}},
             {"n1", {para("duplicate id")}},
             {"n3", {}},
             {"n4", {quote(para("quoted note")), code_block("code")}}};
  a.footer = {heading(2, "Footer heading"), list(false, {{para("Contact")}, {para("Privacy")}})};
  return a;
}

Article rtl_article() {
  Article a = article("مقالة عن الأنهار", {para("الأنهار ", strong("طويلة"), note_ref("a")),
                                           heading(1, "المصادر"), para("نص ", emph("مائل"), ".")});
  a.metadata.lang = "ar_EG";
  a.metadata.authors = {{"أحمد علي"}};
  a.metadata.date = year_month_day(year(2019), month(12), day(1));
  a.notes = {{"a", {para("حاشية")}}};
  return a;
}

Article scholarly_article() {
  Article a = article("Walking speed after stroke",
                      {heading(2, "Introduction"), para("Stroke disables [1]."), heading(3, "Aims"),
                       para("To measure gait.")});
  a.abstract = {para("Background: ", emph("gait"), " predicts independence."),
                heading(1, "Results"), para("Faster walkers < 1 in 4 & more.")};
  Metadata& m = a.metadata;
  m.lang = "en";
  m.description = "Gait after stroke.";
  m.keywords = {"stroke", "", "gait & <speed>"};
  m.affiliations = {"Example University, Dublin", "Example Hospital & Clinic"};
  m.authors = {{"Helen Burke", {0, 1}, "helen@example.edu", "0000-0002-1825-0097"},
               {"de la Cruz, Juan", {1, 7, -1}},
               {"Li Wei"}};
  m.identifiers = {{"doi", "10.1155/2010/157939"}, {"arxiv", "1001.0001"},
                   {"pmcid", "PMC1234567"},        {"issn", "2090-2867"},
                   {"isbn", "978-3-16-148410-0"},  {"handle", "not written"}};
  m.container = Container{"Rehabilitation Research & Practice", "126", "4", "e118"};
  m.license = License{"CC BY <3.0>", "javascript:alert(1)"};
  Reference full;
  full.id = "ref-1";
  full.label = "1";
  full.text = "Roe JA, Yang Z. Walking. Stroke Res. 2017;126(4):305-313.";
  full.authors = {"Roe JA", "Yang Z"};
  full.year = "2017";
  full.title = "Walking";
  full.container = "Stroke Res";
  full.volume = "126";
  full.issue = "4";
  full.pages = "305-313";
  full.doi = "10.1000/xyz";
  full.url = "https://example.org/webb";
  Reference text_only;
  text_only.id = "ref-2";
  text_only.text = "WHO & partners <report>, 2015.";
  Reference printed_pages;
  printed_pages.id = "ref-3";
  printed_pages.label = "Smith 2019a";
  printed_pages.text = "Smith J. Pages as printed. 2019:S1 to S9.";
  printed_pages.year = "2019a";
  printed_pages.pages = "S1 to S9";
  a.references = {full, text_only, printed_pages};
  return a;
}

Article empty_article() { return Article{}; }

std::vector<NamedArticle> sample_articles() {
  return {{"rich", rich_article()},
          {"hostile", hostile_article()},
          {"rtl", rtl_article()},
          {"scholarly", scholarly_article()},
          {"empty", empty_article()}};
}

}  // namespace galley::test
