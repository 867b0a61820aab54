// The options that say how documents are read, shared by `convert`, `batch` and
// `bundle`: the limits on each document and where its images come from.
#pragma once

#include <cstddef>
#include <stop_token>
#include <vector>

#include <CLI/CLI.hpp>
#include <galley/format.hpp>
#include <galley/registry.hpp>

#include "batch_inputs.hpp"

namespace galley::cli {

/// The bounds on one document (see ReadOptions and SECURITY.md).
struct DocumentLimits {
  std::size_t max_input_bytes = ReadOptions{}.max_input_bytes;
  double timeout_seconds = 0;  ///< 0 = no limit
  int max_pages = ReadOptions{}.max_pages;
  int max_depth = ReadOptions{}.max_depth;
};

/// Declares DocumentLimits' options (--max-input-size, --timeout, --max-pages,
/// --max-depth) on `cmd`.
void add_limit_options(CLI::App& cmd, DocumentLimits& limits);

/// ReadOptions carrying `limits`.
ReadOptions limited_read_options(const DocumentLimits& limits);

/// What `batch` and `bundle` read each input with.
struct InputOptions {
  DocumentLimits limits{.timeout_seconds = 120};
  bool no_local_images = false;
  ArchiveLimits archive_limits;
};

/// Declares InputOptions' command-line options on `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);

/// The ReadOptions for `item`: the limits of `options`, cancellation by `stop`, and,
/// given `images` (the archive open for this thread), its images read from its folder,
/// or its folder inside its archive, unless turned off. Without `images`, none.
ReadOptions read_options_for(const InputItem& item, const InputOptions& options,
                             std::stop_token stop, OpenArchive* images);

/// True when one of `writers` puts the images read beside an input into its output.
bool writes_resources(const std::vector<const Registry::WriterEntry*>& writers);

}  // namespace galley::cli
