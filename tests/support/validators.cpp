#include "support/validators.hpp"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>

namespace galley::test {
namespace {

std::string quoted(const std::filesystem::path& path) {
  std::string out = "'";
  for (char c : path.string()) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

bool have_command(const std::string& name) {
  return run_command("command -v " + name + " >/dev/null 2>&1").exit_status == 0;
}

}  // namespace

ToolResult run_command(const std::string& command) {
  ToolResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::optional<std::filesystem::path> epubcheck_jar() {
  const char* env = std::getenv("GALLEY_EPUBCHECK_JAR");
  const std::filesystem::path jar = env && *env ? env : "/usr/share/java/epubcheck.jar";
  if (!std::filesystem::exists(jar) || !have_command("java")) return std::nullopt;
  return jar;
}

std::optional<std::vector<ToolResult>> run_epubcheck(
    const std::vector<std::filesystem::path>& epubs) {
  const auto jar = epubcheck_jar();
  if (!jar) return std::nullopt;
  const std::filesystem::path runner =
      std::filesystem::path(GALLEY_SOURCE_DIR) / "tests/validate/EpubcheckEach.java";
  // Client VM flags: the checks are short, start-up and loading are most of the time.
  std::string command =
      "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp " + quoted(*jar) + " " + quoted(runner);
  for (const auto& epub : epubs) command += " " + quoted(epub);
  const ToolResult all = run_command(command);
  // Each file's report lies between "== check FILE" and "== status N FILE"; a file
  // without them (the runner failed) gets the whole output and status -1.
  std::vector<ToolResult> results;
  for (const auto& epub : epubs) {
    ToolResult& result = results.emplace_back(ToolResult{-1, all.output});
    const std::string begin = "== check " + epub.string() + "\n";
    const std::size_t from = all.output.find(begin);
    if (from == std::string::npos) continue;
    const std::size_t body = from + begin.size();
    constexpr std::string_view kStatus = "== status ";
    const std::size_t end = all.output.find(kStatus, body);
    if (end == std::string::npos) continue;
    result.output = all.output.substr(body, end - body);
    result.exit_status = std::atoi(all.output.c_str() + end + kStatus.size());
  }
  return results;
}

bool epubcheck_clean(const ToolResult& result) {
  return result.exit_status == 0 && result.output.find("WARNING") == std::string::npos &&
         result.output.find("ERROR") == std::string::npos &&
         result.output.find("FATAL") == std::string::npos &&
         result.output.find("No errors or warnings detected") != std::string::npos;
}

std::optional<ToolResult> run_jats_dtd_validation(const std::filesystem::path& xml) {
  if (!have_command("xmllint")) return std::nullopt;
  const std::filesystem::path catalog =
      std::filesystem::path(GALLEY_SOURCE_DIR) / "tests/data/jats/catalog.xml";
  return run_command("XML_CATALOG_FILES=" + quoted(catalog) + " xmllint --noout --nonet --valid " +
                     quoted(xml));
}

std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("galley-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace galley::test
