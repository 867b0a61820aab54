// Reading a zip archive an entry at a time. minizip reads the central directory one
// record at a time where libzip holds all of it in memory (some 330 bytes an entry, so
// 33 MB for 100,000 entries), so a reader costs the same for ten entries or a million
// and each thread can keep one of its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::detail {

/// Where an entry's record stands in the central directory, to go back to it at once.
struct ZipPosition {
  std::uint64_t record = 0;  ///< offset of the entry's central-directory record
  std::uint64_t index = 0;   ///< the entry's index, in central-directory order
};

/// What the central directory says of an entry.
struct ZipEntryInfo {
  std::string name;  ///< UTF-8: as stored when flagged or valid as UTF-8, else read as CP437
  std::uint64_t compressed = 0;  ///< declared sizes
  std::uint64_t size = 0;
  int method = 0;         ///< 0 stored, 8 deflate, 12 bzip2
  std::uint32_t crc = 0;  ///< the CRC-32 of its bytes
  bool encrypted = false;
  bool symlink = false;  ///< made on Unix with the mode of a symbolic link
};

/// One open zip archive with a current entry, for one thread at a time.
class ZipReader {
 public:
  /// Receives an entry's bytes a piece at a time.
  using Take = std::function<void(std::string_view)>;

  /// Opens the archive at `path` on its first entry; throws Error (Malformed, naming
  /// the file) when it is not a zip archive whose directory can be found.
  explicit ZipReader(const std::filesystem::path& path);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  const std::filesystem::path& path() const { return path_; }
  /// The number of entries the directory declares.
  std::uint64_t size() const { return size_; }

  /// Moves to entry `index`: forward from the current entry, or, when it is behind,
  /// from the last checkpoint before it (one every 1,024 entries passed), so entries
  /// taken in order cost one record each and any other at most 1,024. Throws Error
  /// (Malformed) when the directory ends or is damaged before it.
  void go_to(std::uint64_t index);
  /// Moves to the entry at `at`, as position() gave it.
  void go_to(const ZipPosition& at);
  ZipPosition position() const;
  const ZipEntryInfo& entry() const { return entry_; }

  /// Inflates the current entry, giving `take` its bytes piece by piece (`take` may
  /// throw to stop). Throws Error naming `display` for an encrypted entry or a method
  /// other than stored, deflate and bzip2 (Unsupported), and for a local header that
  /// disagrees with the directory, damaged data or bytes that do not match the checksum
  /// and declared size (Malformed).
  void inflate(const std::string& display, const Take& take);

 private:
  std::uint64_t read_current(const std::string& display, const Take& take);
  std::uint64_t read_bzip2(const std::string& display, const Take& take);
  [[noreturn]] void mismatch(const std::string& display) const;
  void read_entry_info();
  void go_back_before(std::uint64_t index);
  void note_checkpoint();
  [[noreturn]] void damaged(std::string_view what) const;

  std::filesystem::path path_;
  void* zip_ = nullptr;  ///< minizip's unzFile
  std::uint64_t size_ = 0;
  std::uint64_t index_ = 0;  ///< the current entry
  bool read_ = false;        ///< whether entry_ describes it
  ZipEntryInfo entry_;
  static constexpr std::uint64_t kCheckpointEvery = 1024;
  std::vector<ZipPosition> checkpoints_;  ///< of entries 0, 1024, 2048… as passed
};

/// The entries of an archive by name, for finding the images beside a page: a hash and
/// a position an entry (24 bytes), built in one pass over the directory.
class ZipNameIndex {
 public:
  explicit ZipNameIndex(ZipReader& reader);
  /// The first entry called `name`, moving `reader` (on the same archive) to check it.
  std::optional<ZipPosition> find(ZipReader& reader, std::string_view name) const;

 private:
  struct Named {
    std::uint64_t hash;
    ZipPosition at;
  };
  std::vector<Named> entries_;  ///< by hash, then index
};

}  // namespace galley::detail
