// The articles the validator tests check: the sample articles built in code, every
// writer fixture (fixtures/writers/<case>/article.json) and every reader fixture
// (fixtures/{text,html}/<case>/input.*) whose reader is registered.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

struct ValidationCase {
  std::string name;               ///< GoogleTest-safe: "sample_rich", "writers_minimal"
  std::function<Article()> load;  ///< reads the fixture; throws galley::Error
};

std::vector<ValidationCase> validation_cases();

/// Names the case in GoogleTest messages.
inline void PrintTo(const ValidationCase& c, std::ostream* os) { *os << c.name; }

}  // namespace galley::test
