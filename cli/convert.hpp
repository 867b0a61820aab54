// `galley convert`: one input to one output.
#pragma once

#include <chrono>
#include <string>

#include <CLI/CLI.hpp>
#include <galley/format.hpp>

#include "input_options.hpp"

namespace galley::cli {

struct ConvertArgs {
  std::string input;
  std::string output;  ///< empty or "-" = standard output
  std::string from;
  std::string to;
  ReadingArgs reading;
  bool quiet = false;
  bool force = false;  ///< write a -t format that contradicts the output's extension
};

/// WriteOptions for this run: the timestamp comes from SOURCE_DATE_EPOCH when set
/// (reproducible builds' convention), so EPUBs record it instead of the article date.
WriteOptions write_options_from_environment();

/// An output named for one format but written in another (an EPUB called story.md)
/// is almost always a slip, so it is a usage error unless forced; an output whose
/// extension no writer claims may hold any format. Returns what is wrong, or "".
std::string format_contradicting_extension(const std::string& to, const std::string& output);

/// Prints each warning on stderr as "galley: warning: name:line:col: message".
void print_warnings(const Diagnostics& diag);

/// Declares the subcommand's options on `app`, storing into `args`.
CLI::App* add_convert_command(CLI::App& app, ConvertArgs& args);

/// Runs a conversion; returns an exit code and reports errors on stderr.
int run_convert(const ConvertArgs& args);

struct FormatsArgs {
  bool readers_only = false;  ///< print input format names, one a line
  bool writers_only = false;  ///< print output format names, one a line
};

/// Prints the registered formats.
int run_formats(const FormatsArgs& args);

}  // namespace galley::cli
