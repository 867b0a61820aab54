// galley: articles from web pages, PDFs and plain text into clean publication formats.
//
// The one-call API. Convert a file, choosing formats from the extensions (warnings,
// such as an image left out, are collected in `diag`):
//
//   galley::Diagnostics diag;
//   galley::convert_file("story.html", "story.epub", diag);
//
// Or read into the article model, look at it, and write it in any format:
//
//   galley::Article a = galley::read_file("story.pdf", {}, diag);
//   std::cout << a.metadata.title.value_or("(untitled)") << '\n';
//   std::string md = galley::write_string(a, "markdown", {}, diag);
//
// Or put several articles into one book:
//
//   std::string book;
//   galley::StringSink sink(book);
//   galley::write_collection({a, b}, {"Weekend reading"}, "epub", {}, sink, diag);
//
// Every function throws galley::Error when the document cannot be converted and
// records recoverable problems in the Diagnostics it is given. All functions are safe
// to call from several threads at once for different documents.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>
#include <galley/format.hpp>
#include <galley/recover.hpp>
#include <galley/registry.hpp>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

/// The library version, "MAJOR.MINOR.PATCH".
const char* version() noexcept;

/// Reads `input` with the reader named `format`, or the detected one when `format` is
/// empty, then runs the recovery passes unless `options.recover` is false.
Article read(const Input& input, const ReadOptions& options, Diagnostics& diag,
             std::string_view format = {}, const Registry& registry = Registry::builtin());

/// Reads a file; its name (as given) is used in messages. Throws Error{Io} when the
/// file cannot be read and Error{LimitExceeded} past options.max_input_bytes.
Article read_file(const std::filesystem::path& path, const ReadOptions& options, Diagnostics& diag,
                  std::string_view format = {}, const Registry& registry = Registry::builtin());

/// Writes `article` in `format` to `out`.
void write(const Article& article, std::string_view format, const WriteOptions& options, Sink& out,
           Diagnostics& diag, const Registry& registry = Registry::builtin());

/// Writes `articles` as one publication in `format` (a chapter each, for EPUB) to
/// `out`. Throws Error{Unsupported} for a format that holds one article.
void write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                      std::string_view format, const WriteOptions& options, Sink& out,
                      Diagnostics& diag, const Registry& registry = Registry::builtin());

/// Writes `article` in `format` and returns the bytes.
std::string write_string(const Article& article, std::string_view format,
                         const WriteOptions& options, Diagnostics& diag,
                         const Registry& registry = Registry::builtin());

/// Writes `article` to `path` as write_file_atomically() does: a file is replaced only
/// when complete, so a failure leaves no partial file. The format comes from the
/// extension when `format` is empty.
void write_file(const Article& article, const std::filesystem::path& path,
                const WriteOptions& options, Diagnostics& diag, std::string_view format = {},
                const Registry& registry = Registry::builtin());

/// Reads `input` (format `from`, or detected when empty) and writes it as `to` into
/// `out`: read() then write(), with the same registry for both.
void convert(const Input& input, std::string_view from, std::string_view to, Sink& out,
             Diagnostics& diag, const ReadOptions& read_options = {},
             const WriteOptions& write_options = {},
             const Registry& registry = Registry::builtin());

/// read_file followed by write_file, formats from the extensions.
void convert_file(const std::filesystem::path& input, const std::filesystem::path& output,
                  Diagnostics& diag, const ReadOptions& read_options = {},
                  const WriteOptions& write_options = {});

/// Reads a whole stream into memory, refusing more than `max_bytes`; `name` is used in
/// errors.
std::string read_stream_bytes(std::istream& in, const std::string& name, std::size_t max_bytes);

/// Reads a whole file into memory, refusing files larger than `max_bytes`.
std::string read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes);

/// A ResourceLoader for the files under `folder` (usually the input's own folder; empty
/// is the current folder), each
/// read only when it is a regular file of at most `max_bytes` whose real path, symbolic
/// links resolved, lies inside `folder`.
ResourceLoader folder_resources(std::filesystem::path folder,
                                std::size_t max_bytes = kMaxResourceBytes);

