// The files around the content document: META-INF/container.xml, the package
// document (metadata, manifest, spine), nav.xhtml, toc.ncx and the stylesheet.
#include <algorithm>
#include <cstdio>
#include <string>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "detail/xml.hpp"
#include "epub.hpp"

namespace galley::epub {
namespace {

using detail::xml_escape;

std::string dc_element(const char* name, const std::string& value, const std::string& attrs = {}) {
  return std::string("    <dc:") + name + attrs + ">" + xml_escape(value) + "</dc:" + name + ">\n";
}

// Accessibility metadata (EPUB Accessibility 1.1, schema.org terms) as the content
// is made: text with headings, a table of contents and the article's reading order.
// Images add a visual mode; text alone suffices when every image has alt text. Text
// and still images hold no hazard; a GIF may be animated, so its hazards are unknown.
std::string accessibility(const std::vector<Content>& chapters) {
  bool images = false, described = true, gif = false;
  for (const Content& chapter : chapters) {
    for (const ImageResource& image : chapter.images) {
      images = true;
      described = described && image.described;
      gif = gif || image.media_type == "image/gif";
    }
  }
  std::string out;
  const auto property = [&out](const char* name, std::string_view value) {
    out += std::string("    <meta property=\"schema:") + name + "\">" + std::string(value) +
           "</meta>\n";
  };
  property("accessMode", "textual");
  if (images) property("accessMode", "visual");
  property("accessModeSufficient", images && !described ? "textual,visual" : "textual");
  for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder"}) {
    property("accessibilityFeature", feature);
  }
  if (images && described) property("accessibilityFeature", "alternativeText");
  property("accessibilityHazard", gif ? "unknown" : "none");
  std::string summary =
      "Text with headings and a table of contents, in the reading order of the original.";
  if (images) {
    summary += described ? " Every image has a text alternative."
                         : " Some images have no text alternative.";
  }
  property("accessibilitySummary", summary);
  return out;
}

std::string metadata(const Metadata& meta, const BookMeta& book,
                     const std::vector<Content>& chapters) {
  std::string out = "  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
  out += dc_element("identifier", book.identifier, " id=\"uid\"");
  // The DOI names the article, not this book: an identifier beside the unique one.
  for (const Identifier& id : meta.identifiers) {
    if (id.type == "doi" && detail::has_xml_text(id.value))
      out += dc_element("identifier", "urn:doi:" + id.value);
  }
  out += dc_element("title", book.title);
  int creator = 0;
  for (const Person& person : meta.authors) {
    if (!detail::has_xml_text(person.name)) continue;
    out += dc_element("creator", person.name, " id=\"creator" + std::to_string(++creator) + "\"");
  }
  out += dc_element("language", book.language);
  if (const auto date = detail::writable_publication_date(meta.date, meta.datetime))
    out += dc_element("date", *date);
  if (detail::has_xml_text(meta.publisher)) {
    out += dc_element("publisher", *meta.publisher);
  } else if (detail::has_xml_text(meta.site_name)) {
    out += dc_element("publisher", *meta.site_name);
  }
  if (detail::has_xml_text(meta.description)) out += dc_element("description", *meta.description);
  for (const std::string& keyword : meta.keywords) {
    if (detail::has_xml_text(keyword)) out += dc_element("subject", keyword);
  }
  if (meta.license && detail::has_xml_text(meta.license->text)) {
    out += dc_element("rights", meta.license->text);
  }
  if (detail::has_xml_text(meta.url)) out += dc_element("source", *meta.url);
  out += "    <meta property=\"dcterms:modified\">" + book.modified + "</meta>\n";
  out += accessibility(chapters);
  out += "  </metadata>\n";
  return out;
}

std::string manifest(const std::vector<Content>& chapters) {
  std::string out = "  <manifest>\n";
  out +=
      "    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
      "properties=\"nav\"/>\n";
  out += "    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n";
  out += "    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n";
  for (const Content& chapter : chapters) {
    out += "    <item id=\"" + chapter.id + "\" href=\"" + chapter.href +
           "\" media-type=\"application/xhtml+xml\"/>\n";
  }
  for (const Content& chapter : chapters) {
    for (const ImageResource& image : chapter.images) {
      out += "    <item id=\"" + image.id + "\" href=\"" + image.href + "\" media-type=\"" +
             image.media_type + "\"/>\n";
    }
  }
  out += "  </manifest>\n";
  return out;
}

std::string direction_attribute(const BookMeta& book) { return book.rtl ? " dir=\"rtl\"" : ""; }

// Walks the toc as a tree: open(entry) for each entry, down() before its first child,
// up() after its last, close() when the entry and its children are done. An entry
// deeper than one below the entry before it is taken as its child.
template <class Open, class Close, class Down, class Up>
void walk_toc(const std::vector<TocEntry>& toc, Open open, Close close, Down down, Up up) {
  int depth = -1;  // depth of the entry still open, -1 before the first
  for (const TocEntry& entry : toc) {
    const int d = std::clamp(entry.depth, 0, depth + 1);
    if (d > depth) {
      if (depth >= 0) down();
    } else {
      close();
      for (; depth > d; --depth) {
        up();
        close();
      }
    }
    depth = d;
    open(entry);
  }
  if (depth < 0) return;
  close();
  for (; depth > 0; --depth) {
    up();
    close();
  }
}

}  // namespace

