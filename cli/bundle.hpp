// `galley bundle`: many articles into one e-book, a chapter each, with a table of
// contents of titles, bylines and dates (the daily digest of news and read-it-later
// tools).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "input_options.hpp"

namespace galley::cli {

struct BundleArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string to;  ///< writer name; empty: from the output's extension
  std::string title;
  std::string order = "date";  ///< "date" (oldest first, undated last) or "input"
  std::string from;
  unsigned jobs = 0;  ///< 0 = the number of cores
  bool quiet = false;
  bool force = false;  ///< write a -t format that contradicts the output's extension
  InputOptions input;
};

CLI::App* add_bundle_command(CLI::App& app, BundleArgs& args);

/// Reads every input and writes the collection; returns 0 when every input went in,
/// 3 when some could not be read (the book holds the rest), 1 when none could.
int run_bundle(const BundleArgs& args);

}  // namespace galley::cli
