// Internal to the PDF reader: the positioned text it works on and the stages that
// turn it into an article. Coordinates are PDF points with the origin at the top
// left of the page and y growing downwards, as Poppler's text boxes give them.
//
//   text_layer.cpp  Poppler -> positioned words per page, the only file that sees
//                   Poppler (text_layer_module.cpp: the command loads it on demand)
//   pdf_reader.cpp  words per page -> the article (errors, limits); pages flow
//                   through the stages below one at a time, so only a window of
//                   pages and the blocks built so far are held
//   layout.cpp      words -> lines, lines in column order, column extents of each line
//   bidi.cpp        right-to-left lines from the order printed to the order read
//   furniture.cpp   running headers/footers and page numbers out of the pages
//   paragraphs.cpp  lines -> headings and paragraphs, joined across breaks
//   metadata.cpp    title from the type sizes and the document information
//   content.cpp     the article among a printed web page's menus and teasers
//   front_matter.cpp  bylines above the title, author lists, "Published" dates
//   scholarly.cpp   a paper's references, abstract, keywords, DOI, licence
//   affiliations.cpp  a paper's affiliations and which author each is by their markers
//   venue_date.cpp  a paper's month or year from its meeting and copyright lines
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/format.hpp>

namespace galley::pdf {

// std::regex (libstdc++) matches recursively, one stack frame per character, so a
// hostile line of a few hundred kilobytes could exhaust the stack: text longer than
// this (far longer than any furniture, name or dates line) is never given to a regex.
inline constexpr std::size_t kMaxRegexChars = 400;

/// Lines whose left edges are this close (in points) share them: one column.
inline constexpr double kSameEdge = 2.0;

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

/// A word as Poppler gives it, while lines are being built.
struct Word {
  std::string text;  ///< UTF-8, soft hyphens dropped, ligatures expanded
  Box box;
  double size = 0;  ///< font size in points
  bool bold = false;
  bool italic = false;
  bool space_after = false;  ///< a space follows within the line
  std::string marks_after;   ///< the markers dropped right after it ("1,2"), while lines are built
};

/// A footnote or affiliation marker dropped from a line's or a block's text: where it
/// was printed, for the front matter to tell whose it is.
struct Mark {
  std::size_t at = 0;    ///< byte offset in the text: it followed the text before `at`
  std::string text;      ///< as printed: "1", "2,3,∗", "a,c,"
  bool leading = false;  ///< printed at the start of a line, before its first word
  bool operator==(const Mark&) const = default;
};

/// A word of a built line: its place in the line's text and its style. Lines keep
/// no box or string per word, so a long document's lines take little more memory
/// than their text.
struct LineWord {
  /// Longer words are kept as pieces of this size, joined without a space.
  static constexpr std::size_t kMaxLength = UINT16_MAX;
  std::uint32_t begin = 0;  ///< offset in Line::text
  std::uint16_t length = 0;
  bool bold : 1 = false;
  bool italic : 1 = false;
  bool space_after : 1 = false;
};

struct Line {
  std::vector<LineWord> words;
  double first_word_width = 0;  ///< for telling whether it would have fitted above
  Box box;
  double size = 0;  ///< the size most of its characters have
  bool bold = false;
  bool italic = false;
  int page = 0;             ///< 1-based
  double col_left = 0;      ///< left edge of the column the line sits in
  double col_right = 0;     ///< right edge of that column
  std::string text;         ///< the words joined by their spaces
  bool title = false;       ///< part of the article title (mark_title)
  bool markers = false;     ///< superscript footnote or affiliation markers were dropped
  std::vector<Mark> marks;  ///< those markers, in order (none for a right-to-left line)

