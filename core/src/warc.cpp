#include "detail/warc.hpp"

#include <brotli/decode.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include <galley/error.hpp>

#include "detail/archive_limits.hpp"
#include "detail/sha1.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley::detail {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunk = 1 << 16;
// What one step inflates: small, so that listing a record's header and HTTP head
// inflates little more than those.
constexpr std::size_t kInflateStep = 1 << 14;
// The longest header line and header block read; real ones are a few hundred bytes.
constexpr std::size_t kMaxHeaderLine = 64 << 10;
constexpr std::size_t kMaxHeaderFields = 256;
// How much of a response payload the listing reads for its HTTP head.
constexpr std::size_t kMaxHttpHead = 64 << 10;

// HTTP's optional whitespace (space and tab, RFC 9110) and a line's CR: detail::trim
// would take more.
std::string_view trim_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

// --- WarcSource ---------------------------------------------------------------------

WarcSource::WarcSource(const fs::path& path, const ArchiveLimits& limits)
    : path_(path),
      limits_(limits),
      file_(std::fopen(path.c_str(), "rb"), &std::fclose),
      whole_(nullptr, &libdeflate_free_decompressor) {
  if (!file_) {
    throw Error(ErrorCode::Io, path.string(), {}, "cannot open: " + std::string(strerror(errno)));
  }
  unsigned char magic[2] = {0, 0};
  gzip_ = std::fread(magic, 1, 2, file_.get()) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  start_member(0);
}

WarcSource::~WarcSource() {
  if (zs_ready_) inflateEnd(&zs_);
}

void WarcSource::fail(ErrorCode code, const std::string& what) const {
  throw Error(code, path_.string(), {}, what);
}

WarcPosition WarcSource::position() const {
  if (!gzip_) return {out_start_.offset + out_pos_, 0};
  if (out_pos_ == out_.size() && member_ended_) return {next_member_, 0};
  return {out_start_.offset, out_start_.inner + out_pos_};
}

void WarcSource::start_member(std::uint64_t offset) {
  if (std::fseek(file_.get(), static_cast<long>(offset), SEEK_SET) != 0) {
    fail(ErrorCode::Io, "cannot seek: " + std::string(strerror(errno)));
  }
  in_.clear();
  in_offset_ = offset;
  out_.clear();
  out_pos_ = 0;
  out_start_ = {offset, 0};
  member_ended_ = false;
  if (gzip_) {
    if (zs_ready_) inflateEnd(&zs_);
    zs_ = z_stream{};
    if (inflateInit2(&zs_, 15 + 16) != Z_OK) fail(ErrorCode::Io, "zlib failed");
    zs_ready_ = true;
  }
}

void WarcSource::seek(WarcPosition at) {
  const WarcPosition here = position();
  if (at == here) return;
  if (gzip_ && at.offset == here.offset && at.inner > here.inner) {  // ahead in this member
    skip(at.inner - here.inner);
    return;
  }
  start_member(at.offset);
  if (at.inner > 0 && skip(at.inner) != at.inner) {
    fail(ErrorCode::Malformed, "a record lies past the end of the file");
  }
}

bool WarcSource::fill_plain() {
  out_start_ = {out_start_.offset + out_.size(), 0};
  out_.resize(kChunk);
  const std::size_t n = std::fread(out_.data(), 1, kChunk, file_.get());
  out_.resize(n);
  out_pos_ = 0;
  inflated_ += n;
  return n > 0;
}

