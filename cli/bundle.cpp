// `galley bundle`: inputs are listed as for `batch` and read in parallel, each thread
// with its own archive handle; the articles that could be read are put in order and
// handed to the writer's write_collection, and the book is written atomically.
#include "bundle.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <optional>

#include <galley/galley.hpp>

#include "convert.hpp"
#include "exit_codes.hpp"
#include "messages.hpp"
#include "workers.hpp"

namespace galley::cli {
namespace {

struct Outcome {
  std::optional<Article> article;
  std::string error;  ///< what() of the failure, when there is no article
  Diagnostics diag;
};

std::vector<Outcome> read_all(const BundleArgs& args, const std::vector<InputItem>& items) {
  std::vector<Outcome> outcomes(items.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    InputLoader loader(args.input.archive_limits);
    for (std::size_t i = next++; i < items.size(); i = next++) {
      Outcome& outcome = outcomes[i];
      try {
        const ReadOptions options = read_options_for(items[i], args.input, {}, &loader);
        outcome.article = read(loader.input(items[i], args.input.reading.limits.max_input_bytes),
                               options, outcome.diag, args.from);
      } catch (const Error& e) {
        outcome.error = in_command_terms(e);
      } catch (const std::exception& e) {
        outcome.error = items[i].display() + ": " + e.what();
      }
    }
  };
  const unsigned count = worker_count(args.jobs, items.size(), args.quiet);
  {
    // This thread reads too, beside count - 1 helpers, joined before the results are used.
    const auto helpers = start_workers(count - 1, work, [&] { next = items.size(); });
    work();
  }
  return outcomes;
}

// Oldest first, undated articles after the dated ones, input order among equals.
void order_by_date(std::vector<Article>& articles) {
  std::stable_sort(articles.begin(), articles.end(), [](const Article& a, const Article& b) {
    const auto& x = a.metadata.date;
    const auto& y = b.metadata.date;
    return x && (!y || *x < *y);
  });
}

// "Digest, 2024-05-01 to 2024-05-03" from the articles' dates, or "Digest".
std::string default_title(const std::vector<Article>& articles) {
  std::optional<std::chrono::year_month_day> first, last;
  for (const Article& a : articles) {
    if (!a.metadata.date) continue;
    if (!first || *a.metadata.date < *first) first = a.metadata.date;
    if (!last || *a.metadata.date > *last) last = a.metadata.date;
  }
  if (!first) return "Digest";
  std::string title = "Digest, " + format_date(*first);
  if (*last != *first) title += " to " + format_date(*last);
  return title;
}

}  // namespace

CLI::App* add_bundle_command(CLI::App& app, BundleArgs& args) {
  CLI::App* cmd = app.add_subcommand("bundle", "Many articles into one e-book, a chapter each");
  cmd->add_option("inputs", args.inputs, "Files, folders (walked recursively) and .zip archives")
      ->required();
  cmd->add_option("-o,--output", args.output, "The book to write, e.g. digest.epub")->required();
  cmd->add_option("-t,--to", args.to, "Output format (default: from the output's extension)");
  cmd->add_option("--title", args.title,
                  "The book's title (default: \"Digest\" and the articles' dates)");
  cmd->add_option("--order", args.order, "Chapter order: date (oldest first) or input")
      ->check(CLI::IsMember({"date", "input"}))
      ->capture_default_str();
  cmd->add_option("-f,--from", args.from, "Input format for every input (default: detected)");
  add_jobs_option(*cmd, args.jobs, "Parallel reads (default: the number of cores)");
  cmd->add_flag("-q,--quiet", args.quiet, "Do not print warnings or the summary");
  cmd->add_flag("--force", args.force,
                "Write the -t format even when the output's extension names another");
  add_input_options(*cmd, args.input);
  return cmd;
}

int run_bundle(const BundleArgs& args) {
  if (const std::string problem = format_contradicting_extension(args.to, args.output);
      !args.force && !problem.empty()) {
    std::cerr << "galley: " << problem << '\n';
    return kExitUsage;
  }
  try {
    const auto& writer = Registry::builtin().choose_writer(args.to, args.output);
    std::vector<InputItem> items = list_inputs(args.inputs, args.input.archive_limits);
    // A web archive's records with no document in them (requests, images...) are not
    // articles left out: they were never articles.
    std::erase_if(items, [](const InputItem& item) { return !item.skipped.empty(); });
    if (items.empty()) {
      throw Error(ErrorCode::Io, args.inputs.front(), {}, "no inputs in a format galley reads");
    }
    std::vector<Outcome> outcomes = read_all(args, items);
    std::vector<Article> articles;
    Diagnostics diag;
    for (Outcome& outcome : outcomes) {
      if (!outcome.article) {
        std::cerr << "galley: error: " << outcome.error << " (left out of the book)\n";
        continue;
      }
      articles.push_back(std::move(*outcome.article));
      if (!args.quiet) print_warnings(outcome.diag);
    }
    if (articles.empty()) {
      throw Error(ErrorCode::Malformed, args.output, {}, "no input could be read; nothing written");
    }
    if (args.order == "date") order_by_date(articles);
    const CollectionInfo info{args.title.empty() ? default_title(articles) : args.title};
    std::string book;
    StringSink sink(book);
    write_collection(articles, info, writer.info.name, write_options_from_environment(), sink,
                     diag);
    write_file_atomically(args.output, book);
    if (!args.quiet) {
      print_warnings(diag);
      std::cerr << "galley: " << articles.size() << " of " << items.size() << " articles into "
                << args.output << '\n';
    }
    return articles.size() == items.size() ? kExitOk : kExitSomeFailed;
  } catch (const std::exception& e) {  // galley::Error, or a file system failure
    std::cerr << "galley: error: " << in_command_terms(e.what()) << '\n';
    return kExitFailed;
  }
}

}  // namespace galley::cli
