// `galley batch`: a producer reads inputs in order (keeping archives open), a bounded
// queue hands them to worker threads, and each worker converts, writes its outputs
// atomically and appends its report line. Memory stays flat: at most
// 2 x jobs documents are in flight. The first SIGINT/SIGTERM stops new conversions
// and lets those in progress finish; a second abandons them. Either way only
// complete outputs remain and the report says where the run stopped.
#include "batch.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

#include <galley/galley.hpp>
#include <nlohmann/json.hpp>

#include "batch_output.hpp"
#include "batch_report.hpp"
#include "convert.hpp"
#include "exit_codes.hpp"
#include "messages.hpp"
#include "progress.hpp"
#include "workers.hpp"

namespace galley::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// One input of a run with the outputs planned for it.
struct PlannedInput {
  InputItem item;
  std::vector<std::string> outputs;
  std::vector<Renamed> renamed;  ///< outputs named otherwise than wanted, to warn of
};

// The inputs of a run in order, one at a time; nullopt after the last (and from then on).
using NextInput = std::function<std::optional<PlannedInput>()>;

struct Job {
  std::size_t index = 0;  ///< in the order of the inputs converted in this run
  PlannedInput planned;
  std::optional<Input> input;  ///< none for a load error or a record with no document
  std::optional<Error> load_error;
};

// A queue with a capacity, so the producer waits while workers are busy.
class JobQueue {
 public:
  explicit JobQueue(std::size_t capacity) : capacity_(capacity) {}
  void push(Job job) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return jobs_.size() < capacity_; });
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
  }
  std::optional<Job> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !jobs_.empty() || closed_; });
    if (jobs_.empty()) return std::nullopt;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    not_full_.notify_one();
    return job;
  }
  /// Ends the queue; with `drop`, jobs not yet taken are discarded.
  void close(bool drop) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    if (drop) jobs_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Job> jobs_;
  bool closed_ = false;
};

// Turns the first SIGINT or SIGTERM into a stop request and the next into an abandon
// request, on a thread of its own that waits for them with sigwait, since nothing but
// a flag may be touched inside a signal handler. SIGUSR1 from the destructor ends the
// wait.
class SignalWatcher {
 public:
  SignalWatcher(std::stop_source stop, std::stop_source abandon)
      : stop_(std::move(stop)), abandon_(std::move(abandon)) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_);  // inherited by every later thread
    try {
      thread_ = std::thread([this] {
        for (int signal = 0; sigwait(&signals_, &signal) == 0 && signal != SIGUSR1;) {
          if (!stop_.request_stop()) abandon_.request_stop();
        }
      });
    } catch (const std::system_error& e) {
      pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
      throw std::runtime_error(std::string("cannot start the thread that watches for Ctrl-C: ") +
                               e.what() + " (is the limit on processes, ulimit -u, reached?)");
    }
  }
  ~SignalWatcher() {
    pthread_kill(thread_.native_handle(), SIGUSR1);
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  std::stop_source stop_, abandon_;
  sigset_t signals_{}, previous_{};
  std::thread thread_;
};

// The formats asked for: -t, or by default Markdown (JSON Lines into a .jsonl file).
std::string formats_for(const BatchArgs& args) {
  if (!args.to.empty())
    return args.to == "json" && is_json_lines_path(args.output) ? "jsonl" : args.to;
  return is_json_lines_path(args.output) ? "jsonl" : "markdown";
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// FNV-1a: a stable hash, so shard membership never changes between runs or machines.
std::uint64_t stable_hash(std::string_view text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

struct Shard {
  std::uint64_t index = 0, count = 1;  // index is 0-based
};

Shard parse_shard(const std::string& text) {
  if (text.empty()) return {};
  unsigned long long k = 0, n = 0;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> k >> slash >> n) || slash != '/' || n == 0 || k == 0 || k > n || !in.eof()) {
    throw CLI::ValidationError("--shard", "expects K/N with 1 <= K <= N, e.g. 2/8");
  }
  return {k - 1, n};
}

