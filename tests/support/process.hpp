// Runs the galley executable from tests and captures what it printed.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace galley::testing {

struct ProcessResult {
  int exit_code = -1;      ///< 128 + the signal number when a signal ended it
  std::string out;         ///< standard output
  std::string err;         ///< standard error
  long peak_rss_kib = 0;   ///< the most memory it held, from getrusage
  double cpu_seconds = 0;  ///< user and system CPU time it used, from getrusage
  bool timed_out = false;  ///< killed at the deadline
};

/// Runs `program` with `args` (no shell involved in quoting), standard input from
/// `stdin_file` when not empty, calls `while_running` with its pid (to signal it, say),
/// and waits for it; with a `deadline` above zero it is killed when that runs out.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::filesystem::path& stdin_file = {},
                          const std::function<void(pid_t)>& while_running = {},
                          std::chrono::seconds deadline = std::chrono::seconds{0});

/// A fresh empty folder under the system temp folder, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  /// Writes `bytes` to `name` inside the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

/// The whole content of a file, or "" when it cannot be read.
std::string slurp(const std::filesystem::path& path);

}  // namespace galley::testing
