// Writing outputs without harming what a path names: regular files are replaced
// atomically (through symbolic links, which stay links), character devices, FIFOs and
// open descriptors are written in place, and folders, sockets and disks are refused.
#include <galley/galley.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
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
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
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

// Opens a character device or FIFO (never creating or truncating it) and fills it; an
// open descriptor is filled and left open.
void write_in_place(const OutputPlace& place, const std::string& name,
                    const std::function<void(int)>& fill) {
  if (place.kind == OutputPlace::Kind::Descriptor) return fill(place.fd);
  FileDescriptor out(::open(place.path.c_str(), O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC));
  if (out.get() < 0) throw io_error(name, "cannot open: " + system_message(errno));
  struct stat info {};
  if (::fstat(out.get(), &info) != 0 || !(S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))) {
    throw io_error(name, "changed from a device or FIFO while it was being opened");
  }
  fill(out.get());
  out.close(name);
}

void rename_onto(const std::string& from, const OutputPlace& place, const std::string& name) {
  if (std::rename(from.c_str(), place.path.c_str()) != 0) {
    throw io_error(name, "cannot replace: " + system_message(errno));
  }
}

void replace_with_bytes(const OutputPlace& place, std::string_view bytes, const std::string& name) {
  const fs::path dir = place.path.has_parent_path() ? place.path.parent_path() : ".";
  std::string temp = (dir / ("." + place.path.filename().string() + ".galley-XXXXXX")).string();
  FileDescriptor out(::mkstemp(temp.data()));
  if (out.get() < 0) {
    throw io_error(name, "cannot create a file here: " + system_message(errno));
  }
  TempFileGuard guard(temp);
  write_all(out.get(), bytes, name);
  ::fchmod(out.get(), permissions_for(place));  // mkstemp creates 0600
  out.close(name);
  rename_onto(temp, place, name);
  guard.release();
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

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  const std::string name = path.string();
  const OutputPlace place = output_place(path);
  if (place.kind == OutputPlace::Kind::File) return replace_with_bytes(place, bytes, name);
  write_in_place(place, name, [&](int fd) { write_all(fd, bytes, name); });
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
  if (in.get() < 0)
    throw io_error(name, "cannot read " + file.string() + ": " + system_message(errno));
  write_in_place(place, name, [&](int fd) { copy_all(in.get(), fd, file.string(), name); });
}

}  // namespace galley
