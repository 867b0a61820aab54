// The library names what a user can change by its API ("raise ReadOptions::max_pages");
// the command line says which option does it ("raise --max-pages").
#pragma once

#include <string>

#include <galley/error.hpp>

namespace galley::cli {

/// `message` in the command line's words: each ReadOptions field it names becomes
/// the option that sets it, and a request to name a format says which option does.
std::string in_command_terms(std::string message);

/// An Error's what() in the command line's words.
inline std::string in_command_terms(const Error& error) { return in_command_terms(error.what()); }

}  // namespace galley::cli