// What a shard is chosen by: the input's path below the folder given, or its entry's
// path in an archive named by its file name, so that shards agree wherever each
// machine mounts the data and however the path is spelled.
std::string shard_key(const InputItem& item) {
  return item.entry ? item.file.filename().string() + "!" + item.relative : item.relative;
}

bool in_shard(const InputItem& item, Shard shard) {
  return shard.count == 1 || stable_hash(shard_key(item)) % shard.count == shard.index;
}

// The next input of this shard that `walker` gives; nullopt after the last.
std::optional<InputItem> next_in_shard(InputWalker& walker, Shard shard) {
  while (std::optional<InputItem> item = walker.next()) {
    if (in_shard(*item, shard)) return item;
  }
  return std::nullopt;
}

// What a run writes.
struct Plan {
  std::vector<const Registry::WriterEntry*> writers;
  std::vector<std::string> extensions;  ///< of each writer's outputs
  bool lines = false;                   ///< every output goes into one JSON Lines file
};

std::string warning_for(const Renamed& r) {
  return "galley: warning: " + r.input + ": output " + r.wanted + " is taken; writing " + r.given;
}

// A JSON Lines output's line for `item`: the article with a "source" key naming the
// input and, for a WARC record, the record (docs/json-schema.md).
std::string with_source(std::string line, const InputItem& item) {
  nlohmann::ordered_json source = {{"input", item.display()}};
  if (item.warc) {
    source["warc"] = {{"record_id", item.warc->id},
                      {"target_uri", item.warc->target_uri},
                      {"date", item.warc->date}};
  }
  line.resize(line.rfind('}'));  // the object's end, before the line's "\n"
  return line + ",\"source\":" +
         source.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "}\n";
}

class Batch {
 public:
  /// `stop` ends the run early (conversions in progress finish); `abandon` gives up
  /// those in progress as well.
  Batch(const BatchArgs& args, Plan plan, OutputTarget& target, ReportWriter& report,
        Progress& progress, std::stop_source stop, std::stop_source abandon)
      : args_(args),
        plan_(std::move(plan)),
        target_(target),
        report_(report),
        progress_(progress),
        stop_(std::move(stop)),
        abandon_(std::move(abandon)) {}

  /// Converts the inputs `next` gives. `expected`: how many it will give, when they
  /// were listed first; `already_done`: how many inputs an earlier run converted
  /// (--resume), which `next` leaves out.
  BatchSummary run(const NextInput& next, std::optional<std::size_t> expected,
                   std::size_t already_done);

 private:
  void produce(const NextInput& next, JobQueue& queue);
  void work(JobQueue& queue);
  std::optional<ReportRecord> convert(const Job& job, InputLoader& images);
  void write_outputs(const Job& job, const std::vector<std::string>& rendered);
  void count_what_was_left(const NextInput& next);

  const BatchArgs& args_;
  Plan plan_;
  OutputTarget& target_;
  ReportWriter& report_;
  Progress& progress_;
  const WriteOptions write_options_ = write_options_from_environment();
  const bool reads_images_ = writes_resources(plan_.writers);  ///< a format embeds them
  std::stop_source stop_;     ///< no new conversions (the first Ctrl-C)
  std::stop_source abandon_;  ///< conversions in progress given up (the second)
  std::mutex counts_mutex_;
  BatchSummary summary_;
  std::size_t produced_ = 0;  ///< inputs taken from `next`
  /// The inputs taken and not yet converted, by index, with their names: no more than
  /// the queue and the workers hold, however many inputs the run has.
  std::map<std::size_t, std::string> unfinished_;
};

