// The shared recovery passes and the parsers behind them.
//
// Every reader produces a rough article; these passes, run in a fixed order after
// any reader, recover what articles share whatever their format: the title from a
// leading heading, the byline and date printed under it, the site footer and
// "contact us" lines at the end, and paragraphs split by a page break. Each pass
// only fills metadata that is still unknown, so a reader's stronger evidence
// (HTML meta tags, PDF fonts) wins.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>
#include <galley/format.hpp>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

struct RecoverOptions {
  DateOrder date_order = DateOrder::Auto;  ///< reading of 03/04/2022
};

/// Runs every pass below, in order.
void recover(Article& article, const RecoverOptions& options, Diagnostics& diag);

/// A leading level-1 (or only top-level) heading becomes the title when none is known
/// and leaves the body; when the title is known, a heading among the first three
/// blocks that repeats it (ignoring case, spacing and a " | Site name") is dropped.
void recover_title(Article& article, const RecoverOptions& options, Diagnostics& diag);
/// Byline and date lines in the first four blocks (stopping at a long paragraph) move
/// into the metadata; a block goes when every one of its lines (split at line breaks)
/// is a byline or a date. A bare name needs bold/italics or a date beside it.
void recover_byline_and_date(Article& article, const RecoverOptions& options, Diagnostics& diag);
/// Trailing boilerplate blocks ("To contact us...", copyright) move to the footer,
/// scanning back from the end while blocks are boilerplate (see is_boilerplate). A
/// reader-comment section (see opens_comments) after the article's first 100 words
/// moves there too, from the block that opens it to the end.
void recover_footer(Article& article, const RecoverOptions& options, Diagnostics& diag);
/// Joins a paragraph that a page break split in two: the first part (six words or
/// more) ends without sentence punctuation and the next continues it (lower-case
/// start, or the first part stops on "and", "the", "right-wing"...). Only adjacent
/// top-level paragraphs; the exact rule is in core/src/passes/join_paragraphs.cpp.
void join_split_paragraphs(Article& article, const RecoverOptions& options, Diagnostics& diag);
/// In-text citations of the reference list ("[12]", "[3, 7–9]", "[Smi17]", "(Smith et
/// al., 2020)", "Smith and Doe (2019)") in the abstract, body and notes become links
/// to their reference: a Link whose url is "#" and the reference's id. Only markers
/// that name exactly one reference are linked; the rule is in
/// core/src/passes/citations.cpp.
void link_citations(Article& article, const RecoverOptions& options, Diagnostics& diag);
/// When the input did not say (metadata.lang unset), the language of the article's
/// title, abstract and body, by detect_language.
void recover_language(Article& article, const RecoverOptions& options, Diagnostics& diag);

/// The language `text` is written in, as a BCP 47 tag ("en", "pt", "zh-Hant"), judged
/// by Compact Language Detector 2 on its first 64 KiB; nullopt unless the detector is
/// confident (too little text, a mix with no clear majority, no letters).
std::optional<std::string> detect_language(std::string_view text);

/// Parses a date in a common English form: "30 January 2022", "January 30, 2022",
/// "Jan. 30, 2022", "Sunday 30 January 2022", "2022-01-30" (also with a time),
/// "30/01/2022", "30.01.2022", "20 Jan 2022 10:15 GMT". The whole string must be a date,
/// apart from surrounding whitespace, a leading "Published"/"Updated"/"on" and weekday
/// and a trailing time. Years have four digits (1800..2199); the day must exist
/// (no 31 February). All-numeric dates follow `order`: with DateOrder::Auto a number
/// over 12 must be the day and decides (01/30/2022 is 30 January), otherwise the day
/// comes first (03/04/2022 is 3 April); DayFirst/MonthFirst are strict.
/// "2022", "10:30", "3/7", "Page 3 of 7" and sentences give nullopt.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text,
                                                      DateOrder order = DateOrder::Auto);

/// Finds the first date within free text ("Posted by X on 30 January 2022 at 10:00"),
/// in the forms parse_date reads, standing apart from adjacent digits and words.
std::optional<std::chrono::year_month_day> find_date(std::string_view text,
                                                     DateOrder order = DateOrder::Auto);

/// Formats a date as YYYY-MM-DD.
std::string format_date(std::chrono::year_month_day date);

