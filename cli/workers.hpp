// The worker threads of `batch` and `bundle`: how many to run, and starting them so
// that a thread the system refuses ends the run with an error, never a hang.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

namespace galley::cli {

/// Declares -j/--jobs on `cmd`: a positive whole number; `jobs` keeps its 0 ("one per
/// core") when the option is not given.
CLI::Option* add_jobs_option(CLI::App& cmd, unsigned& jobs, const std::string& description);

/// How many workers to run for `inputs` inputs when `requested` were asked for (0: one
/// per core). The machine's limit is 4 per core and half of RLIMIT_NPROC; a request
/// over it is cut, with a warning on stderr unless `quiet`. Never more than the inputs,
/// never fewer than one.
unsigned worker_count(unsigned requested, std::size_t inputs, bool quiet);

/// Starts `count` threads running `work`. When the system refuses one, calls `abandon`
/// (which must make the running workers return), joins them and throws
/// std::runtime_error saying so.
std::vector<std::jthread> start_workers(unsigned count, const std::function<void()>& work,
                                        const std::function<void()>& abandon);

}  // namespace galley::cli
