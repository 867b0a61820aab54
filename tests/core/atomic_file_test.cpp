#include <galley/galley.hpp>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/process.hpp"

namespace galley {
namespace {

TEST(AtomicFile, CreatesAndReplacesWithoutLeavingTemporaries) {
  testing::TempDir dir;
  const auto path = dir.path() / "out.txt";
  write_file_atomically(path, "first");
  write_file_atomically(path, "second");
  EXPECT_EQ(testing::slurp(path), "second");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1u);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_NE(info.st_mode & S_IRUSR, 0u);
  EXPECT_NE(info.st_mode & S_IWUSR, 0u);
}

TEST(AtomicFile, FailsCleanlyInAMissingFolder) {
  testing::TempDir dir;
  try {
    write_file_atomically(dir.path() / "no" / "such" / "out.txt", "x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io);
    EXPECT_NE(e.input().find("out.txt"), std::string::npos);
  }
}

namespace fs = std::filesystem;

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 ? info.st_mode : 0;
}

// The message of the Error that writing `path` throws, or "" when it does not throw.
std::string refusal(const fs::path& path) {
  try {
    write_file_atomically(path, "x");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Io);
    EXPECT_EQ(e.input(), path.string());
    return e.message();
  }
  return {};
}

TEST(AtomicFile, WritesIntoAFifoInPlace) {
  testing::TempDir dir;
  const auto fifo = dir.path() / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // Our own reader and a spare writer keep the FIFO open, so neither side waits on an
  // open and the reader sees the end only when the spare is closed too.
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  const int spare = ::open(fifo.c_str(), O_WRONLY);
  ASSERT_GE(spare, 0);
  ::fcntl(reader, F_SETFL, 0);
  std::string received;
  std::thread drain([&] {
    char buffer[4096];
    for (ssize_t n; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<std::size_t>(n));
  });
  const std::string bytes(1 << 20, 'f');  // more than a pipe holds: the writer must wait
  write_file_atomically(fifo, bytes);
  ::close(spare);
  drain.join();
  ::close(reader);
  EXPECT_EQ(received.size(), bytes.size());
  EXPECT_TRUE(S_ISFIFO(mode_of(fifo)));
}

TEST(AtomicFile, WritesIntoDevNullWithoutReplacingIt) {
  if (!S_ISCHR(mode_of("/dev/null")) || ::access("/dev/null", W_OK) != 0) {
    GTEST_SKIP() << "/dev/null is not a writable character device here";
  }
  EXPECT_EQ(output_place("/dev/null").kind, OutputPlace::Kind::Stream);
  write_file_atomically("/dev/null", "nothing");
  EXPECT_TRUE(S_ISCHR(mode_of("/dev/null")));
}

TEST(AtomicFile, WritesAnOpenDescriptorNamedByItsProcLink) {
  int pipe_ends[2];
  ASSERT_EQ(::pipe(pipe_ends), 0);
  const std::string number = std::to_string(pipe_ends[1]);
  for (const std::string& link : {"/proc/self/fd/" + number, "/dev/fd/" + number}) {
    if (!fs::exists(fs::path(link).parent_path())) continue;
    const OutputPlace place = output_place(link);
    EXPECT_EQ(place.kind, OutputPlace::Kind::Descriptor) << link;
    EXPECT_EQ(place.fd, pipe_ends[1]) << link;
    write_file_atomically(link, "through " + link + "\n");
  }
  ::close(pipe_ends[1]);  // still open after the writes: this close succeeds
  std::string received;
  char buffer[256];
  for (ssize_t n; (n = ::read(pipe_ends[0], buffer, sizeof buffer)) > 0;)
    received.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_ends[0]);
  EXPECT_NE(received.find("through /proc/self/fd/" + number), std::string::npos) << received;
}

TEST(AtomicFile, ReplacesTheTargetOfASymlinkChainKeepingItsMode) {
  testing::TempDir dir;
  const auto target = dir.write("target.md", "old");
  ASSERT_EQ(::chmod(target.c_str(), 0640), 0);
  fs::create_directory(dir.path() / "sub");
  fs::create_symlink("target.md", dir.path() / "link.md");          // relative to its folder
  fs::create_symlink("../link.md", dir.path() / "sub" / "two.md");  // a chain of two
  write_file_atomically(dir.path() / "sub" / "two.md", "new");
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.md"));
  EXPECT_TRUE(fs::is_symlink(dir.path() / "sub" / "two.md"));
  EXPECT_EQ(testing::slurp(target), "new");
  EXPECT_EQ(mode_of(target) & 0777, 0640u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 3);
}

TEST(AtomicFile, ADanglingSymlinkGetsItsTargetCreated) {
  testing::TempDir dir;
  fs::create_symlink("new.md", dir.path() / "link.md");
  write_file_atomically(dir.path() / "link.md", "content");
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.md"));
  EXPECT_EQ(testing::slurp(dir.path() / "new.md"), "content");
  const mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(mode_of(dir.path() / "new.md") & 0777, 0666 & ~mask);
}