bool WarcSource::fill_gzip() {
  if (member_ended_ && !stream_at_next_) {
    start_member(next_member_);
  } else if (member_ended_) {
    // A member per record, as crawlers write: the next one starts in the bytes already
    // read, so inflating goes on from there.
    inflateReset(&zs_);
    out_.clear();
    out_start_ = {next_member_, 0};
    member_ended_ = false;
  }
  out_start_.inner += out_.size();
  out_.resize(kInflateStep);
  out_pos_ = 0;
  zs_.next_out = reinterpret_cast<Bytef*>(out_.data());
  zs_.avail_out = static_cast<uInt>(out_.size());
  while (zs_.avail_out == out_.size()) {  // until some bytes come out
    if (zs_.avail_in == 0) {
      in_.resize(kChunk);
      const std::size_t n = std::fread(in_.data(), 1, kChunk, file_.get());
      in_.resize(n);
      in_offset_ += n;
      if (n == 0) {
        out_.clear();
        if (out_start_.inner == 0 && zs_.total_in == 0) return false;  // the file ends here
        fail(ErrorCode::Malformed, "the gzip stream is cut short");
      }
      zs_.next_in = in_.data();
      zs_.avail_in = static_cast<uInt>(n);
    }
    const int rc = inflate(&zs_, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      member_ended_ = true;
      stream_at_next_ = true;
      next_member_ = in_offset_ - zs_.avail_in;
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      fail(ErrorCode::Malformed,
           std::string("not valid gzip data: ") + (zs_.msg ? zs_.msg : "inflate failed"));
    }
  }
  out_.resize(out_.size() - zs_.avail_out);
  inflated_ += out_.size();
  check_ratio(limits_, out_start_.inner + out_.size(), zs_.total_in, path_.string(), "gzip");
  return !out_.empty() || member_ended_;
}

bool WarcSource::fill() {
  check_total(limits_, inflated_, path_.string());
  if (!gzip_) return fill_plain();
  // An empty member (possible, if odd) yields no bytes: go on to the next.
  while (fill_gzip()) {
    if (!out_.empty()) return true;
  }
  return false;
}

int WarcSource::peek() {
  if (out_pos_ == out_.size() && !fill()) return -1;
  return static_cast<unsigned char>(out_[out_pos_]);
}

std::string WarcSource::read(std::size_t n) {
  std::string bytes;
  while (bytes.size() < n && peek() >= 0) {
    const std::size_t take = std::min(n - bytes.size(), out_.size() - out_pos_);
    bytes.append(out_, out_pos_, take);
    out_pos_ += take;
  }
  return bytes;
}

std::uint64_t WarcSource::skip(std::uint64_t n) {
  std::uint64_t skipped = 0;
  while (skipped < n && peek() >= 0) {
    const std::uint64_t take = std::min<std::uint64_t>(n - skipped, out_.size() - out_pos_);
    out_pos_ += static_cast<std::size_t>(take);
    skipped += take;
  }
  return skipped;
}

