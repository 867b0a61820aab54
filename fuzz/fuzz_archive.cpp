// libFuzzer target: arbitrary bytes as an archive given to galley's archive input
// (galley/inputs.hpp, what `galley batch` reads), a zip archive (fuzz_archive) or a
// web archive (fuzz_warc; gzip'd or not, as the bytes say): listing with name checks,
// then reading every input entry or record within the limits, and the image a page
// beside it would ask for.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include <galley/error.hpp>

#include <galley/inputs.hpp>

namespace {

// Archives are opened by path; one scratch file per fuzzing process, whose extension
// says what it is.
const std::string& scratch_path() {
  static const std::string path =
      "/tmp/galley-fuzz-" + std::to_string(::getpid()) + GALLEY_FUZZ_ARCHIVE_SUFFIX;
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (std::FILE* f = std::fopen(scratch_path().c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  galley::ArchiveLimits limits;
  limits.max_entries = 1000;
  limits.max_entry_bytes = std::uint64_t{8} << 20;
  limits.max_total_bytes = std::uint64_t{32} << 20;
  const auto items = galley::list_inputs({scratch_path()}, limits);
  galley::InputLoader loader(limits);
  for (const auto& item : items) {
    try {
      (void)loader.load(item, std::size_t{8} << 20);
      (void)loader.resources_for(item)("img/a.png");
    } catch (const galley::Error&) {
      // refused entries are reported by batch, one by one
    }
  }
  return 0;
}
