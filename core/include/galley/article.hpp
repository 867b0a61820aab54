// The article model: what every reader fills and every writer renders.
//
// Plain value types with public fields and no parent links, so an article can be
// built, copied, compared and walked with std::visit. The body holds what a reader
// of the article would read; what was recognised as boilerplate is kept apart in
// `footer` (site footers, contact lines) and `furniture` (running headers, page
// numbers of paged input), so nothing the reader saw is silently lost.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

struct Inline;
struct Block;
using Inlines = std::vector<Inline>;
using Blocks = std::vector<Block>;

struct Text {  ///< Literal text; whitespace as the reader normalised it.
  std::string text;
  bool operator==(const Text&) const = default;
};
struct Emphasis {  ///< Usually rendered in italics.
  Inlines children;
  bool operator==(const Emphasis&) const = default;
};
struct Strong {  ///< Usually rendered in bold.
  Inlines children;
  bool operator==(const Strong&) const = default;
};
struct Code {  ///< Inline code span.
  std::string text;
  bool operator==(const Code&) const = default;
};
struct Link {  ///< Hyperlink; `url` is absolute when the reader could resolve it.
  Inlines children;
  std::string url;
  bool operator==(const Link&) const = default;
};
struct Image {  ///< Inline or figure image: URL, data URI or a Resource's path.
  std::string src;
  std::string alt;
  bool operator==(const Image&) const = default;
};
struct LineBreak {  ///< Hard line break inside a paragraph.
  bool operator==(const LineBreak&) const = default;
};
struct NoteRef {  ///< Reference to `Article::notes` by id.
  std::string id;
  bool operator==(const NoteRef&) const = default;
};

struct Inline {
  std::variant<Text, Emphasis, Strong, Code, Link, Image, LineBreak, NoteRef> node;
  bool operator==(const Inline&) const = default;
};

struct Heading {  ///< Section heading inside the body; level 1..6.
  int level = 1;
  Inlines inlines;
  bool operator==(const Heading&) const = default;
};
struct Paragraph {
  Inlines inlines;
  bool operator==(const Paragraph&) const = default;
};
struct List {  ///< Each item is a sequence of blocks.
  bool ordered = false;
  std::vector<Blocks> items;
  bool operator==(const List&) const = default;
};
struct Quote {  ///< Block quotation.
  Blocks blocks;
  bool operator==(const Quote&) const = default;
};
struct CodeBlock {  ///< Preformatted text; line breaks are significant.
  std::string text;
  std::string language;
  bool operator==(const CodeBlock&) const = default;
};
struct Figure {  ///< An image with its caption.
  Image image;
  Inlines caption;
  bool operator==(const Figure&) const = default;
};
struct Table {  ///< Rows of cells; the first `header_rows` rows are headers.
  std::vector<std::vector<Blocks>> rows;
  int header_rows = 0;
  bool operator==(const Table&) const = default;
};
struct Rule {  ///< Thematic break.
  bool operator==(const Rule&) const = default;
};

struct Block {
  std::variant<Heading, Paragraph, List, Quote, CodeBlock, Figure, Table, Rule> node;
  bool operator==(const Block&) const = default;
};

struct Person {
  std::string name;
  bool operator==(const Person&) const = default;
};

struct Metadata {
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> byline;                ///< as printed, without a leading "By"
  std::vector<Person> authors;                      ///< the people the byline names
  std::optional<std::chrono::year_month_day> date;  ///< publication day
  std::optional<std::string> datetime;  ///< full timestamp as found (ISO 8601 when known)
  std::optional<std::string> site_name;
  std::optional<std::string> publisher;
  std::optional<std::string> lang;  ///< BCP 47 tag, e.g. "en" or "pt-BR"
  std::optional<std::string> url;   ///< canonical URL of the article
  std::optional<std::string> description;
  std::string source_format;  ///< registry name of the reader that produced the article
  /// How a paged input was read: "web-print" (a browser's print of a web page, its
  /// site chrome set apart from the article) or "document" (a paper, report or book:
  /// all text but the page furniture is the article). Unset for other inputs.
  std::optional<std::string> layout;
  bool operator==(const Metadata&) const = default;
};

struct Note {  ///< A footnote or endnote, referenced by NoteRef.
  std::string id;
  Blocks blocks;
  bool operator==(const Note&) const = default;
};

struct Furniture {  ///< Page furniture removed from paged input (running header, page number).
  int page = 0;     ///< 1-based page it was found on; 0 when not paged
  std::string text;
  bool operator==(const Furniture&) const = default;
};

/// A file the input carried besides its text, such as an image saved next to an HTML
/// page; an Image whose `src` equals `path` shows it. Writers that package files
/// (EPUB) embed it; the others keep the reference.
struct Resource {
  std::string path;        ///< '/'-separated, relative to the input's folder
  std::string media_type;  ///< checked against the bytes: "image/png"
  std::string data;
  bool operator==(const Resource&) const = default;
};

struct Article {
  Metadata metadata;
  Blocks body;
  std::vector<Note> notes;
  Blocks footer;  ///< site footer and end-of-article boilerplate, kept but set apart
  std::vector<Furniture> furniture;
  std::vector<Resource> resources;
  bool operator==(const Article&) const = default;
};

/// The plain text of inlines: markup removed, line breaks as spaces, whitespace
/// collapsed to single spaces and trimmed. Image alt text is not included.
std::string plain_text(const Inlines& inlines);

/// The plain text of a block as the JSON model's "text" field has it: nested blocks
/// (list items, quote paragraphs, table cells) joined by single spaces.
std::string plain_text(const Block& block);

/// Helper for std::visit with a set of lambdas.
template <class... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

}  // namespace galley
#pragma GCC visibility pop
