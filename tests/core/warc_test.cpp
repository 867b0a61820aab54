// Web archives: records listed and loaded alike from a plain .warc, a gzip member per
// record and one gzip'd whole; HTTP bodies de-chunked and decoded; every break in a
// hostile file reported as an item, never a crash or an unbounded read.
#include "detail/warc.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <fstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>
#include <galley/inputs.hpp>

#include "support/process.hpp"

namespace galley::detail {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Deflated with a zlib wrapper (window_bits 15), none (-15) or a gzip one (15 + 16).
std::string deflate_data(std::string_view data, int window_bits) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string gzip(std::string_view data) { return deflate_data(data, 15 + 16); }

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   int id, const std::string& content_type = "application/http; msgtype=response") {
  std::string head = "WARC/1.0\r\nWARC-Type: " + type +
                     "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(id) +
                     ">\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n";
  if (!uri.empty()) head += "WARC-Target-URI: " + uri + "\r\n";
  head += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) +
          "\r\n\r\n";
  return head + block + "\r\n\r\n";
}

std::string response(const std::string& status, const std::string& headers,
                     const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

const std::string kPage =
    "<html><head><title>Tide Tables</title></head><body><article><h1>Tide Tables</h1><p>The "
    "harbour office prints new tide tables every spring, with the heights in metres.</p>"
    "</article></body></html>";

std::vector<std::string> crawl_records() {
  return {
      record("warcinfo", "", "software: test\r\n", 1, "application/warc-fields"),
      record("request", "http://e.org/a.html", "GET /a.html HTTP/1.1\r\n\r\n", 2),
      record("response", "http://e.org/a.html",
             response("200 OK", "Content-Type: text/html; charset=utf-8\r\n", kPage), 3),
      record("response", "http://e.org/moved", response("301 Moved", "Location: /b\r\n", ""), 4),
      record("resource", "http://e.org/b.html", kPage + "<!-- b -->", 5, "text/html"),
      record("response", "http://e.org/style.css",
             response("200 OK", "Content-Type: text/css\r\n", "p{}"), 6)};
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string join(const std::vector<std::string>& parts, bool gzip_each) {
  std::string out;
  for (const std::string& p : parts) out += gzip_each ? gzip(p) : p;
  return out;
}

std::vector<InputItem> list(const fs::path& path, const ArchiveLimits& limits = {}) {
  return list_inputs({path.string()}, limits);
}

TEST(Warc, NamesWebArchives) {
  EXPECT_TRUE(is_warc_path("a/crawl.warc"));
  EXPECT_TRUE(is_warc_path("CRAWL.WARC.GZ"));
  EXPECT_FALSE(is_warc_path("crawl.warc.zip"));
  EXPECT_FALSE(is_warc_path("warc"));
}

TEST(Warc, ListsEveryRecordAndWhyItHoldsNoDocument) {
  TempDir dir;
  write_file(dir.path() / "c.warc", join(crawl_records(), false));
  const auto items = list(dir.path() / "c.warc");
  ASSERT_EQ(items.size(), 6u);
  std::vector<std::string> reasons;
  for (const auto& item : items) {
    ASSERT_TRUE(item.warc);
    EXPECT_TRUE(item.error.empty()) << item.error;
    reasons.push_back(item.skipped);
  }
  EXPECT_EQ(reasons,
            (std::vector<std::string>{"warcinfo record", "request record", "", "HTTP status 301",
                                      "", "text/css is not a web page or a PDF"}));
  EXPECT_EQ(items[2].relative, "e.org/a.html");
  EXPECT_EQ(items[2].display(), (dir.path() / "c.warc").string() + "!e.org/a.html");
  EXPECT_EQ(items[2].warc->id, "<urn:uuid:3>");
  EXPECT_EQ(items[2].warc->target_uri, "http://e.org/a.html");
  EXPECT_EQ(items[2].warc->date, "2024-01-02T03:04:05Z");
  EXPECT_EQ(items[2].warc->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(items[2].warc->http_status, 200);
  EXPECT_EQ(items[4].warc->content_type, "text/html");
  EXPECT_EQ(items[0].relative, "record-1");  // no address: named by its place
}

// A plain file, a gzip member per record (as crawlers write; listed without inflating
// the records), a member per two records and one gzip stream over the whole file list
// the same records and load the same documents, in any order.
TEST(Warc, EveryLayoutListsAndLoadsTheSameDocuments) {
  TempDir dir;
  const auto records = crawl_records();
  write_file(dir.path() / "plain.warc", join(records, false));
  write_file(dir.path() / "members.warc.gz", join(records, true));
  write_file(dir.path() / "pairs.warc.gz", gzip(records[0] + records[1]) +
                                               gzip(records[2] + records[3]) +
                                               gzip(records[4] + records[5]));
  write_file(dir.path() / "whole.warc.gz", gzip(join(records, false)));
  const auto plain = list(dir.path() / "plain.warc");
  for (const char* name : {"plain.warc", "members.warc.gz", "pairs.warc.gz", "whole.warc.gz"}) {
    SCOPED_TRACE(name);
    const auto items = list(dir.path() / name);
    ASSERT_EQ(items.size(), 6u);
    for (std::size_t i = 0; i < items.size(); ++i) {
      EXPECT_EQ(items[i].relative, plain[i].relative);
      EXPECT_EQ(items[i].skipped, plain[i].skipped);
      EXPECT_EQ(items[i].warc->id, plain[i].warc->id);
      EXPECT_EQ(items[i].warc->content_type, plain[i].warc->content_type);
    }
    InputLoader loader;
    // Backwards: the loader must seek back, not only read on.
    EXPECT_EQ(loader.load(items[4], 1 << 20), kPage + "<!-- b -->");
    EXPECT_EQ(loader.load(items[2], 1 << 20), kPage);
    EXPECT_EQ(loader.load(items[4], 1 << 20), kPage + "<!-- b -->");
    const Input input = loader.input(items[2], 1 << 20);
    EXPECT_EQ(input.media_type, "text/html; charset=utf-8");
    EXPECT_EQ(input.name, items[2].display());
    EXPECT_THROW(loader.load(items[1], 1 << 20), Error);  // a request holds no document
    EXPECT_EQ(loader.resources_for(items[2])("logo.png"), std::nullopt);  // not looked up
  }
}

TEST(Warc, HttpBodiesAreDechunkedAndDecoded) {
  const std::string body = "<p>caf\xC3\xA9</p>";
  const auto decode = [](const std::string& headers, const std::string& payload) {
    const std::string message = response("200 OK", headers, payload);
    const auto head = parse_http_head(message);
    EXPECT_TRUE(head);
    return head ? http_body(message, *head, 1 << 20, "t") : std::string();
  };
  EXPECT_EQ(decode("", body), body);
  EXPECT_EQ(decode("Transfer-Encoding: chunked\r\n",
                   "4\r\n<p>c\r\n8;ext=1\r\naf\xC3\xA9</p>\r\n0\r\n\r\n"),
            body);
  EXPECT_EQ(decode("Content-Encoding: gzip\r\n", gzip(body)), body);
  EXPECT_EQ(decode("Content-Encoding: deflate\r\n", deflate_data(body, 15)), body);
  EXPECT_EQ(decode("Content-Encoding: deflate\r\n", deflate_data(body, -15)), body);
  // Stored decoded with the header kept, as some archivers do: taken as it is.
  EXPECT_EQ(decode("Content-Encoding: gzip\r\n", body), body);
  // Chunked and gzip'd, the chunks cutting the gzip stream anywhere.
  const std::string zipped = gzip(body);
  const std::string chunked = "3\r\n" + zipped.substr(0, 3) + "\r\n" +
                              [&] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", zipped.size() - 3);
                                return std::string(size);
                              }() +
                              "\r\n" + zipped.substr(3) + "\r\n0\r\n\r\n";
  EXPECT_EQ(decode("Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked), body);
}

std::string brotli(std::string_view data) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  std::size_t size = out.size();
  BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                        data.size(), reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                        reinterpret_cast<std::uint8_t*>(out.data()));
  out.resize(size);
  return out;
}

// What browsers fetch (Browsertrix and other browser-based crawlers record it so).
TEST(Warc, BrotliBodiesAreDecoded) {
  const auto decode = [](const std::string& payload) {
    const std::string message = response("200 OK", "Content-Encoding: br\r\n", payload);
    return http_body(message, *parse_http_head(message), 1 << 20, "t");
  };
  EXPECT_EQ(decode(brotli(kPage)), kPage);
  EXPECT_EQ(decode(kPage), kPage);  // stored decoded, header kept
  EXPECT_THROW(decode("\xff\xfe not brotli, not a page"), Error);
  try {
    decode(brotli(std::string(8 << 20, 'a')));
    FAIL() << "a body past the limit is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  }
}

TEST(Warc, RefusesCodingsItCannotUndoAndBodiesPastTheLimit) {
  const std::string zstd = response("200 OK", "Content-Encoding: zstd\r\n", "(\xb5/\xfd");
  try {
    http_body(zstd, *parse_http_head(zstd), 1 << 20, "page");
    FAIL() << "zstd is not undone";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Unsupported);
  }
  const std::string bomb =
      response("200 OK", "Content-Encoding: gzip\r\n", gzip(std::string(8 << 20, 'a')));
  try {
    http_body(bomb, *parse_http_head(bomb), 1 << 20, "page");
    FAIL() << "a body past the limit is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  }
}

TEST(Warc, ReadsHttpHeadsOfEveryShape) {
  EXPECT_FALSE(parse_http_head("GET / HTTP/1.1\r\n\r\n"));
  EXPECT_FALSE(parse_http_head("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"));  // no end
  const auto bare = parse_http_head("HTTP/1.0 404\nContent-type:  text/plain \n\nx");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 404);
  EXPECT_EQ(bare->content_type, "text/plain");
  EXPECT_EQ(bare->body_offset, std::string("HTTP/1.0 404\nContent-type:  text/plain \n\n").size());
}

TEST(Warc, OutputPathsAreSafeAndKeepPagesApart) {
  EXPECT_EQ(warc_output_path("https://e.org/news/story.html"), "e.org/news/story.html");
  EXPECT_EQ(warc_output_path("https://e.org"), "e.org/index");
  EXPECT_EQ(warc_output_path("https://e.org/news/"), "e.org/news/index");
  EXPECT_EQ(warc_output_path("http://e.org:8080/a/../../etc/passwd"),
            "e.org_8080/a/_./_./etc/passwd");
  EXPECT_NE(warc_output_path("https://e.org/list?page=1"),
            warc_output_path("https://e.org/list?page=2"));
  EXPECT_EQ(warc_output_path("https://e.org/a.html#part"), "e.org/a.html");
  EXPECT_EQ(warc_output_path("https://e.org/caf\xC3\xA9 bar"), "e.org/caf___bar");
  for (const char* uri :
       {"https://e.org/../x", "..", "", "https://e.org/.hidden", "/a//b", "https://e.org/a\\b"}) {
    EXPECT_TRUE(is_safe_relative_path(warc_output_path(uri))) << uri;
  }
}

TEST(Warc, ARecordCutShortIsReportedAfterTheOthers) {
  TempDir dir;
  auto records = crawl_records();
  const std::string last = record("response", "http://e.org/c.html",
                                  response("200 OK", "Content-Type: text/html\r\n", kPage), 9);
  write_file(dir.path() / "cut.warc", join(records, false) + last.substr(0, last.size() - 100));
  write_file(dir.path() / "cut.warc.gz",
             join(records, true) + gzip(last).substr(0, 40));  // a gzip member cut short
  for (const char* name : {"cut.warc", "cut.warc.gz"}) {
    SCOPED_TRACE(name);
    const auto items = list(dir.path() / name);
    ASSERT_EQ(items.size(), 7u);
    EXPECT_TRUE(items[5].error.empty());
    EXPECT_FALSE(items[6].error.empty());
    InputLoader loader;
    EXPECT_THROW(loader.load(items[6], 1 << 20), Error);
    EXPECT_EQ(loader.load(items[2], 1 << 20), kPage);
  }
}

TEST(Warc, WhatIsNotAWarcIsOneItemWithItsError) {
  TempDir dir;
  write_file(dir.path() / "x.warc", "<html>not a web archive</html>");
  write_file(dir.path() / "y.warc.gz", "\x1f\x8b not really gzip");
  write_file(dir.path() / "z.warc",
             "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n");
  for (const char* name : {"x.warc", "y.warc.gz", "z.warc"}) {
    const auto items = list(dir.path() / name);
    ASSERT_EQ(items.size(), 1u) << name;
    EXPECT_FALSE(items[0].error.empty()) << name;
  }
  EXPECT_NE(list(dir.path() / "x.warc")[0].error.find("not a WARC record"), std::string::npos);
  EXPECT_NE(list(dir.path() / "z.warc")[0].error.find("Content-Length"), std::string::npos);
}

TEST(Warc, TheArchiveLimitsHold) {
  TempDir dir;
  write_file(dir.path() / "c.warc", join(crawl_records(), false));
  ArchiveLimits few;
  few.max_entries = 3;
  const auto items = list(dir.path() / "c.warc", few);
  ASSERT_EQ(items.size(), 4u);  // three records, then the limit
  EXPECT_NE(items[3].error.find("more than 3 records"), std::string::npos) << items[3].error;

  // A member that inflates 200 times over (a gzip bomb) is listed without being
  // inflated, and stopped when it is read; one that holds two records is inflated
  // while listing, and stopped there.
  const std::string bomb =
      record("resource", "http://e.org/z.html", std::string(16 << 20, ' '), 7, "text/html");
  write_file(dir.path() / "bomb.warc.gz", gzip(bomb));
  write_file(dir.path() / "bombs.warc.gz", gzip(bomb + bomb));
  const auto bombed = list(dir.path() / "bomb.warc.gz");
  ASSERT_EQ(bombed.size(), 1u);
  try {
    InputLoader(ArchiveLimits{}).load(bombed[0], std::size_t{64} << 20);
    FAIL() << "a gzip bomb is stopped";
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("compression ratio"), std::string::npos) << e.what();
  }
  const auto bombs = list(dir.path() / "bombs.warc.gz");
  ASSERT_EQ(bombs.size(), 1u);
  EXPECT_NE(bombs[0].error.find("compression ratio"), std::string::npos) << bombs[0].error;

  // A record over the document limit is refused on loading, not read into memory.
  write_file(dir.path() / "big.warc", record("resource", "http://e.org/big.html",
                                             std::string(3 << 20, 'x'), 8, "text/html"));
  const auto big = list(dir.path() / "big.warc");
  ASSERT_EQ(big.size(), 1u);
  InputLoader loader;
  try {
    loader.load(big[0], 1 << 20);
    FAIL() << "a record over the limit is refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::LimitExceeded);
  }
}

TEST(Warc, ARecordThatMovedSinceTheListingIsAnError) {
  TempDir dir;
  const auto records = crawl_records();
  write_file(dir.path() / "c.warc", join(records, false));
  const auto items = list(dir.path() / "c.warc");
  // Another record written in front: the listed place now falls inside another record.
  write_file(
      dir.path() / "c.warc",
      record("resource", "http://e.org/new.html", "new", 99, "text/html") + join(records, false));
  InputLoader loader;
  EXPECT_THROW(loader.load(items[2], 1 << 20), Error);
}

TEST(Warc, ReadsAPageWithTheCharsetItWasServedWith) {
  TempDir dir;
  // ISO-8859-2 bytes: read as Windows-1252, "\xF8" would be "ø", not "ř".
  const std::string page =
      "<html><head><title>Dvo\xF8\xE1k</title></head><body><article><p>"
      "A paragraph about the composer Anton\xEDn Dvo\xF8\xE1k, long enough to "
      "be an article.</p></article></body></html>";
  write_file(
      dir.path() / "c.warc",
      record("response", "http://e.org/d.html",
             response("200 OK", "Content-Type: text/html; charset=\"ISO-8859-2\"\r\n", page), 1));
  const auto items = list(dir.path() / "c.warc");
  ASSERT_EQ(items.size(), 1u);
  InputLoader loader;
  Diagnostics diag;
  ReadOptions options;
  options.base_url = items[0].warc->target_uri;
  const Article a = read(loader.input(items[0], 1 << 20), options, diag);
  EXPECT_EQ(a.metadata.title, "Dvořák");
  EXPECT_EQ(a.metadata.url, "http://e.org/d.html");
}

}  // namespace
}  // namespace galley::detail
