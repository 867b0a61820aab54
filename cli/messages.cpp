#include "messages.hpp"

#include <string_view>
#include <utility>

namespace galley::cli {
namespace {

// Library wording -> command-line wording. Longer phrases come before the names they
// contain, so each is replaced whole.
constexpr std::pair<std::string_view, std::string_view> kTerms[] = {
    {"set ReadOptions::password", "give it with --password"},
    {"ReadOptions::max_input_bytes", "--max-input-size"},
    {"ReadOptions::time_budget", "--timeout"},
    {"ReadOptions::max_depth", "--max-depth"},
    {"ReadOptions::max_pages", "--max-pages"},
    {"name the input format", "name the input format with -f"},
    {"name the output format", "name the output format with -t"},
    {"see Registry::writers()", "see 'galley formats'"},
};

}  // namespace

std::string in_command_terms(std::string message) {
  for (const auto& [library, command] : kTerms) {
    for (std::size_t at = message.find(library); at != std::string::npos;
         at = message.find(library, at + command.size())) {
      message.replace(at, library.size(), command);
    }
  }
  return message;
}

}  // namespace galley::cli
