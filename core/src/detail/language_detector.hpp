// Internal: the one call into Compact Language Detector 2. Kept apart from the
// language pass so that the galley command can load CLD2, and the C++ runtime it
// brings, only when an article does not say its language (language_detector_module.cpp,
// see command_module.hpp).
#pragma once

#include <string>
#include <string_view>

namespace galley::detail {

struct LanguageGuess {
  std::string code;     ///< CLD2's code ("en", "iw", "zh-Hant"); empty unless it is confident
  std::string missing;  ///< why there is no detector to ask (the command's module is missing)
};

/// CLD2's judgement of `text`, which must be valid UTF-8.
LanguageGuess guess_language(std::string_view text);

}  // namespace galley::detail
