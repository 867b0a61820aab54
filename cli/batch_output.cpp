#include "batch_output.hpp"

#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

#include <galley/galley.hpp>

#include "gzip_writer.hpp"
#include "zip_handle.hpp"

namespace galley::cli {
namespace {

namespace fs = std::filesystem;

// Fixed entry times keep archives reproducible: 1980-01-01, the earliest zip time.
constexpr time_t kZipEntryTime = 315532800;

void write_under(const fs::path& root, const std::string& relative, std::string_view bytes) {
  const fs::path path = root / relative;
  fs::create_directories(path.parent_path());
  write_file_atomically(path, bytes);
}

// Removes an output this run wrote; a link or a device it was written through stays.
void remove_written(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(path, ec))) fs::remove(path, ec);
}

class FolderTarget final : public OutputTarget {
 public:
  FolderTarget(fs::path root, std::vector<std::string> extensions)
      : root_(std::move(root)), extensions_(std::move(extensions)) {
    fs::create_directories(root_);
  }
  void write(std::size_t, const std::string& relative, std::string_view bytes) override {
    clean_folder_of(relative);
    write_under(root_, relative, bytes);
  }
  void remove(const std::string& relative) override { remove_written(root_ / relative); }
  bool has(const std::string& relative) const override {
    std::error_code ec;
    return fs::is_regular_file(root_ / relative, ec);
  }
  std::size_t leftovers_removed() override {
    std::lock_guard lock(mutex_);
    return removed_;
  }
  void finish() override {}

 private:
  // Before this run first writes into a folder: the temporaries that a killed run left
  // there while writing an output of this run's kind (a name ending in one of its
  // extensions), one scan per folder. Done under the lock, which every write passes
  // first, so none of this run's own temporaries is there yet.
  void clean_folder_of(const std::string& relative) {
    const std::size_t slash = relative.rfind('/');
    const std::string folder = relative.substr(0, slash == std::string::npos ? 0 : slash);
    std::lock_guard lock(mutex_);
    if (!cleaned_.insert(folder).second) return;
    const auto is_output = [&](const std::string& name) {
      return std::any_of(extensions_.begin(), extensions_.end(),
                         [&](const std::string& ext) { return name.ends_with(ext); });
    };
    removed_ += remove_leftover_temporaries_in(root_ / folder, is_output);
  }

  fs::path root_;
  std::vector<std::string> extensions_;
  std::mutex mutex_;
  std::unordered_set<std::string> cleaned_;  ///< folders, relative to the root
  std::size_t removed_ = 0;
};

// The staging folder goes beside the file the archive will replace (symbolic links
// followed), so the finished archive is renamed onto it; an archive written into a
// device, FIFO or open descriptor is staged in the temporary folder.
fs::path staging_parent(const OutputPlace& place) {
  if (place.kind != OutputPlace::Kind::File) return fs::temp_directory_path();
  return place.path.has_parent_path() ? place.path.parent_path() : ".";
}

// The archive an earlier run wrote at `place`, to resume from; none when there is
// none, or (with a warning) when it cannot be read, so everything is converted again.
ZipHandle earlier_archive(const OutputPlace& place, const std::string& name) {
  std::error_code ec;
  if (place.kind != OutputPlace::Kind::File || !fs::exists(place.path, ec)) return nullptr;
  int code = 0;
  if (zip_t* z = zip_open(place.path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code)) {
    return ZipHandle(z);
  }
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::cerr << "galley: warning: " << name << ": the earlier archive cannot be read ("
            << zip_error_strerror(&error) << "); converting every input again\n";
  zip_error_fini(&error);
  return nullptr;
}

// What a batch stages an output file in, beside it: ".NAME.staging-XXXXXX".
std::string staging_prefix(const fs::path& output) {
  return "." + output.filename().string() + ".staging-";
}

