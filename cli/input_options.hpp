// The options that say how documents are read, one binder shared by `convert`, `batch`
// and `bundle`: every ReadOptions field a user sets, the limits on each document and
// where its images come from.
#pragma once

#include <cstddef>
#include <stop_token>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <galley/format.hpp>
#include <galley/registry.hpp>

#include <galley/inputs.hpp>

namespace galley::cli {

/// The bounds on one document (see ReadOptions and SECURITY.md).
struct DocumentLimits {
  std::size_t max_input_bytes = ReadOptions{}.max_input_bytes;
  double timeout_seconds = 0;  ///< 0 = no limit
  int max_pages = ReadOptions{}.max_pages;
  int max_depth = ReadOptions{}.max_depth;
};

/// How every document of a command is read.
struct ReadingArgs {
  std::string date_order = "auto";
  std::string base_url{};
  std::string password{};
  DocumentLimits limits;
  bool no_recover = false;
  bool no_local_images = false;
};

/// Declares ReadingArgs' options on `cmd` (--date-order, --base-url, --password, the
/// limits, --no-recover and --no-local-images); `images_help` says where the images
/// come from for this command.
void add_reading_options(CLI::App& cmd, ReadingArgs& args, const std::string& images_help);

/// The ReadOptions that `args` ask for; images and cancellation are the caller's.
ReadOptions read_options_from(const ReadingArgs& args);

/// What `batch` and `bundle` read each input with: a document gets two minutes unless
/// told otherwise, since one stuck input must not hold up the rest.
struct InputOptions {
  ReadingArgs reading{.limits = {.timeout_seconds = 120}};
  ArchiveLimits archive_limits;
};

/// Declares InputOptions' command-line options on `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);

/// The ReadOptions for `item`: the limits of `options`, cancellation by `stop`, and,
/// given `images` (a loader of this thread's), its images read from its folder, or its
/// folder inside its archive, unless turned off. Without `images`, none.
ReadOptions read_options_for(const InputItem& item, const InputOptions& options,
                             std::stop_token stop, InputLoader* images);

/// True when one of `writers` puts the images read beside an input into its output.
bool writes_resources(const std::vector<const Registry::WriterEntry*>& writers);

}  // namespace galley::cli
