#include "detail/zip_layout.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string>

namespace galley::detail {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64EndLocator = 0x07064b50;
constexpr std::uint32_t kZip64End = 0x06064b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;

// Little-endian fields of a byte buffer; reads past the end give nullopt.
class Fields {
 public:
  explicit Fields(std::string bytes) : bytes_(std::move(bytes)) {}
  std::optional<std::uint64_t> get(std::size_t at, int width) const {
    if (at + static_cast<std::size_t>(width) > bytes_.size()) return std::nullopt;
    std::uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i) {
      value = value << 8 | static_cast<unsigned char>(bytes_[at + static_cast<std::size_t>(i)]);
    }
    return value;
  }
  std::size_t size() const { return bytes_.size(); }
  std::size_t rfind(std::uint32_t signature) const {
    const char sig[4] = {static_cast<char>(signature), static_cast<char>(signature >> 8),
                         static_cast<char>(signature >> 16), static_cast<char>(signature >> 24)};
    return bytes_.rfind(std::string(sig, 4));
  }

 private:
  std::string bytes_;
};

std::optional<std::string> read_at(std::ifstream& in, std::uint64_t offset, std::uint64_t size) {
  std::string bytes(size, '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  return bytes;
}

struct Directory {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t entries = 0;
};

// The end-of-central-directory record in the archive's last 64 KiB, and the zip64
// record it points to when the plain one holds 0xFFFF... placeholders.
std::optional<Directory> find_directory(std::ifstream& in, std::uint64_t file_size) {
  const std::uint64_t tail_size = std::min<std::uint64_t>(file_size, 22 + 0xFFFF);
  const auto tail_bytes = read_at(in, file_size - tail_size, tail_size);
  if (!tail_bytes) return std::nullopt;
  const Fields tail(*tail_bytes);
  const std::size_t end = tail.rfind(kEndOfDirectory);
  if (end == std::string::npos) return std::nullopt;
  Directory dir{tail.get(end + 16, 4).value_or(0), tail.get(end + 12, 4).value_or(0),
                tail.get(end + 10, 2).value_or(0)};
  if (dir.offset != 0xFFFFFFFF && dir.entries != 0xFFFF) return dir;
  if (end < 20 || tail.get(end - 20, 4) != kZip64EndLocator) return std::nullopt;
  const auto record_at = tail.get(end - 20 + 8, 8);
  const auto record = record_at ? read_at(in, *record_at, 56) : std::nullopt;
  if (!record) return std::nullopt;
  const Fields zip64(*record);
  if (zip64.get(0, 4) != kZip64End) return std::nullopt;
  return Directory{zip64.get(48, 8).value_or(0), zip64.get(40, 8).value_or(0),
                   zip64.get(32, 8).value_or(0)};
}

struct Extent {
  std::uint64_t begin = 0;  ///< the local header
  std::uint64_t end = 0;    ///< one past the entry's data
  std::size_t index = 0;
};

// Sizes and offset of a directory entry, with the zip64 extra field's 8-byte values in
// place of 0xFFFFFFFF placeholders.
struct EntryFields {
  std::uint64_t compressed = 0;
  std::uint64_t offset = 0;
};

EntryFields entry_fields(const Fields& dir, std::size_t at) {
  EntryFields fields{dir.get(at + 20, 4).value_or(0), dir.get(at + 42, 4).value_or(0)};
  const std::uint64_t uncompressed = dir.get(at + 24, 4).value_or(0);
  const std::size_t name = dir.get(at + 28, 2).value_or(0);
  std::size_t extra = at + 46 + name;
  const std::size_t extra_end = extra + dir.get(at + 30, 2).value_or(0);
  while (extra + 4 <= extra_end) {
    const auto id = dir.get(extra, 2);
    const std::size_t size = dir.get(extra + 2, 2).value_or(0);
    if (id == 0x0001) {
      std::size_t field = extra + 4;
      if (uncompressed == 0xFFFFFFFF) field += 8;
      if (fields.compressed == 0xFFFFFFFF) {
        fields.compressed = dir.get(field, 8).value_or(0);
        field += 8;
      }
      if (fields.offset == 0xFFFFFFFF) fields.offset = dir.get(field, 8).value_or(0);
    }
    extra += 4 + size;
  }
  return fields;
}

// Calls `visit` with the extent of each entry, in directory order; false when the
// directory or a local header cannot be read. Two streams: the directory is read in
// order, the local headers where they are.
template <typename Visit>
bool for_each_extent(const std::filesystem::path& path, Visit visit) {
  std::ifstream in(path, std::ios::binary), locals(path, std::ios::binary);
  std::error_code ec;
  const std::uint64_t file_size = std::filesystem::file_size(path, ec);
  if (!in || !locals || ec || file_size < 22) return false;
  const std::optional<Directory> where = find_directory(in, file_size);
  if (!where) return false;
  in.clear();
  in.seekg(static_cast<std::streamoff>(where->offset));
  std::size_t index = 0;
  for (std::uint64_t left = where->size; left >= 46; ++index) {
    std::string record(46, '\0');
    if (!in.read(record.data(), 46)) break;
    const Fields fixed(record);
    if (fixed.get(0, 4) != kDirectoryEntry) break;
    const std::size_t record_size = 46 + fixed.get(28, 2).value_or(0) +
                                    fixed.get(30, 2).value_or(0) + fixed.get(32, 2).value_or(0);
    if (record_size > left) break;
    record.resize(record_size);
    if (!in.read(record.data() + 46, static_cast<std::streamsize>(record_size - 46))) break;
    left -= record_size;
    const EntryFields fields = entry_fields(Fields(std::move(record)), 0);
    const auto local = read_at(locals, fields.offset, 30);
    if (!local || Fields(*local).get(0, 4) != kLocalHeader) return false;
    const Fields header(*local);
    const std::uint64_t data =
        fields.offset + 30 + header.get(26, 2).value_or(0) + header.get(28, 2).value_or(0);
    visit(Extent{fields.offset, data + fields.compressed, index});
  }
  return true;
}

// Extents taken in the order of their beginnings: each that begins before the furthest
// end of those before it overlaps that one, and both are marked.
class OverlapSweep {
 public:
  void add(const Extent& extent, std::vector<bool>& overlaps) {
    if (any_ && extent.begin < reach_) {
      overlaps[extent.index] = true;
      overlaps[reaching_] = true;
    }
    if (!any_ || extent.end > reach_) {
      reach_ = extent.end;
      reaching_ = extent.index;
    }
    any_ = true;
  }

 private:
  bool any_ = false;
  std::uint64_t reach_ = 0;
  std::size_t reaching_ = 0;
};

}  // namespace

std::vector<bool> overlapping_entries(const std::filesystem::path& path) {
  // Archives are nearly always written in order: each entry's directory record comes
  // in the order of its bytes. Then one sweep in directory order holds nothing for an
  // entry but its bit; only an archive out of order has its extents gathered and sorted.
  std::vector<bool> overlaps;
  OverlapSweep in_order;
  std::uint64_t last_begin = 0;
  bool sorted = true;
  const bool read = for_each_extent(path, [&](const Extent& extent) {
    sorted = sorted && extent.begin >= last_begin;
    last_begin = extent.begin;
    overlaps.push_back(false);
    if (sorted) in_order.add(extent, overlaps);
  });
  if (!read) return {};
  if (sorted) return overlaps;

  std::vector<Extent> extents;
  for_each_extent(path, [&](const Extent& extent) { extents.push_back(extent); });
  std::sort(extents.begin(), extents.end(),
            [](const Extent& a, const Extent& b) { return a.begin < b.begin; });
  std::fill(overlaps.begin(), overlaps.end(), false);
  OverlapSweep by_offset;
  for (const Extent& extent : extents) by_offset.add(extent, overlaps);
  return overlaps;
}

}  // namespace galley::detail