std::optional<std::string> WarcSource::read_line(std::size_t max) {
  if (peek() < 0) return std::nullopt;
  std::string line;
  while (peek() >= 0) {
    const char* begin = out_.data() + out_pos_;
    const std::size_t avail = out_.size() - out_pos_;
    const void* nl = std::memchr(begin, '\n', avail);
    const std::size_t take =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - begin) : avail;
    line.append(begin, take);
    out_pos_ += take;
    if (line.size() > max) {
      fail(ErrorCode::Malformed, "a header line is over " + std::to_string(max) + " bytes");
    }
    if (nl) {
      ++out_pos_;
      break;
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool WarcSource::skip_member(WarcPosition start, std::uint64_t size) {
  const WarcPosition here = position();
  if (!gzip_ || start.inner != 0 || here.offset != start.offset || member_ended_) return false;
  // Deflate stores incompressible bytes in blocks of 65,535 with 5 bytes each of
  // overhead; a gzip header and trailer add 18 and more with optional fields.
  const std::uint64_t window_end = start.offset + size + size / 8192 + 1024;
  const unsigned char isize[4] = {
      static_cast<unsigned char>(size), static_cast<unsigned char>(size >> 8),
      static_cast<unsigned char>(size >> 16), static_cast<unsigned char>(size >> 24)};
  // The member ends where the first gzip magic (or the end of the file) follows; it is
  // this record's when the 4 bytes before it are the record's size. Looking no further
  // than the first magic keeps the search inside this member: deflate data holds the
  // magic's 3 bytes by chance about once in 16 MiB, and then the caller inflates.
  // Windows of the file start 7 bytes before the last ended, so nothing falls between.
  std::vector<unsigned char> window(kChunk + 7);
  bool found = false, searching = true;
  for (std::uint64_t from = start.offset + 14; searching && from < window_end; from += kChunk) {
    if (std::fseek(file_.get(), static_cast<long>(from), SEEK_SET) != 0) break;
    const std::size_t n = std::fread(window.data(), 1, window.size(), file_.get());
    for (std::size_t i = 0; i + 4 <= n && i < kChunk; ++i) {
      const bool at_end = i + 4 == n && std::feof(file_.get());
      const bool magic =
          i + 7 <= n && window[i + 4] == 0x1f && window[i + 5] == 0x8b && window[i + 6] == 0x08;
      if (!at_end && !magic) continue;
      found = std::memcmp(&window[i], isize, 4) == 0;
      if (found) start_member(from + i + 4);
      searching = false;
      break;
    }
    if (n < window.size()) break;
  }
  if (found) return true;
  start_member(start.offset);  // not found: back to where the caller was
  skip(here.inner);
  return false;
}

void WarcSource::inflate_member(std::uint64_t offset, std::uint64_t length,
                                std::uint64_t max_size) {
  if (!gzip_ || length < 18 || length > max_size) {
    fail(ErrorCode::Malformed, "no gzip member of " + std::to_string(length) + " bytes here");
  }
  std::vector<unsigned char> member(static_cast<std::size_t>(length));
  if (std::fseek(file_.get(), static_cast<long>(offset), SEEK_SET) != 0 ||
      std::fread(member.data(), 1, member.size(), file_.get()) != member.size()) {
    fail(ErrorCode::Malformed, "a gzip member lies past the end of the file");
  }
  // A gzip member ends with the size it inflates to (mod 2^32, and records are smaller).
  const std::uint64_t size =
      std::uint64_t{member[length - 4]} | std::uint64_t{member[length - 3]} << 8 |
      std::uint64_t{member[length - 2]} << 16 | std::uint64_t{member[length - 1]} << 24;
  if (size > max_size) {
    fail(ErrorCode::LimitExceeded, "record is over " + std::to_string(max_size) + " bytes");
  }
  check_ratio(limits_, size, length, path_.string(), "gzip");
  inflated_ += size;
  check_total(limits_, inflated_, path_.string());
  if (!whole_) whole_.reset(libdeflate_alloc_decompressor());
  if (!whole_) fail(ErrorCode::Io, "out of memory for libdeflate");
  out_.resize(static_cast<std::size_t>(size));
  std::size_t got = 0;
  if (libdeflate_gzip_decompress(whole_.get(), member.data(), member.size(), out_.data(),
                                 out_.size(), &got) != LIBDEFLATE_SUCCESS ||
      got != out_.size()) {
    fail(ErrorCode::Malformed, "not a valid gzip member");
  }
  out_pos_ = 0;
  out_start_ = {offset, 0};
  member_ended_ = true;
  stream_at_next_ = false;  // zlib's stream is elsewhere: the next member is sought
  next_member_ = offset + length;
}

// --- Records --------------------------------------------------------------------------

std::string_view WarcHeader::get(std::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (equals_icase(key, name)) return value;
  }
  return {};
}

std::optional<WarcHeader> read_warc_header(WarcSource& source) {
  // Writers differ in what they leave between records; blank lines are passed over.
  std::optional<std::string> line;
  do {
    line = source.read_line(kMaxHeaderLine);
    if (!line) return std::nullopt;
  } while (line->empty());
  if (line->rfind("WARC/", 0) != 0) {
    throw Error(ErrorCode::Malformed, source.path().string(), {},
                "not a WARC record where one should start (\"" + line->substr(0, 20) + "\")");
  }
  WarcHeader header;
  for (;;) {
    line = source.read_line(kMaxHeaderLine);
    if (!line) {
      throw Error(ErrorCode::Malformed, source.path().string(), {}, "a record header is cut short");
    }
    if (line->empty()) break;
    if ((line->front() == ' ' || line->front() == '\t') && !header.fields.empty()) {
      header.fields.back().second += " " + std::string(trim_space(*line));  // folded line
      continue;
    }
    const std::size_t colon = line->find(':');
    if (colon == std::string::npos || header.fields.size() == kMaxHeaderFields) {
      throw Error(ErrorCode::Malformed, source.path().string(), {},
                  "a record header line is not a field: \"" + line->substr(0, 40) + "\"");
    }
    header.fields.emplace_back(std::string(trim_space(std::string_view(*line).substr(0, colon))),
                               std::string(trim_space(std::string_view(*line).substr(colon + 1))));
  }
  const std::string_view length = header.get("Content-Length");
  const auto [end, ec] =
      std::from_chars(length.data(), length.data() + length.size(), header.content_length);
  if (length.empty() || ec != std::errc() || end != length.data() + length.size()) {
    throw Error(ErrorCode::Malformed, source.path().string(), {},
                "a record has no valid Content-Length (\"" + std::string(length) + "\")");
  }
  return header;
}

std::optional<HttpHead> parse_http_head(std::string_view payload) {
  if (payload.rfind("HTTP/", 0) != 0) return std::nullopt;
  std::size_t end = payload.find("\r\n\r\n");
  std::size_t body = end == std::string_view::npos ? end : end + 4;
  if (end == std::string_view::npos) {  // a writer that kept bare line feeds
    end = payload.find("\n\n");
    body = end == std::string_view::npos ? end : end + 2;
  }
  if (end == std::string_view::npos) return std::nullopt;
  HttpHead head;
  head.body_offset = body;
  std::string_view rest = payload.substr(0, end);
  const std::size_t first_end = std::min(rest.find('\n'), rest.size());
  const std::string_view status_line = rest.substr(0, first_end);
  const std::size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view code = status_line.substr(space + 1, 3);
  if (std::from_chars(code.data(), code.data() + code.size(), head.status).ec != std::errc()) {
    return std::nullopt;
  }
  rest.remove_prefix(std::min(first_end + 1, rest.size()));
  while (!rest.empty()) {
    const std::size_t eol = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view name = trim_space(line.substr(0, colon));
    const std::string_view value = trim_space(line.substr(colon + 1));
    if (equals_icase(name, "Content-Type")) {
      head.content_type = std::string(value);
    } else if (equals_icase(name, "Content-Encoding")) {
      head.content_encoding = to_lower_ascii(value);
    } else if (equals_icase(name, "Transfer-Encoding")) {
      head.chunked = to_lower_ascii(value).find("chunked") != std::string::npos;
    }
  }
  return head;
}

namespace {

// A chunked body's data; a chunk that claims more than is there ends it.
std::string dechunk(std::string_view body) {
  std::string out;
  while (!body.empty()) {
    const std::size_t eol = body.find('\n');
    if (eol == std::string_view::npos) break;
    std::string_view size_field = body.substr(0, eol);
    size_field = size_field.substr(0, size_field.find(';'));  // chunk extensions
    size_field = trim_space(size_field);
    std::uint64_t size = 0;
    const auto [end, ec] =
        std::from_chars(size_field.data(), size_field.data() + size_field.size(), size, 16);
    if (ec != std::errc() || size_field.empty()) break;
    body.remove_prefix(eol + 1);
    if (size == 0) break;
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size, body.size()));
    out.append(body.substr(0, take));
    body.remove_prefix(take);
    if (body.rfind("\r\n", 0) == 0)
      body.remove_prefix(2);
    else if (body.rfind("\n", 0) == 0)
      body.remove_prefix(1);
  }
  return out;
}

