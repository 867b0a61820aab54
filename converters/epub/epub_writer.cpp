// EPUB 3 writer: one XHTML content document with the headline block, the body, the
// notes as EPUB 3 footnotes and the footer in its own section; nav.xhtml and toc.ncx;
// a small stylesheet; images embedded from data: URIs (PNG, JPEG, GIF).
//
// Drops: images that are not embedded data URIs (never fetched; captions kept),
// links other than http(s) and mailto (text kept), references to missing notes, and
// characters XML cannot carry. The output is reproducible: entry order and times are
// fixed, the identifier is a UUID v5 of the article URL (or of the content when there
// is none), and dcterms:modified comes from WriteOptions::timestamp, else the article
// date, else the Unix epoch. An unknown or malformed language is written as "und".
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <galley/registry.hpp>

#include "detail/iso_date.hpp"
#include "detail/language.hpp"
#include "detail/sha1.hpp"
#include "epub.hpp"

namespace galley::epub {
namespace {

struct Entry {
  std::string name;
  std::string bytes;
  bool deflated = false;
};

// A zip entry time in MS-DOS form, computed from UTC so the bytes do not depend on
// the machine's time zone (zip_file_set_mtime converts with localtime).
struct DosTime {
  zip_uint16_t time = 0;
  zip_uint16_t date = 0;
};

DosTime dos_time(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd(day);
  const hh_mm_ss hms(t - day);
  const int year = std::clamp(static_cast<int>(ymd.year()), 1980, 2107);
  DosTime dos;
  dos.date =
      static_cast<zip_uint16_t>((year - 1980) << 9 | static_cast<unsigned>(ymd.month()) << 5 |
                                static_cast<unsigned>(ymd.day()));
  if (static_cast<int>(ymd.year()) >= 1980) {
    dos.time = static_cast<zip_uint16_t>(hms.hours().count() << 11 | hms.minutes().count() << 5 |
                                         hms.seconds().count() / 2);
  } else {
    dos.date = static_cast<zip_uint16_t>(1 << 5 | 1);  // 1980-01-01, the earliest DOS date
  }
  return dos;
}

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw Error(ErrorCode::Io, std::string(kWriterName), {},
              what + ": " + (error ? zip_error_strerror(error) : "unknown libzip error"));
}

struct SourceDeleter {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

// Builds the archive in memory; `entries` must outlive the call (libzip reads them
// when the archive is closed).
std::string zip_entries(const std::vector<Entry>& entries, DosTime when) {
  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) fail("cannot create the archive buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (!archive) fail("cannot open the archive buffer", &error);
  zip_source_keep(buffer.get());  // the archive released it on close; we read it after
  for (const Entry& entry : entries) {
    zip_source_t* data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const zip_int64_t index = data ? zip_file_add(archive, entry.name.c_str(), data, 0) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      const std::string message = zip_strerror(archive);
      zip_discard(archive);
      throw Error(ErrorCode::Io, std::string(kWriterName), {},
                  "cannot add " + entry.name + ": " + message);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    zip_set_file_compression(archive, i, entry.deflated ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
    zip_file_set_dostime(archive, i, when.time, when.date, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string message = zip_strerror(archive);
    zip_discard(archive);
    throw Error(ErrorCode::Io, std::string(kWriterName), {},
                "cannot write the archive: " + message);
  }
  zip_stat_t stat;
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    fail("cannot read the archive back", zip_source_error(buffer.get()));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    fail("cannot read the archive back", zip_source_error(buffer.get()));
  }
  return bytes;
}

std::chrono::sys_seconds modification_time(const Article& article, const WriteOptions& options) {
  using namespace std::chrono;
  if (options.timestamp) return *options.timestamp;
  if (detail::writable_iso_date(article.metadata.date)) return sys_days(*article.metadata.date);
  return sys_seconds{};
}

std::string w3c_datetime(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  year_month_day ymd(floor<days>(t));
  if (ymd.year() < year(1) || ymd.year() > year(9999)) {
    t = sys_seconds{};
    ymd = year_month_day(floor<days>(t));
  }
  const hh_mm_ss hms(t - floor<days>(t));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buffer;
}

BookMeta book_meta(const Article& article, std::chrono::sys_seconds modified) {
  const Metadata& meta = article.metadata;
  BookMeta book;
  book.title = has_text(meta.title) ? *meta.title : "Untitled";
  book.language = detail::normalize_language_tag(meta.lang.value_or("")).value_or("und");
  book.rtl = detail::is_rtl_language(book.language);
  book.modified = w3c_datetime(modified);
  return book;
}

class EpubWriter final : public Writer {
 public:
  void write(const Article& article, const WriteOptions& options, Sink& out,
             Diagnostics& diag) const override {
    const std::chrono::sys_seconds modified = modification_time(article, options);
    BookMeta book = book_meta(article, modified);
    Content content = render_content(article, book, diag);
    const std::string& url = article.metadata.url.value_or("");
    book.identifier =
        "urn:uuid:" +
        detail::url_uuid_v5(url.empty() ? "urn:sha1:" + detail::to_hex(detail::sha1(content.xhtml))
                                        : url);
    // Only the content document is deflated: the package files are a few hundred bytes
    // each, images are compressed already and the mimetype must be stored, and each
    // deflate stream costs more time (zlib's 256 KiB state) than it saves bytes.
    std::vector<Entry> entries = {
        {"mimetype", "application/epub+zip"},
        {"META-INF/container.xml", container_xml()},
        {"EPUB/package.opf", package_document(article, book, content)},
        {"EPUB/nav.xhtml", nav_document(book, content)},
        {"EPUB/toc.ncx", ncx_document(book, content)},
        {"EPUB/style.css", stylesheet()},
        {"EPUB/" + std::string(kContentHref), std::move(content.xhtml), true},
    };
    for (ImageResource& image : content.images) {
      entries.push_back({"EPUB/" + image.href, std::move(image.bytes)});
    }
    out.write(zip_entries(entries, dos_time(modified)));
  }
};

}  // namespace

void register_format(Registry& registry) {
  registry.add_writer(FormatInfo{"epub", "EPUB 3 e-book", {".epub"}, {"application/epub+zip"}},
                      std::make_shared<EpubWriter>());
}

}  // namespace galley::epub
