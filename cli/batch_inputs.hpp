// What `galley batch` converts: files, folders walked recursively and zip archives
// read entry by entry, in a deterministic order, with the safety checks that hostile
// archives need (no path traversal, no symlinks, bounded sizes and ratios).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <galley/format.hpp>

#include "zip_handle.hpp"

namespace galley::cli {

struct ArchiveLimits {
  std::uint64_t max_entries = 100'000;                       ///< entries per archive
  std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;  ///< inflated size per entry
  std::uint64_t max_total_bytes = std::uint64_t{4} << 30;    ///< inflated size per archive
  std::uint64_t max_ratio = 200;  ///< inflated/compressed, checked for entries over 1 MiB
};

/// One document to convert.
// An archive of 100,000 entries has as many items, all held at once: an item keeps
// no more than it must (its display name is made when asked for).
struct InputItem {
  std::string relative;                ///< path the outputs mirror, '/'-separated: "a/b.html"
  std::filesystem::path file;          ///< the file, or the archive holding the entry
  std::optional<std::uint64_t> entry;  ///< index inside the archive at `file`
  std::string error;  ///< set when the input is refused before reading (unsafe name...)

  /// The name in messages and the report: the file as given or found ("in/a/b.html"),
  /// or the archive and entry ("x.zip!a/b.html").
  std::string display() const { return entry ? file.string() + "!" + relative : file.string(); }
};

/// Opens the zip archive at `path` for reading, with libzip's consistency checks;
/// throws galley::Error naming it when it is not a readable zip archive.
ZipHandle open_zip(const std::filesystem::path& path);

/// True when `path` names a zip archive (by its extension, in any case).
bool is_zip_path(const std::filesystem::path& path);

/// True for a '/'-separated relative path safe to recreate under an output folder:
/// no empty, "." or ".." components, no absolute path, drive letter, backslash or
/// control character.
bool is_safe_relative_path(std::string_view path) noexcept;

/// Lists the inputs of `paths` in order: a file as itself, and the files of a folder
/// (sorted, recursive, symlinked folders not followed) and the entries of a zip
/// archive whose extension a registered reader claims. A broken archive becomes one
/// item carrying its error.
std::vector<InputItem> list_inputs(const std::vector<std::string>& paths,
                                   const ArchiveLimits& limits);

/// The archive a thread reads from, opened and checked once and kept open while the
/// thread goes on with entries of the same archive (inputs come in archive order), so
/// the cost of opening does not grow with the number of entries read. Not thread-safe:
/// one per thread.
class OpenArchive {
 public:
  /// The open archive at `path`, opening it (and closing the one before) if needed;
  /// throws galley::Error when it is not a readable zip archive.
  zip_t* get(const std::filesystem::path& path);

 private:
  std::filesystem::path path_;
  ZipHandle zip_;
};

/// Reads inputs' bytes in list order, keeping the current archive open between
/// consecutive entries of it. Not thread-safe: one loader per producer thread.
class InputLoader {
 public:
  explicit InputLoader(ArchiveLimits limits) : limits_(limits) {}

  /// The bytes of `item`, at most `max_bytes`; throws galley::Error naming the item.
  std::string load(const InputItem& item, std::size_t max_bytes);
  /// The archive open for this thread, for reading the images of what it loaded too.
  OpenArchive& archive() { return archive_; }

 private:
  ArchiveLimits limits_;
  OpenArchive archive_;
  std::filesystem::path counted_;  ///< the archive `inflated_` counts the bytes of
  std::uint64_t inflated_ = 0;
};

/// Where the images `item` refers to by relative path are read from: the files in its
/// folder, or the entries in its folder inside its archive (same limits as inputs),
/// read through `archive`, which must outlive the loader's use (one document's read).
ResourceLoader resources_beside(const InputItem& item, const ArchiveLimits& limits,
                                OpenArchive& archive);

}  // namespace galley::cli
