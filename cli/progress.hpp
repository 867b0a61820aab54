// Batch progress on standard error: a redrawn bar on a terminal (done/total, rate,
// ETA, failures; done and rate when the total is not known), a plain line every few
// seconds otherwise, nothing when quiet.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

namespace galley::cli {

class Progress {
 public:
  /// `total`: how many inputs the run has, when they were listed first.
  Progress(std::optional<std::size_t> total, bool quiet);
  /// Records one finished input, from any thread; failures are printed as they happen.
  void done(bool ok, const std::string& error);
  /// Sets the total once it is known, from any thread.
  void set_total(std::size_t total);
  /// Prints a line (a warning) between the redraws, from any thread.
  void say(const std::string& line);
  /// Prints the final state.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  void draw(bool final);

  std::mutex mutex_;
  std::optional<std::size_t> total_;
  std::size_t finished_ = 0, failed_ = 0;
  bool quiet_, terminal_;
  Clock::time_point start_, last_draw_;
};

}  // namespace galley::cli
