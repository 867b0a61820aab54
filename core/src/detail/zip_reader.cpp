#include "detail/zip_reader.hpp"

#include <bzlib.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <zlib.h>
// minizip's folder holds a zip.h of its own, which would hide libzip's if it were on
// the include path; its headers are named through the folder instead.
#include <minizip/unzip.h>

#include <algorithm>
#include <array>
#include <new>

#include <galley/error.hpp>

#include "detail/text.hpp"

namespace galley::detail {
namespace {

constexpr unsigned long kUtf8Flag = 1u << 11;  // general purpose bit 11: the name is UTF-8
constexpr unsigned long kEncryptedFlag = 1u;
constexpr unsigned long kMadeOnUnix = 3;  // the high byte of "version made by"
constexpr std::size_t kMaxNameBytes = 0xFFFF;
constexpr int kBzip2 = 12;  // compression method 12, which Info-ZIP's zip -Z bzip2 writes

using Take = ZipReader::Take;

unzFile handle(void* zip) { return static_cast<unzFile>(zip); }

// A name stored without the UTF-8 flag in the encoding zip tools wrote before there was
// one, as libzip reads it too; a name that is valid UTF-8 anyway is taken as UTF-8.
std::string name_to_utf8(std::string_view raw, bool flagged_utf8) {
  if (flagged_utf8 || is_valid_utf8(raw)) return sanitize_utf8(raw);
  std::string out(raw.size() * 3, '\0');  // a CP437 byte is at most three UTF-8 bytes
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t n =
      ucnv_convert("UTF-8", "ibm-437", out.data(), static_cast<std::int32_t>(out.size()),
                   raw.data(), static_cast<std::int32_t>(raw.size()), &status);
  if (U_FAILURE(status)) return sanitize_utf8(raw);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// One bzip2 stream, decoded as its compressed bytes come. minizip hands over a bzip2
// entry's bytes only raw: Debian builds it without bzip2.
class Bzip2Decoder {
 public:
  Bzip2Decoder() {
    if (BZ2_bzDecompressInit(&stream_, 0, 0) != BZ_OK) throw std::bad_alloc();
  }
  ~Bzip2Decoder() { BZ2_bzDecompressEnd(&stream_); }
  Bzip2Decoder(const Bzip2Decoder&) = delete;
  Bzip2Decoder& operator=(const Bzip2Decoder&) = delete;

  bool ended() const { return ended_; }

  /// Decodes `in`, giving what comes out to `out` piece by piece; returns false when the
  /// bytes are not bzip2. Bytes after the end of the stream are ignored.
  bool feed(std::string_view in, const Take& out) {
    stream_.next_in = const_cast<char*>(in.data());  // bzlib's API predates const
    stream_.avail_in = static_cast<unsigned>(in.size());
    while (!ended_) {
      stream_.next_out = buffer_.data();
      stream_.avail_out = static_cast<unsigned>(buffer_.size());
      const int status = BZ2_bzDecompress(&stream_);
      if (status != BZ_OK && status != BZ_STREAM_END) return false;
      ended_ = status == BZ_STREAM_END;
      const std::size_t produced = buffer_.size() - stream_.avail_out;
      if (produced > 0) out(std::string_view(buffer_.data(), produced));
      // A full buffer may leave output behind even when the input is used up.
      if (stream_.avail_in == 0 && stream_.avail_out > 0) break;
    }
    return true;
  }

 private:
  bz_stream stream_{};
  bool ended_ = false;
  std::array<char, 1 << 16> buffer_;
};

}  // namespace

ZipReader::ZipReader(const std::filesystem::path& path) : path_(path) {
  zip_ = unzOpen64(path.c_str());
  unz_global_info64 info;
  if (!zip_ || unzGetGlobalInfo64(handle(zip_), &info) != UNZ_OK) {
    if (zip_) unzClose(handle(zip_));
    throw Error(ErrorCode::Malformed, path.string(), {},
                "not a readable zip archive: no central directory found");
  }
  size_ = info.number_entry;
}

ZipReader::~ZipReader() { unzClose(handle(zip_)); }

void ZipReader::damaged(std::string_view what) const {
  throw Error(ErrorCode::Malformed, path_.string(), {},
              "damaged zip archive: " + std::string(what));
}

void ZipReader::go_to(std::uint64_t index) {
  if (index >= size_) {
    damaged("no entry " + std::to_string(index) + " among " + std::to_string(size_));
  }
  if (read_ && index == index_) return;
  if (!read_ || index < index_) go_back_before(index);
  while (index_ < index) {
    if (unzGoToNextFile(handle(zip_)) != UNZ_OK) {
      damaged("the directory ends after " + std::to_string(index_ + 1) + " of the " +
              std::to_string(size_) + " entries it declares");
    }
    ++index_;
    note_checkpoint();
  }
  read_entry_info();
}

void ZipReader::go_back_before(std::uint64_t index) {
  if (checkpoints_.empty()) {
    if (unzGoToFirstFile(handle(zip_)) != UNZ_OK) damaged("its first directory record");
    index_ = 0;
    note_checkpoint();
    return;
  }
  const std::size_t k = static_cast<std::size_t>(
      std::min<std::uint64_t>(index / kCheckpointEvery, checkpoints_.size() - 1));
  unz64_file_pos pos{checkpoints_[k].record, checkpoints_[k].index};
  if (unzGoToFilePos64(handle(zip_), &pos) != UNZ_OK) {
    damaged("the directory record of entry " + std::to_string(pos.num_of_file));
  }
  index_ = checkpoints_[k].index;
}

void ZipReader::note_checkpoint() {
  if (index_ % kCheckpointEvery == 0 && index_ / kCheckpointEvery == checkpoints_.size()) {
    checkpoints_.push_back(position());
  }
}

void ZipReader::go_to(const ZipPosition& at) {
  unz64_file_pos pos{at.record, at.index};
  if (unzGoToFilePos64(handle(zip_), &pos) != UNZ_OK) {
    damaged("the directory record of entry " + std::to_string(at.index));
  }
  index_ = at.index;
  read_entry_info();
}

ZipPosition ZipReader::position() const {
  unz64_file_pos pos{};
  unzGetFilePos64(handle(zip_), &pos);
  return {pos.pos_in_zip_directory, pos.num_of_file};
}

void ZipReader::read_entry_info() {
  unz_file_info64 info;
  std::array<char, kMaxNameBytes + 1> name;
  entry_ = {};
  read_ = false;
  if (unzGetCurrentFileInfo64(handle(zip_), &info, name.data(), name.size(), nullptr, 0, nullptr,
                              0) != UNZ_OK) {
    damaged("the directory record of entry " + std::to_string(index_));
  }
  const std::string_view raw(name.data(), std::min<std::size_t>(info.size_filename, kMaxNameBytes));
  entry_.name = name_to_utf8(raw, (info.flag & kUtf8Flag) != 0);
  entry_.compressed = info.compressed_size;
  entry_.size = info.uncompressed_size;
  entry_.method = static_cast<int>(info.compression_method);
  entry_.crc = static_cast<std::uint32_t>(info.crc);
  entry_.encrypted = (info.flag & kEncryptedFlag) != 0;
  entry_.symlink =
      info.version >> 8 == kMadeOnUnix && ((info.external_fa >> 16) & S_IFMT) == S_IFLNK;
  read_ = true;
}

void ZipReader::inflate(const std::string& display, const Take& take) {
  if (entry_.encrypted) throw Error(ErrorCode::Unsupported, display, {}, "encrypted archive entry");
  const bool bzip2 = entry_.method == kBzip2;
  if (entry_.method != 0 && entry_.method != Z_DEFLATED && !bzip2) {
    throw Error(ErrorCode::Unsupported, display, {},
                "compression method " + std::to_string(entry_.method) +
                    " is not supported (stored, deflated and bzip2 entries are)");
  }
  if (unzOpenCurrentFile2(handle(zip_), nullptr, nullptr, bzip2 ? 1 : 0) != UNZ_OK) {
    throw Error(ErrorCode::Malformed, display, {},
                "the entry's local header does not match the central directory");
  }
  struct Closer {
    void* zip;
    ~Closer() {
      if (zip) unzCloseCurrentFile(handle(zip));
    }
  } closer{zip_};
  const std::uint64_t total = bzip2 ? read_bzip2(display, take) : read_current(display, take);
  closer.zip = nullptr;
  // minizip inflates no further than the declared size; the checksum (minizip's at close
  // for deflate, read_bzip2's own for bzip2) tells a size that claims too little, the
  // count one that claims too much.
  if (unzCloseCurrentFile(handle(zip_)) == UNZ_CRCERROR || total != entry_.size) {
    mismatch(display);
  }
}

std::uint64_t ZipReader::read_current(const std::string& display, const Take& take) {
  std::uint64_t total = 0;
  std::array<char, 1 << 16> buffer;
  for (;;) {
    const int n = unzReadCurrentFile(handle(zip_), buffer.data(), buffer.size());
    if (n < 0) throw Error(ErrorCode::Malformed, display, {}, "damaged compressed data");
    if (n == 0) return total;
    total += static_cast<std::uint64_t>(n);
    take(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
  }
}

// The entry is open raw, so minizip checks nothing: the checksum is computed here, and
// decoding stops once the output passes the declared size.
std::uint64_t ZipReader::read_bzip2(const std::string& display, const Take& take) {
  Bzip2Decoder decoder;
  std::uint64_t total = 0;
  uLong crc = crc32(0, nullptr, 0);
  const Take checked = [&](std::string_view piece) {
    total += piece.size();
    if (total > entry_.size) mismatch(display);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(piece.data()), static_cast<uInt>(piece.size()));
    take(piece);
  };
  const Take decode = [&](std::string_view compressed) {
    if (!decoder.ended() && !decoder.feed(compressed, checked)) {
      throw Error(ErrorCode::Malformed, display, {}, "damaged bzip2 data");
    }
  };
  read_current(display, decode);
  if (!decoder.ended()) throw Error(ErrorCode::Malformed, display, {}, "damaged bzip2 data");
  if (crc != entry_.crc) mismatch(display);
  return total;
}

void ZipReader::mismatch(const std::string& display) const {
  throw Error(ErrorCode::Malformed, display, {},
              "the entry's bytes do not match its checksum and declared size of " +
                  std::to_string(entry_.size) + " bytes");
}

ZipNameIndex::ZipNameIndex(ZipReader& reader) {
  entries_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(reader.size(), 1u << 20)));
  try {
    for (std::uint64_t i = 0; i < reader.size(); ++i) {
      reader.go_to(i);
      entries_.push_back({std::hash<std::string_view>{}(reader.entry().name), reader.position()});
    }
  } catch (const Error&) {
    // A damaged directory: the entries before the damage can still be found, and the
    // documents' own reads report it.
  }
  std::sort(entries_.begin(), entries_.end(), [](const Named& a, const Named& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.at.index < b.at.index;
  });
}

std::optional<ZipPosition> ZipNameIndex::find(ZipReader& reader, std::string_view name) const {
  const std::uint64_t hash = std::hash<std::string_view>{}(name);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                             [](const Named& named, std::uint64_t h) { return named.hash < h; });
  for (; it != entries_.end() && it->hash == hash; ++it) {
    reader.go_to(it->at);
    if (reader.entry().name == name) return it->at;
  }
  return std::nullopt;
}

}  // namespace galley::detail
