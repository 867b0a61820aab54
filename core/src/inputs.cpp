#include <galley/inputs.hpp>

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
#include "detail/zip_reader.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Inflates the current entry of `zip`, checking every limit on the bytes actually
// inflated; `inflated` counts the archive's bytes read so far.
std::string read_entry(detail::ZipReader& zip, const std::string& display, std::uint64_t max_bytes,
                       const ArchiveLimits& limits, std::uint64_t& inflated) {
  const std::uint64_t limit = std::min(limits.max_entry_bytes, max_bytes);
  const std::uint64_t compressed = zip.entry().compressed;
  std::string bytes;
  zip.inflate(display, [&](std::string_view piece) {
    bytes.append(piece);
    inflated += piece.size();
    if (bytes.size() > limit) {
      throw Error(ErrorCode::LimitExceeded, display, {},
                  "entry inflates past " + std::to_string(limit) + " bytes");
    }
    detail::check_total(limits, inflated, display);
    detail::check_ratio(limits, bytes.size(), compressed, display, "zip");
  });
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

// The entries of a zip archive as input items, one at a time: the reader holds one
// directory record, and the layout check one bit per entry.
class ZipLister {
 public:
  ZipLister(const fs::path& path, const ArchiveLimits& limits) : path_(path), zip_(path) {
    if (zip_.size() > limits.max_entries) {
      throw Error(ErrorCode::LimitExceeded, path.string(), {},
                  "archive has " + std::to_string(zip_.size()) + " entries, over the limit of " +
                      std::to_string(limits.max_entries));
    }
    overlapping_ = detail::overlapping_entries(path);
  }

  // The next entry whose extension a reader claims (not folders, nor the images beside
  // a page), with the error that refuses it if any; nullopt after the last. A damaged
  // directory ends the archive with an item saying so.
  std::optional<InputItem> next() {
    while (next_ < zip_.size()) {
      const std::uint64_t i = next_++;
      try {
        zip_.go_to(i);
      } catch (const Error& e) {
        next_ = zip_.size();
        return InputItem{path_.filename().string(), path_, std::nullopt, e.message(), {}, {}};
      }
      const detail::ZipEntryInfo& entry = zip_.entry();
      if ((!entry.name.empty() && entry.name.back() == '/') ||
          !is_readable_extension(lower_extension(entry.name))) {
        continue;
      }
      InputItem item{entry.name, path_, i, {}, {}, {}};
      if (!is_safe_relative_path(item.relative)) {
        item.error = "unsafe entry name (absolute, '..', drive letter or backslash): refused";
      } else if (entry.symlink) {
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
  detail::ZipReader zip_;
  std::uint64_t next_ = 0;
  std::vector<bool> overlapping_;
};

// The name index of each archive that some loader is finding images in, shared by
// every thread's loader: it is built in one pass over the directory and not changed.
std::shared_ptr<const detail::ZipNameIndex> names_of(const fs::path& path) {
  static std::mutex registry_mutex;
  static std::map<fs::path, std::weak_ptr<const detail::ZipNameIndex>> registry;
  std::lock_guard lock(registry_mutex);
  std::erase_if(registry, [](const auto& entry) { return entry.second.expired(); });
  if (auto built = registry[path].lock()) return built;
  detail::ZipReader reader(path);
  auto built = std::make_shared<const detail::ZipNameIndex>(reader);
  registry[path] = built;
  return built;
}

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

// The archive a loader reads from, kept open while the loader goes on with entries of
// the same archive (inputs come in archive order): one reader for the documents, taken
// in order, and one for the images they refer to, found by name.
struct InputLoader::OpenArchive {
  std::unique_ptr<detail::ZipReader> documents;
  std::unique_ptr<detail::ZipReader> images;
  std::shared_ptr<const detail::ZipNameIndex> names;

  detail::ZipReader& documents_of(const fs::path& wanted) {
    if (!documents || documents->path() != wanted) {
      documents.reset();
      documents = std::make_unique<detail::ZipReader>(wanted);
    }
    return *documents;
  }

  // The reader of images at the entry called `name` of the archive `wanted`, if one
  // is there and is no symbolic link.
  detail::ZipReader* image(const fs::path& wanted, const std::string& name) {
    if (!images || images->path() != wanted) {
      images.reset();
      names.reset();
      images = std::make_unique<detail::ZipReader>(wanted);
      names = names_of(wanted);
    }
    if (!names->find(*images, name) || images->entry().symlink) return nullptr;
    return images.get();
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
  detail::ZipReader& zip = archive_->documents_of(item.file);
  zip.go_to(*item.entry);
  return read_entry(zip, item.display(), max_bytes, limits_, inflated_);
}

Input InputLoader::input(const InputItem& item, std::size_t max_bytes) {
  return Input(item.display(), load(item, max_bytes), item.warc ? item.warc->content_type : "");
}

ResourceLoader InputLoader::resources_for(const InputItem& item) {
  if (item.warc) {  // a crawl's images are records of their own, not looked up
    return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  }
  if (!item.entry) return folder_resources(item.file.parent_path());
  // The archive's images are opened and indexed on the first image asked for, so
  // documents without images cost nothing.
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
    detail::ZipReader* zip = archive->image(state->archive, name);
    if (!zip) return std::nullopt;
    return read_entry(*zip, state->archive.string() + "!" + name, kMaxResourceBytes, state->limits,
                      state->inflated);
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