std::string xhtml_prologue(const BookMeta& book) {
  const std::string lang = xml_escape(book.language);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
         " xml:lang=\"" +
         lang + "\" lang=\"" + lang + "\"" + direction_attribute(book) + ">\n";
}

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles>\n"
         "    <rootfile full-path=\"EPUB/package.opf\" "
         "media-type=\"application/oebps-package+xml\"/>\n"
         "  </rootfiles>\n"
         "</container>\n";
}

std::string stylesheet() {
  return R"(body { font-family: Georgia, "Times New Roman", serif; line-height: 1.45; margin: 0 5%; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.8em; margin: 1em 0 0.3em; }
.subtitle { font-size: 1.2em; font-style: italic; margin: 0 0 0.6em; }
.byline, .date { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.9em; margin: 0.2em 0; }
.headline { border-bottom: 1px solid #999; margin-bottom: 1.2em; padding-bottom: 0.6em; }
p { margin: 0 0 0.8em; }
blockquote { margin: 1em 1.5em; font-style: italic; }
pre { white-space: pre-wrap; font-size: 0.85em; }
code { font-family: "Courier New", monospace; }
figure { margin: 1em 0; text-align: center; }
img { max-width: 100%; }
figcaption { font-size: 0.85em; font-style: italic; margin-top: 0.3em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
.notes, .site-footer { border-top: 1px solid #999; margin-top: 2em; padding-top: 0.6em; font-size: 0.85em; }
.notes h2 { font-size: 1.1em; }
.note-label { font-weight: bold; margin: 0.6em 0 0.2em; }
)";
}

std::string package_document(const Metadata& meta, const BookMeta& book,
                             const std::vector<Content>& chapters, bool nav_in_spine) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out +=
      "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
      "unique-identifier=\"uid\" xml:lang=\"" +
      xml_escape(book.language) + "\"" + direction_attribute(book) + ">\n";
  out += metadata(meta, book, chapters);
  out += manifest(chapters);
  out += "  <spine toc=\"ncx\"";
  if (book.rtl) out += " page-progression-direction=\"rtl\"";
  out += ">\n";
  if (nav_in_spine) out += "    <itemref idref=\"nav\"/>\n";
  for (const Content& chapter : chapters) out += "    <itemref idref=\"" + chapter.id + "\"/>\n";
  out += "  </spine>\n</package>\n";
  return out;
}

std::string nav_document(const BookMeta& book, const std::vector<TocEntry>& toc) {
  std::string out = xhtml_prologue(book);
  out += "<head>\n<meta charset=\"UTF-8\"/>\n<title>" + xml_escape(book.title) + "</title>\n";
  out +=
      "</head>\n<body>\n<nav epub:type=\"toc\" id=\"toc\" "
      "role=\"doc-toc\">\n<h1>Contents</h1>\n<ol>\n";
  walk_toc(
      toc,
      [&](const TocEntry& entry) {
        out += "<li><a href=\"" + entry.target + "\">" + xml_escape(entry.label) + "</a>";
      },
      [&] { out += "</li>\n"; }, [&] { out += "\n<ol>\n"; }, [&] { out += "</ol>\n"; });
  out += "</ol>\n</nav>\n</body>\n</html>\n";
  return out;
}

std::string ncx_document(const BookMeta& book, const std::vector<TocEntry>& toc) {
  int depth = 0;
  for (const TocEntry& entry : toc) depth = std::max(depth, entry.depth);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"" +
         xml_escape(book.language) + "\">\n<head>\n";
  out += "<meta name=\"dtb:uid\" content=\"" + xml_escape(book.identifier) + "\"/>\n";
  out += "<meta name=\"dtb:depth\" content=\"" + std::to_string(depth + 1) +
         "\"/>\n"
         "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
         "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n";
  out += "<docTitle><text>" + xml_escape(book.title) + "</text></docTitle>\n<navMap>\n";
  int order = 0;
  walk_toc(
      toc,
      [&](const TocEntry& entry) {
        const std::string n = std::to_string(++order);
        out += "<navPoint id=\"nav" + n + "\" playOrder=\"" + n + "\"><navLabel><text>" +
               xml_escape(entry.label) + "</text></navLabel><content src=\"" + entry.target +
               "\"/>";
      },
      [&] { out += "</navPoint>\n"; }, [&] { out += "\n"; }, [] {});
  out += "</navMap>\n</ncx>\n";
  return out;
}

}  // namespace galley::epub
