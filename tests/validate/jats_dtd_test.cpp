// xmllint --valid against the JATS 1.3 DTD (tests/data/jats) on the JATS of every
// sample article and fixture: the document must be valid with no message at all.
#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "support/validation_cases.hpp"
#include "support/validators.hpp"

namespace galley::test {
namespace {

class JatsDtd : public ::testing::TestWithParam<ValidationCase> {};

TEST_P(JatsDtd, IsValidWithoutWarnings) {
  const auto dir = temp_dir("jats-" + GetParam().name);
  const auto path = dir / (GetParam().name + ".jats.xml");
  Diagnostics diag;
  std::ofstream(path, std::ios::binary) << write_string(GetParam().load(), "jats", {}, diag);
  const auto result = run_jats_dtd_validation(path);
  std::filesystem::remove_all(dir);
  if (!result) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
  EXPECT_EQ(result->exit_status, 0) << result->output;
  EXPECT_EQ(result->output, "");
}

TEST(JatsDtd, RejectsAnInvalidDocument) {
  // The catalog and DTD really are consulted: a document breaking the DTD fails.
  const auto dir = temp_dir("jats-invalid");
  const auto path = dir / "invalid.xml";
  Diagnostics diag;
  std::string xml = write_string(Article{}, "jats", {}, diag);
  xml.replace(xml.find("<front>"), 7, "<front><no-such-element/>");
  std::ofstream(path, std::ios::binary) << xml;
  const auto result = run_jats_dtd_validation(path);
  std::filesystem::remove_all(dir);
  if (!result) GTEST_SKIP() << "xmllint not installed (apt-get install libxml2-utils)";
  EXPECT_NE(result->exit_status, 0);
  EXPECT_NE(result->output.find("no-such-element"), std::string::npos) << result->output;
}

INSTANTIATE_TEST_SUITE_P(Writers, JatsDtd, ::testing::ValuesIn(validation_cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace galley::test