// Removes the staging of killed runs beside `own` (this run's): the files and folders
// named by staging_prefix(), with an optional ".zip" (an archive packed from one). Only
// the output's own folder is looked at, since the shared temporary folder may hold
// another run's staging for an output of that name.
std::size_t remove_stale_staging(const fs::path& own, const std::string& prefix) {
  const auto is_leftover = [&](std::string name) {
    if (!name.starts_with(prefix)) return false;
    if (name.ends_with(".zip")) name.resize(name.size() - 4);
    const std::string unique = name.substr(prefix.size());
    return unique.size() == 6 && std::all_of(unique.begin(), unique.end(),
                                             [](unsigned char c) { return std::isalnum(c); });
  };
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(own.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path == own || !is_leftover(path.filename().string())) continue;
    std::error_code removing;
    removed += fs::remove_all(path, removing) > 0 ? 1 : 0;
  }
  return removed;
}

class ArchiveTarget final : public OutputTarget {
 public:
  ArchiveTarget(fs::path archive, bool resume);
  ~ArchiveTarget() override {
    std::error_code ec;
    fs::remove_all(staging_root_, ec);
  }
  void write(std::size_t, const std::string& relative, std::string_view bytes) override {
    write_under(staging_root_, relative, bytes);
    std::lock_guard lock(mutex_);
    entries_.insert(relative);
  }
  void remove(const std::string& relative) override {
    remove_written(staging_root_ / relative);
    std::lock_guard lock(mutex_);
    entries_.erase(relative);
  }
  bool has(const std::string& relative) const override {
    return earlier_ && zip_name_locate(earlier_.get(), relative.c_str(), 0) >= 0;
  }
  std::size_t leftovers_removed() override { return removed_; }
  void finish() override;

 private:
  std::map<std::string, std::optional<zip_uint64_t>> planned_entries() const;

  fs::path archive_;
  OutputPlace place_;
  fs::path staging_root_;
  ZipHandle earlier_;  ///< with --resume, the archive being extended
  std::mutex mutex_;
  std::set<std::string> entries_;
  std::size_t removed_ = 0;  ///< staging of killed runs
};

ArchiveTarget::ArchiveTarget(fs::path archive, bool resume)
    : archive_(std::move(archive)), place_(output_place(archive_)) {
  const fs::path dir = staging_parent(place_);
  fs::create_directories(dir);
  std::string pattern = (dir / (staging_prefix(archive_) + "XXXXXX")).string();
  if (!mkdtemp(pattern.data())) {
    throw Error(ErrorCode::Io, archive_.string(), {}, "cannot create a staging folder");
  }
  staging_root_ = pattern;
  if (place_.kind == OutputPlace::Kind::File) {
    removed_ = remove_stale_staging(staging_root_, staging_prefix(archive_));
  }
  if (resume) earlier_ = earlier_archive(place_, archive_.string());
}

// Every entry the archive will hold, in name order: the ones written by this run
// (no index) and, when resuming, the earlier archive's others (by their index there).
std::map<std::string, std::optional<zip_uint64_t>> ArchiveTarget::planned_entries() const {
  std::map<std::string, std::optional<zip_uint64_t>> planned;
  for (const std::string& entry : entries_) planned.emplace(entry, std::nullopt);
  const zip_int64_t earlier = earlier_ ? zip_get_num_entries(earlier_.get(), 0) : 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(std::max<zip_int64_t>(earlier, 0)); ++i) {
    const char* name = zip_get_name(earlier_.get(), i, 0);
    if (name && !std::string_view(name).ends_with('/')) planned.emplace(name, i);
  }
  return planned;
}

void ArchiveTarget::finish() {
  const std::string name = archive_.string();
  const std::string temp = staging_root_.string() + ".zip";
  int code = 0;
  zip_t* z = zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!z) throw Error(ErrorCode::Io, name, {}, "cannot create the archive");
  for (const auto& [entry, earlier_index] : planned_entries()) {
    // An entry kept from the earlier archive is copied as it is stored, not re-deflated.
    const std::string file = (staging_root_ / entry).string();
    zip_source_t* source = earlier_index
                               ? zip_source_zip(z, earlier_.get(), *earlier_index, 0, 0, -1)
                               : zip_source_file_create(file.c_str(), 0, -1, nullptr);
    const zip_int64_t index =
        source ? zip_file_add(z, entry.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) zip_source_free(source);
      zip_discard(z);
      throw Error(ErrorCode::Io, name, {}, "cannot add " + entry);
    }
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), kZipEntryTime, 0);
  }
  if (zip_close(z) != 0) {
    const std::string message = zip_strerror(z);
    zip_discard(z);
    throw Error(ErrorCode::Io, name, {}, "cannot write the archive: " + message);
  }
  move_file_to_output(temp, archive_);
}

