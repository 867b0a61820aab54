// Web archives (WARC 1.0 and 1.1, ISO 28500): records read one after another from a
// .warc file or a .warc.gz, where crawlers compress each record as a gzip member of its
// own (a whole-file gzip is read too). Each record is a header block, a payload of
// Content-Length bytes and two CRLFs. A `response` record's payload is an HTTP
// message, whose body is the document; a `resource` record's payload is the document.
//
// No library in Debian reads WARC; the format is a few header lines, and zlib,
// libdeflate and brotli undo the compression.
#pragma once

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <galley/error.hpp>
#include <galley/inputs.hpp>

namespace galley::detail {

/// Where a record starts: the gzip member holding it (or the byte of an uncompressed
/// file) and how many inflated bytes into that member.
struct WarcPosition {
  std::uint64_t offset = 0;
  std::uint64_t inner = 0;
  bool operator==(const WarcPosition&) const = default;
};

/// The bytes of a WARC file in order, inflated member after member when it is gzip'd,
/// within an archive's limits: the inflated total and, past 1 MiB, the ratio of each
/// member. Throws Error (LimitExceeded, Malformed, Io) naming the file.
class WarcSource {
 public:
  WarcSource(const std::filesystem::path& path, const ArchiveLimits& limits);
  ~WarcSource();
  WarcSource(const WarcSource&) = delete;
  WarcSource& operator=(const WarcSource&) = delete;

  /// Where the next byte read comes from.
  WarcPosition position() const;
  /// Moves to `at`, reading on from where it is when `at` is ahead in the same member.
  void seek(WarcPosition at);
  /// Up to `n` bytes; fewer only at the end of the file.
  std::string read(std::size_t n);
  /// Skips up to `n` bytes; returns how many were there.
  std::uint64_t skip(std::uint64_t n);
  /// One line without its CR LF, at most `max` bytes; nullopt at the end of the file.
  std::optional<std::string> read_line(std::size_t max);
  /// The next byte, not consumed; -1 at the end of the file.
  int peek();
  /// Moves past the gzip member that starts at `start` and inflates to `size` bytes, to
  /// the start of the next, without inflating the rest of it: a member ends with its
  /// inflated size (mod 2^32) and the next begins with the gzip magic, so the end is
  /// found in the compressed bytes. For a file of one member per record, whose sizes
  /// the records' headers give. Returns false, back at `start`, when nothing matches in
  /// the bytes the member can take up (a member of several records, or none).
  bool skip_member(WarcPosition start, std::uint64_t size);
  /// Moves to the gzip member at `offset`, `length` compressed bytes that hold one
  /// record, inflating it whole in one step (libdeflate: about twice zlib's speed).
  /// Throws Error{LimitExceeded} when it inflates past `max_size` bytes or the ratio
  /// limit, and Error{Malformed} when it is not such a member.
  void inflate_member(std::uint64_t offset, std::uint64_t length, std::uint64_t max_size);

  const std::filesystem::path& path() const { return path_; }

 private:
  bool fill();
  bool fill_plain();
  bool fill_gzip();
  void start_member(std::uint64_t offset);
  [[noreturn]] void fail(ErrorCode code, const std::string& what) const;

  std::filesystem::path path_;
  ArchiveLimits limits_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  bool gzip_ = false;
  z_stream zs_{};
  bool zs_ready_ = false;
  std::vector<unsigned char> in_;  ///< compressed bytes read from the file, not yet inflated
  std::uint64_t in_offset_ = 0;    ///< file offset just past what `in_` holds
  std::string out_;                ///< bytes ready to be read
  std::size_t out_pos_ = 0;
  WarcPosition out_start_;       ///< the position of out_[0]
  bool member_ended_ = false;    ///< the current member ended; the next starts at next_member_
  bool stream_at_next_ = false;  ///< and `zs_` and `in_` are there already
  std::uint64_t next_member_ = 0;
  std::uint64_t inflated_ = 0;  ///< in this source, for the archive's total limit
  std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> whole_;
};

/// A record's header: its version line's fields, in order.
struct WarcHeader {
  std::vector<std::pair<std::string, std::string>> fields;
  std::uint64_t content_length = 0;

  /// The value of field `name` (compared ignoring case), or "".
  std::string_view get(std::string_view name) const;
};

/// Reads the header of the record at the source's position; nullopt at the end of the
/// file. Throws Error{Malformed} when what follows is not a WARC record header.
std::optional<WarcHeader> read_warc_header(WarcSource& source);

/// An HTTP message's head: the status and the fields the body's reading depends on.
struct HttpHead {
  int status = 0;
  std::string content_type;      ///< with its parameters: "text/html; charset=utf-8"
  std::string content_encoding;  ///< lower case: "", "gzip", "deflate", "br"…
  bool chunked = false;
  std::size_t body_offset = 0;  ///< where the body starts in the payload
};

/// Parses the head of a `response` payload; nullopt when it is not an HTTP response.
std::optional<HttpHead> parse_http_head(std::string_view payload);

/// The body of an HTTP payload: de-chunked and decoded as `head` says, at most
/// `max_bytes` (Error{LimitExceeded}); a body cut short is kept as far as it goes.
/// Throws Error{Unsupported} for a content coding other than gzip, deflate and br.
std::string http_body(std::string_view payload, const HttpHead& head, std::size_t max_bytes,
                      const std::string& name);

/// A safe '/'-separated path for the outputs of the document at `uri`:
/// "https://example.com/news/story.html?id=3" gives "example.com/news/story_3a8c….html".
std::string warc_output_path(std::string_view uri);

/// The records of a WARC as input items (see list_inputs), one at a time, so a crawl
/// of any size is listed in the memory of one record's heads.
class WarcLister {
 public:
  /// Opens the WARC at `path`; throws Error (Io) when it cannot be read.
  WarcLister(const std::filesystem::path& path, const ArchiveLimits& limits);
  ~WarcLister();
  WarcLister(const WarcLister&) = delete;
  WarcLister& operator=(const WarcLister&) = delete;

  /// The next record's item; nullopt after the last. A WARC that breaks off ends with
  /// one item carrying the error.
  std::optional<InputItem> next();

 private:
  std::unique_ptr<WarcSource> source_;
  ArchiveLimits limits_;
  std::uint64_t count_ = 0;  ///< records listed
  bool ended_ = false;
};

/// The document of a record WarcLister listed, read from `source` (which must read
/// the item's file). Throws Error naming the item when the record changed or is cut short.
std::string load_warc_document(WarcSource& source, const InputItem& item, std::size_t max_bytes);

}  // namespace galley::detail
