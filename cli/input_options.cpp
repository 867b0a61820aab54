#include "input_options.hpp"

#include "convert.hpp"

namespace galley::cli {

ReadOptions read_options_for(const InputItem& item, const InputOptions& options,
                             std::stop_token stop) {
  ReadOptions read;
  read.max_input_bytes = options.max_input_bytes;
  read.time_budget = to_budget(options.timeout_seconds);
  read.stop = std::move(stop);
  if (!options.no_local_images) read.load_resource = resources_beside(item, options.archive_limits);
  return read;
}

void add_input_options(CLI::App& cmd, InputOptions& options) {
  cmd.add_flag("--no-local-images", options.no_local_images,
               "Do not embed images saved next to each input (in its folder or archive)");
  cmd.add_option("--max-input-size", options.max_input_bytes, "Largest input accepted, in bytes")
      ->capture_default_str();
  cmd.add_option("--timeout", options.timeout_seconds,
                 "Give up on a document after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd.add_option("--max-archive-entries", options.archive_limits.max_entries,
                 "Most entries read from one archive")
      ->capture_default_str();
  cmd.add_option("--max-archive-size", options.archive_limits.max_total_bytes,
                 "Most bytes inflated from one archive")
      ->capture_default_str();
  cmd.add_option("--max-compression-ratio", options.archive_limits.max_ratio,
                 "Refuse entries over 1 MiB inflating more than this many times")
      ->capture_default_str();
}

}  // namespace galley::cli
