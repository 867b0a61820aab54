// The options `batch` and `bundle` share: how each document they read is limited and
// where its images come from.
#pragma once

#include <cstddef>
#include <stop_token>

#include <CLI/CLI.hpp>
#include <galley/format.hpp>

#include "batch_inputs.hpp"

namespace galley::cli {

struct InputOptions {
  std::size_t max_input_bytes = std::size_t{256} << 20;
  double timeout_seconds = 120;  ///< per document; 0 = no limit
  bool no_local_images = false;
  ArchiveLimits archive_limits;
};

/// Declares InputOptions' command-line options on `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);

/// The ReadOptions for `item`: the limits of `options`, cancellation by `stop`, and its
/// images read from its folder, or its folder inside its archive, unless turned off.
ReadOptions read_options_for(const InputItem& item, const InputOptions& options,
                             std::stop_token stop);

}  // namespace galley::cli
