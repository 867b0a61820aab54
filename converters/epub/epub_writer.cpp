// EPUB 3 writer: one XHTML content document with the headline block, the body, the
// notes as EPUB 3 footnotes and the footer in its own section; nav.xhtml and toc.ncx;
// a small stylesheet; images embedded from data: URIs and the article's resources
// (PNG, JPEG, GIF). A collection (write_collection) has one such document per
// article, and its navigation document, listing titles, bylines and dates, opens the
// spine as the contents page.
//
// Drops: images the input does not carry (never fetched; captions kept),
// links other than http(s) and mailto (text kept), references to missing notes, and
// characters XML cannot carry. The output is reproducible: entry order and times are
// fixed, the identifier is a UUID v5 of the article URL (or of the content when there
// is none; of every chapter's for a collection), and dcterms:modified comes from
// WriteOptions::timestamp, else the article date, else the time of writing (an undated
// article is not stamped 1970; a caller wanting the same bytes again sets the timestamp,
// as the CLI does from SOURCE_DATE_EPOCH). An unknown or malformed language is written
// as "und".
#include <unicode/uchar.h>
#include <zip.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <galley/registry.hpp>

#include "detail/iso_date.hpp"
#include "detail/language.hpp"
#include "detail/sha1.hpp"
#include "detail/text.hpp"
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

std::chrono::sys_seconds modification_time(const Metadata& meta, const WriteOptions& options) {
  using namespace std::chrono;
  if (options.timestamp) return *options.timestamp;
  if (detail::writable_iso_date(meta.date)) return sys_days(*meta.date);
  return floor<seconds>(system_clock::now());
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

// What names an untitled article where EPUB requires a title (dc:title, each document's
// <title>, the contents): its first heading, else its opening words, else its address —
// the article's own text, never an invented "Untitled" in one language.
std::string title_stand_in(const Article& article) {
  constexpr std::size_t kOpeningWords = 8;
  for (const Blocks* blocks : {&article.body, &article.abstract}) {
    for (const Block& b : *blocks) {
      const auto* h = std::get_if<Heading>(&b.node);
      if (h && detail::has_xml_text(plain_text(h->inlines))) {
        return plain_text(h->inlines);
      }
    }
    for (const Block& b : *blocks) {
      const std::string text = plain_text(b);
      const std::vector<std::string_view> words = detail::split_whitespace(text);
      if (words.empty()) continue;
      std::string opening;
      for (std::size_t i = 0; i < std::min(words.size(), kOpeningWords); ++i) {
        opening += (i == 0 ? "" : " ") + std::string(words[i]);
      }
      return words.size() > kOpeningWords ? opening + "\u2026" : opening;
    }
  }
  return detail::has_xml_text(article.metadata.url) ? *article.metadata.url : "\u2014";
}

// A collection given no title is named after its first article.
std::string first_title(const Article& article) {
  return detail::has_xml_text(article.metadata.title) ? *article.metadata.title
                                                      : title_stand_in(article);
}

// The direction of the first character in `text` that has a strong one in Unicode's
// bidi classes; nullopt when none has.
std::optional<bool> first_strong_is_rtl(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    switch (u_charDirection(static_cast<UChar32>(detail::next_code_point(text, pos)))) {
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
        return true;
      case U_LEFT_TO_RIGHT:
        return false;
      default:
        break;
    }
  }
  return std::nullopt;
}

// How an article whose language is unknown reads: in the direction of its first strong
// character, from the title on, as a browser sets a page's base direction with
// dir="auto". An Arabic page that names no language still reads right to left.
bool reads_right_to_left(const Article& article) {
  if (auto rtl = first_strong_is_rtl(article.metadata.title.value_or(""))) return *rtl;
  for (const Block& block : article.body) {
    if (auto rtl = first_strong_is_rtl(plain_text(block))) return *rtl;
  }
  return false;
}

// `sample` is the article whose text sets the direction when the language is unknown.
BookMeta book_meta(const Metadata& meta, std::chrono::sys_seconds modified,
                   const std::string& stand_in, const Article* sample) {
  BookMeta book;
  book.titled = detail::has_xml_text(meta.title);
  book.title = book.titled ? *meta.title : stand_in;
  book.language = detail::normalize_language_tag(meta.lang.value_or("")).value_or("und");
  book.rtl = book.language == "und" && sample ? reads_right_to_left(*sample)
                                              : detail::is_rtl_language(book.language);
  book.modified = w3c_datetime(modified);
  return book;
}

// A chapter's identity for the book identifier: its URL, or a hash of its content.
std::string chapter_key(const Article& article, const Content& content) {
  const std::string& url = article.metadata.url.value_or("");
  return url.empty() ? "urn:sha1:" + detail::to_hex(detail::sha1(content.xhtml)) : url;
}