// Inflates a gzip or zlib stream (deflate as served: zlib-wrapped, or raw by servers
// that misread the standard), at most `max_bytes`.
std::string inflate_body(std::string_view data, bool gzip, std::size_t max_bytes,
                         const std::string& name) {
  const bool zlib_header =
      !gzip && data.size() >= 2 && (data[0] & 0x0f) == 8 &&
      ((static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1])) % 31 == 0;
  z_stream zs{};
  if (inflateInit2(&zs, gzip ? 15 + 32 : zlib_header ? 15 : -15) != Z_OK) {
    throw Error(ErrorCode::Io, name, {}, "zlib failed");
  }
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buffer[kChunk];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      throw Error(ErrorCode::LimitExceeded, name, {},
                  "the body inflates past " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;  // cut short: keep what there is
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
    throw Error(ErrorCode::Malformed, name, {},
                "the body's " + std::string(gzip ? "gzip" : "deflate") + " data is not valid");
  }
  return out;
}

// A brotli body (RFC 7932), at most `max_bytes`. Brotli has no magic number: a body
// that does not decode but opens like a page or a PDF was stored decoded, as some
// archivers do, and is taken as it is.
std::string decode_brotli(std::string_view data, std::size_t max_bytes, const std::string& name) {
  std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), &BrotliDecoderDestroyInstance);
  if (!state) throw Error(ErrorCode::Io, name, {}, "out of memory for brotli");
  std::string out;
  std::size_t available_in = data.size();
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    std::uint8_t buffer[kChunk];
    std::size_t available_out = sizeof buffer;
    std::uint8_t* next_out = buffer;
    result = BrotliDecoderDecompressStream(state.get(), &available_in, &next_in, &available_out,
                                           &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(buffer), sizeof buffer - available_out);
    if (out.size() > max_bytes) {
      throw Error(ErrorCode::LimitExceeded, name, {},
                  "the body inflates past " + std::to_string(max_bytes) + " bytes");
    }
  }
  if (result == BROTLI_DECODER_RESULT_SUCCESS) return out;
  const std::string_view start = trim_space(data.substr(0, 64));
  if (start.starts_with('<') || start.starts_with("%PDF")) return std::string(data);
  // Cut short (NEEDS_MORE_INPUT) keeps what there is, as for gzip; anything else is broken.
  if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && !out.empty()) return out;
  throw Error(ErrorCode::Malformed, name, {}, "the body's brotli data is not valid");
}

}  // namespace

