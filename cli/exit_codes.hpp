// The exit codes of the galley command, documented in the README.
#pragma once

namespace galley::cli {

inline constexpr int kExitOk = 0;            ///< everything converted
inline constexpr int kExitFailed = 1;        ///< the input could not be converted
inline constexpr int kExitUsage = 2;         ///< bad command line
inline constexpr int kExitSomeFailed = 3;    ///< batch: some inputs failed, or interrupted
inline constexpr int kExitReportFailed = 4;  ///< batch: the report could not be written

}  // namespace galley::cli