  std::string_view word(std::size_t i) const {
    return std::string_view(text).substr(words[i].begin, words[i].length);
  }
};

struct Page {
  int number = 0;  ///< 1-based
  double width = 0;
  double height = 0;
  std::vector<Line> lines;  ///< in reading order
};

/// Weight and slant, as a font's name says them.
struct FontStyle {
  bool bold = false;
  bool italic = false;
};

/// The style a font's name gives ("ABCDEF+Times-BoldItalic", "CMBX10",
/// "TradeGothicLTStd-Bd2"): fonts rarely say it any other way that Poppler passes on.
FontStyle font_style(std::string_view name);

/// Whether a line's words, in the order printed, hold right-to-left script.
bool needs_reordering(std::span<const Word> words);

/// A line's words, given left to right as printed (visual order, letters of a
/// right-to-left word reversed), in the order they are read: the Unicode
/// bidirectional algorithm run backwards (bidi.cpp).
std::vector<Word> to_logical_order(std::span<const Word> words);

/// Groups words, given in Poppler's reading order, into lines: a word joins the
/// line before it when it sits on the same baseline just to its right.
std::vector<Line> build_lines(std::vector<Word> words, int page);

/// Puts the lines of a page in reading order from their geometry alone (recursive
/// XY-cut: the widest gap across the lines, vertical or horizontal, splits them, then
/// each part in turn, top to bottom and left to right). For pages whose text runs
/// turned, where Poppler's own order reverses columns and blocks.
void order_by_geometry(std::vector<Line>& lines);

/// Puts a page's lines in column order where Poppler's order is out of it. Lines are
/// taken in the runs Poppler gives stacked in one block, and the runs are ordered
/// by Breuel's rules as far as Poppler breaks them: a run above another in the same
/// column comes first, and so does a run left of and below another, unless
/// something spanning both lies between them (a column is read to its foot first).
/// Poppler reads the top of the next column, or a float beside the text, before a
/// column's lower part when a figure or a float interrupts the column.
void order_columns(Page& page);

/// Sets each line's column extents from the left edges lines on the page share.
void assign_columns(Page& page);

/// A line in a page's top or bottom band, as repetition across pages sees it.
struct BandLine {
  int page;
  std::string key;  ///< its text, lower case, digit runs folded ("page # of #")
  double y;         ///< its top, as a share of the page height
};

/// The marks of a browser's print found in the page bands of the pages decided.
struct PrintMarks {
  int stamp_pages = 0;  ///< pages whose band has a print date ("3/15/24, 10:30 AM")
};

/// Takes running headers and footers, page numbers and browser print headers out of
/// pages given in order. Text repeated in the same band counts among the pages up to
/// kWindow before and after a page, so each page waits for the kWindow after it.
class FurnitureFilter {
 public:
  static constexpr std::size_t kWindow = 16;

  /// Adds the next page and returns the pages now decided, in order, with their
  /// furniture removed and appended to `found`.
  std::vector<Page> push(Page page, std::vector<Furniture>& found);
  /// Decides the pages still waiting.
  std::vector<Page> finish(std::vector<Furniture>& found);
  /// What the pages decided so far showed of a browser's print.
  const PrintMarks& print_marks() const { return marks_; }

 private:
  void decide_next(std::vector<Furniture>& found, std::vector<Page>& decided);

  std::deque<std::vector<BandLine>> bands_;  ///< of the window's pages, oldest first
  std::deque<Page> waiting_;
  PrintMarks marks_;
};

/// The text size most body characters have.
double body_size(const std::vector<Page>& pages);

/// Whether the text holds two letters in a row: a word, not a mark, a letter alone
/// ("d", a figure's panel) or numbers.
bool has_word(std::string_view text);

/// A line set in larger type than the body, short enough for a heading. (Bold
/// body-size lines stay paragraphs, in bold: a byline and a run-in head look alike.)
bool is_heading_line(const Line& line, double body);

/// Finds the title and marks its lines when it is printed: a heading that the
/// document information's title names, else the largest type at the top of page 1,
/// else that title itself. Empty when none stands out.
std::string mark_title(std::vector<Page>& pages, double body, const std::string& info_title);

/// True for a section number as headings print it: "2", "2.1.", "IV.".
bool is_section_number(std::string_view word);

/// Lower-cased letters and digits only, for comparing titles across sources.
std::string fold_text(std::string_view text);

/// The document information title without a site name ("Title - Site", "Title | Site").
std::string strip_site_name(const std::string& info_title);

/// True when the document information's title looks like a real title, not a file
/// name or an application's "Microsoft Word - draft.docx".
bool is_meaningful_info_title(const std::string& title);

/// A heading or paragraph rebuilt from lines, with what finding the article needs.
struct TextBlock {
  Block block;
  std::size_t words = 0;
  int page = 0;                  ///< page of its first line
  bool prose = false;            ///< reads as running text: long, with sentence punctuation
  bool title = false;            ///< the title's lines, as marked by mark_title
  bool markers = false;          ///< footnote markers were dropped from its lines
  std::vector<Mark> marks = {};  ///< those markers, in order, at their offsets in its text
  bool indented = false;         ///< its first line starts right of its column's edge
  bool hanging = false;          ///< flush first line, the next indented: a hanging indent
  double size = 0;               ///< type size of its first line
  double width = 0;              ///< from its lines' leftmost start to their rightmost end
};

/// Rebuilds headings and paragraphs from the lines of pages given in order, joining
/// paragraphs split by column and page breaks and undoing end-of-line hyphenation.
/// A page's lines are released as soon as no paragraph still open needs them, so a
/// long document is never held whole, only its blocks.
class BlockBuilder {
 public:
  /// Starts with `first_pages`, on which the line pitch is measured and whose words
  /// are all learned before their lines are grouped; `body` is the body text size.
  BlockBuilder(std::vector<Page> first_pages, double body);
  BlockBuilder(BlockBuilder&&) noexcept;
  BlockBuilder& operator=(BlockBuilder&&) noexcept;
  ~BlockBuilder();

