#include "workers.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <system_error>

namespace galley::cli {
namespace {

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

// More threads than this only crowd the machine: converting is CPU work, and each
// thread counts against the user's process limit.
unsigned machine_limit() {
  rlim_t limit = 4 * cores();
  rlimit processes{};
  if (::getrlimit(RLIMIT_NPROC, &processes) == 0 && processes.rlim_cur != RLIM_INFINITY) {
    limit = std::min(limit, std::max<rlim_t>(1, processes.rlim_cur / 2));
  }
  return static_cast<unsigned>(limit);
}

std::string positive_whole_number(std::string& text) {
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits && text.find_first_not_of('0') != std::string::npos) return {};
  return "must be a positive whole number, not '" + text + "'";
}

}  // namespace

CLI::Option* add_jobs_option(CLI::App& cmd, unsigned& jobs, const std::string& description) {
  return cmd.add_option("-j,--jobs", jobs, description)
      ->check(CLI::Validator(positive_whole_number, "POSITIVE"));
}

unsigned worker_count(unsigned requested, std::size_t inputs, bool quiet) {
  const unsigned limit = machine_limit();
  unsigned count = requested ? requested : cores();
  if (count > limit) {
    if (requested && !quiet) {
      std::cerr << "galley: warning: --jobs " << requested
                << " is more than this machine can run at once; running " << limit << '\n';
    }
    count = limit;
  }
  return static_cast<unsigned>(std::clamp<std::size_t>(inputs, 1, count));
}

std::vector<std::jthread> start_workers(unsigned count, const std::function<void()>& work,
                                        const std::function<void()>& abandon) {
  std::vector<std::jthread> workers;
  workers.reserve(count);
  for (unsigned i = 0; i < count; ++i) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error& e) {
      abandon();
      workers.clear();  // joins the workers already started
      throw std::runtime_error("cannot start worker thread " + std::to_string(i + 1) + " of " +
                               std::to_string(count) + ": " + e.what() + "; try a smaller --jobs");
    }
  }
  return workers;
}

}  // namespace galley::cli