struct Byline {
  std::string text;             ///< the byline without "By", e.g. "Jane Doe and John Roe"
  std::vector<Person> authors;  ///< the people it names
  /// A marker ("By", "Written by") or an affiliation ("Jane Doe, Reuters") shows the
  /// line is a byline; a bare name ("Maria Keller") needs other evidence.
  bool marked = false;
};

/// Parses a byline line: "By Jane Doe and John Roe", "Jane Doe, Reuters",
/// "Maria Keller", "By X | January 30, 2022" (a date in it is left out of `text`),
/// "Por Ana Silva", "Texte par Jean Dupont", "// Jane Doe", "Jane Doe (@jdoe)" (a
/// social handle is left out and counts as a marker), "Jane Doe1,2, John Roe3*" and
/// "1. Jane Doe 2. John Roe" (affiliation markers and list numbers are left out),
/// "Politik · Jane Doe, John Roe" (a section's label before the names), Japanese and
/// Chinese credits ("著者 山田太郎 イラスト 鈴木花子", "文● オカモト／ASCII編集部",
/// "[田中宏昌，ITmedia]": labels, full-width separators, brackets, other work's credits).
/// Returns nullopt for text that does not read as one (a sentence, a date, a heading,
/// a prompt such as "Read more", all-lower-case text, more than eight name words
/// without a marker or twelve with one).
std::optional<Byline> parse_byline(std::string_view line);

/// Splits a byline's text into people ("A, B and C" -> three names), dropping
/// affiliations such as "Reuters" or "Staff Writer".
std::vector<Person> split_authors(std::string_view byline);

/// Splits a bare list of people as papers print it under their title: "Jane Doe1,2,
/// John Smith3*; Ann Lee\u2020 and Max Roe", a marker such as "By" and affiliation
/// markers left out. Empty unless every part is a name of two to five words.
std::vector<Person> split_author_list(std::string_view line);

/// True for end-of-article boilerplate of under 40 words: contact lines, copyright
/// notices, subscription and sharing prompts, "all rights reserved", "originally
/// published", terms of use and privacy policy links.
bool is_boilerplate(std::string_view text);

/// True for a short block that opens a reader-comment section: "Comments",
/// "View comments (27)", "27 comments", "Leave a Reply", "Post a comment", "Join the
/// conversation". A sentence that mentions comments is not one.
bool opens_comments(std::string_view text);

/// True for a short block that opens a page's links to other articles: "Related
/// stories", "You might also like", "Recommended for you", "Most read", "Read next".
bool opens_related(std::string_view text);

/// The first DOI in `text`, normalised: without the resolver or label in front of it
/// ("https://doi.org/", "doi:", "DOI ") and without the punctuation that closes the
/// sentence or bracket around it. "doi:10.1155/2010/157939." gives
/// "10.1155/2010/157939"; the case is kept as printed (DOIs compare case-insensitively).
std::optional<std::string> find_doi(std::string_view text);

/// True for the heading of a reference list: "References", "REFERENCES", "7
/// References", "Bibliography", "Literature Cited", "Works Cited", "Références",
/// "Literatur", "Referencias" (a section number and a closing colon allowed).
bool is_reference_heading(std::string_view text);

/// True when the text opens like one printed reference: a label ("[12]", "12.",
/// "(12)", "12 Smith", "[Smi17]") or an author's name as reference lists print it
/// ("Smith, J.", "Smith AB,", "J. Smith,", "van der Berg, J.-P.").
bool starts_reference(std::string_view text);

/// Splits text holding several printed references run together (a reader without
/// layout, a PDF list set without gaps) into one string per reference, nothing left
/// out. Numbered lists split at the next number in sequence ("[1] ... [2] ...",
/// "1. ... 2. ..."); author-year lists where an author's name follows a period
/// ending a reference that has had its year. Text that does not read as several
/// references comes back whole.
std::vector<std::string> split_reference_list(std::string_view text);

/// Reads one printed reference: its label ("[12]" gives "12") and text (the rest,
/// whitespace collapsed), and with confidence its DOI, URL, year, authors (the
/// leading author list) and, where the style (Vancouver, APA, Harvard, IEEE, ACM)
/// sets them apart, title, container, volume, issue and pages. A field stays empty
/// rather than guessed. The id is left for the caller to number.
Reference parse_reference(std::string_view printed);

}  // namespace galley
#pragma GCC visibility pop