std::string http_body(std::string_view payload, const HttpHead& head, std::size_t max_bytes,
                      const std::string& name) {
  std::string_view body = payload.substr(std::min(head.body_offset, payload.size()));
  std::string dechunked;
  if (head.chunked) {
    dechunked = dechunk(body);
    body = dechunked;
  }
  const std::string& coding = head.content_encoding;
  std::string out;
  if (coding.empty() || coding == "identity") {
    out = std::string(body);
  } else if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
    // Some archivers store the body decoded but keep the header: take it as it is.
    const bool looks_gzip = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                            static_cast<unsigned char>(body[1]) == 0x8b;
    out = coding != "deflate" && !looks_gzip
              ? std::string(body)
              : inflate_body(body, coding != "deflate", max_bytes, name);
  } else if (coding == "br") {
    out = decode_brotli(body, max_bytes, name);
  } else {
    throw Error(ErrorCode::Unsupported, name, {},
                "content coding '" + coding + "' is not one galley can undo (gzip, deflate, br)");
  }
  if (out.size() > max_bytes) {
    throw Error(ErrorCode::LimitExceeded, name, {},
                "document is over " + std::to_string(max_bytes) + " bytes");
  }
  return out;
}

// --- Output paths ---------------------------------------------------------------------

namespace {

constexpr std::size_t kMaxSegment = 80;
constexpr std::size_t kMaxSegments = 12;

// A path segment made safe: letters, digits and ". - _" kept, anything else '_'.
std::string safe_segment(std::string_view raw) {
  std::string out;
  for (const char c : raw.substr(0, kMaxSegment)) {
    const auto u = static_cast<unsigned char>(c);
    out += std::isalnum(u) || c == '.' || c == '-' || c == '_' ? c : '_';
  }
  while (!out.empty() && out.front() == '.') out.front() = '_';  // no "..", no hidden files
  return out;
}

}  // namespace

std::string warc_output_path(std::string_view uri) {
  std::string_view rest = uri;
  if (const std::size_t scheme = rest.find("://"); scheme != std::string_view::npos) {
    rest.remove_prefix(scheme + 3);
  }
  rest = rest.substr(0, rest.find('#'));
  const std::size_t query_at = rest.find('?');
  const std::string_view query =
      query_at == std::string_view::npos ? std::string_view() : rest.substr(query_at + 1);
  rest = rest.substr(0, query_at);
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= rest.size() && parts.size() < kMaxSegments;) {
    const std::size_t end = std::min(rest.find('/', start), rest.size());
    std::string part = safe_segment(rest.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + 1;
  }
  if (parts.empty()) parts.push_back("unnamed");
  // The host alone, or a path ending in '/', names a folder's index page.
  if (parts.size() == 1 || (!rest.empty() && rest.back() == '/')) parts.push_back("index");
  if (!query.empty()) {
    // Pages that differ only in their query (?page=2) keep apart, by a short hash.
    std::string& last = parts.back();
    const std::size_t dot = last.rfind('.');
    const std::string tag = "_" + to_hex(sha1(query)).substr(0, 8);
    last.insert(dot == std::string::npos || dot == 0 ? last.size() : dot, tag);
  }
  std::string path;
  for (const std::string& part : parts) path += (path.empty() ? "" : "/") + part;
  return path;
}

