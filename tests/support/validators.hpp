// Running the external validators (epubcheck, xmllint) from tests. Each returns
// nullopt when its tool is not installed, so the caller can GTEST_SKIP.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace galley::test {

struct ToolResult {
  int exit_status = -1;
  std::string output;  ///< stdout and stderr together
};

/// Runs a shell command, capturing its output.
ToolResult run_command(const std::string& command);

/// The epubcheck jar ($GALLEY_EPUBCHECK_JAR, else Debian's /usr/share/java/epubcheck.jar)
/// when it and java are installed.
std::optional<std::filesystem::path> epubcheck_jar();

/// epubcheck on each of `epubs` in one Java virtual machine (tests/validate/
/// EpubcheckEach.java), which starts once for all: a result per file, in order, each
/// with that file's report and the status the epubcheck command would exit with.
/// nullopt when epubcheck is not installed.
std::optional<std::vector<ToolResult>> run_epubcheck(
    const std::vector<std::filesystem::path>& epubs);

/// True when the output of epubcheck reports no error, fatal error or warning.
bool epubcheck_clean(const ToolResult& result);

/// xmllint --valid with the JATS catalog in tests/data/jats (offline); nullopt when
/// xmllint is not installed.
std::optional<ToolResult> run_jats_dtd_validation(const std::filesystem::path& xml);

/// A fresh directory under the system temp dir for one test's files.
std::filesystem::path temp_dir(const std::string& name);

}  // namespace galley::test
