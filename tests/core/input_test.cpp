// Input keeps a string handed over to it and views anything else.
#include <galley/galley.hpp>

#include <gtest/gtest.h>

namespace galley {
namespace {

std::string page() {
  return "<html><head><title>Kept</title></head><body><p>A paragraph long enough to be "
         "read as the body of the article.</p></body></html>";
}

TEST(Input, KeepsAStringHandedOverToIt) {
  const Input in{"kept.html", page()};  // the temporary is gone after this line
  Input copy = in;
  EXPECT_EQ(copy.bytes, page());
  EXPECT_EQ(copy.bytes.data(), in.bytes.data());  // copies share the bytes
  Diagnostics diag;
  EXPECT_EQ(read(copy, {}, diag).metadata.title, "Kept");
}

TEST(Input, ViewsANamedStringOrALiteral) {
  const std::string bytes = page();
  const Input viewed{"viewed.html", bytes, "text/html"};
  EXPECT_EQ(viewed.bytes.data(), bytes.data());
  EXPECT_EQ(viewed.media_type, "text/html");
  const Input literal{"literal.txt", "Just words."};
  EXPECT_EQ(literal.bytes, "Just words.");
}

}  // namespace
}  // namespace galley
