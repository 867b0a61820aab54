// The batch report: one JSON line per input (--report FILE.jsonl), then a summary line.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <galley/galley.hpp>

namespace galley::cli {

/// One input's outcome, as a report line.
struct ReportRecord {
  std::string input;
  /// "ok", "failed", "skipped" (done by an earlier run, --resume) or "ignored" (a WARC
  /// record that holds no document, with the `reason`)
  std::string status;
  std::vector<std::string> outputs;
  std::string error;
  std::string reason;
  std::vector<std::string> warnings;  ///< what the conversion warned about, as convert prints it
  std::optional<std::string> title, byline, date;
  double seconds = 0;
};

struct BatchSummary {
  std::size_t total = 0, ok = 0, failed = 0, skipped = 0, ignored = 0;
  std::size_t not_started = 0;  ///< left for --resume: never started, or abandoned
  double wall_seconds = 0;
  bool interrupted = false;
  std::string next_input;  ///< the first input not done, when interrupted
};

/// Serialises one record as a JSON line (no newline).
std::string to_json_line(const ReportRecord& record);

/// Reads the records of an earlier report in order; unreadable lines are ignored.
std::vector<ReportRecord> read_report(const std::filesystem::path& path);

/// Writes the report (galley::OutputStream: a regular file appears atomically, a
/// device, FIFO or descriptor such as /dev/stdout is written in place, never
/// truncated). Lines written before publish() (the records carried over from an
/// earlier run) replace the earlier report in one step; later lines are appended as
/// they come, from any thread, each whole. A failure to write is kept, not thrown:
/// the report then stops at its last whole line and finish() returns the error.
class ReportWriter {
 public:
  /// Starts a report at `path`; an empty path reports nowhere. Throws galley::Error.
  explicit ReportWriter(const std::filesystem::path& path);

  void add(const ReportRecord& record);
  void publish();
  /// Writes the summary line and closes; returns what stopped the report, if anything.
  std::optional<std::string> finish(const BatchSummary& summary);

 private:
  void write_line(const std::string& line);
  std::mutex mutex_;
  std::optional<OutputStream> out_;
  std::optional<std::string> error_;
  std::size_t lines_ = 0;
};

}  // namespace galley::cli
