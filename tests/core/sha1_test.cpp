#include "detail/sha1.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(Sha1, MatchesFipsTestVectors) {
  EXPECT_EQ(to_hex(sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(to_hex(sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(to_hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(to_hex(sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(Sha1, HandlesBlockBoundaries) {
  // Lengths around the 55/56/64-byte padding edges, checked with Python's hashlib.
  EXPECT_EQ(to_hex(sha1(std::string(55, 'x'))), "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
  EXPECT_EQ(to_hex(sha1(std::string(56, 'x'))), "901305367c259952f4e7af8323f480d59f81335b");
  EXPECT_EQ(to_hex(sha1(std::string(64, 'x'))), "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
}

TEST(UrlUuidV5, MatchesRfc4122) {
  // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/rivers")
  EXPECT_EQ(url_uuid_v5("https://example.org/rivers"), "cac3e550-4002-5b7a-a2d2-c777ead9c277");
}

}  // namespace
}  // namespace galley::detail
