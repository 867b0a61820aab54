// libFuzzer target: arbitrary bytes through one reader (GALLEY_FUZZ_FORMAT), the
// recovery passes and every writer. Besides crashes, hangs and sanitizer reports it
// checks what galley promises about outputs: every text output is valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <galley/galley.hpp>

#include "detail/text.hpp"

namespace {

bool is_binary_format(const std::string& name) { return name == "epub"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  galley::Diagnostics diag;
  galley::ReadOptions options;
  options.max_input_bytes = std::size_t{4} << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  galley::Article article;
  try {
    article = galley::read({"fuzz-input", bytes, {}}, options, diag, GALLEY_FUZZ_FORMAT);
  } catch (const galley::Error&) {
    return 0;  // a clear refusal is a correct answer
  }
  for (const auto& entry : galley::Registry::builtin().writers()) {
    std::string out;
    galley::StringSink sink(out);
    entry.writer->write(article, {}, sink, diag);
    if (!is_binary_format(entry.info.name) && !galley::detail::is_valid_utf8(out)) {
      std::abort();  // a writer emitted invalid UTF-8
    }
  }
  return 0;
}
