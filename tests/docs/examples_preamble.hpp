// What the documentation's examples take for granted: galley's headers, the standard
// library, and the names the surrounding text introduces (an article, an input, a
// sink, a path, a writer of the reader's own), given to every example as parameters,
// and the function that runs them all (its caller is tests/package/run_examples.cpp).
#include <galley/galley.hpp>
#include <galley/inputs.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace {

struct TitleWriter final : galley::Writer {
  void write(const galley::Article& article, const galley::WriteOptions&, galley::Sink& out,
             galley::Diagnostics&) const override {
    out.write(article.metadata.title.value_or(""));
  }
};

}  // namespace

// Not formatted: clang-format reads the parameter list as expressions and moves the &s.
// clang-format off
#define EXAMPLE_NAMES                                                                        \
  [[maybe_unused]] galley::Article article, [[maybe_unused]] galley::Article b,              \
      [[maybe_unused]] const galley::Input& input, [[maybe_unused]] galley::Sink& sink,      \
      [[maybe_unused]] galley::Diagnostics& diag, [[maybe_unused]] std::filesystem::path path
// clang-format on
#define EXAMPLE_ARGUMENTS article, b, input, sink, diag, path

void run_examples(EXAMPLE_NAMES);
