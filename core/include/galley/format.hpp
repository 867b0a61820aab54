// The interfaces a format implements: Reader (bytes -> Article) and Writer
// (Article -> bytes), the options they take and how a format describes itself.
//
// Readers see bytes and a display name, never a path: files, streams and archives
// belong to the convenience layer in galley.hpp. Readers and writers are const and
// keep per-document state on the stack, so one instance may serve many threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

/// One document to read.
///
/// Given a string that is about to go (`Input{"x.html", slurp(path)}`), an Input keeps
/// it, shared among its copies; given anything else (a named string, a view, a
/// literal), it only looks at the bytes, which must then outlive the read.
struct Input {
  /// Views `bytes`, which must outlive every read of this Input.
  Input(std::string name, std::string_view bytes, std::string media_type = {})
      : name(std::move(name)), bytes(bytes), media_type(std::move(media_type)) {}
  /// Views a string literal (or another buffer that outlives the read).
  Input(std::string name, const char* bytes, std::string media_type = {})
      : Input(std::move(name), std::string_view(bytes), std::move(media_type)) {}
  /// Keeps `bytes`: the Input (and its copies) own them.
  Input(std::string name, std::string&& bytes, std::string media_type = {})
      : name(std::move(name)),
        media_type(std::move(media_type)),
        owned_(std::make_shared<const std::string>(std::move(bytes))) {
    this->bytes = *owned_;
  }

  std::string name;        ///< display name for messages: "report.pdf", "<stdin>"
  std::string_view bytes;  ///< the document, owned by this Input or viewed (see above)
  /// Optional hint, as served: "text/html", "text/html; charset=iso-8859-1" (its
  /// charset is the HTML reader's first choice after a byte-order mark); empty when
  /// unknown.
  std::string media_type;

 private:
  std::shared_ptr<const std::string> owned_;  ///< the bytes, when this Input keeps them
};

/// How to read numeric dates such as 03/04/2022.
enum class DateOrder {
  Auto,        ///< a number over 12 is the day and decides (01/30/2022); else day-first
  DayFirst,    ///< 03/04/2022 is 3 April
  MonthFirst,  ///< 03/04/2022 is 4 March
};

/// The largest ReadOptions::max_depth honoured.
inline constexpr int kMaxDepthCeiling = 1024;

/// ReadOptions::max_depth within 1..kMaxDepthCeiling.
constexpr int effective_max_depth(int max_depth) noexcept {
  return max_depth < 1 ? 1 : (max_depth > kMaxDepthCeiling ? kMaxDepthCeiling : max_depth);
}

/// The largest file a ResourceLoader of galley's reads for one image.
inline constexpr std::size_t kMaxResourceBytes = std::size_t{32} << 20;

/// Reads a file an input refers to by a relative path (see ReadOptions::load_resource).
/// Called with a '/'-separated path that never climbs out of the input's folder; returns
/// the bytes, or nullopt when there is no such file. May throw galley::Error.
using ResourceLoader = std::function<std::optional<std::string>(const std::string& path)>;

struct ReadOptions {
  /// Inputs larger than this raise ErrorCode::LimitExceeded.
  std::size_t max_input_bytes = std::size_t{256} << 20;
  /// Paged inputs (PDF) with more pages raise ErrorCode::LimitExceeded.
  int max_pages = 2000;
  /// The deepest nesting read: HTML elements below this depth are flattened into their
  /// ancestor (their text kept, with a warning); JSON may nest three times as deep (an
  /// article level takes up to three JSON levels), deeper raises LimitExceeded. Values
  /// above kMaxDepthCeiling count as the ceiling, which keeps recursion within the stack.
  int max_depth = 256;
  /// Cooperative wall-clock budget per document; zero means no limit.
  std::chrono::milliseconds time_budget{0};
  /// Cancels a conversion in progress (ErrorCode::Cancelled).
  std::stop_token stop;
  /// Where the document was fetched from: resolves relative links when the document
  /// gives no base of its own, and becomes Metadata::url when it names no address.
  std::string base_url;
  /// Reading of all-numeric dates, see DateOrder.
  DateOrder date_order = DateOrder::Auto;
  /// Password for encrypted input (PDF).
  std::string password;
  /// Where readers find the images an input refers to by relative path (an HTML page
  /// saved with its images folder); they become Article::resources. Empty, the
  /// default: no file is read. galley::folder_resources() makes one for a folder.
  ResourceLoader load_resource;
  /// Run the shared recovery passes (title, byline, date, footer, paragraph joining).
  bool recover = true;
};