// --- Listing and loading --------------------------------------------------------------

namespace {

// The payloads that are articles. A crawl's plain text (robots.txt), JSON (API calls)
// and Markdown are not pages a reader saw, though galley reads those formats too.
bool is_document_type(std::string_view content_type) {
  static constexpr std::string_view kDocumentTypes[] = {"text/html", "application/xhtml+xml",
                                                        "application/pdf"};
  const std::string type = media_type_essence(content_type);
  if (type.empty()) return true;  // not said: the reader is chosen by the bytes
  return std::find(std::begin(kDocumentTypes), std::end(kDocumentTypes), type) !=
         std::end(kDocumentTypes);
}

// Why a record holds no document to convert, or "" when it holds one.
std::string skip_reason(const WarcRecord& r) {
  if (r.type == "revisit") return "revisit record: the document is in an earlier record";
  if (r.type != "response" && r.type != "resource") return r.type + " record";
  if (r.type == "response" && r.http_status == 0) return "response record without an HTTP response";
  if (r.type == "response" && r.http_status != 200) {
    return "HTTP status " + std::to_string(r.http_status);
  }
  if (!is_document_type(r.content_type)) {
    return r.content_type.substr(0, r.content_type.find(';')) + " is not a web page or a PDF";
  }
  return {};
}

WarcRecord record_of(const WarcHeader& header, WarcPosition at) {
  WarcRecord r;
  r.id = header.get("WARC-Record-ID");
  r.type = to_lower_ascii(header.get("WARC-Type"));
  r.target_uri = header.get("WARC-Target-URI");
  if (r.target_uri.size() >= 2 && r.target_uri.front() == '<' && r.target_uri.back() == '>') {
    r.target_uri = r.target_uri.substr(1, r.target_uri.size() - 2);  // WARC 1.0's own example
  }
  r.date = header.get("WARC-Date");
  r.offset = at.offset;
  r.inner = at.inner;
  if (r.type == "resource") r.content_type = header.get("Content-Type");
  return r;
}

// The start of a response record's block, up to the end of its HTTP head (at most
// kMaxHttpHead bytes, never past the block's `length`), read a little at a time so that
// little of the body is inflated for it.
std::string read_http_head(WarcSource& source, std::uint64_t length) {
  constexpr std::size_t kStep = 2048;
  const std::size_t limit = static_cast<std::size_t>(std::min<std::uint64_t>(length, kMaxHttpHead));
  std::string head;
  while (head.size() < limit) {
    const std::size_t searched = head.size() < 3 ? 0 : head.size() - 3;
    const std::string more = source.read(std::min(kStep, limit - head.size()));
    if (more.empty()) break;
    head += more;
    if (head.find("\r\n\r\n", searched) != std::string::npos ||
        head.find("\n\n", searched) != std::string::npos) {
      break;
    }
  }
  return head;
}

// Reads the rest of a record's block and its two line ends; returns the bytes read.
std::uint64_t finish_record(WarcSource& source, std::uint64_t remaining) {
  const std::uint64_t skipped = source.skip(remaining);
  if (skipped == remaining) {
    for (int i = 0; i < 2 && (source.peek() == '\r' || source.peek() == '\n'); ++i) {
      if (source.peek() == '\r') source.skip(1);
      if (source.peek() == '\n') source.skip(1);
    }
  }
  return skipped;
}

}  // namespace

