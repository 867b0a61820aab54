#include <galley/recover.hpp>

#include <gtest/gtest.h>

namespace galley {
namespace {

using Strings = std::vector<std::string>;

// ---- headings ---------------------------------------------------------------

TEST(IsReferenceHeading, NamesTheListInItsLanguages) {
  for (const char* heading :
       {"References", "REFERENCES", "7 References", "VII. REFERENCES",
        "References:", "Bibliography", "Literature Cited", "Works Cited", "R\u00E9f\u00E9rences",
        "R\u00C9F\u00C9RENCES", "Literatur", "Referencias"}) {
    EXPECT_TRUE(is_reference_heading(heading)) << heading;
  }
}

TEST(IsReferenceHeading, RefusesSentencesAndOtherSections) {
  for (const char* text :
       {"Introduction", "References to the river in local songs", "The references were checked.",
        "Acknowledgements", "Literature review"}) {
    EXPECT_FALSE(is_reference_heading(text)) << text;
  }
}

// ---- where a reference starts --------------------------------------------------

TEST(StartsReference, LabelsAndAuthorNames) {
  for (const char* text :
       {"[12] A. Smith, \u201CTitle,\u201D 2001.", "12. Smith J. Title.", "(3) Roe, L. (2001)",
        "4 Bergmann, R., Liljefors, T. (2009)", "[Smi17] Smith, J.", "Smith, J. (2010). Title.",
        "Roe JA, Doe ZN. 2015.", "J. Smith, K. Jones, and L. Roe, \u201CTitle,\u201D",
        "van der Berg, J.-P. (2004)", "Dos Reis M, Yang Z. 2011.",
        "[Brin, 1998] S. Brin. Extracting patterns.",
        "Alexandr Andoni and Piotr Indyk. 2008. Near-optimal hashing.",
        "Peter D. Turney and Patrick Pantel. 2010. From frequency to meaning."}) {
    EXPECT_TRUE(starts_reference(text)) << text;
  }
}

TEST(StartsReference, RefusesContinuations) {
  for (const char* text :
       {"2015. Adaptive evolution as a predictor.", "DOI 10.1093/molbev/mss256.",
        "a suite of phylogenetic analysis tools", "J. Hypertens. 29, 330-338",
        "The river was straightened.", "\u201CPredictors of noncompliance,\u201D",
        "(1997) The glial network.", "The Millbrook survey. 2008. Council.",
        "Agron. 1999; 10: 23-36.", "Metabol. Eng. 2002; 4: 49-56."}) {
    EXPECT_FALSE(starts_reference(text)) << text;
  }
}

// ---- splitting --------------------------------------------------------------------

TEST(SplitReferenceList, NumberedInSequence) {
  EXPECT_EQ(split_reference_list("[1] A. Smith, \u201COne,\u201D 2001. [2] B. Jones, \u201CTwo "
                                 "cites [7],\u201D 2002. [3] C. Roe, \u201CThree,\u201D 2003."),
            (Strings{"[1] A. Smith, \u201COne,\u201D 2001.",
                     "[2] B. Jones, \u201CTwo cites [7],\u201D 2002.",
                     "[3] C. Roe, \u201CThree,\u201D 2003."}));
  EXPECT_EQ(split_reference_list("11. Weitz JI: Low-molecular-weight heparins. N Engl J Med 1997, "
                                 "337:688-98. 12. Geerts WH, Pineo GF: Prevention. Chest 2004."),
            (Strings{"11. Weitz JI: Low-molecular-weight heparins. N Engl J Med 1997, 337:688-98.",
                     "12. Geerts WH, Pineo GF: Prevention. Chest 2004."}));
}

TEST(SplitReferenceList, SplitsALabelOutOfSequenceBeforeAnAuthor) {
  // Columns read out of order put 20 after 43; a finished reference and an author's
  // name around it make it a label all the same.
  EXPECT_EQ(split_reference_list("43. Holroyd CR, Davies JH. Bone density. Osteoporos Int "
                                 "2010;21:2093-9. 20. Janfaza M, Sherman TI. Estradiol levels. "
                                 "J Pediatr 2006;19:901-9."),
            (Strings{"43. Holroyd CR, Davies JH. Bone density. Osteoporos Int 2010;21:2093-9.",
                     "20. Janfaza M, Sherman TI. Estradiol levels. J Pediatr 2006;19:901-9."}));
}

TEST(SplitReferenceList, CiteKeys) {
  EXPECT_EQ(
      split_reference_list("[Brin, 1998] S. Brin. Patterns. In WebDB, 1998. [Agichtein and "
                           "Gravano, 2000] E. Agichtein and L. Gravano. Snowball. 2000."),
      (Strings{"[Brin, 1998] S. Brin. Patterns. In WebDB, 1998.",
               "[Agichtein and Gravano, 2000] E. Agichtein and L. Gravano. Snowball. 2000."}));
}

TEST(SplitReferenceList, KeepsNumbersInsideAReference) {
  // "vol. 2" and the page range are not the next label; "3." after a comma is not.
  const char* one = "1. Smith J. Rivers, 2. ed. London: Press; 2001. p. 2. 3 Suppl, 3. Chapter.";
  EXPECT_EQ(split_reference_list(one), Strings{one});
  const char* bracket = "[5] A. Smith, \u201CSee [6] and [7],\u201D J. X, vol. 6, 2001.";
  EXPECT_EQ(split_reference_list(bracket), Strings{bracket});
}

TEST(SplitReferenceList, AuthorYearAtANameAfterAFinishedReference) {
  EXPECT_EQ(split_reference_list("Blackburne BP, Whelan S. 2013. Class of alignment algorithm. "
                                 "Mol Biol Evol 30(3):642-653. Darriba D, Taboada GL. 2011. "
                                 "ProtTest 3. Bioinformatics 27(8):1164-1165."),
            (Strings{"Blackburne BP, Whelan S. 2013. Class of alignment algorithm. Mol Biol Evol "
                     "30(3):642-653.",
                     "Darriba D, Taboada GL. 2011. ProtTest 3. Bioinformatics 27(8):1164-1165."}));
  EXPECT_EQ(split_reference_list("Dixon, M. (1953) Inhibitor constants. Biochem. J. 55, 170-171. "
                                 "Kabsch, W. (2010) XDS. Acta Crystallogr. 66, 125-132."),
            (Strings{"Dixon, M. (1953) Inhibitor constants. Biochem. J. 55, 170-171.",
                     "Kabsch, W. (2010) XDS. Acta Crystallogr. 66, 125-132."}));
}

TEST(SplitReferenceList, AuthorYearWithFullNames) {
  EXPECT_EQ(split_reference_list("Nal Kalchbrenner and Phil Blunsom. 2013. Recurrent models. In "
                                 "Proceedings of EMNLP. Peter Turney. 2012. Domain and function. "
                                 "Journal of AI Research."),
            (Strings{"Nal Kalchbrenner and Phil Blunsom. 2013. Recurrent models. In Proceedings of "
                     "EMNLP.",
                     "Peter Turney. 2012. Domain and function. Journal of AI Research."}));
}

TEST(SplitReferenceList, DoesNotSplitInsideOneReference) {
  for (const char* one : {
           // the second author list follows no year yet
           "Smith, J., Jones, K. and Roe, L. Rivers. In Brown, A. (Ed.), Water. Press, 2001.",
           // a name after "In:" is an editor
           "Roe L. Weirs. In: Smith J, editor. Rivers. 2nd ed. London: Press; 2004. p. 1-9.",
           "Afgan E, Baker D, van den Beek M, Blankenberg D, Bouvier D, Chilton J.",
           "Collaborative Computational Project Number 4 (1994) The CCP4 suite. Acta 50, 760-763.",
           "Office of Quality Improvement, Focus Groups: A Guide. University of Wisconsin, 2002.",
       }) {
    EXPECT_EQ(split_reference_list(one), Strings{one}) << one;
  }
}

TEST(SplitReferenceList, LosesNoText) {
  const std::string list =
      "[1] A. Smith, \u201COne,\u201D 2001.   [2] B. Jones, \u201CTwo,\u201D 2002. [3] C. Roe.";
  std::string joined;
  for (const std::string& part : split_reference_list(list)) joined += part + " ";
  EXPECT_EQ(joined,
            "[1] A. Smith, \u201COne,\u201D 2001. [2] B. Jones, \u201CTwo,\u201D 2002. "
            "[3] C. Roe. ");
}

// ---- fields ----------------------------------------------------------------------

struct Expected {
  std::string label;
  Strings authors;
  std::string year, title, container, volume, issue, pages, doi, url;
};

std::string value(const std::optional<std::string>& field) { return field.value_or(""); }

void expect_fields(const char* printed, const Expected& want) {
  const Reference ref = parse_reference(printed);
  SCOPED_TRACE(printed);
  EXPECT_EQ(ref.label, want.label);
  EXPECT_EQ(ref.authors, want.authors);
  EXPECT_EQ(value(ref.year), want.year);
  EXPECT_EQ(value(ref.title), want.title);
  EXPECT_EQ(value(ref.container), want.container);
  EXPECT_EQ(value(ref.volume), want.volume);
  EXPECT_EQ(value(ref.issue), want.issue);
  EXPECT_EQ(value(ref.pages), want.pages);
  EXPECT_EQ(value(ref.doi), want.doi);
  EXPECT_EQ(value(ref.url), want.url);
}

TEST(ParseReference, KeepsTheWholeTextWithoutTheLabel) {
  const Reference ref = parse_reference("[12]  A. Smith,\n \u201CTitle,\u201D 2001.");
  EXPECT_EQ(ref.label, "12");
  EXPECT_EQ(ref.text, "A. Smith, \u201CTitle,\u201D 2001.");
  EXPECT_EQ(parse_reference("Smith, J. (2001). Title.").text, "Smith, J. (2001). Title.");
}

TEST(ParseReference, Ieee) {
  expect_fields(
      "[9] S. Stemler, \u201CAn overview of content analysis,\u201D Practical Assessment, Research "
      "& Evaluation, vol. 7, no. 17, 2001.",
      {"9",
       {"S. Stemler"},
       "2001",
       "An overview of content analysis",
       "Practical Assessment, Research & Evaluation",
       "7",
       "17",
       "",
       "",
       ""});
  expect_fields(
      "[4] W. C. Lee, Y. E. Chavez, T. Baker, and B. R. Luce, \u201CEconomic burden of heart "
      "failure: a summary of recent literature,\u201D Heart and Lung, vol. 33, no. 6, pp. "
      "362\u2013371, "
      "2004.",
      {"4",
       {"W. C. Lee", "Y. E. Chavez", "T. Baker", "B. R. Luce"},
       "2004",
       "Economic burden of heart failure: a summary of recent literature",
       "Heart and Lung",
       "33",
       "6",
       "362\u2013371",
       "",
       ""});
  expect_fields(
      "[5] F. A. Masoudi, J. S. Rumsfeld, E. P. Havranek et al., \u201CAge, functional capacity, "
      "and quality of life,\u201D Journal of Cardiac Failure, vol. 10, no. 5, pp. 368\u2013373, "
      "2004.",
      {"5",
       {"F. A. Masoudi", "J. S. Rumsfeld", "E. P. Havranek"},
       "2004",
       "Age, functional capacity, and quality of life",
       "Journal of Cardiac Failure",
       "10",
       "5",
       "368\u2013373",
       "",
       ""});
  expect_fields(
      "[2] J. Smith and K. Jones, \"Fast stereo matching,\" in Proc. CVPR, 2003, pp. 1-8.",
      {"2", {"J. Smith", "K. Jones"}, "2003", "Fast stereo matching", "", "", "", "", "", ""});
  expect_fields(
      "[8] Office of Quality Improvement, Focus Groups: A Guide to Learning the Needs of Those We "
      "Serve, University of Wisconsin-Madison, Madison, Wis, USA, 2002.",
      {"8", {}, "2002", "", "", "", "", "", "", ""});
  expect_fields("[3] IEEE Standard for Floating-Point Arithmetic, IEEE Std 754-2008, 2008.",
                {"3", {}, "2008", "", "", "", "", "", "", ""});
}

TEST(ParseReference, Vancouver) {
  expect_fields(
      "1. Kudsk KA, Fabian TC, Baum S: Silent deep vein thrombosis in immobilized multiple trauma "
      "patients. Am J Surg 1989, 158:515-9.",
      {"1",
       {"Kudsk KA", "Fabian TC", "Baum S"},
       "1989",
       "Silent deep vein thrombosis in immobilized multiple trauma patients",
       "Am J Surg",
       "158",
       "",
       "515-9",
       "",
       ""});
  expect_fields("12. Smith AB, Jones CD, Roe E. Rivers and weirs. J Hydrol. 2010;12(3):45-67.",
                {"12",
                 {"Smith AB", "Jones CD", "Roe E"},
                 "2010",
                 "Rivers and weirs",
                 "J Hydrol",
                 "12",
                 "3",
                 "45-67",
                 "",
                 ""});
  expect_fields(
      "3. Marsh H, et al. Flood plains of the valley. Lancet. 2001 Mar;357:1-5. "
      "doi:10.1016/S0140-6736(00)03569-X.",
      {"3",
       {"Marsh H"},
       "2001",
       "Flood plains of the valley",
       "Lancet",
       "357",
       "",
       "1-5",
       "10.1016/S0140-6736(00)03569-X",
       ""});
  expect_fields("7. World Health Organization. Global report on water. Geneva: WHO; 2016.",
                {"7", {}, "2016", "", "", "", "", "", "", ""});
  expect_fields(
      "5. Roe L. Weirs. In: Smith J, editor. Rivers. 2nd ed. London: Press; 2004. p. 1-9.",
      {"5", {"Roe L"}, "2004", "Weirs", "", "", "", "", "", ""});
}

TEST(ParseReference, AuthorYearWithDois) {
  // PeerJ: authors, year, title, "Journal 25(17):3389-3402", DOI.
  expect_fields(
      "Blackburne BP, Whelan S. 2013. Class of multiple sequence alignment algorithm affects "
      "genomic analysis. Molecular Biology and Evolution 30(3):642\u2013653 DOI "
      "10.1093/molbev/mss256.",
      {"",
       {"Blackburne BP", "Whelan S"},
       "2013",
       "Class of multiple sequence alignment algorithm affects genomic analysis",
       "Molecular Biology and Evolution",
       "30",
       "3",
       "642\u2013653",
       "10.1093/molbev/mss256",
       ""});
  expect_fields(
      "Eddy SR. 1998. Profile hidden Markov models. Bioinformatics 14(9):755\u2013763 DOI "
      "10.1093/bioinformatics/14.9.755.",
      {"",
       {"Eddy SR"},
       "1998",
       "Profile hidden Markov models",
       "Bioinformatics",
       "14",
       "9",
       "755\u2013763",
       "10.1093/bioinformatics/14.9.755",
       ""});
  expect_fields(
      "Delport W, Poon AF, Frost SD, Kosakovsky Pond SL. 2010. Datamonkey 2010: a suite of "
      "phylogenetic analysis tools. Bioinformatics 26(19):2455\u20132457.",
      {"",
       {"Delport W", "Poon AF", "Frost SD", "Kosakovsky Pond SL"},
       "2010",
       "Datamonkey 2010: a suite of phylogenetic analysis tools",
       "Bioinformatics",
       "26",
       "19",
       "2455\u20132457",
       "",
       ""});
}

TEST(ParseReference, ApaAndHarvard) {
  expect_fields(
      "Fyhrquist, F. and Saijonmaa, O. (2008) Renin-angiotensin system revisited. J. Intern. Med. "
      "264, 224\u2013236",
      {"",
       {"Fyhrquist, F.", "Saijonmaa, O."},
       "2008",
       "Renin-angiotensin system revisited",
       "J. Intern. Med.",
       "264",
       "",
       "224\u2013236",
       "",
       ""});
  expect_fields(
      "Smith, J., Jones, K., & Roe, L. (2010). Rivers set free. Journal of Water, 12(3), "
      "45\u201367. "
      "https://doi.org/10.5555/water.2010",
      {"",
       {"Smith, J.", "Jones, K.", "Roe, L."},
       "2010",
       "Rivers set free",
       "Journal of Water",
       "12",
       "3",
       "45\u201367",
       "10.5555/water.2010",
       ""});
  expect_fields("Marsh, H. (2019a). Why rivers wander? Water Review, 4, 1\u201320.",
                {"",
                 {"Marsh, H."},
                 "2019a",
                 "Why rivers wander?",
                 "Water Review",
                 "4",
                 "",
                 "1\u201320",
                 "",
                 ""});
  expect_fields("van der Berg, J.-P., & Roe, L. (2004). Weirs. Water, 2(1), 5\u20139.",
                {"",
                 {"van der Berg, J.-P.", "Roe, L."},
                 "2004",
                 "Weirs",
                 "Water",
                 "2",
                 "1",
                 "5\u20139",
                 "",
                 ""});
  expect_fields("Marsh, H., 2015. The Millbrook survey. Hydrology 7, 11\u201319.",
                {"",
                 {"Marsh, H."},
                 "2015",
                 "The Millbrook survey",
                 "Hydrology",
                 "7",
                 "",
                 "11\u201319",
                 "",
                 ""});
  expect_fields(
      "Collaborative Computational Project Number 4 (1994) The CCP4 suite: programs for protein "
      "crystallography. Acta Crystallogr. 50, 760\u2013763",
      {"", {}, "1994", "", "", "", "", "", "", ""});
  expect_fields(
      "Dixon, M. (1953) The determination of enzyme inhibitor constants. Biochem. J. 55, "
      "170\u2013171",
      {"",
       {"Dixon, M."},
       "1953",
       "The determination of enzyme inhibitor constants",
       "Biochem. J.",
       "55",
       "",
       "170\u2013171",
       "",
       ""});
}

TEST(ParseReference, Acm) {
  expect_fields(
      "[1] Alice Smith and Kim Jones. 2017. Rivers in the machine. In Proceedings of the Water "
      "Conference (WC '17). ACM, New York, NY, USA, 12\u201320. "
      "https://doi.org/10.1145/3000000.3000001",
      {"1",
       {"Alice Smith", "Kim Jones"},
       "2017",
       "Rivers in the machine",
       "Proceedings of the Water Conference (WC '17)",
       "",
       "",
       "",
       "10.1145/3000000.3000001",
       ""});
  expect_fields(
      "Jeffrey Dean and Sanjay Ghemawat. 2004. MapReduce: Simplified data processing on large "
      "clusters. In OSDI.",
      {"",
       {"Jeffrey Dean", "Sanjay Ghemawat"},
       "2004",
       "MapReduce: Simplified data processing on large clusters",
       "",
       "",
       "",
       "",
       "",
       ""});
}

// BibTeX's plain and abbrv styles: initials first, a period after the names, the
// year at the end.
TEST(ParseReference, BibtexPlain) {
  expect_fields(
      "S. Aji and R. McEliece. The generalized distributive law. IEEE IT, "
      "46:325\u2013343, 2000.",
      {"",
       {"S. Aji", "R. McEliece"},
       "2000",
       "The generalized distributive law",
       "IEEE IT",
       "46",
       "",
       "325\u2013343",
       "",
       ""});
  expect_fields(
      "D. A. Boiko, R. MacKnight, B. Kline, and G. Gomes. Autonomous chemical research "
      "with large language models. Nature, 624(7992):570\u2013578, 2023.",
      {"",
       {"D. A. Boiko", "R. MacKnight", "B. Kline", "G. Gomes"},
       "2023",
       "Autonomous chemical research with large language models",
       "Nature",
       "624",
       "7992",
       "570\u2013578",
       "",
       ""});
  expect_fields(
      "A. Asuncion, P. Smyth, and M. Welling. Asynchronous distributed learning of "
      "topic models. In NIPS, pages 81\u201388, 2008.",
      {"",
       {"A. Asuncion", "P. Smyth", "M. Welling"},
       "2008",
       "Asynchronous distributed learning of topic models",
       "NIPS",
       "",
       "",
       "81\u201388",
       "",
       ""});
  // Full names with middle initials, and a proceedings name with abbreviations.
  expect_fields(
      "Andrea C. Arpaci-Dusseau, Remzi H. Arpaci-Dusseau, and David A. Patterson. "
      "High-performance sorting on networks of workstations. In Procs. of the ACM "
      "SIGMOD Conference, 1997.",
      {"",
       {"Andrea C. Arpaci-Dusseau", "Remzi H. Arpaci-Dusseau", "David A. Patterson"},
       "1997",
       "High-performance sorting on networks of workstations",
       "Procs. of the ACM SIGMOD Conference",
       "",
       "",
       "",
       "",
       ""});
  // One author needs initials first: a Vancouver "Roe L." and a body's name are no
  // plain-style author lists.
  expect_fields(
      "S. Brin. Extracting patterns and relations from the World Wide Web. In WebDB, "
      "1998.",
      {"",
       {"S. Brin"},
       "1998",
       "Extracting patterns and relations from the World Wide Web",
       "WebDB",
       "",
       "",
       "",
       "",
       ""});
}

// ACM's journals of the 1990s: "Surname, I., ..., and Surname, I. YEAR. Title."; and
// "et" joining the last author in French.
TEST(ParseReference, SurnamesFirstBeforeTheYear) {
  expect_fields(
      "Berson, S., Ghandeharizadeh, S., Muntz, R. R., and Ju, X. 1994. Staggered "
      "striping in multimedia information systems. In SIGMOD. 79\u201390.",
      {"",
       {"Berson, S.", "Ghandeharizadeh, S.", "Muntz, R. R.", "Ju, X."},
       "1994",
       "Staggered striping in multimedia information systems",
       "SIGMOD",
       "",
       "",
       "",
       "",
       ""});
  expect_fields(
      "Aligon, J., P. Marcel, et E. Negre (2010a). A framework for summarizing a log "
      "of OLAP queries. In IEEE Conference.",
      {"",
       {"Aligon, J.", "P. Marcel", "E. Negre"},
       "2010a",
       "A framework for summarizing a log of OLAP queries",
       "",
       "",
       "",
       "",
       "",
       ""});
}

// Elsevier's numbered style: no quotes, the title between commas.
TEST(ParseReference, ElsevierNumbered) {
  expect_fields(
      "[3] A. Barab\u00e1si, R. Albert, Emergence of scaling in random networks, Science "
      "286 (5439) (1999) 509\u2013512.",
      {"3",
       {"A. Barab\u00e1si", "R. Albert"},
       "1999",
       "Emergence of scaling in random networks",
       "Science",
       "286",
       "5439",
       "509\u2013512",
       "",
       ""});
  expect_fields(
      "M. Kimura, K. Saito, R. Nakano, Extracting influential nodes for information "
      "diffusion on a social network, in: AAAI, Vol. 7, 2007, pp. 1371\u20131376.",
      {"",
       {"M. Kimura", "K. Saito", "R. Nakano"},
       "2007",
       "Extracting influential nodes for information diffusion on a social network",
       "AAAI",
       "",
       "",
       "",
       "",
       ""});
  // An IEEE book: the title ends with a period and a place follows; left unread.
  expect_fields("T. Reed, Rivers Set Free. Eastford: Valley Press, 2021.",
                {"", {}, "2021", "", "", "", "", "", "", ""});
}

TEST(ParseReference, UrlsAndLabelsOfOtherForms) {
  expect_fields("[Smi17] Smith, J. (2017). Rivers online. https://example.org/rivers.",
                {"Smi17",
                 {"Smith, J."},
                 "2017",
                 "Rivers online",
                 "",
                 "",
                 "",
                 "",
                 "",
                 "https://example.org/rivers"});
  expect_fields("(4) Galaxy Project. Galaxy. Available at https://usegalaxy.org (accessed 2016).",
                {"4", {}, "2016", "", "", "", "", "", "", "https://usegalaxy.org"});
  expect_fields(
      "34 Wang, M. (2010) N-acetyl. J. Hypertens. 29, 330\u2013338",
      {"34", {"Wang, M."}, "2010", "N-acetyl", "J. Hypertens.", "29", "", "330\u2013338", "", ""});
}

TEST(ParseReference, LeavesFieldsOfUnreadableTextEmpty) {
  expect_fields("See the notes to chapter 4 for the sources of this section.",
                {"", {}, "", "", "", "", "", "", "", ""});
  expect_fields("Personal communication with the river warden, 12 March.",
                {"", {}, "", "", "", "", "", "", "", ""});
  expect_fields("Pages 1995\u20132001 of the register.", {"", {}, "", "", "", "", "", "", "", ""});
}

}  // namespace
}  // namespace galley
