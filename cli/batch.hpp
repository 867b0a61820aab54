// `galley batch`: many inputs (files, folders, zip archives) to a folder or a zip
// archive, in parallel, with a report, resumable and shardable across machines.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "batch_inputs.hpp"

namespace galley::cli {

struct BatchArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string to = "markdown";  ///< comma-separated writer names or extensions
  std::string from;
  unsigned jobs = 0;  ///< 0 = the number of cores
  std::string report;
  bool resume = false;
  std::string shard;  ///< "K/N"
  bool list = false;
  bool quiet = false;
  bool no_local_images = false;
  std::size_t max_input_bytes = std::size_t{256} << 20;
  double timeout_seconds = 120;  ///< per document; 0 = no limit
  ArchiveLimits archive_limits;
};

CLI::App* add_batch_command(CLI::App& app, BatchArgs& args);

/// Runs a batch; returns 0 when every input converted, 3 when some failed or the run
/// was interrupted, 1 when nothing could run.
int run_batch(const BatchArgs& args);

}  // namespace galley::cli