namespace {

// The item of the record whose header `header` was read from `source` (the record
// starting at `at`, its block at `body`), leaving `source` at the next record. A record
// cut short is an item with its error.
InputItem list_record(WarcSource& source, const WarcHeader& header, WarcPosition at,
                      WarcPosition body, std::uint64_t number) {
  InputItem item{{}, source.path(), std::nullopt, {}, record_of(header, at), {}};
  WarcRecord& r = *item.warc;
  std::uint64_t read = 0;
  if (r.type == "response") {
    const std::string head = read_http_head(source, header.content_length);
    read = head.size();
    if (const auto http = parse_http_head(head)) {
      r.http_status = http->status;
      r.content_type = http->content_type;
    }
  }
  item.relative =
      r.target_uri.empty() ? "record-" + std::to_string(number) : warc_output_path(r.target_uri);
  item.skipped = skip_reason(r);
  const std::uint64_t length = header.content_length;
  // The record fills its gzip member: header, block and the two CRLFs.
  const std::uint64_t member_size = body.inner + length + 4;
  const bool own_member = body.offset == at.offset && source.skip_member(at, member_size);
  if (own_member) r.member_length = source.position().offset - at.offset;
  const std::uint64_t got = own_member ? length : read + finish_record(source, length - read);
  if (got < length) {
    item.skipped.clear();
    item.error =
        "record cut short: " + std::to_string(got) + " of " + std::to_string(length) + " bytes";
  }
  return item;
}

}  // namespace

WarcLister::WarcLister(const fs::path& path, const ArchiveLimits& limits)
    : source_(std::make_unique<WarcSource>(path, limits)), limits_(limits) {}

WarcLister::~WarcLister() = default;

std::optional<InputItem> WarcLister::next() {
  if (ended_) return std::nullopt;
  try {
    const WarcPosition at = source_->position();
    const std::optional<WarcHeader> header = read_warc_header(*source_);
    if (!header) {
      ended_ = true;
      return std::nullopt;
    }
    if (count_ == limits_.max_entries) {
      throw Error(ErrorCode::LimitExceeded, source_->path().string(), {},
                  "archive has more than " + std::to_string(limits_.max_entries) + " records");
    }
    InputItem item = list_record(*source_, *header, at, source_->position(), ++count_);
    ended_ = !item.error.empty();  // cut short: nothing follows
    return item;
  } catch (const Error& e) {
    // What was listed stands; the break itself is one more item, so it is reported.
    ended_ = true;
    return InputItem{"record-" + std::to_string(count_ + 1),
                     source_->path(),
                     std::nullopt,
                     e.message(),
                     WarcRecord{},
                     {}};
  }
}

std::string load_warc_document(WarcSource& source, const InputItem& item, std::size_t max_bytes) {
  const WarcRecord& r = *item.warc;
  if (r.member_length > 0) {
    // Its header, the HTTP head and the body: bounded as below, with room for the heads.
    source.inflate_member(r.offset, r.member_length,
                          std::uint64_t{max_bytes} + 2 * kMaxHttpHead + kMaxHeaderLine);
  } else {
    source.seek({r.offset, r.inner});
  }
  const std::optional<WarcHeader> header = read_warc_header(source);
  if (!header || header->get("WARC-Record-ID") != r.id) {
    throw Error(ErrorCode::Malformed, item.display(), {},
                "the record is not where the listing found it (the file changed?)");
  }
  // The HTTP head and some slack come before the body; the body is checked below.
  const std::uint64_t limit = std::uint64_t{max_bytes} + kMaxHttpHead;
  if (header->content_length > limit) {
    throw Error(ErrorCode::LimitExceeded, item.display(), {},
                "record is over " + std::to_string(max_bytes) + " bytes");
  }
  const std::string block = source.read(static_cast<std::size_t>(header->content_length));
  if (block.size() < header->content_length) {
    throw Error(ErrorCode::Malformed, item.display(), {}, "record cut short");
  }
  if (r.type == "resource") {
    if (block.size() > max_bytes) {
      throw Error(ErrorCode::LimitExceeded, item.display(), {},
                  "document is over " + std::to_string(max_bytes) + " bytes");
    }
    return block;
  }
  const std::optional<HttpHead> head = parse_http_head(block);
  if (!head)
    throw Error(ErrorCode::Malformed, item.display(), {}, "no HTTP response in the record");
  return http_body(block, *head, max_bytes, item.display());
}

}  // namespace galley::detail
