#include <galley/inputs.hpp>

#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include <galley/galley.hpp>

#include "detail/archive_limits.hpp"
#include "detail/text.hpp"
#include "detail/warc.hpp"
#include "detail/zip_layout.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

std::string lower_extension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool is_symlink_entry(zip_t* z, zip_uint64_t index) {
  zip_uint8_t opsys = 0;
  zip_uint32_t attributes = 0;
  if (zip_file_get_external_attributes(z, index, 0, &opsys, &attributes) != 0) return false;
  return opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK;
}

// Inflates entry `index`, checking every limit on the bytes actually inflated, since
// declared sizes can lie; `inflated` counts the archive's bytes read so far.
std::string read_entry(zip_t* z, zip_uint64_t index, const std::string& display,
                       std::uint64_t max_bytes, const ArchiveLimits& limits,
                       std::uint64_t& inflated) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, index, 0, &st) != 0) {
    throw Error(ErrorCode::Malformed, display, {}, zip_strerror(z));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    throw Error(ErrorCode::Unsupported, display, {}, "encrypted archive entry");
  }
  const std::uint64_t limit = std::min(limits.max_entry_bytes, max_bytes);
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(z, index, 0));
  if (!file) throw Error(ErrorCode::Malformed, display, {}, zip_strerror(z));

  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) throw Error(ErrorCode::Malformed, display, {}, zip_file_strerror(file.get()));
    if (n == 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
    inflated += static_cast<std::uint64_t>(n);
    if (bytes.size() > limit) {
      throw Error(ErrorCode::LimitExceeded, display, {},
                  "entry inflates past " + std::to_string(limit) + " bytes");
    }
    detail::check_total(limits, inflated, display);
    detail::check_ratio(limits, bytes.size(), st.comp_size, display, "zip");
  }
  return bytes;
}

bool is_readable_extension(const std::string& extension) {
  for (const auto& entry : Registry::builtin().readers()) {
    for (const auto& e : entry.info.extensions) {
      if (e == extension) return true;
    }
  }
  return false;
}

// Opens the zip archive at `path` for reading, with libzip's consistency checks.
ZipHandle open_zip(const fs::path& path) {
  int code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  // The strict check refuses a whole archive for two entries of one name; without it
  // libzip reads every entry, each is converted on its own, and the layout check
  // (overlapping_entries) still stands.
  if (!z && code == ZIP_ER_EXISTS) z = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!z) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(ErrorCode::Malformed, path.string(), {}, "not a readable zip archive: " + message);
  }
  return ZipHandle(z);
}

// One open handle per zip archive for the whole process, shared by the walkers and
// loaders of every thread: libzip holds an archive's central directory in memory (some
// 400 bytes an entry), so a handle for each would cost that over again per thread. As
// libzip lets one thread at a time use an archive, every use holds the archive's lock.
class SharedZip {
 public:
  // The handle of the archive at `path`, opening it unless another user has it open.
  static std::shared_ptr<SharedZip> open(const fs::path& path) {
    static std::mutex registry_mutex;
    static std::map<fs::path, std::weak_ptr<SharedZip>> registry;
    std::lock_guard lock(registry_mutex);
    std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });
    if (auto open = registry[path].lock()) return open;
    auto opened = std::shared_ptr<SharedZip>(new SharedZip(path));
    registry[path] = opened;
    return opened;
  }

  // Calls `use` with the archive, under its lock.
  template <typename Use>
  auto with(Use&& use) {
    std::lock_guard lock(mutex_);
    return use(zip_.get());
  }

  const fs::path& path() const { return path_; }

 private:
  explicit SharedZip(const fs::path& path) : path_(path), zip_(open_zip(path)) {}
  fs::path path_;
  std::mutex mutex_;
  ZipHandle zip_;
};

// The entries of a zip archive as input items, one at a time: libzip holds the
// central directory, and the layout check one bit per entry.
class ZipLister {
 public:
  ZipLister(const fs::path& path, const ArchiveLimits& limits)
      : path_(path), zip_(SharedZip::open(path)) {
    const zip_int64_t count = zip_->with([](zip_t* z) { return zip_get_num_entries(z, 0); });
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
      throw Error(ErrorCode::LimitExceeded, path.string(), {},
                  "archive has " + std::to_string(count) + " entries, over the limit of " +
                      std::to_string(limits.max_entries));
    }
    count_ = static_cast<zip_uint64_t>(count);
    overlapping_ = detail::overlapping_entries(path);
  }

  // The next entry whose extension a reader claims (not folders, nor the images beside
  // a page), with the error that refuses it if any; nullopt after the last.
  std::optional<InputItem> next() {
    while (next_ < count_) {
      const zip_uint64_t i = next_++;
      std::string name;
      bool symlink = false;
      zip_->with([&](zip_t* z) {
        const char* raw = zip_get_name(z, i, ZIP_FL_ENC_GUESS);
        name = raw ? raw : "";
        symlink = is_symlink_entry(z, i);
      });
      if ((!name.empty() && name.back() == '/') || !is_readable_extension(lower_extension(name))) {
        continue;
      }
      InputItem item{std::move(name), path_, i, {}, {}, {}};
      if (!is_safe_relative_path(item.relative)) {
        item.error = "unsafe entry name (absolute, '..', drive letter or backslash): refused";
      } else if (symlink) {
        item.error = "symbolic link entry: not followed";
      } else if (i < overlapping_.size() && overlapping_[i]) {
        item.error = "entry shares its bytes with another entry (an overlapping zip bomb): refused";
      }
      return item;
    }
    return std::nullopt;
  }

 private:
  fs::path path_;
  std::shared_ptr<SharedZip> zip_;
  zip_uint64_t count_ = 0, next_ = 0;
  std::vector<bool> overlapping_;
};

}  // namespace

