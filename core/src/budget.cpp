#include <galley/format.hpp>

namespace galley {

Budget::Budget(const ReadOptions& options, std::string input)
    : stop_(options.stop),
      limit_(options.time_budget),
      start_(std::chrono::steady_clock::now()),
      input_(std::move(input)) {}

void Budget::check() const { check({}); }

void Budget::check(SourcePos where) const {
  if (stop_.stop_requested()) throw Error(ErrorCode::Cancelled, input_, where, "cancelled");
  if (over_time()) {
    throw Error(ErrorCode::LimitExceeded, input_, where,
                "took longer than the time budget of " + std::to_string(limit_.count()) +
                    " ms (raise ReadOptions::time_budget)");
  }
}

bool Budget::spent() const noexcept { return stop_.stop_requested() || over_time(); }

bool Budget::over_time() const noexcept {
  return limit_.count() > 0 && std::chrono::steady_clock::now() - start_ > limit_;
}

}  // namespace galley