void Batch::produce(const NextInput& next, JobQueue& queue) {
  InputLoader loader(args_.input.archive_limits);
  while (!stop_.stop_requested()) {
    std::optional<PlannedInput> planned = next();
    if (!planned) break;
    for (const Renamed& r : planned->renamed) progress_.say(warning_for(r));
    Job job{produced_++, std::move(*planned), std::nullopt, std::nullopt};
    const InputItem& item = job.planned.item;
    try {
      if (item.skipped.empty()) {
        job.input = loader.input(item, args_.input.reading.limits.max_input_bytes);
      }
    } catch (const Error& e) {
      job.load_error = e;
    }
    {
      std::lock_guard lock(counts_mutex_);
      unfinished_.emplace(job.index, item.display());
    }
    queue.push(std::move(job));
  }
}

// Writes every output of `job`; when one fails, those already written are taken
// back, so an input has all its outputs or none.
void Batch::write_outputs(const Job& job, const std::vector<std::string>& rendered) {
  const std::vector<std::string>& outputs = job.planned.outputs;
  for (std::size_t f = 0; f < rendered.size(); ++f) {
    try {
      target_.write(job.index, outputs[f], rendered[f]);
    } catch (...) {
      for (std::size_t written = 0; written < f; ++written) target_.remove(outputs[written]);
      throw;
    }
  }
}

// A document's warnings for its report line, as convert prints them: the first few,
// then how many more, so that a broken file cannot make its line as long as itself.
std::vector<std::string> report_warnings(const Diagnostics& diag) {
  constexpr std::size_t kMaxReported = 20;
  std::vector<std::string> out;
  for (const Diagnostic& d : diag.all()) {
    if (out.size() == kMaxReported) {
      out.push_back(std::to_string(diag.all().size() - kMaxReported) + " more warnings");
      break;
    }
    out.push_back(in_command_terms(to_string(d)));
  }
  return out;
}

// The record of one conversion, or none when it was abandoned (a second Ctrl-C).
std::optional<ReportRecord> Batch::convert(const Job& job, InputLoader& images) {
  const InputItem& item = job.planned.item;
  ReportRecord record;
  record.input = item.display();
  if (!item.skipped.empty()) {
    record.status = "ignored";
    record.reason = item.skipped;
    return record;
  }
  const auto start = Clock::now();
  Diagnostics diag;
  try {
    if (job.load_error) throw *job.load_error;
    const ReadOptions options = read_options_for(item, args_.input, abandon_.get_token(),
                                                 reads_images_ ? &images : nullptr);
    const Article article = read(*job.input, options, diag, args_.from);
    // Render every format before writing any, so a failure leaves no outputs.
    std::vector<std::string> rendered;
    for (const auto* writer : plan_.writers) {
      rendered.push_back(write_string(article, writer->info.name, write_options_, diag));
    }
    if (plan_.lines) rendered.front() = with_source(std::move(rendered.front()), item);
    write_outputs(job, rendered);
    record.outputs = job.planned.outputs;
    record.status = "ok";
    record.title = article.metadata.title;
    record.byline = article.metadata.byline;
    if (article.metadata.date) record.date = format_date(*article.metadata.date);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Cancelled && abandon_.stop_requested()) return std::nullopt;
    record.status = "failed";
    record.error = in_command_terms(e);
  } catch (const std::exception& e) {
    record.status = "failed";
    record.error = item.display() + ": " + e.what();
  }
  record.warnings = report_warnings(diag);
  record.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return record;
}

void Batch::work(JobQueue& queue) {
  InputLoader images(args_.input.archive_limits);  // this worker's, for its entries' images
  while (auto job = queue.pop()) {
    if (stop_.stop_requested()) continue;  // queued before the interrupt: not started
    const auto record = convert(*job, images);
    if (!record) continue;
    if (record->status != "ok") target_.pass(job->index);
    report_.add(*record);
    const bool ok = record->status != "failed";
    {
      std::lock_guard lock(counts_mutex_);
      (record->status == "ignored" ? summary_.ignored : ok ? summary_.ok : summary_.failed) += 1;
      unfinished_.erase(job->index);
    }
    progress_.done(ok, ok ? std::string() : record->error);
  }
}

