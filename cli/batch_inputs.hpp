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

namespace galley::cli {

struct ArchiveLimits {
  std::uint64_t max_entries = 100'000;                       ///< entries per archive
  std::uint64_t max_entry_bytes = std::uint64_t{256} << 20;  ///< inflated size per entry
  std::uint64_t max_total_bytes = std::uint64_t{4} << 30;    ///< inflated size per archive
  std::uint64_t max_ratio = 200;  ///< inflated/compressed, checked for entries over 1 MiB
};

/// One document to convert.
struct InputItem {
  std::string display;         ///< name in messages and the report: "a/b.html", "x.zip!a/b.html"
  std::string relative;        ///< path the outputs mirror, '/'-separated: "a/b.html"
  std::filesystem::path file;  ///< the file, or the archive holding the entry
  std::optional<std::uint64_t> entry;  ///< index inside the archive at `file`
  std::string error;  ///< set when the input is refused before reading (unsafe name...)
};

/// True when `path` names a zip archive (by its extension, in any case).
bool is_zip_path(const std::filesystem::path& path);

/// True for a '/'-separated relative path safe to recreate under an output folder:
/// no empty, "." or ".." components, no absolute path, drive letter, backslash or
/// control character.
bool is_safe_relative_path(std::string_view path) noexcept;

/// Lists the inputs of `paths` in order: a file as itself, a folder's files (sorted,
/// recursive, symlinked folders not followed) whose extension `accept` takes, and a
/// zip archive's entries. A broken archive becomes one item carrying its error.
std::vector<InputItem> list_inputs(const std::vector<std::string>& paths,
                                   bool (*accept)(const std::string& extension),
                                   const ArchiveLimits& limits);

/// Reads inputs' bytes in list order, keeping the current archive open between
/// consecutive entries of it. Not thread-safe: one loader per producer thread.
class InputLoader {
 public:
  explicit InputLoader(ArchiveLimits limits);
  ~InputLoader();
  InputLoader(const InputLoader&) = delete;
  InputLoader& operator=(const InputLoader&) = delete;

  /// The bytes of `item`, at most `max_bytes`; throws galley::Error naming the item.
  std::string load(const InputItem& item, std::size_t max_bytes);

 private:
  struct OpenArchive;
  ArchiveLimits limits_;
  std::unique_ptr<OpenArchive> archive_;
};

/// Where the images `item` refers to by relative path are read from: the files in its
/// folder, or the entries in its folder inside its archive (same limits as inputs).
ResourceLoader resources_beside(const InputItem& item, const ArchiveLimits& limits);

}  // namespace galley::cli
