// Internal parts of the EPUB writer: the XHTML content document (epub_xhtml.cpp) and
// the package files around it (epub_package.cpp), joined into a zip by epub_writer.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>

#include "detail/xml.hpp"

namespace galley::epub {

/// Name used for the writer's warnings.
inline constexpr std::string_view kWriterName = "<epub>";

/// Book-wide facts every generated file agrees on.
struct BookMeta {
  std::string title;       ///< never empty: the article's own, or a stand-in from its text
  bool titled = false;     ///< the title is the article's own (a headline is written)
  std::string language;    ///< well-formed BCP 47 tag; "und" when unknown
  bool rtl = false;        ///< right-to-left language
  std::string identifier;  ///< "urn:uuid:..."
  std::string modified;    ///< dcterms:modified, "YYYY-MM-DDThh:mm:ssZ"
};

/// An image embedded in the book.
struct ImageResource {
  std::string id;          ///< manifest id, "img1"
  std::string href;        ///< relative to EPUB/, "images/img1.png"
  std::string media_type;  ///< image/png, image/jpeg or image/gif
  std::string bytes;
  bool described = false;  ///< its first use has alt text
};

/// A navigation entry pointing into a content document.
struct TocEntry {
  std::string label;   ///< plain text, not escaped
  std::string target;  ///< "article.xhtml#sec-2"
  int depth = 0;       ///< 0 for top-level entries, 1 for those nested under the one before
};

/// One content document of the book: the article of a single-article book, or one
/// chapter of a collection.
struct Chapter {
  std::string id;           ///< manifest id: "article", "chapter-1"
  std::string href;         ///< relative to EPUB/: "article.xhtml"
  std::size_t first_image;  ///< number of its first embedded image ("img<N>")
  std::string toc_label;    ///< the title entry's label; empty: the book title
  int toc_depth;            ///< depth of its headings, notes and footer in the toc
};

struct Content {
  std::string id;
  std::string href;
  std::string xhtml;
  std::vector<ImageResource> images;
  std::vector<TocEntry> toc;  ///< the title first, then headings, notes and footer
};

/// Renders the article as an XHTML5 content document with EPUB 3 notes; images come
/// from data: URIs and the article's resources, others are dropped with a warning.
/// `book` gives the title and the document's language and direction.
Content render_content(const Article& article, const BookMeta& book, const Chapter& chapter,
                       Diagnostics& diag);

std::string container_xml();
std::string stylesheet();
/// The package document; `meta` describes the whole book. A collection lists the
/// navigation document first in the spine, as its table of contents page.
std::string package_document(const Metadata& meta, const BookMeta& book,
                             const std::vector<Content>& chapters, bool nav_in_spine);
std::string nav_document(const BookMeta& book, const std::vector<TocEntry>& toc);
std::string ncx_document(const BookMeta& book, const std::vector<TocEntry>& toc);

/// The opening of every XHTML file: XML declaration, doctype and <html> with language
/// and direction.
std::string xhtml_prologue(const BookMeta& book);

}  // namespace galley::epub