// After an interrupt: how many inputs were left for --resume, and the first of them.
// Those never taken from `next` are counted too, so the report accounts for every one
// (unless --resume listed them, that walks the rest of the inputs: about a second per
// 10,000 WARC records).
void Batch::count_what_was_left(const NextInput& next) {
  summary_.interrupted = stop_.stop_requested();
  summary_.not_started = unfinished_.size();
  if (!unfinished_.empty()) summary_.next_input = unfinished_.begin()->second;
  std::size_t never_taken = 0;
  for (std::optional<PlannedInput> planned; (planned = next()); ++never_taken) {
    if (summary_.not_started++ == 0) summary_.next_input = planned->item.display();
  }
  summary_.total = summary_.skipped + produced_ + never_taken;
}

BatchSummary Batch::run(const NextInput& next, std::optional<std::size_t> expected,
                        std::size_t already_done) {
  const auto start = Clock::now();
  summary_.skipped = already_done;
  const unsigned jobs = worker_count(
      args_.jobs, expected.value_or(std::numeric_limits<std::size_t>::max()), args_.quiet);
  {
    JobQueue queue(2 * jobs);
    const auto workers = start_workers(
        jobs, [&] { work(queue); }, [&] { queue.close(true); });
    try {
      produce(next, queue);
    } catch (...) {
      queue.close(true);  // lets the workers end, so unwinding can join them
      throw;
    }
    queue.close(stop_.stop_requested());
  }
  count_what_was_left(next);
  progress_.set_total(summary_.total - summary_.skipped);  // known now, however listed
  progress_.finish();
  summary_.wall_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary_;
}

// `resumable`: the output can be carried on with --resume (not a JSON Lines file).
void print_summary(const BatchSummary& s, bool quiet, bool resumable) {
  const double rate = s.wall_seconds > 0 ? static_cast<double>(s.ok) / s.wall_seconds : 0.0;
  if (!quiet) {
    const std::string ignored =
        s.ignored > 0 ? ", " + std::to_string(s.ignored) + " without a document" : "";
    std::fprintf(
        stderr, "galley: %zu converted, %zu failed, %zu skipped%s of %zu in %.2f s (%.1f docs/s)\n",
        s.ok, s.failed, s.skipped, ignored.c_str(), s.total, s.wall_seconds, rate);
  }
  // Said even when quiet: the run did not finish, and the way on is not obvious.
  if (s.interrupted) {
    std::cerr << "galley: interrupted: " << s.not_started << " input(s) not converted"
              << (s.next_input.empty() ? std::string() : ", from " + s.next_input)
              << (resumable ? "; run again with --resume to carry on\n"
                            : "; the output holds those converted; run again to convert all\n");
  }
}

