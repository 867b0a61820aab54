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
  // Defaulted so that Person{"Ada Lovelace"} names all it needs to.
  std::vector<int> affiliations = {};     ///< 0-based indexes into Metadata::affiliations
  std::optional<std::string> email = {};  ///< as printed: "helenburke1@rcsi.ie"
  std::optional<std::string> orcid = {};  ///< the bare identifier: "0000-0002-1825-0097"
  bool operator==(const Person&) const = default;
};

/// A persistent identifier of the article, such as its DOI.
struct Identifier {
  std::string type;   ///< "doi", "arxiv", "pmid", "pmcid", "isbn" or "issn"
  std::string value;  ///< normalised: a DOI without resolver prefix, "10.1155/2010/157939"
  bool operator==(const Identifier&) const = default;
};

/// The journal, proceedings or book the article was published in, as printed.
struct Container {
  std::optional<std::string> title;   ///< "Rehabilitation Research and Practice"
  std::optional<std::string> volume;  ///< "126"
  std::optional<std::string> issue;   ///< "4"
  std::optional<std::string> pages;   ///< "305–313", or an article number "e118"
  bool operator==(const Container&) const = default;
};

/// The terms the article may be used under.
struct License {
  std::string text;                ///< the licence statement as printed
  std::optional<std::string> url;  ///< "http://creativecommons.org/licenses/by/3.0/"
  bool operator==(const License&) const = default;
};

/// One entry of the article's reference list: its text as printed, and the fields
/// recognised in it with confidence (a field stays empty rather than guessed).
struct Reference {
  std::string id;     ///< unique within the article: "ref-12"
  std::string label;  ///< the number or key as printed, without brackets: "12"; may be empty
  std::string text;   ///< the whole reference as printed, label excluded
  std::vector<std::string> authors;  ///< "Roe JA", "Yang, Z."; as printed
  std::optional<std::string> year;   ///< "2017", "2017a"
  std::optional<std::string> title;
  std::optional<std::string> container;  ///< journal, proceedings or book title
  std::optional<std::string> volume;
  std::optional<std::string> issue;
  std::optional<std::string> pages;
  std::optional<std::string> doi;  ///< normalised like Identifier::value
  std::optional<std::string> url;
  bool operator==(const Reference&) const = default;
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
  // Scholarly metadata, filled where the input prints or marks it up.
  std::vector<std::string> keywords;
  std::vector<std::string> affiliations;  ///< referenced by Person::affiliations
  std::vector<Identifier> identifiers;
  std::optional<Container> container;
  std::optional<License> license;
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
  Blocks abstract;  ///< a paper's abstract, set apart from the body
  Blocks body;
  std::vector<Note> notes;
  std::vector<Reference> references;  ///< the reference list, in printed order
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
