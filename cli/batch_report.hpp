// The batch report: one JSON line per input (--report FILE.jsonl), then a summary line.
#pragma once

#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace galley::cli {

/// One input's outcome, as a report line.
struct ReportRecord {
  std::string input;
  std::string status;  ///< "ok", "failed" or "skipped" (done by an earlier run, --resume)
  std::vector<std::string> outputs;
  std::string error;
  std::optional<std::string> title, byline, date;
  double seconds = 0;
};

struct BatchSummary {
  std::size_t total = 0, ok = 0, failed = 0, skipped = 0;
  double wall_seconds = 0;
  bool interrupted = false;
  std::string next_input;  ///< where an interrupted run stopped
};

/// Serialises one record as a JSON line (no newline).
std::string to_json_line(const ReportRecord& record);

/// Reads the records of an earlier report, by input; unreadable lines are ignored.
std::map<std::string, ReportRecord> read_report(const std::filesystem::path& path);

/// Writes report lines as they come, from any thread, each flushed whole.
class ReportWriter {
 public:
  /// Opens (truncates) `path`; an empty path reports nowhere.
  explicit ReportWriter(const std::filesystem::path& path);
  ~ReportWriter();
  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  void add(const ReportRecord& record);
  void finish(const BatchSummary& summary);

 private:
  void write_line(const std::string& line);
  std::mutex mutex_;
  std::FILE* file_ = nullptr;
};

}  // namespace galley::cli