// With --resume, an input is done when the earlier report says it was converted (ok
// or skipped) to the very outputs planned now, and they are all still there; its
// earlier record is returned. Records are matched by input and outputs together, so
// an input given twice (with two sets of outputs) is matched exactly.
std::map<std::size_t, ReportRecord> find_done(const BatchArgs& args,
                                              const std::vector<InputItem>& items,
                                              const std::vector<std::vector<std::string>>& planned,
                                              const OutputTarget& target) {
  std::map<std::size_t, ReportRecord> done;  // by input index: few or none, so not a vector
  if (!args.resume) return done;
  std::map<std::pair<std::string, std::vector<std::string>>, ReportRecord> converted;
  for (ReportRecord& r : read_report(args.report)) {
    auto key = std::make_pair(r.input, r.outputs);
    if (r.status == "ok" || r.status == "skipped") {
      converted.insert_or_assign(std::move(key), std::move(r));
    } else {
      converted.erase(key);  // a later line of the same report supersedes
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto it = converted.find({items[i].display(), planned[i]});
    if (it == converted.end()) continue;
    const auto& outputs = planned[i];
    if (std::all_of(outputs.begin(), outputs.end(), [&](const auto& o) { return target.has(o); })) {
      done.emplace(i, it->second);
    }
  }
  return done;
}

// How many inputs of this shard there are, walking them again; nullopt when `token`
// stops the count first.
std::optional<std::size_t> count_inputs(const BatchArgs& args, Shard shard,
                                        const std::stop_token& token) {
  InputWalker walker(args.inputs, args.input.archive_limits);
  std::size_t count = 0;
  for (; next_in_shard(walker, shard); ++count) {
    if (token.stop_requested()) return std::nullopt;
  }
  return count;
}

// Checks the options against each other and chooses the writers.
Plan plan_run(const BatchArgs& args) {
  if (args.output.empty()) throw CLI::ValidationError("--output", "batch needs -o OUTPUT");
  if (args.resume && args.report.empty()) {
    throw CLI::ValidationError("--resume", "needs the --report of the earlier run");
  }
  Plan plan;
  plan.lines = is_json_lines_path(args.output);
  if (plan.lines && args.resume) {
    throw CLI::ValidationError("--resume",
                               "a .jsonl output is written whole: run again without "
                               "--resume, or convert into a folder");
  }
  for (const std::string& name : split_list(formats_for(args))) {
    plan.writers.push_back(&Registry::builtin().choose_writer(name, args.output));
    plan.extensions.push_back(plan.writers.back()->info.extensions.at(0));
  }
  if (plan.lines && (plan.writers.size() != 1 || plan.writers.front()->info.name != "jsonl")) {
    throw CLI::ValidationError("--to",
                               "a .jsonl output holds one JSON line per document: "
                               "-t jsonl (or leave -t out)");
  }
  return plan;
}

// The listed inputs one at a time with their planned outputs, leaving out those an
// earlier run converted.
NextInput next_listed(std::vector<InputItem>& items, std::vector<std::vector<std::string>>& planned,
                      const std::map<std::size_t, ReportRecord>& done) {
  return [&, i = std::size_t{0}]() mutable -> std::optional<PlannedInput> {
    for (; i < items.size(); ++i) {
      if (done.contains(i)) continue;
      PlannedInput input{std::move(items[i]), std::move(planned[i]), {}};
      ++i;
      return input;
    }
    return std::nullopt;
  };
}

}  // namespace

CLI::App* add_batch_command(CLI::App& app, BatchArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "batch",
      "Convert files, folders, zip and web archives into a folder, a zip archive or JSON Lines");
  cmd->add_option("inputs", args.inputs,
                  "Files, folders (walked recursively), .zip archives and web archives "
                  "(.warc, .warc.gz)")
      ->required();
  cmd->add_option("-o,--output", args.output,
                  "Output folder, an archive ending in .zip, or one JSON Lines file ending in "
                  ".jsonl or .jsonl.gz (- for standard output)");
  cmd->add_option("-t,--to", args.to,
                  "Output formats, comma-separated (e.g. md,json; default: markdown, or jsonl "
                  "for a .jsonl output)");
  cmd->add_option("-f,--from", args.from, "Input format for every input (default: detected)");
  add_jobs_option(*cmd, args.jobs, "Parallel conversions (default: the number of cores)");
  cmd->add_option("--report", args.report, "Write a JSON line per input to this file");
  cmd->add_flag("--resume", args.resume,
                "Skip inputs that the --report file lists as converted with outputs present");
  cmd->add_option("--shard", args.shard, "Convert only the K-th of N deterministic slices (K/N)");
  cmd->add_flag("--list", args.list, "Print the inputs (of this shard) in order and exit");
  cmd->add_flag("-q,--quiet", args.quiet, "No progress output");
  add_input_options(*cmd, args.input);
  return cmd;
}