// Lines arrive from the workers in any order and go into the output in input order
// as soon as every line before them is in, or known to be missing. Only the lines that
// arrive early wait, in a staging file, so memory holds neither the lines nor an entry
// per input: a crawl of any size is written in the same memory. The staging file has
// no name from the start, so no end of the run, not even kill -9, leaves it behind.
class JsonLinesTarget final : public OutputTarget {
 public:
  /// Writes to `output`, or to standard output for "-".
  explicit JsonLinesTarget(const fs::path& output);
  ~JsonLinesTarget() override { ::close(staging_); }
  void write(std::size_t input, const std::string&, std::string_view bytes) override;
  void pass(std::size_t input) override;
  // One output per input: nothing is ever taken back.
  void remove(const std::string&) override {}
  bool has(const std::string&) const override { return false; }
  std::size_t leftovers_removed() override { return removed_; }
  void finish() override;

 private:
  struct Staged {
    off_t offset = 0;
    std::size_t size = 0;  ///< 0: the input has no line
  };
  void emit(std::string_view line);
  void emit_staged(const Staged& staged);
  void emit_ready();

  fs::path output_;
  std::size_t removed_ = 0;  ///< temporaries of the output that killed runs left
  int staging_ = -1;
  off_t staging_end_ = 0;
  std::mutex mutex_;
  std::size_t next_ = 0;                 ///< the input whose line goes next
  std::map<std::size_t, Staged> early_;  ///< inputs done before `next_`'s turn
  std::optional<OutputStream> out_;      ///< opened with the first line
  std::optional<GzipWriter> gzip_;       ///< for a ".gz" output, onto `out_`
  std::optional<Error> failed_;          ///< a write to the output failed: no more
};

JsonLinesTarget::JsonLinesTarget(const fs::path& output)
    : output_(output == "-" ? fs::path("/dev/stdout") : output) {
  const fs::path dir = staging_parent(output_place(output_));
  fs::create_directories(dir);
  std::string pattern = (dir / (staging_prefix(output_) + "XXXXXX")).string();
  staging_ = mkstemp(pattern.data());
  if (staging_ < 0) {
    throw Error(ErrorCode::Io, output_.string(), {}, "cannot create a staging file");
  }
  ::unlink(pattern.c_str());
  // The temporary file of a regular file's output (a stream is written in place).
  if (output_place(output_).kind == OutputPlace::Kind::File) {
    removed_ = remove_leftover_temporaries({output_});
  }
}

// Into the output; a failure there spoils the output whole, so every later write and
// finish() give it again.
void JsonLinesTarget::emit(std::string_view line) {
  if (failed_) throw *failed_;
  try {
    if (!out_) {
      out_.emplace(output_);
      if (is_gzip_path(output_)) gzip_.emplace(*out_);
    }
    gzip_ ? gzip_->write(line) : out_->write(line);
  } catch (const Error& e) {
    failed_ = e;
    throw;
  }
}

void JsonLinesTarget::emit_staged(const Staged& staged) {
  if (staged.size == 0) return;
  std::string line(staged.size, '\0');
  if (::pread(staging_, line.data(), staged.size, staged.offset) !=
      static_cast<ssize_t>(staged.size)) {
    failed_ = Error(ErrorCode::Io, output_.string(), {}, "cannot read a staged line back");
    throw *failed_;
  }
  emit(line);
}

