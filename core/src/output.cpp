// Writing outputs without harming what a path names: regular files are replaced
// atomically (through symbolic links, which stay links), character devices, FIFOs and
// open descriptors are written in place, and folders, sockets and disks are refused.
#include <galley/galley.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace galley {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxSymlinks = 40;  // the kernel's own limit when it resolves a path

Error io_error(const std::string& name, const std::string& message) {
  return Error(ErrorCode::Io, name, {}, message);
}

std::string system_message(int error_number) { return std::strerror(error_number); }

// Closes a descriptor galley opened; close() reports what a late failure says.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  void close(const std::string& name) {
    if (::close(std::exchange(fd_, -1)) != 0) {
      throw io_error(name, "cannot write: " + system_message(errno));
    }
  }

 private:
  int fd_;
};

// Removes a temporary file unless released; keeps failed writes from leaving debris.
class TempFileGuard {
 public:
  explicit TempFileGuard(std::string path) : path_(std::move(path)) {}
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
  ~TempFileGuard() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  void release() { path_.clear(); }

 private:
  std::string path_;
};

void write_all(int fd, std::string_view bytes, const std::string& name) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw io_error(name, "cannot write: " + system_message(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void copy_all(int from, int to, const std::string& from_name, const std::string& name) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n == 0) return;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error(name, "cannot read " + from_name + ": " + system_message(errno));
    write_all(to, std::string_view(buffer, static_cast<std::size_t>(n)), name);
  }
}

// umask can only be read by setting it, which races with other threads creating
// files; read it once, the first time galley writes a file.
mode_t process_umask() {
  static const mode_t mask = [] {
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  return mask;
}

mode_t permissions_for(const OutputPlace& place) {
  return place.permissions ? static_cast<mode_t>(*place.permissions) : 0666 & ~process_umask();
}

// N when `path` is entry N of this process's descriptor folder (/proc/self/fd,
// /proc/<pid>/fd or /dev/fd, however reached). The kernel resolves such a link to the
// open file itself (a pipe, a terminal, a file at its offset), so it is written
// through, never followed or replaced.
std::optional<int> descriptor_named(const fs::path& path) {
  const std::string entry = path.filename().string();
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (entry.empty() || entry.size() > 9 || !std::all_of(entry.begin(), entry.end(), is_digit)) {
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path folder = fs::canonical(path.has_parent_path() ? path.parent_path() : ".", ec);
  const fs::path own = fs::path("/proc") / std::to_string(::getpid()) / "fd";
  if (ec || (folder != own && folder != "/dev/fd")) return std::nullopt;
  return std::stoi(entry);
}

fs::path link_target(const fs::path& link, const std::string& name) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(link, ec);
  if (ec) {
    throw io_error(name, "cannot read the symbolic link " + link.string() + ": " + ec.message());
  }
  return target.is_absolute() ? target : link.parent_path() / target;
}

std::string what_it_is(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISBLK(mode)) return "a block device (a disk)";
  if (S_ISSOCK(mode)) return "a socket";
  return "neither a file nor a device";
}

// The place of something that exists and is not a symbolic link; `linked` when `name`
// led to it through symbolic links.
OutputPlace existing_place(const fs::path& path, mode_t mode, const std::string& name,
                           bool linked) {
  if (S_ISREG(mode)) {
    return {OutputPlace::Kind::File, path, -1, static_cast<fs::perms>(mode & 0777)};
  }
  if (S_ISCHR(mode) || S_ISFIFO(mode)) return {OutputPlace::Kind::Stream, path, -1, {}};
  const std::string it = what_it_is(mode) + ", not a file";
  throw io_error(name, linked ? "leads to " + path.string() + ", which is " + it : "is " + it);
}

OutputPlace descriptor_place(const fs::path& path, int fd, const std::string& name) {
  if (::fcntl(fd, F_GETFD) == -1) {
    throw io_error(name, "names descriptor " + std::to_string(fd) + ", which is not open");
  }
  return {OutputPlace::Kind::Descriptor, path, fd, {}};
}

// Opens a character device or FIFO without creating or truncating it; an open
// descriptor is duplicated, so closing ours leaves the caller's open.
FileDescriptor open_in_place(const OutputPlace& place, const std::string& name) {
  if (place.kind == OutputPlace::Kind::Descriptor) {
    FileDescriptor out(::fcntl(place.fd, F_DUPFD_CLOEXEC, 0));
    if (out.get() < 0) throw io_error(name, "cannot write: " + system_message(errno));
    return out;
  }
  FileDescriptor out(::open(place.path.c_str(), O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC));
  if (out.get() < 0) throw io_error(name, "cannot open: " + system_message(errno));
  struct stat info {};
  if (::fstat(out.get(), &info) != 0 || !(S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))) {
    throw io_error(name, "changed from a device or FIFO while it was being opened");
  }
  return out;
}

void rename_onto(const std::string& from, const OutputPlace& place, const std::string& name) {
  if (std::rename(from.c_str(), place.path.c_str()) != 0) {
    throw io_error(name, "cannot replace: " + system_message(errno));
  }
}

// Temporary files are hidden and named after the output they become,
// ".NAME.galley-XXXXXX" beside it, so a later run can tell whose a leftover is.
constexpr std::string_view kTemporaryTag = ".galley-";
constexpr std::size_t kTemporaryUnique = 6;  // mkstemp's XXXXXX

