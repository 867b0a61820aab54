// Many documents at once: the files given, the files of folders and the entries of zip
// archives, listed in a deterministic order and read with the checks that hostile
// archives need (no path traversal, no symbolic links, no entries sharing bytes,
// bounded sizes and compression ratios). What `galley batch` and `galley bundle` read,
// for programs that convert many documents themselves:
//
//   galley::InputLoader loader;
//   for (const galley::InputItem& item : galley::list_inputs({"news.zip"})) {
//     galley::Diagnostics diag;
//     galley::ReadOptions options;
//     options.load_resource = loader.resources_for(item);  // its images, same checks
//     const std::string bytes = loader.load(item, options.max_input_bytes);
//     galley::Article a = galley::read({item.display(), bytes, {}}, options, diag);
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

/// One document to convert: a file, or an entry of a zip archive.
// An archive of 100,000 entries has as many items, all held at once: an item keeps
// no more than it must (its display name is made when asked for).
struct InputItem {
  std::string relative;                ///< path the outputs mirror, '/'-separated: "a/b.html"
  std::filesystem::path file;          ///< the file, or the archive holding the entry
  std::optional<std::uint64_t> entry;  ///< index inside the archive at `file`
  std::string error;  ///< set when the input is refused before reading (unsafe name...)

  /// The name in messages and reports: the file as given or found ("in/a/b.html"), or
  /// the archive and entry ("x.zip!a/b.html").
  std::string display() const { return entry ? file.string() + "!" + relative : file.string(); }
};

/// True when `path` names a zip archive (by its extension, in any case).
bool is_zip_path(const std::filesystem::path& path);

/// True for a '/'-separated relative path safe to recreate under an output folder:
/// no empty, "." or ".." components, no absolute path, drive letter, backslash or
/// control character.
bool is_safe_relative_path(std::string_view path) noexcept;

/// Lists the documents of `paths` in order: a file as itself, the files of a folder
/// (sorted, recursive, symbolic links to folders not followed) and the entries of a zip
/// archive whose extension a built-in reader claims. An entry that must not be read
/// (an unsafe name, a symbolic link, bytes shared with another entry) and an archive
/// or folder that cannot be listed become one item carrying its error.
std::vector<InputItem> list_inputs(const std::vector<std::string>& paths,
                                   const ArchiveLimits& limits = {});

/// Reads the items list_inputs gave, keeping the current archive open between
/// consecutive entries of it, so reading costs the same whatever the archive's size.
/// Not thread-safe: one loader per thread.
class InputLoader {
 public:
  explicit InputLoader(ArchiveLimits limits = {});
  ~InputLoader();
  InputLoader(InputLoader&&) noexcept;
  InputLoader& operator=(InputLoader&&) noexcept;

  /// The bytes of `item`, at most `max_bytes`. Throws Error naming the item: Malformed
  /// for a refused item or a broken archive, Io for an unreadable file, Unsupported
  /// for an encrypted entry, LimitExceeded past a size, total or ratio limit.
  std::string load(const InputItem& item, std::size_t max_bytes);

  /// Where the images `item` refers to by relative path are read from: the files of its
  /// folder (as folder_resources), or the entries of its folder inside its archive with
  /// the same limits. Reads through this loader: use it while the loader lives, on the
  /// loader's thread.
  ResourceLoader resources_for(const InputItem& item);

 private:
  struct OpenArchive;
  ArchiveLimits limits_;
  std::unique_ptr<OpenArchive> archive_;
  std::filesystem::path counted_;  ///< the archive `inflated_` counts the bytes of
  std::uint64_t inflated_ = 0;
};

}  // namespace galley
#pragma GCC visibility pop
