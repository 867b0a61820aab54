// The one symbol the language-detector module exports; language_detector_module.cpp
// looks it up by name. Plain data only: the module and the command each have their own
// C++ runtime. Its suffix names this interface: change one, bump both.
#include <cstring>

#include "detail/language_detector.hpp"

/// Writes the language code of `text` (valid UTF-8) to `code` without a terminator and
/// returns its length: 0 when the detector is not confident, or when the code does
/// not fit in `capacity` bytes (CLD2's are at most 8).
extern "C" [[gnu::visibility("default")]] std::size_t galley_guess_language_v1(
    const char* text, std::size_t size, char* code, std::size_t capacity) noexcept {
  try {
    const std::string guess = galley::detail::guess_language({text, size}).code;
    if (guess.size() > capacity) return 0;
    std::memcpy(code, guess.data(), guess.size());
    return guess.size();
  } catch (...) {  // out of memory: no guess
    return 0;
  }
}
