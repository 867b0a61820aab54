// The language detector as the galley command gets it: CLD2, with the C++ runtime it
// needs, lives in a module (language-detector.so, see command_module.hpp), loaded the
// first time an article does not say its language. The command is linked with this
// file in place of language_detector.cpp; the library links that file itself.
#include "detail/command_module.hpp"
#include "detail/language_detector.hpp"

namespace galley::detail {

LanguageGuess guess_language(std::string_view text) {
  using GuessFunction = std::size_t (*)(const char*, std::size_t, char*, std::size_t) noexcept;
  static const CommandModule module =
      load_command_module("language-detector.so", "galley_guess_language_v1");
  if (!module.entry) return {{}, module.error};
  char code[32];
  const std::size_t size =
      reinterpret_cast<GuessFunction>(module.entry)(text.data(), text.size(), code, sizeof code);
  return {std::string(code, size), {}};
}

}  // namespace galley::detail
