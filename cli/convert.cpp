#include "convert.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include <galley/galley.hpp>
#include <galley/inputs.hpp>

#include "exit_codes.hpp"
#include "messages.hpp"

namespace galley::cli {

void print_warnings(const Diagnostics& diag) {
  for (const Diagnostic& d : diag.all()) {
    std::cerr << "galley: warning: " << in_command_terms(to_string(d)) << '\n';
  }
}

namespace {

constexpr std::string_view kStdio = "-";

// Whether the images beside the input are worth reading: only when the writer puts
// them into its output (an unknown format is reported by the writing itself).
bool output_takes_images(const ConvertArgs& args, bool to_stdout) {
  const Registry& registry = Registry::builtin();
  const auto* writer = !args.to.empty() ? registry.find_writer(args.to)
                       : to_stdout      ? registry.find_writer("markdown")
                                        : registry.find_writer_for_path(args.output);
  return !writer || writer->info.writes_resources;
}

}  // namespace

std::string format_contradicting_extension(const std::string& to, const std::string& output) {
  if (to.empty()) return {};
  const Registry& registry = Registry::builtin();
  const auto* named = registry.find_writer(to);
  const auto* implied = registry.find_writer_for_path(output);
  if (!named || !implied || named == implied) return {};
  return "-t " + to + " writes " + named->info.name + ", but the output " + output +
         " has the extension " + std::filesystem::path(output).extension().string() + " of " +
         implied->info.name + "; rename it, or pass --force to write " + named->info.name +
         " anyway";
}

WriteOptions write_options_from_environment() {
  WriteOptions options;
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (!epoch || !*epoch) return options;
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(epoch, &end, 10);
  if (*end != '\0' || errno != 0 || seconds < 0) {
    std::cerr << "galley: warning: SOURCE_DATE_EPOCH='" << epoch
              << "' is not a number of seconds; ignored\n";
    return options;
  }
  options.timestamp = std::chrono::sys_seconds(std::chrono::seconds(seconds));
  return options;
}

CLI::App* add_convert_command(CLI::App& app, ConvertArgs& args) {
  CLI::App* cmd = app.add_subcommand("convert", "Convert one article to another format");
  cmd->add_option("input", args.input, "Input file, or - for standard input")->required();
  cmd->add_option("-o,--output", args.output,
                  "Output file (format from its extension); standard output when omitted");
  cmd->add_option("-f,--from", args.from, "Input format (default: from extension or content)");
  cmd->add_option("-t,--to", args.to,
                  "Output format (default: from the output extension, else markdown)");
  add_reading_options(*cmd, args.reading, "Do not embed images saved in files next to the input");
  cmd->add_flag("-q,--quiet", args.quiet, "Do not print warnings");
  cmd->add_flag("--force", args.force,
                "Write the -t format even when the output's extension names another");
  return cmd;
}

int run_convert(const ConvertArgs& args) {
  Diagnostics diag;
  ReadOptions read_options = read_options_from(args.reading);
  const bool to_stdout = args.output.empty() || args.output == kStdio;
  if (const std::string problem = format_contradicting_extension(args.to, args.output);
      !to_stdout && !args.force && !problem.empty()) {
    std::cerr << "galley: " << problem << '\n';
    return kExitUsage;
  }
  try {
    Article article;
    if (args.input == kStdio) {
      const std::string bytes =
          read_stream_bytes(std::cin, "<stdin>", args.reading.limits.max_input_bytes);
      article = read(Input{"<stdin>", bytes, {}}, read_options, diag, args.from);
    } else {
      if ((is_zip_path(args.input) || is_warc_path(args.input)) && args.from.empty()) {
        throw Error(ErrorCode::UnknownFormat, args.input, {},
                    std::string(is_zip_path(args.input) ? "a zip archive" : "a web archive") +
                        " holds many documents: convert them with galley batch " + args.input +
                        " -o FOLDER");
      }
      if (!args.reading.no_local_images && output_takes_images(args, to_stdout)) {
        read_options.load_resource =
            folder_resources(std::filesystem::path(args.input).parent_path());
      }
      article = read_file(args.input, read_options, diag, args.from);
    }
    const WriteOptions write_options = write_options_from_environment();
    if (to_stdout) {
      const std::string format = args.to.empty() ? "markdown" : args.to;
      // Rendered whole before any byte is printed, so a failure prints nothing.
      const std::string bytes = write_string(article, format, write_options, diag);
      std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      std::cout.flush();
    } else {
      write_file(article, args.output, write_options, diag, args.to);
    }
  } catch (const Error& e) {
    if (!args.quiet) print_warnings(diag);
    std::cerr << "galley: error: " << in_command_terms(e) << '\n';
    return kExitFailed;
  } catch (const std::exception& e) {
    std::cerr << "galley: error: " << args.input << ": " << e.what() << '\n';
    return kExitFailed;
  }
  if (!args.quiet) print_warnings(diag);
  return kExitOk;
}

int run_formats(const FormatsArgs& args) {
  const Registry& registry = Registry::builtin();
  if (args.readers_only || args.writers_only) {
    if (args.readers_only) {
      for (const auto& r : registry.readers()) std::cout << r.info.name << '\n';
    }
    if (args.writers_only) {
      for (const auto& w : registry.writers()) std::cout << w.info.name << '\n';
    }
    return kExitOk;
  }
  auto print = [](const FormatInfo& info) {
    std::string line = "  " + info.name;
    line.resize(std::max<std::size_t>(line.size() + 1, 12), ' ');
    line += info.description;
    std::string extensions;
    for (const auto& e : info.extensions) extensions += (extensions.empty() ? "" : " ") + e;
    if (!extensions.empty()) line += " (" + extensions + ")";
    std::cout << line << '\n';
  };
  std::cout << "Input formats:\n";
  for (const auto& r : registry.readers()) print(r.info);
  std::cout << "Output formats:\n";
  for (const auto& w : registry.writers()) print(w.info);
  return kExitOk;
}

}  // namespace galley::cli