int run_batch(const BatchArgs& args) {
  try {
    const Shard shard = parse_shard(args.shard);
    InputWalker walker(args.inputs, args.input.archive_limits);
    const auto next_item = [&] { return next_in_shard(walker, shard); };
    if (args.list) {
      while (const auto item = next_item()) std::cout << item->display() << '\n';
      return kExitOk;
    }
    Plan plan = plan_run(args);
    std::optional<InputItem> first = next_item();
    if (!first) {
      throw Error(ErrorCode::Io, args.inputs.front(), {}, "no inputs in a format galley reads");
    }
    OutputNamer namer(plan.extensions);
    // Inputs are walked while they convert, so memory stays flat however many there
    // are. Only --resume lists them all first: the report an earlier run left is
    // replaced only once the new one holds every input that run converted.
    std::vector<InputItem> items;
    std::vector<std::vector<std::string>> planned;
    if (args.resume) {
      items.push_back(std::move(*first));
      while (std::optional<InputItem> item = next_item()) items.push_back(std::move(*item));
      std::vector<Renamed> renamed;
      for (const InputItem& item : items) planned.push_back(namer.name(item, renamed));
      for (const Renamed& r : args.quiet ? std::vector<Renamed>{} : renamed) {
        std::cerr << warning_for(r) << '\n';
      }
    }
    // Signals are watched from here on, so that an interrupt never leaves the
    // report or the archive half made.
    std::stop_source stop, abandon;
    SignalWatcher watcher(stop, abandon);
    const auto target = open_output(args.output, args.resume, plan.extensions);
    const std::size_t report_leftovers =
        args.report.empty() ? 0 : remove_leftover_temporaries({args.report});
    ReportWriter report(args.report);
    const auto done = find_done(args, items, planned, *target);
    for (auto [i, record] : done) {
      record.status = "skipped";
      report.add(record);
    }
    report.publish();  // replaces the earlier report only now that it holds as much
    NextInput next;
    if (args.resume) {
      next = next_listed(items, planned, done);
    } else {
      next = [&, lines = plan.lines]() -> std::optional<PlannedInput> {
        std::optional<InputItem> item = first ? std::exchange(first, std::nullopt) : next_item();
        if (!item) return std::nullopt;
        PlannedInput input{std::move(*item), {}, {}};
        if (!lines) {
          input.outputs = namer.name(input.item, input.renamed);
        } else if (input.item.skipped.empty()) {
          input.outputs.push_back(args.output);  // the file holds its line
        }
        return input;
      };
    }
    const auto expected =
        args.resume ? std::optional<std::size_t>(items.size() - done.size()) : std::nullopt;
    const bool resumable = !plan.lines;
    Progress progress(expected, args.quiet);
    // Inputs not listed first are counted on the side, for the progress line's total.
    std::jthread counter;
    if (!expected && !args.quiet) {
      try {
        counter = std::jthread([&](std::stop_token token) {
          if (const auto total = count_inputs(args, shard, token)) progress.set_total(*total);
        });
      } catch (const std::system_error&) {
        // No thread to spare (the process limit): the progress line goes without a total.
      }
    }
    Batch batch(args, std::move(plan), *target, report, progress, stop, abandon);
    const BatchSummary summary = batch.run(next, expected, done.size());
    target->finish();
    if (const std::size_t removed = report_leftovers + target->leftovers_removed();
        removed > 0 && !args.quiet) {
      std::cerr << "galley: removed " << removed << " temporary file(s) an interrupted run left\n";
    }
    const auto report_error = report.finish(summary);
    print_summary(summary, args.quiet, resumable);
    if (report_error) {
      std::cerr << "galley: error: " << *report_error << '\n';
      return kExitReportFailed;
    }
    if (summary.interrupted || summary.failed > 0) {
      return summary.ok + summary.skipped == 0 && !summary.interrupted ? kExitFailed
                                                                       : kExitSomeFailed;
    }
    return kExitOk;
  } catch (const CLI::ValidationError& e) {
    std::cerr << "galley: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {  // galley::Error, or a file system failure
    std::cerr << "galley: error: " << in_command_terms(e.what()) << '\n';
    return kExitFailed;
  }
}

}  // namespace galley::cli