// Creates the temporary file that will replace `place.path`, with the permissions the
// output will have; its name is stored in `temporary`.
FileDescriptor create_temporary(const OutputPlace& place, const std::string& name,
                                std::string& temporary) {
  const fs::path dir = place.path.has_parent_path() ? place.path.parent_path() : ".";
  temporary = (dir / ("." + place.path.filename().string() + std::string(kTemporaryTag) +
                      std::string(kTemporaryUnique, 'X')))
                  .string();
  FileDescriptor out(::mkstemp(temporary.data()));
  if (out.get() < 0) {
    temporary.clear();
    throw io_error(name, "cannot create a file here: " + system_message(errno));
  }
  ::fchmod(out.get(), permissions_for(place));  // mkstemp creates 0600
  return out;
}

// The output whose temporary file `file_name` is, if it is one.
std::optional<std::string> output_of_temporary(std::string_view file_name) {
  const std::size_t min_size = 2 + kTemporaryTag.size() + kTemporaryUnique;
  if (file_name.size() < min_size || file_name.front() != '.') return std::nullopt;
  const std::size_t tag = file_name.size() - kTemporaryUnique - kTemporaryTag.size();
  if (file_name.substr(tag, kTemporaryTag.size()) != kTemporaryTag) return std::nullopt;
  const auto is_unique_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)); };
  if (!std::all_of(file_name.end() - kTemporaryUnique, file_name.end(), is_unique_char)) {
    return std::nullopt;
  }
  return std::string(file_name.substr(1, tag - 1));
}

}  // namespace

OutputPlace output_place(const fs::path& path) {
  const std::string name = path.string();
  fs::path current = path;
  for (int links = 0;; ++links) {
    if (const auto fd = descriptor_named(current)) return descriptor_place(current, *fd, name);
    struct stat info {};
    // Nothing there (or nothing that can be examined): a new file, whose creation
    // reports what stands in the way.
    if (::lstat(current.c_str(), &info) != 0) return {OutputPlace::Kind::File, current, -1, {}};
    if (!S_ISLNK(info.st_mode)) return existing_place(current, info.st_mode, name, links > 0);
    if (links == kMaxSymlinks) throw io_error(name, "too many levels of symbolic links");
    current = link_target(current, name);
  }
}

struct OutputStream::State {
  std::string name;  ///< the path as given, for messages
  OutputPlace place;
  FileDescriptor fd;
  std::string temporary;  ///< a regular file's temporary name until it is published
  std::uint64_t size = 0;
};

OutputStream::OutputStream(const fs::path& path) : state_(std::make_unique<State>()) {
  state_->name = path.string();
  state_->place = output_place(path);
  state_->fd = state_->place.kind == OutputPlace::Kind::File
                   ? create_temporary(state_->place, state_->name, state_->temporary)
                   : open_in_place(state_->place, state_->name);
}

OutputStream::~OutputStream() {
  if (state_ && !state_->temporary.empty()) ::unlink(state_->temporary.c_str());
}

OutputStream::OutputStream(OutputStream&&) noexcept = default;
OutputStream& OutputStream::operator=(OutputStream&&) noexcept = default;

void OutputStream::write(std::string_view bytes) {
  try {
    write_all(state_->fd.get(), bytes, state_->name);
  } catch (const Error&) {
    // A file keeps only whole pieces: the part of this one that got in goes again.
    if (state_->place.kind == OutputPlace::Kind::File) {
      [[maybe_unused]] const int ignored =
          ::ftruncate(state_->fd.get(), static_cast<off_t>(state_->size));
    }
    throw;
  }
  state_->size += bytes.size();
}

void OutputStream::publish() {
  if (state_->temporary.empty()) return;
  rename_onto(state_->temporary, state_->place, state_->name);
  state_->temporary.clear();
}

void OutputStream::close() {
  if (state_->fd.get() < 0) return;
  state_->fd.close(state_->name);
  publish();
}

std::size_t remove_leftover_temporaries(const std::vector<fs::path>& outputs) {
  std::map<fs::path, std::set<std::string>> names_by_folder;
  for (const fs::path& output : outputs) {
    try {
      const OutputPlace place = output_place(output);
      if (place.kind != OutputPlace::Kind::File) continue;
      const fs::path folder = place.path.has_parent_path() ? place.path.parent_path() : ".";
      names_by_folder[folder].insert(place.path.filename().string());
    } catch (const Error&) {
      // Not a place a file is written to, so no temporary of ours can be beside it.
    }
  }
  std::size_t removed = 0;
  for (const auto& [folder, folder_names] : names_by_folder) {
    const std::set<std::string>& names = folder_names;  // clang 14 captures no bindings
    removed += remove_leftover_temporaries_in(
        folder, [&names](const std::string& name) { return names.count(name) > 0; });
  }
  return removed;
}

std::size_t remove_leftover_temporaries_in(
    const fs::path& folder, const std::function<bool(const std::string&)>& is_output) {
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const auto output = output_of_temporary(it->path().filename().string());
    if (output && is_output(*output) && it->is_regular_file(ec) && !it->is_symlink(ec)) {
      removed += ::unlink(it->path().c_str()) == 0 ? 1 : 0;
    }
  }
  return removed;
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  OutputStream out(path);
  out.write(bytes);
  out.close();
}

void move_file_to_output(const fs::path& file, const fs::path& path) {
  const std::string name = path.string();
  TempFileGuard guard(file.string());
  const OutputPlace place = output_place(path);
  if (place.kind == OutputPlace::Kind::File) {
    ::chmod(file.c_str(), permissions_for(place));
    rename_onto(file.string(), place, name);
    guard.release();
    return;
  }
  FileDescriptor in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) {
    throw io_error(name, "cannot read " + file.string() + ": " + system_message(errno));
  }
  FileDescriptor out = open_in_place(place, name);
  copy_all(in.get(), out.get(), file.string(), name);
  out.close(name);
}

}  // namespace galley