bool is_zip_path(const fs::path& path) {
  return lower_extension(path.filename().string()) == ".zip";
}

bool is_warc_path(const fs::path& path) {
  const std::string name = detail::to_lower_ascii(path.filename().string());
  return name.ends_with(".warc") || name.ends_with(".warc.gz");
}

bool is_safe_relative_path(std::string_view path) noexcept {
  if (path.empty() || path.front() == '/') return false;
  if (path.size() >= 2 && path[1] == ':') return false;  // C:foo, a Windows drive
  for (const char c : path) {
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

// A folder is walked depth first, each directory's entries sorted by name, which is
// the order of the files' paths sorted whole. Only the directories on the way down
// are held, each as its entries not yet visited (last first).
struct InputWalker::State {
  std::vector<std::string> paths;
  std::size_t next_path = 0;
  ArchiveLimits limits;
  std::optional<InputItem> ready;  ///< a file given, or an error
  fs::path root;                   ///< the folder being walked
  std::vector<std::vector<fs::directory_entry>> folders;
  std::unique_ptr<ZipLister> zip;
  std::unique_ptr<detail::WarcLister> warc;

  // Lists the directory `dir` of the folder being walked; one that cannot be read is
  // an item carrying why.
  void enter(const fs::path& dir) {
    try {
      std::vector<fs::directory_entry> entries(fs::directory_iterator(dir), {});
      std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.path().filename() > b.path().filename();
      });
      folders.push_back(std::move(entries));
    } catch (const fs::filesystem_error& e) {
      const fs::path name = dir == root ? dir.filename() : dir.lexically_relative(root);
      ready = InputItem{name.generic_string(), dir, std::nullopt, e.code().message(), {}, {}};
    }
  }

  // The next file of the folder being walked whose format galley reads, if any is left.
  std::optional<InputItem> next_in_folder() {
    while (!folders.empty()) {
      if (folders.back().empty()) {
        folders.pop_back();
        continue;
      }
      const fs::directory_entry entry = std::move(folders.back().back());
      folders.back().pop_back();
      std::error_code ec;
      if (entry.is_directory(ec) && !entry.is_symlink(ec)) {  // links to folders not followed
        enter(entry.path());
        if (ready) return std::nullopt;  // it could not be read: say so first
      } else if (entry.is_regular_file(ec) &&
                 is_readable_extension(lower_extension(entry.path().filename().string()))) {
        return InputItem{entry.path().lexically_relative(root).generic_string(),
                         entry.path(),
                         std::nullopt,
                         {},
                         {},
                         {}};
      }
    }
    return std::nullopt;
  }

  // Starts on the path given next: a folder, a zip archive, a WARC or a file.
  void start(const fs::path& path) {
    std::error_code ec;
    try {
      if (fs::is_directory(path, ec)) {
        root = path;
        enter(path);
      } else if (is_zip_path(path)) {
        zip = std::make_unique<ZipLister>(path, limits);
      } else if (is_warc_path(path)) {
        warc = std::make_unique<detail::WarcLister>(path, limits);
      } else {
        ready = InputItem{path.filename().string(), path, std::nullopt, {}, {}, {}};
      }
    } catch (const Error& e) {
      ready = InputItem{path.filename().string(), path, std::nullopt, e.message(), {}, {}};
    }
  }
};

InputWalker::InputWalker(std::vector<std::string> paths, ArchiveLimits limits)
    : state_(std::make_unique<State>()) {
  state_->paths = std::move(paths);
  state_->limits = limits;
}
InputWalker::~InputWalker() = default;
InputWalker::InputWalker(InputWalker&&) noexcept = default;
InputWalker& InputWalker::operator=(InputWalker&&) noexcept = default;

std::optional<InputItem> InputWalker::next() {
  State& s = *state_;
  for (;;) {
    if (s.ready) return std::exchange(s.ready, std::nullopt);
    if (auto item = s.next_in_folder()) return item;
    if (s.ready) continue;
    if (s.zip) {
      if (auto item = s.zip->next()) return item;
      s.zip.reset();
    }
    if (s.warc) {
      if (auto item = s.warc->next()) return item;
      s.warc.reset();
    }
    if (s.next_path == s.paths.size()) return std::nullopt;
    s.start(s.paths[s.next_path++]);
  }
}

