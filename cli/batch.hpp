// `galley batch`: many inputs (files, folders, zip archives, web archives) to a folder,
// a zip archive or a JSON Lines file, in parallel, with a report, resumable and
// shardable across machines.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "input_options.hpp"

namespace galley::cli {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string to;  ///< comma-separated writer names or extensions; empty: the default
  std::string from;
  unsigned jobs = 0;  ///< 0 = the number of cores
  std::string report;
  bool resume = false;
  std::string shard;  ///< "K/N"
  bool list = false;
  bool quiet = false;
  InputOptions input;
};

CLI::App* add_batch_command(CLI::App& app, BatchArgs& args);

/// Runs a batch; returns 0 when every input converted, 3 when some failed or the run
/// was interrupted, 1 when nothing could run.
int run_batch(const BatchArgs& args);

}  // namespace galley::cli