struct WriteOptions {
  /// Time stamp for formats that record one (EPUB's dcterms:modified); when unset the
  /// article's date is used, and for an undated article the time of writing: set it
  /// (the CLI takes SOURCE_DATE_EPOCH) for the same bytes on every run.
  std::optional<std::chrono::sys_seconds> timestamp;
};

/// The cooperative limits of one conversion: ReadOptions::stop and time_budget.
/// Readers call check() between pages and other large steps; the pipeline calls it
/// before and after the reader.
class Budget {
 public:
  /// Starts the clock now; `input` names the document in errors.
  Budget(const ReadOptions& options, std::string input);
  /// Throws Error{Cancelled} once the stop token fired and Error{LimitExceeded} once
  /// the time budget is spent.
  void check() const;
  /// The same, saying where in the input the reader had got to (a page, a line).
  void check(SourcePos where) const;
  /// Whether check() would throw: for a library's own abort callback, which must
  /// not be thrown through.
  bool spent() const noexcept;

 private:
  bool over_time() const noexcept;

  std::stop_token stop_;
  std::chrono::milliseconds limit_;
  std::chrono::steady_clock::time_point start_;
  std::string input_;
};

/// Where a writer puts its bytes (the shape of pugixml's xml_writer).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view bytes) = 0;
};

/// Appends to a string owned by the caller.
class StringSink final : public Sink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  void write(std::string_view bytes) override { out_.append(bytes); }

 private:
  std::string& out_;
};

/// Writes to a std::ostream owned by the caller.
class StreamSink final : public Sink {
 public:
  explicit StreamSink(std::ostream& out) : out_(out) {}
  void write(std::string_view bytes) override {
    out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

 private:
  std::ostream& out_;
};

class Reader {
 public:
  virtual ~Reader() = default;
  /// Reads one document. Throws galley::Error when it cannot; recoverable problems
  /// are recorded in `diag`. Must be safe to call from several threads at once.
  virtual Article read(const Input& input, const ReadOptions& options, Diagnostics& diag) const = 0;
};

/// What a collection of articles is called as a whole (see Writer::write_collection).
struct CollectionInfo {
  std::string title;  ///< the book's title, "Morning digest"
};

class Writer {
 public:
  virtual ~Writer() = default;
  /// Renders `article` into `out`. Must be safe to call from several threads at once.
  virtual void write(const Article& article, const WriteOptions& options, Sink& out,
                     Diagnostics& diag) const = 0;
  /// Renders several articles as one document, one chapter each in the order given,
  /// with a table of contents: the digest e-book of read-it-later and news tools.
  /// Formats that hold one article keep this default, which throws Error{Unsupported}.
  virtual void write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                                const WriteOptions& options, Sink& out, Diagnostics& diag) const;
};

/// How a format names and recognises itself.
struct FormatInfo {
  std::string name;                      ///< registry key and CLI -f/-t value: "html"
  std::string description;               ///< one line for `galley formats`
  std::vector<std::string> extensions;   ///< with the dot, lower case: {".html", ".htm"}
  std::vector<std::string> media_types;  ///< {"text/html"}
  /// Confidence that `head` (the first 4 KiB) is this format: 0 = not mine, 1..100.
  int (*sniff)(std::string_view head) = nullptr;
  /// The reader returns a finished article model (galley's own JSON): the recovery
  /// passes do not run on it again and its source_format is kept.
  bool finished_model = false;
  /// A writer puts Article::resources (the images read beside an input) into its
  /// output. Callers skip reading images when no writer they use does; a writer that
  /// only refers to images by their address sets this to false.
  bool writes_resources = true;
};

}  // namespace galley
#pragma GCC visibility pop