std::vector<InputItem> list_inputs(const std::vector<std::string>& paths,
                                   const ArchiveLimits& limits) {
  std::vector<InputItem> items;
  InputWalker walker(paths, limits);
  while (std::optional<InputItem> item = walker.next()) items.push_back(std::move(*item));
  return items;
}

// The archive a loader reads from, opened and checked once and kept open while the
// loader goes on with entries of the same archive (inputs come in archive order).
struct InputLoader::OpenArchive {
  std::shared_ptr<SharedZip> zip;

  // The open archive at `path`, opening it (and letting the one before go) if needed.
  SharedZip& get(const fs::path& wanted) {
    if (!zip || zip->path() != wanted) {
      zip.reset();
      zip = SharedZip::open(wanted);
    }
    return *zip;
  }
};

// The web archive a loader reads from, kept open (and at the place it got to) while
// the loader goes on with records of the same file.
struct InputLoader::OpenWarc {
  std::unique_ptr<detail::WarcSource> source;

  detail::WarcSource& get(const fs::path& wanted, const ArchiveLimits& limits) {
    if (!source || source->path() != wanted) {
      source.reset();
      source = std::make_unique<detail::WarcSource>(wanted, limits);
    }
    return *source;
  }
};

InputLoader::InputLoader(ArchiveLimits limits)
    : limits_(limits),
      archive_(std::make_unique<OpenArchive>()),
      warc_(std::make_unique<OpenWarc>()) {}
InputLoader::~InputLoader() = default;
InputLoader::InputLoader(InputLoader&&) noexcept = default;
InputLoader& InputLoader::operator=(InputLoader&&) noexcept = default;

std::string InputLoader::load(const InputItem& item, std::size_t max_bytes) {
  if (!item.error.empty()) throw Error(ErrorCode::Malformed, item.display(), {}, item.error);
  if (!item.skipped.empty()) {
    throw Error(ErrorCode::Malformed, item.display(), {}, "not a document: " + item.skipped);
  }
  if (item.warc) {
    return detail::load_warc_document(warc_->get(item.file, limits_), item, max_bytes);
  }
  if (!item.entry) return read_file_bytes(item.file, max_bytes);
  if (counted_ != item.file) {
    counted_ = item.file;
    inflated_ = 0;
  }
  return archive_->get(item.file).with([&](zip_t* zip) {
    return read_entry(zip, *item.entry, item.display(), max_bytes, limits_, inflated_);
  });
}

Input InputLoader::input(const InputItem& item, std::size_t max_bytes) {
  return Input(item.display(), load(item, max_bytes), item.warc ? item.warc->content_type : "");
}

ResourceLoader InputLoader::resources_for(const InputItem& item) {
  if (item.warc) {  // a crawl's images are records of their own, not looked up
    return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  }
  if (!item.entry) return folder_resources(item.file.parent_path());
  // The archive is opened on the first image asked for (if no one holds it open
  // already), so documents without images cost nothing.
  struct State {
    fs::path archive;
    std::string folder;  ///< the entry's folder inside the archive, with a trailing '/'
    ArchiveLimits limits;
    std::uint64_t inflated = 0;  ///< bytes of images read for this document
  };
  const std::size_t slash = item.relative.rfind('/');
  auto state = std::make_shared<State>(State{
      item.file, slash == std::string::npos ? "" : item.relative.substr(0, slash + 1), limits_});
  return [state, archive = archive_.get()](const std::string& path) -> std::optional<std::string> {
    const std::string name = state->folder + path;
    return archive->get(state->archive).with([&](zip_t* zip) -> std::optional<std::string> {
      const zip_int64_t index = zip_name_locate(zip, name.c_str(), 0);
      if (index < 0 || is_symlink_entry(zip, static_cast<zip_uint64_t>(index))) {
        return std::nullopt;
      }
      return read_entry(zip, static_cast<zip_uint64_t>(index), state->archive.string() + "!" + name,
                        kMaxResourceBytes, state->limits, state->inflated);
    });
  };
}

namespace detail {

void check_ratio(const ArchiveLimits& limits, std::uint64_t inflated, std::uint64_t compressed,
                 const std::string& input, std::string_view kind) {
  constexpr std::uint64_t kRatioCheckFloor = std::uint64_t{1} << 20;
  if (inflated > kRatioCheckFloor &&
      inflated / std::max<std::uint64_t>(compressed, 1) > limits.max_ratio) {
    throw Error(ErrorCode::LimitExceeded, input, {},
                "compression ratio over " + std::to_string(limits.max_ratio) + ":1 (a " +
                    std::string(kind) + " bomb?)");
  }
}

void check_total(const ArchiveLimits& limits, std::uint64_t total, const std::string& input) {
  if (total > limits.max_total_bytes) {
    throw Error(ErrorCode::LimitExceeded, input, {},
                "archive inflates past " + std::to_string(limits.max_total_bytes) + " bytes");
  }
}

}  // namespace detail
}  // namespace galley
