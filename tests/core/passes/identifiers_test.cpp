#include <galley/recover.hpp>

#include <gtest/gtest.h>

namespace galley {
namespace {

std::string doi(std::string_view text) { return find_doi(text).value_or("none"); }

TEST(FindDoi, DropsTheResolverOrLabelInFront) {
  EXPECT_EQ(doi("doi:10.1155/2010/157939"), "10.1155/2010/157939");
  EXPECT_EQ(doi("DOI 10.7717/peerj-cs.118"), "10.7717/peerj-cs.118");
  EXPECT_EQ(doi("https://doi.org/10.1042/CS20130403"), "10.1042/CS20130403");
  EXPECT_EQ(doi("http://dx.doi.org/10.1000.10/xyz"), "10.1000.10/xyz");
}

TEST(FindDoi, LeavesOutThePunctuationAroundIt) {
  EXPECT_EQ(doi("Mol Biol Evol 24:1586 (doi:10.1093/molbev/msm088)."), "10.1093/molbev/msm088");
  EXPECT_EQ(doi("see 10.1093/molbev/msm088, and"), "10.1093/molbev/msm088");
  EXPECT_EQ(doi("<meta content=\"10.1371/journal.pone.0001\">"), "10.1371/journal.pone.0001");
}

TEST(FindDoi, KeepsBracketsTheDoiOpensItself) {
  EXPECT_EQ(doi("Cognition. doi:10.1016/0010-0277(94)90030-2."), "10.1016/0010-0277(94)90030-2");
  EXPECT_EQ(doi("[10.1002/(SICI)1097-4636(199812)43:4<1::AID>3.0.CO;2-A]"),
            "10.1002/(SICI)1097-4636(199812)43:4");
}

TEST(FindDoi, RefusesNumbersThatOnlyLookLikeOne) {
  EXPECT_EQ(doi("Volume 2010.1234/56"), "none");  // the prefix does not start a word
  EXPECT_EQ(doi("10.12/abc"), "none");            // a registrant has at least 4 digits
  EXPECT_EQ(doi("10.1234 / abc"), "none");        // no '/' right after the registrant
  EXPECT_EQ(doi("10.1234/"), "none");             // no suffix
  EXPECT_EQ(doi("version 10.1.2 released"), "none");
}

TEST(FindDoi, FindsTheFirstOfSeveral) {
  EXPECT_EQ(doi("10.12/x then 10.5555/first and 10.5555/second"), "10.5555/first");
}

}  // namespace
}  // namespace galley