TEST(AtomicFile, RefusesFoldersSocketsAndLinkLoops) {
  testing::TempDir dir;
  EXPECT_EQ(refusal(dir.path()), "is a folder, not a file");
  fs::create_symlink(dir.path(), dir.path() / "folder.md");
  EXPECT_EQ(refusal(dir.path() / "folder.md"),
            "leads to " + dir.path().string() + ", which is a folder, not a file");

  const auto socket_path = dir.path() / "sock";
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_EQ(::bind(s, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  EXPECT_EQ(refusal(socket_path), "is a socket, not a file");
  ::close(s);

  fs::create_symlink("loop.md", dir.path() / "loop.md");
  EXPECT_EQ(refusal(dir.path() / "loop.md"), "too many levels of symbolic links");
}

TEST(AtomicFile, RefusesABlockDevice) {
  // Only output_place is asked, so no disk is ever opened for writing.
  for (const auto& entry : fs::directory_iterator("/dev")) {
    if (!S_ISBLK(mode_of(entry.path()))) continue;
    try {
      output_place(entry.path());
      FAIL() << entry.path() << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.message(), "is a block device (a disk), not a file");
    }
    return;
  }
  GTEST_SKIP() << "no block device in /dev";
}

TEST(AtomicFile, MovesACompleteFileOntoItsOutput) {
  testing::TempDir dir;
  const auto target = dir.write("out.zip", "old");
  ASSERT_EQ(::chmod(target.c_str(), 0604), 0);
  fs::create_symlink("out.zip", dir.path() / "link.zip");
  const auto complete = dir.write(".staged.zip", "new");
  move_file_to_output(complete, dir.path() / "link.zip");
  EXPECT_FALSE(fs::exists(complete));
  EXPECT_TRUE(fs::is_symlink(dir.path() / "link.zip"));
  EXPECT_EQ(testing::slurp(target), "new");
  EXPECT_EQ(mode_of(target) & 0777, 0604u);

  const auto refused = dir.write(".refused.zip", "bytes");
  EXPECT_THROW(move_file_to_output(refused, dir.path()), Error);
  EXPECT_FALSE(fs::exists(refused));
}

std::set<std::string> names_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.insert(e.path().filename().string());
  return names;
}

TEST(OutputStream, AppearsWhenPublishedAndGrowsAfter) {
  testing::TempDir dir;
  const auto path = dir.write("report.jsonl", "earlier\n");
  OutputStream out(path);
  out.write("carried over\n");
  EXPECT_EQ(testing::slurp(path), "earlier\n");  // not in place until published
  out.publish();
  EXPECT_EQ(testing::slurp(path), "carried over\n");
  out.write("new\n");
  out.close();
  EXPECT_EQ(testing::slurp(path), "carried over\nnew\n");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"report.jsonl"});
}

TEST(OutputStream, LeavesNothingWhenDroppedUnpublished) {
  testing::TempDir dir;
  const auto path = dir.write("report.jsonl", "earlier\n");
  {
    OutputStream out(path);
    out.write("half");
  }
  EXPECT_EQ(testing::slurp(path), "earlier\n");
  EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"report.jsonl"});
}

TEST(OutputStream, AFullDeviceIsAnErrorNamingThePath) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  OutputStream out("/dev/full");
  try {
    out.write("x");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.input(), "/dev/full");
    EXPECT_NE(e.message().find("No space left"), std::string::npos) << e.message();
  }
  EXPECT_TRUE(S_ISCHR(mode_of("/dev/full")));
}

TEST(LeftoverTemporaries, OnlyThoseOfTheOutputsNamedAreRemoved) {
  testing::TempDir dir;
  for (const char* name : {"a.md", ".a.md.galley-Xy12Zz", ".a.md.galley-Qq0000",
                           ".b.md.galley-Xy12Zz", ".a.md.galley-toolong", "a.md.galley-Xy12Zz"}) {
    dir.write(name, "");
  }
  fs::create_directory(dir.path() / ".c.md.galley-Xy12Zz");  // a folder is never ours
  EXPECT_EQ(remove_leftover_temporaries({dir.path() / "a.md", dir.path() / "c.md"}), 2u);
  EXPECT_EQ(names_in(dir.path()),
            (std::set<std::string>{"a.md", ".b.md.galley-Xy12Zz", ".a.md.galley-toolong",
                                   "a.md.galley-Xy12Zz", ".c.md.galley-Xy12Zz"}));
}

TEST(LeftoverTemporaries, FindsTheTemporaryAWriterMakes) {
  testing::TempDir dir;
  const auto path = dir.path() / "out.md";
  OutputStream out(path);  // as a writer killed now would leave it
  out.write("half");
  ASSERT_EQ(names_in(dir.path()).size(), 1u);
  EXPECT_EQ(remove_leftover_temporaries({path}), 1u);
  EXPECT_TRUE(names_in(dir.path()).empty());
}

TEST(ReadFileBytes, EnforcesTheLimitWhileReading) {
  testing::TempDir dir;
  const auto path = dir.write("big.bin", std::string(100000, 'x'));
  EXPECT_EQ(read_file_bytes(path, 100000).size(), 100000u);
  EXPECT_THROW(read_file_bytes(path, 99999), Error);
}

}  // namespace
}  // namespace galley