/// Where an output written to a path goes, once its symbolic links are followed.
struct OutputPlace {
  enum class Kind {
    File,        ///< a regular file, or nothing yet: `path` is replaced atomically
    Stream,      ///< a character device or a FIFO: `path` is written in place
    Descriptor,  ///< a link to an open descriptor (/dev/stdout, /proc/self/fd/N): `fd`
  };
  Kind kind = Kind::File;
  std::filesystem::path path;  ///< the final path, symbolic links followed
  int fd = -1;                 ///< the descriptor, for Kind::Descriptor
  /// The permissions of the regular file being replaced; none for a new file.
  std::optional<std::filesystem::perms> permissions;
};

/// Follows the symbolic links of `path` (at most 40; a relative target is read from the
/// link's folder) to where an output written there goes. A link to /proc/self/fd/N,
/// /proc/<this process>/fd/N or /dev/fd/N names the open descriptor N. Throws
/// Error{Io} naming `path` when it leads to a folder, a socket, a block device or
/// another thing that is not a file, or to a descriptor that is not open.
OutputPlace output_place(const std::filesystem::path& path);

/// Writes `bytes` to `path` without harming what the path names (see output_place):
/// a regular file, new or reached through symbolic links, is replaced atomically by a
/// temporary file in its own folder renamed onto it only when complete (so links stay
/// links, a failure leaves no partial file, and a replaced file keeps its permissions;
/// a new one gets 0666 less the umask); a character device or FIFO is opened and
/// written in place; an open descriptor is written and left open. Anything else is
/// refused with Error{Io}.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// An output written piece by piece by the rules of write_file_atomically(), for files
/// that grow while a job runs (a report, a log). A regular file is written as a
/// temporary file beside it, which publish() or close() renames into place; writes
/// after publish() go on at the end of the file now in place. A device, FIFO or
/// descriptor is written as the pieces come. A write that fails leaves a regular file
/// as it was before it, and an output destroyed unpublished leaves nothing behind.
class OutputStream {
 public:
  /// Opens where `path` leads (see output_place); throws Error{Io} naming `path`.
  explicit OutputStream(const std::filesystem::path& path);
  ~OutputStream();
  OutputStream(OutputStream&&) noexcept;
  OutputStream& operator=(OutputStream&&) noexcept;

  /// Appends `bytes`; throws Error{Io} naming the path (a full disk, a closed pipe).
  void write(std::string_view bytes);
  /// Puts a regular file in place atomically now, keeping it open for more writes.
  void publish();
  /// Closes, reporting a failure the system gives only now, then publishes.
  void close();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Removes the temporary files that writers to these outputs left beside them when
/// killed before renaming them into place (write_file_atomically() and OutputStream
/// name theirs ".NAME.galley-XXXXXX"). Only the temporaries of the outputs named are
/// touched, so other programs' files in the same folders are safe; one scan per
/// folder. Returns how many were removed.
std::size_t remove_leftover_temporaries(const std::vector<std::filesystem::path>& outputs);

/// The same for one folder, its outputs named by a test instead of a list (for callers
/// with so many outputs that a list of their paths would cost): removes the temporaries
/// in `folder` whose output's file name `is_output` accepts. An output reached through
/// a symbolic link has its temporary beside the link's target, which this does not see.
std::size_t remove_leftover_temporaries_in(
    const std::filesystem::path& folder, const std::function<bool(const std::string&)>& is_output);

/// Puts the complete file `file` at `path` by the rules of write_file_atomically():
/// renamed onto the final file (so `file` must be on its file system, e.g. in the
/// folder of output_place(path).path), or copied into a device, FIFO or descriptor.
/// `file` is gone afterwards, whether or not this succeeded.
void move_file_to_output(const std::filesystem::path& file, const std::filesystem::path& path);

}  // namespace galley
#pragma GCC visibility pop
