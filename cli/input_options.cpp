#include "input_options.hpp"

#include <algorithm>
#include <chrono>

namespace galley::cli {

namespace {

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

DateOrder parse_date_order(const std::string& name) {
  if (name == "day-first") return DateOrder::DayFirst;
  if (name == "month-first") return DateOrder::MonthFirst;
  return DateOrder::Auto;
}

}  // namespace

void add_reading_options(CLI::App& cmd, ReadingArgs& args, const std::string& images_help) {
  cmd.add_option("--date-order", args.date_order, "How to read numeric dates like 03/04/2022")
      ->check(CLI::IsMember({"auto", "day-first", "month-first"}))
      ->capture_default_str();
  cmd.add_option("--base-url", args.base_url, "Base URL for resolving relative links");
  cmd.add_option("--password", args.password, "Password for encrypted PDFs");
  add_limit_options(cmd, args.limits);
  cmd.add_flag("--no-recover", args.no_recover,
               "Skip the recovery passes (title, byline, date, footer, paragraph joining)");
  cmd.add_flag("--no-local-images", args.no_local_images, images_help);
}

ReadOptions read_options_from(const ReadingArgs& args) {
  ReadOptions read;
  read.date_order = parse_date_order(args.date_order);
  read.base_url = args.base_url;
  read.password = args.password;
  read.recover = !args.no_recover;
  read.max_input_bytes = args.limits.max_input_bytes;
  read.time_budget =
      std::chrono::milliseconds(static_cast<long long>(args.limits.timeout_seconds * 1000));
  read.max_pages = args.limits.max_pages;
  read.max_depth = args.limits.max_depth;
  return read;
}

void add_input_options(CLI::App& cmd, InputOptions& options) {
  add_reading_options(cmd, options.reading,
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
                             std::stop_token stop, InputLoader* images) {
  ReadOptions read = read_options_from(options.reading);
  read.stop = std::move(stop);
  if (item.warc) read.base_url = item.warc->target_uri;  // where the crawler fetched it
  if (images && !options.reading.no_local_images) {
    read.load_resource = images->resources_for(item);
  }
  return read;
}

bool writes_resources(const std::vector<const Registry::WriterEntry*>& writers) {
  return std::any_of(writers.begin(), writers.end(),
                     [](const auto* writer) { return writer->info.writes_resources; });
}

}  // namespace galley::cli
