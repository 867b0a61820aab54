#include "input_options.hpp"

#include <algorithm>
#include <chrono>

namespace galley::cli {

void add_limit_options(CLI::App& cmd, DocumentLimits& limits) {
  cmd.add_option("--max-input-size", limits.max_input_bytes, "Largest input accepted, in bytes")
      ->capture_default_str();
  cmd.add_option("--timeout", limits.timeout_seconds,
                 "Give up on a document after this many seconds (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd.add_option("--max-pages", limits.max_pages, "Refuse PDFs with more pages")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd.add_option("--max-depth", limits.max_depth,
                 "Deepest nesting read: deeper HTML is flattened, deeper JSON refused (at most " +
                     std::to_string(kMaxDepthCeiling) + ")")
      ->check(CLI::Range(1, kMaxDepthCeiling))
      ->capture_default_str();
}

ReadOptions limited_read_options(const DocumentLimits& limits) {
  ReadOptions read;
  read.max_input_bytes = limits.max_input_bytes;
  read.time_budget =
      std::chrono::milliseconds(static_cast<long long>(limits.timeout_seconds * 1000));
  read.max_pages = limits.max_pages;
  read.max_depth = limits.max_depth;
  return read;
}

void add_input_options(CLI::App& cmd, InputOptions& options) {
  add_limit_options(cmd, options.limits);
  cmd.add_flag("--no-local-images", options.no_local_images,
               "Do not embed images saved next to each input (in its folder or archive)");
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

ReadOptions read_options_for(const InputItem& item, const InputOptions& options,
                             std::stop_token stop, OpenArchive* images) {
  ReadOptions read = limited_read_options(options.limits);
  read.stop = std::move(stop);
  if (images && !options.no_local_images) {
    read.load_resource = resources_beside(item, options.archive_limits, *images);
  }
  return read;
}

bool writes_resources(const std::vector<const Registry::WriterEntry*>& writers) {
  return std::any_of(writers.begin(), writers.end(),
                     [](const auto* writer) { return writer->info.writes_resources; });
}

}  // namespace galley::cli