  /// Adds the next page. Its words join the vocabulary that decides whether a hyphen
  /// at a line end was the typesetter's.
  void add(Page page);
  /// The blocks, with heading levels from the heading sizes of the whole document.
  std::vector<TextBlock> finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// What kind of PDF a document is, which decides what of it is the article.
enum class Layout {
  /// A browser's print of a web page: the article sits among the site's menus,
  /// teasers and comments.
  WebPrint,
  /// A paper, report, book, letter or office document: all its text but the page
  /// furniture is the reading text.
  Document,
};

/// A browser's print shows the date and time it was printed in the page band. A URL
/// there is no evidence: journals print theirs on every page.
Layout layout_of(const PrintMarks& marks);

/// The document's blocks split around the article.
struct Selection {
  std::vector<TextBlock> before;  ///< text ahead of the title (navigation, mastheads)
  std::vector<TextBlock> body;    ///< the article, title excluded
  std::vector<TextBlock> after;   ///< text after the article (teasers, comments)
  /// The article could not be told from the page's other text without leaving most
  /// of the running text behind, so all of it from the title on was kept.
  bool kept_all = false;
  int title_page = 0;  ///< the page the title is printed on; 0 when none was found
  /// The affiliation markers printed after each author's name, in the order of
  /// metadata.authors, where read_front_matter read the author list; nullopt for an
  /// author whose markers could not be read.
  std::vector<std::optional<std::vector<std::string>>> author_markers = {};
};

/// Splits the blocks around the article. A web print's article is found among the
/// page's other text (menus, teasers, comments): from the title, or the start of
/// the densest run of prose, to where the running text ends. A document's article
/// is everything after its title.
Selection select_article(std::vector<TextBlock> blocks, Layout layout);

/// A document's text ahead of its title is reading text (an abstract set above it,
/// a report's cover and contents, a poster's other boxes) and joins the body, but
/// for the few short lines just above the title on its page (a journal's name,
/// "Volume 12, Article ID 157939", "Research Article"): its masthead, left before.
void keep_reading_text_before_title(Selection& selection);

/// The model's blocks.
Blocks to_model(std::vector<TextBlock>&& blocks);

/// Fills the metadata the front matter gives, where still unknown: a byline or date
/// printed just above the title, a list of names under it (a paper's authors,
/// recognised by their affiliation markers or by being several), and the
/// "Published" date of a paper's first pages. The author line leaves the body.
void read_front_matter(Selection& selection, Metadata& metadata, DateOrder order);

/// A document's scholarly parts out of its body: every reference list (a reference
/// heading and the references after it, up to the next heading) into
/// `references`, the abstract into `abstract`, and from the front pages the
/// keywords, licence, correspondence e-mails (to their authors), affiliations and
/// DOI into the metadata; the received/accepted lines and the academic editor go to
/// the footer. Blocks leave the body only when a field took their content. A paper
/// that prints no dateline gets the month or year of its meeting and copyright lines
/// (read_venue_date).
void read_scholarly(Selection& selection, Article& article);

/// An affiliation printed under a paper's authors.
struct PrintedAffiliation {
  std::vector<std::string>
      markers;       ///< those that open it ("1", "a", "†"), as read_markers spells them
  std::string text;  ///< the institution as printed, its markers left out
};

/// The affiliations a block of a paper's front matter holds, each a short capitalised
/// line, no sentence: one per line a raised marker opens, one after each number of a
/// run-in numbered list ("1 Agronomy Dept., ..., 2 West Florida Research ..."), else
/// the block as one. Each names an institution, or is opened by a marker among others
/// that do. Empty when any part of the block is no affiliation.
std::vector<PrintedAffiliation> read_affiliations(const TextBlock& block, const std::string& text);

/// Links each author to the affiliations (given by their markers, in the order of
/// metadata.affiliations) that open with one of the author's markers, one affiliation
/// per marker: a marker that opens none ("*") or several links nothing, and so does
/// an author whose markers could not be read. A single affiliation printed without a
/// marker is every author's.
void link_affiliations(std::vector<Person>& authors,
                       const std::vector<std::optional<std::vector<std::string>>>& author_markers,
                       const std::vector<std::vector<std::string>>& affiliation_markers);

/// The month or year a paper's title page gives in its meeting and copyright lines
/// ("Proceedings of ... June 23-25 2014", "Copyright 2010 VLDB Endowment"), read from
/// its blocks, its page furniture and its licence statement, into `metadata.datetime`
/// as ISO 8601 with that precision ("2014-06", "2010"); nothing where those lines
/// disagree.
void read_venue_date(const Selection& selection, Article& article);

}  // namespace galley::pdf
