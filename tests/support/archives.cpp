#include "support/archives.hpp"

#include <sys/stat.h>
#include <zip.h>

#include <cstdint>

#include <gtest/gtest.h>

namespace galley::testing {
namespace {

// Little-endian integer fields, as zip headers hold them.
std::string le(std::uint64_t value, int width) {
  std::string out;
  for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
  return out;
}

std::uint32_t crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (const unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string stored_local_header(const std::string& name, const std::string& data) {
  return le(0x04034b50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(crc32(data), 4) +
         le(data.size(), 4) + le(data.size(), 4) + le(name.size(), 2) + le(0, 2) + name;
}

std::string directory_entry(const std::string& name, const std::string& data,
                            std::uint64_t offset) {
  return le(0x02014b50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) +
         le(crc32(data), 4) + le(data.size(), 4) + le(data.size(), 4) + le(name.size(), 2) +
         le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(offset, 4) + name;
}

}  // namespace

void make_zip(const std::filesystem::path& path, const std::vector<ArchiveEntry>& entries) {
  int code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  ASSERT_NE(z, nullptr);
  for (const ArchiveEntry& e : entries) {
    zip_source_t* src = zip_source_buffer(z, e.bytes.data(), e.bytes.size(), 0);
    const zip_int64_t index = zip_file_add(z, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    ASSERT_GE(index, 0) << e.name;
    if (e.bzip2) {
      ASSERT_EQ(zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_BZIP2, 0), 0);
    }
    if (e.symlink) {
      zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                       (S_IFLNK | 0777u) << 16);
    }
  }
  ASSERT_EQ(zip_close(z), 0);
}

std::string stored_zip(const std::vector<ArchiveEntry>& entries) {
  std::string body, directory;
  for (const ArchiveEntry& e : entries) {
    directory += directory_entry(e.name, e.bytes, body.size());
    body += stored_local_header(e.name, e.bytes) + e.bytes;
  }
  return body + directory + le(0x06054b50, 4) + le(0, 4) + le(entries.size(), 2) +
         le(entries.size(), 2) + le(directory.size(), 4) + le(body.size(), 4) + le(0, 2);
}

std::string overlapping_zip() {
  const std::string inner = "<html><body><p>" + std::string(400, 'w') + "</p></body></html>";
  const std::string lead = "<html><body><p>outer</p></body></html>";
  const std::string outer = lead + stored_local_header("b.html", inner) + inner;
  const std::string a = stored_local_header("a.html", outer);
  const std::string cd = directory_entry("a.html", outer, 0) +
                         directory_entry("b.html", inner, a.size() + lead.size());
  return a + outer + cd + le(0x06054b50, 4) + le(0, 4) + le(2, 2) + le(2, 2) + le(cd.size(), 4) +
         le(a.size() + outer.size(), 4) + le(0, 2);
}

}  // namespace galley::testing
