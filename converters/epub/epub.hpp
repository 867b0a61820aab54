// Internal parts of the EPUB writer: the XHTML content document (epub_xhtml.cpp) and
// the package files around it (epub_package.cpp), joined into a zip by epub_writer.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>

namespace galley::epub {

/// Name used for the writer's warnings.
inline constexpr std::string_view kWriterName = "<epub>";
/// The one content document, next to the package document in EPUB/.
inline constexpr std::string_view kContentHref = "article.xhtml";

/// Book-wide facts every generated file agrees on.
struct BookMeta {
  std::string title;       ///< never empty
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
};

/// A navigation entry pointing into the content document.
struct TocEntry {
  std::string label;   ///< plain text, not escaped
  std::string target;  ///< "article.xhtml#sec-2"
};

struct Content {
  std::string xhtml;
  std::vector<ImageResource> images;
  std::vector<TocEntry> toc;  ///< the title first, then headings, notes and footer
};

/// Renders the article as an XHTML5 content document with EPUB 3 notes; images come
/// only from data: URIs, others are dropped with a warning.
Content render_content(const Article& article, const BookMeta& book, Diagnostics& diag);

std::string container_xml();
std::string stylesheet();
std::string package_document(const Article& article, const BookMeta& book, const Content& content);
std::string nav_document(const BookMeta& book, const Content& content);
std::string ncx_document(const BookMeta& book, const Content& content);

/// True when `value` holds text that is not empty once cleaned for XML and trimmed.
bool has_text(const std::optional<std::string>& value);

/// The opening of every XHTML file: XML declaration, doctype and <html> with language
/// and direction.
std::string xhtml_prologue(const BookMeta& book);

}  // namespace galley::epub
