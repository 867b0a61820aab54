#include "batch_output.hpp"

#include <stdlib.h>
#include <zip.h>

#include <algorithm>
#include <mutex>
#include <set>

#include <galley/galley.hpp>

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

class FolderTarget final : public OutputTarget {
 public:
  explicit FolderTarget(fs::path root) : root_(std::move(root)) { fs::create_directories(root_); }
  void write(const std::string& relative, std::string_view bytes) override {
    write_under(root_, relative, bytes);
  }
  bool has(const std::string& relative) const override {
    std::error_code ec;
    return fs::is_regular_file(root_ / relative, ec);
  }
  void finish() override {}

 private:
  fs::path root_;
};

// The staging folder goes beside the file the archive will replace (symbolic links
// followed), so the finished archive is renamed onto it; an archive written into a
// device, FIFO or open descriptor is staged in the temporary folder.
fs::path staging_parent(const fs::path& archive) {
  const OutputPlace place = output_place(archive);
  if (place.kind != OutputPlace::Kind::File) return fs::temp_directory_path();
  return place.path.has_parent_path() ? place.path.parent_path() : ".";
}

class ArchiveTarget final : public OutputTarget {
 public:
  explicit ArchiveTarget(fs::path archive) : archive_(std::move(archive)) {
    const fs::path dir = staging_parent(archive_);
    fs::create_directories(dir);
    std::string pattern = (dir / ("." + archive_.filename().string() + ".staging-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) {
      throw Error(ErrorCode::Io, archive_.string(), {}, "cannot create a staging folder");
    }
    staging_root_ = pattern;
  }
  ~ArchiveTarget() override {
    std::error_code ec;
    fs::remove_all(staging_root_, ec);
  }
  void write(const std::string& relative, std::string_view bytes) override {
    write_under(staging_root_, relative, bytes);
    std::lock_guard lock(mutex_);
    entries_.insert(relative);
  }
  bool has(const std::string&) const override { return false; }
  void finish() override;

 private:
  fs::path archive_;
  fs::path staging_root_;
  std::mutex mutex_;
  std::set<std::string> entries_;
};

void ArchiveTarget::finish() {
  const std::string name = archive_.string();
  const std::string temp = staging_root_.string() + ".zip";
  int code = 0;
  zip_t* z = zip_open(temp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!z) throw Error(ErrorCode::Io, name, {}, "cannot create the archive");
  for (const std::string& entry : entries_) {
    const std::string file = (staging_root_ / entry).string();
    zip_source_t* source = zip_source_file_create(file.c_str(), 0, -1, nullptr);
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

std::string strip_extension(const std::string& relative) {
  const fs::path path(relative);
  return path.has_extension() ? (path.parent_path() / path.stem()).generic_string() : relative;
}

}  // namespace

std::unique_ptr<OutputTarget> open_output(const fs::path& path) {
  if (is_zip_path(path)) return std::make_unique<ArchiveTarget>(path);
  return std::make_unique<FolderTarget>(path);
}

std::vector<std::vector<std::string>> plan_outputs(const std::vector<InputItem>& items,
                                                   const std::vector<std::string>& extensions,
                                                   std::vector<Renamed>& renamed) {
  std::set<std::string> taken;
  std::vector<std::vector<std::string>> plan;
  plan.reserve(items.size());
  for (const InputItem& item : items) {
    std::vector<std::string> outputs;
    for (const std::string& ext : extensions) {
      const std::string wanted = strip_extension(item.relative) + ext;
      std::string given = wanted;
      for (int n = 1; taken.count(given); ++n) {
        given = n == 1 ? item.relative + ext
                       : strip_extension(item.relative) + "." + std::to_string(n) + ext;
      }
      if (given != wanted) renamed.push_back({item.display, wanted, given});
      taken.insert(given);
      outputs.push_back(given);
    }
    plan.push_back(std::move(outputs));
  }
  return plan;
}

}  // namespace galley::cli