// Zips the rendered chapters with the package files around them; the navigation lists
// every chapter's entries in order.
// Only content documents are deflated: the package files are a few hundred bytes
// each, images are compressed already and the mimetype must be stored, and each
// deflate stream costs more time (zlib's 256 KiB state) than it saves bytes.
std::string assemble(const Metadata& meta, const BookMeta& book, std::vector<Content> chapters,
                     bool collection, std::chrono::sys_seconds modified) {
  std::vector<TocEntry> toc;
  for (const Content& chapter : chapters)
    toc.insert(toc.end(), chapter.toc.begin(), chapter.toc.end());
  std::vector<Entry> entries = {
      {"mimetype", "application/epub+zip"},
      {"META-INF/container.xml", container_xml()},
      {"EPUB/package.opf", package_document(meta, book, chapters, collection)},
      {"EPUB/nav.xhtml", nav_document(book, toc)},
      {"EPUB/toc.ncx", ncx_document(book, toc)},
      {"EPUB/style.css", stylesheet()},
  };
  for (Content& chapter : chapters) {
    entries.push_back({"EPUB/" + chapter.href, std::move(chapter.xhtml), true});
  }
  for (Content& chapter : chapters) {
    for (ImageResource& image : chapter.images) {
      entries.push_back({"EPUB/" + image.href, std::move(image.bytes)});
    }
  }
  return zip_entries(entries, dos_time(modified));
}

// A collection's language is the one most of its articles share (the first such on a
// tie); its date and time stamp are the newest article's.
Metadata collection_metadata(const std::vector<Article>& articles, const CollectionInfo& info) {
  Metadata meta;
  meta.title = info.title;
  std::map<std::string, int> languages;
  int best = 0;
  for (const Article& article : articles) {
    const auto& m = article.metadata;
    if (detail::writable_iso_date(m.date) && (!meta.date || *m.date > *meta.date)) {
      meta.date = m.date;
    }
    if (!m.lang) continue;
    if (const int n = ++languages[*m.lang]; n > best) {
      best = n;
      meta.lang = m.lang;
    }
  }
  return meta;
}

// "Title — Byline, YYYY-MM-DD": a collection's table of contents names each article's
// people and day, as a digest's contents page does.
std::string chapter_label(const Article& article, const BookMeta& chapter_book) {
  std::string label = chapter_book.title;
  std::string about = article.metadata.byline.value_or("");
  if (const auto date = detail::writable_iso_date(article.metadata.date)) {
    about += (about.empty() ? "" : ", ") + *date;
  }
  if (!about.empty()) label += " \u2014 " + about;
  return label;
}

class EpubWriter final : public Writer {
 public:
  void write(const Article& article, const WriteOptions& options, Sink& out,
             Diagnostics& diag) const override {
    const std::chrono::sys_seconds modified = modification_time(article.metadata, options);
    BookMeta book = book_meta(article.metadata, modified, title_stand_in(article), &article);
    std::vector<Content> chapters;
    chapters.push_back(
        render_content(article, book, Chapter{"article", "article.xhtml", 1, {}, 0}, diag));
    book.identifier = "urn:uuid:" + detail::url_uuid_v5(chapter_key(article, chapters.front()));
    out.write(assemble(article.metadata, book, std::move(chapters), false, modified));
  }

  void write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                        const WriteOptions& options, Sink& out, Diagnostics& diag) const override {
    const Metadata meta = collection_metadata(articles, info);
    const std::chrono::sys_seconds modified = modification_time(meta, options);
    BookMeta book = articles.empty()
                        ? book_meta(meta, modified, "\u2014", nullptr)
                        : book_meta(meta, modified, first_title(articles[0]), &articles[0]);
    std::vector<Content> chapters;
    std::string keys;
    std::size_t images = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const BookMeta chapter_book =
          book_meta(articles[i].metadata, modified, title_stand_in(articles[i]), &articles[i]);
      const std::string n = std::to_string(i + 1);
      const Chapter chapter{"chapter-" + n, "chapter-" + n + ".xhtml", images + 1,
                            chapter_label(articles[i], chapter_book), 1};
      Content content = render_content(articles[i], chapter_book, chapter, diag);
      images += content.images.size();
      keys += chapter_key(articles[i], content) + "\n";
      chapters.push_back(std::move(content));
    }
    book.identifier = "urn:uuid:" + detail::url_uuid_v5("urn:galley:collection:" + keys);
    out.write(assemble(meta, book, std::move(chapters), true, modified));
  }
};

}  // namespace

void register_format(Registry& registry) {
  registry.add_writer(FormatInfo{"epub", "EPUB 3 e-book", {".epub"}, {"application/epub+zip"}},
                      std::make_shared<EpubWriter>());
}

}  // namespace galley::epub
