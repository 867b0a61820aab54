// The galley command: CLI11 wiring only; the work is in convert.cpp.
#include <iostream>

#include <CLI/CLI.hpp>
#include <galley/galley.hpp>

#include "batch.hpp"
#include "bundle.hpp"
#include "convert.hpp"
#include "exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace galley::cli;
  CLI::App app{
      "galley: articles from web pages, PDFs and plain text into EPUB, Markdown, JATS, "
      "JSON and clean text."};
  app.set_version_flag("--version", std::string("galley ") + galley::version());
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  galley convert story.html -o story.md      formats from the extensions\n"
      "  galley convert story.pdf -t json           JSON model to standard output\n"
      "  curl -s URL | galley convert - -f html -t txt\n"
      "  galley batch crawl/ news.zip -o out/ -t md,json --report out/report.jsonl\n"
      "  galley bundle today/*.html -o digest.epub   many articles into one e-book\n"
      "  galley formats                             list readers and writers\n"
      "\nExit codes: 0 converted, 1 the input could not be converted (batch: nothing could\n"
      "run), 2 usage error, 3 batch and bundle: some inputs failed (or the batch was\n"
      "interrupted).");

  ConvertArgs convert_args;
  CLI::App* convert = add_convert_command(app, convert_args);
  BatchArgs batch_args;
  CLI::App* batch = add_batch_command(app, batch_args);
  BundleArgs bundle_args;
  CLI::App* bundle = add_bundle_command(app, bundle_args);
  CLI::App* formats = app.add_subcommand("formats", "List the input and output formats");
  FormatsArgs formats_args;
  formats->add_flag("--readers", formats_args.readers_only, "Only the input format names");
  formats->add_flag("--writers", formats_args.writers_only, "Only the output format names");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (convert->parsed()) return run_convert(convert_args);
  if (batch->parsed()) return run_batch(batch_args);
  if (bundle->parsed()) return run_bundle(bundle_args);
  if (formats->parsed()) return run_formats(formats_args);
  return kExitUsage;
}
