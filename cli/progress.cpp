#include "progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace galley::cli {
namespace {

constexpr auto kTerminalInterval = std::chrono::milliseconds(100);
constexpr auto kLogInterval = std::chrono::seconds(5);

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buffer;
}

}  // namespace

Progress::Progress(std::optional<std::size_t> total, bool quiet)
    : total_(total),
      quiet_(quiet),
      terminal_(::isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      last_draw_(start_) {}

void Progress::done(bool ok, const std::string& error) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  ++finished_;
  if (!ok) {
    ++failed_;
    std::fprintf(stderr, "%sgalley: error: %s\n", terminal_ ? "\r\033[K" : "", error.c_str());
  }
  const auto interval =
      terminal_ ? Clock::duration(kTerminalInterval) : Clock::duration(kLogInterval);
  if (Clock::now() - last_draw_ >= interval || (terminal_ && !ok)) draw(false);
}

void Progress::set_total(std::size_t total) {
  std::lock_guard lock(mutex_);
  total_ = total;
}

void Progress::say(const std::string& line) {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  std::fprintf(stderr, "%s%s\n", terminal_ ? "\r\033[K" : "", line.c_str());
}

void Progress::finish() {
  if (quiet_) return;
  std::lock_guard lock(mutex_);
  draw(true);
}

void Progress::draw(bool final) {
  last_draw_ = Clock::now();
  const double elapsed = std::chrono::duration<double>(last_draw_ - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(finished_) / elapsed : 0.0;
  const char* start = terminal_ ? "\r\033[K" : "";
  const char* end = terminal_ && !final ? "" : "\n";
  if (!total_) {
    std::fprintf(stderr, "%s[%zu] %.1f docs/s, %zu failed%s", start, finished_, rate, failed_, end);
  } else {
    const std::size_t left = *total_ > finished_ ? *total_ - finished_ : 0;
    const double eta = rate > 0 ? static_cast<double>(left) / rate : 0.0;
    std::fprintf(stderr, "%s[%zu/%zu] %.1f docs/s, ETA %s, %zu failed%s", start, finished_, *total_,
                 rate, clock_text(eta).c_str(), failed_, end);
  }
  std::fflush(stderr);
}

}  // namespace galley::cli
