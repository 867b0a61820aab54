// Many documents at once: the files given, the files of folders, the entries of zip
// archives and the records of web archives (WARC), listed in a deterministic order and
// read with the checks that hostile archives need (no path traversal, no symbolic
// links, no entries sharing bytes, bounded sizes and compression ratios). What
// `galley batch` and `galley bundle` read, for programs that convert many documents
// themselves:
//
//   galley::InputLoader loader;
//   for (const galley::InputItem& item : galley::list_inputs({"news.zip", "crawl.warc.gz"})) {
//     if (!item.skipped.empty()) continue;  // a WARC record with no page in it
//     galley::Diagnostics diag;
//     galley::ReadOptions options;
//     options.load_resource = loader.resources_for(item);  // its images, same checks
//     if (item.warc) options.base_url = item.warc->target_uri;
//     galley::Article a = galley::read(loader.input(item, options.max_input_bytes), options, diag);
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/format.hpp>

#pragma GCC visibility push(default)
namespace galley {

/// Bounds on what one zip archive may inflate to.
struct ArchiveLimits {
  std::uint64_t max_entries = 100'000;                       ///< entries per archive
  std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;  ///< inflated size per entry
  std::uint64_t max_total_bytes = std::uint64_t{4} << 30;    ///< inflated size per archive
  std::uint64_t max_ratio = 200;  ///< inflated/compressed, checked for entries over 1 MiB
};

/// What a web archive (WARC) says of the record an item comes from.
struct WarcRecord {
  std::string id;            ///< WARC-Record-ID: "<urn:uuid:...>"
  std::string type;          ///< WARC-Type: "response", "resource", "request", "revisit"...
  std::string target_uri;    ///< WARC-Target-URI: where the document was fetched from
  std::string date;          ///< WARC-Date: when (ISO 8601, UTC)
  std::string content_type;  ///< the document's media type with parameters, as served
  int http_status = 0;       ///< a response record's HTTP status; 0 for other records
  std::uint64_t offset = 0;  ///< where the record starts: its gzip member, or its byte
  std::uint64_t inner = 0;   ///< and how many inflated bytes into that member
  /// The compressed size of the gzip member when it holds this record alone (as
  /// crawlers write them), so it is inflated in one step; 0 otherwise.
  std::uint64_t member_length = 0;
};

/// One document to convert: a file, an entry of a zip archive or a record of a WARC.
// An archive of 100,000 entries has as many items, all held at once: an item keeps
// no more than it must (its display name is made when asked for).
struct InputItem {
  std::string relative;                ///< path the outputs mirror, '/'-separated: "a/b.html"
  std::filesystem::path file;          ///< the file, or the archive holding the entry
  std::optional<std::uint64_t> entry;  ///< index inside the zip archive at `file`
  std::string error;  ///< set when the input is refused before reading (unsafe name...)
  std::optional<WarcRecord> warc;  ///< set for a record of the WARC at `file`
  /// Set for a record that holds no document to convert, saying why ("request record",
  /// "HTTP status 404", "image/png is not a web page or a PDF"). Nothing is read.
  std::string skipped;

  /// The name in messages and reports: the file as given or found ("in/a/b.html"), or
  /// the archive and entry ("x.zip!a/b.html", "crawl.warc.gz!example.com/story.html").
  std::string display() const {
    return entry || warc ? file.string() + "!" + relative : file.string();
  }
};

/// True when `path` names a zip archive (by its extension, in any case).
bool is_zip_path(const std::filesystem::path& path);

/// True when `path` names a web archive: ".warc" or ".warc.gz", in any case.
bool is_warc_path(const std::filesystem::path& path);

/// True for a '/'-separated relative path safe to recreate under an output folder:
/// no empty, "." or ".." components, no absolute path, drive letter, backslash or
/// control character.
bool is_safe_relative_path(std::string_view path) noexcept;

/// Lists the documents of `paths` in order: a file as itself, the files of a folder
/// (sorted, recursive, symbolic links to folders not followed), the entries of a zip
/// archive whose extension a built-in reader claims and every record of a WARC (those
/// without a document to convert carry the reason in `skipped`). An entry that must
/// not be read (an unsafe name, a symbolic link, bytes shared with another entry, a
/// record cut short) and an archive or folder that cannot be listed become one item
/// carrying its error. A WARC that breaks off keeps the records listed before.
std::vector<InputItem> list_inputs(const std::vector<std::string>& paths,
                                   const ArchiveLimits& limits = {});

/// The items of list_inputs one at a time, in the same order, for inputs too many to
/// hold at once: a folder is read one directory at a time, a zip archive one entry at
/// a time (one directory record at a time) and a WARC one record at a time.
///
///   galley::InputWalker walker({"crawl.warc.gz"});
///   while (std::optional<galley::InputItem> item = walker.next()) { ... }
class InputWalker {
 public:
  explicit InputWalker(std::vector<std::string> paths, ArchiveLimits limits = {});
  ~InputWalker();
  InputWalker(InputWalker&&) noexcept;
  InputWalker& operator=(InputWalker&&) noexcept;

  /// The next item; nullopt after the last.
  std::optional<InputItem> next();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Reads the items list_inputs gave, keeping the current archive open between
/// consecutive entries (or records) of it, so reading costs the same whatever the
/// archive's size. Zip entries are cheapest taken in archive order: going back to an
/// earlier entry reads up to 1,024 directory records.
/// Not thread-safe: one loader per thread.
class InputLoader {
 public:
  explicit InputLoader(ArchiveLimits limits = {});
  ~InputLoader();
  InputLoader(InputLoader&&) noexcept;
  InputLoader& operator=(InputLoader&&) noexcept;

  /// The bytes of `item`, at most `max_bytes`: a WARC record's document is the HTTP
  /// body, de-chunked and decoded. Throws Error naming the item: Malformed for a refused
  /// or skipped item or a broken archive, Io for an unreadable file, Unsupported for an
  /// encrypted entry or an unknown content coding, LimitExceeded past a size, total or
  /// ratio limit.
  std::string load(const InputItem& item, std::size_t max_bytes);

  /// `item` read by load() as an Input for galley::read: named item.display(), owning
  /// its bytes, with the media type a WARC record was served with ("text/html;
  /// charset=iso-8859-1"), which chooses the reader and the HTML character set.
  Input input(const InputItem& item, std::size_t max_bytes);

  /// Where the images `item` refers to by relative path are read from: the files of its
  /// folder (as folder_resources), or the entries of its folder inside its archive with
  /// the same limits; none for a WARC record (a loader that finds nothing). Reads through this
  /// loader: use it while the loader lives, on the loader's thread.
  ResourceLoader resources_for(const InputItem& item);

 private:
  struct OpenArchive;
  struct OpenWarc;
  ArchiveLimits limits_;
  std::unique_ptr<OpenArchive> archive_;
  std::unique_ptr<OpenWarc> warc_;
  std::filesystem::path counted_;  ///< the archive `inflated_` counts the bytes of
  std::uint64_t inflated_ = 0;
};

}  // namespace galley
#pragma GCC visibility pop