// The early lines whose turn has come.
void JsonLinesTarget::emit_ready() {
  for (auto it = early_.begin(); it != early_.end() && it->first == next_; ++next_) {
    emit_staged(it->second);
    it = early_.erase(it);
  }
}

void JsonLinesTarget::write(std::size_t input, const std::string&, std::string_view bytes) {
  std::lock_guard lock(mutex_);
  if (input == next_) {
    emit(bytes);
    ++next_;
    emit_ready();
    return;
  }
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pwrite(staging_, bytes.data() + done, bytes.size() - done,
                               staging_end_ + static_cast<off_t>(done));
    if (n < 0) {
      throw Error(ErrorCode::Io, output_.string(), {},
                  "cannot stage a line: " + std::string(strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  early_[input] = {staging_end_, bytes.size()};
  staging_end_ += static_cast<off_t>(bytes.size());
}

void JsonLinesTarget::pass(std::size_t input) {
  std::lock_guard lock(mutex_);
  if (input != next_) {
    early_[input] = {};
    return;
  }
  ++next_;
  try {
    emit_ready();
  } catch (const Error&) {
    // Kept in failed_: the lines' own writes and finish() give it.
  }
}

// After an interrupt some inputs never came: the lines after them go in, in order.
void JsonLinesTarget::finish() {
  std::lock_guard lock(mutex_);
  for (const auto& [input, staged] : early_) emit_staged(staged);
  early_.clear();
  emit("");  // opens the output when no line came, so an empty run leaves an empty file
  if (gzip_) gzip_->finish();
  out_->close();
}

std::string strip_extension(const std::string& relative) {
  const fs::path path(relative);
  return path.has_extension() ? (path.parent_path() / path.stem()).generic_string() : relative;
}

}  // namespace

bool is_json_lines_path(const fs::path& path) {
  const std::string name = path.filename().string();
  return path == "-" || name.ends_with(".jsonl") || name.ends_with(".jsonl.gz");
}

std::unique_ptr<OutputTarget> open_output(const fs::path& path, bool resume,
                                          const std::vector<std::string>& extensions) {
  if (is_json_lines_path(path)) return std::make_unique<JsonLinesTarget>(path);
  if (is_zip_path(path)) return std::make_unique<ArchiveTarget>(path, resume);
  return std::make_unique<FolderTarget>(path, extensions);
}

std::uint64_t TakenNames::key(std::string_view name) {
  const std::uint64_t hash = std::hash<std::string_view>{}(name);
  return hash == 0 ? 1 : hash;  // 0 marks an empty slot
}

// Linear probing from the key's home slot to the key or the first empty slot; the
// table is never more than half full.
std::size_t TakenNames::slot_of(std::uint64_t key) const {
  std::size_t at = static_cast<std::size_t>(key) & (slots_.size() - 1);
  while (slots_[at] != 0 && slots_[at] != key) at = (at + 1) & (slots_.size() - 1);
  return at;
}

bool TakenNames::contains(std::string_view name) const { return slots_[slot_of(key(name))] != 0; }

void TakenNames::insert(std::string_view name) {
  const std::uint64_t k = key(name);
  std::size_t at = slot_of(k);
  if (slots_[at] == k) return;
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    for (const std::uint64_t moved : old) {
      if (moved != 0) slots_[slot_of(moved)] = moved;
    }
    at = slot_of(k);
  }
  slots_[at] = k;
  ++size_;
}

std::vector<std::string> OutputNamer::name(const InputItem& item, std::vector<Renamed>& renamed) {
  std::vector<std::string> outputs;
  if (!item.skipped.empty()) return outputs;
  for (const std::string& ext : extensions_) {
    const std::string wanted = strip_extension(item.relative) + ext;
    std::string given = wanted;
    for (int n = 1; taken_.contains(given); ++n) {
      given = n == 1 ? item.relative + ext
                     : strip_extension(item.relative) + "." + std::to_string(n) + ext;
    }
    if (given != wanted) renamed.push_back({item.display(), wanted, given});
    taken_.insert(given);
    outputs.push_back(std::move(given));
  }
  return outputs;
}

}  // namespace galley::cli
