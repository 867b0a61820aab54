// A paper's scholarly parts out of its body: the reference list, the abstract, and
// the front-matter lines whose content a metadata field takes (keywords, DOI,
// licence, correspondence e-mail, affiliations, the received and accepted dates).
// Only for documents: a web print's article has none of this layout. What the
// printed text means stays in the shared parsers (parse_reference,
// split_reference_list, find_doi); this file knows where a paper prints them and
// which blocks hold them.
#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <optional>
#include <span>

#include <galley/recover.hpp>

#include "detail/letters.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

using detail::starts_with_icase;
using detail::trim;

std::string text_of(const TextBlock& block) { return plain_text(block.block); }

bool is_heading(const TextBlock& block) {
  return std::holds_alternative<Heading>(block.block.node);
}

bool is_number(std::string_view text) {
  return !text.empty() && text.size() <= 4 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// A reference's label set in a column of its own: "12", "12.".
bool is_label_apart(std::string_view text) {
  if (text.ends_with(".")) text.remove_suffix(1);
  return is_number(text);
}

// ---- references ---------------------------------------------------------------

// A run-in heading: "References 1. Kudsk KA, ..." set in one block with the list.
std::size_t run_in_heading_length(std::string_view text) {
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space > 30) return 0;
  const std::string_view head = text.substr(0, space);
  return is_reference_heading(head) && starts_reference(text.substr(space + 1)) ? space + 1 : 0;
}

// How a reference list is set.
struct ListStyle {
  bool bracketed = false;  ///< labels in brackets: "[12]", "[Smi17]"
  bool labelled = false;   ///< labels of any kind: "[12]", "12.", "12"
  bool hanging = false;    ///< hanging indents: each reference's lines after its first indented
};

// One reference being assembled from the blocks of the list.
struct Entry {
  std::string text;
  bool has_year = false;

  explicit Entry(std::string block, const Reference& first)
      : text(std::move(block)), has_year(first.year.has_value()) {}
  // Each block is read on its own, so a long list costs one pass.
  void append(const std::string& block, const Reference& read) {
    text += " " + block;
    has_year = has_year || read.year.has_value();
  }
};

// Whether a block opens the next reference of the list rather than continuing the
// one before (a column or page break inside a reference makes a new block). In a list
// set with hanging indents the first line of each reference is flush with the column
// and the rest indented, so a flush block opens one when it has a label (in a list
// with labels, unless they are set apart in a column of their own), else when it hangs (its next
// lines, or the next block, indented) or reads as a reference (a line after the list, "Cite this
// article as: ...", does neither); an indented block goes on. Otherwise a bracketed list opens
// references only with its labels; an author-year list (and a numbered one whose labels are set
// apart in a column of their own) with an author's name once the reference before has had its year.
// A number opening a block opens a reference when it is above the last label ("2.
// grain development" inside a title broken over a line is none); an out-of-sequence
// label is split off later by split_reference_list, which reads what follows it.
bool opens_reference(const TextBlock& block, const TextBlock* next, std::string_view text,
                     const Reference& read, const std::vector<Entry>& entries,
                     const ListStyle& style, long last_label, bool labels_apart) {
  if (entries.empty()) return true;
  if (text.empty()) return false;
  if (style.hanging) {
    // A first line that ends a sentence ("... and Lei Zhang. dots.ocr:") is a block of
    // its own, the indented rest the next.
    const bool hangs = block.hanging || (next != nullptr && next->indented);
    if (block.indented || std::islower(static_cast<unsigned char>(text[0]))) return false;
    return style.labelled && !labels_apart ? !read.label.empty() : hangs || starts_reference(text);
  }
  if (text.front() == '[') return true;
  if (style.bracketed || !starts_reference(text)) return false;
  if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    return !is_number(read.label) || std::stol(read.label) > last_label;
  }
  return entries.back().has_year;
}

// Whether the text holds a year as references print one: 1800-2099, digits alone.
bool has_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    const auto digit = [&](std::size_t k) {
      return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]));
    };
    if ((i > 0 && digit(i - 1)) || digit(i + 4) || !digit(i) || !digit(i + 1) || !digit(i + 2) ||
        !digit(i + 3))
      continue;
    const std::string_view century = text.substr(i, 2);
    if (century == "18" || century == "19" || century == "20") return true;
  }
  return false;
}

// A page range as a reference closes with it: "229–236", "H1253–H1261", "1-9".
bool is_page_range(std::string_view word) {
  const auto pages = [](std::string_view part) {
    if (!part.empty() && std::isupper(static_cast<unsigned char>(part.front())))
      part.remove_prefix(1);
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
  };
  for (std::string_view dash : {"-", "\u2013"}) {
    const std::size_t at = word.find(dash);
    if (at != std::string_view::npos)
      return pages(word.substr(0, at)) && pages(word.substr(at + dash.size()));
  }
  return false;
}

// The offsets where author-year references printed without a closing full stop start
// again, after the first: past the page range that closes one ("Hypertension 43,
// 229–236"), where an author's name opens the next with its year to follow ("Rousseau,
// A., Michaud, A. ... (1995)").
std::vector<std::size_t> starts_after_pages(std::string_view text) {
  constexpr std::size_t kLookahead = 300;
  std::vector<std::size_t> out;
  std::size_t begin = 0;
  for (std::size_t at = text.find(' '); at != std::string_view::npos; at = text.find(' ', at + 1)) {
    const std::size_t word = text.rfind(' ', at - 1);
    const std::size_t from = word == std::string_view::npos || word < begin ? begin : word + 1;
    if (at + 1 >= text.size() || !std::isupper(static_cast<unsigned char>(text[at + 1])) ||
        !is_page_range(text.substr(from, at - from)) || !has_year(text.substr(begin, at - begin)))
      continue;
    const std::string_view next = text.substr(at + 1, kLookahead);
    if (starts_reference(next) && has_year(next)) {
      out.push_back(at + 1);
      begin = at + 1;
    }
  }
  return out;
}

// The references an entry of the list holds. An author-year reference has its year,
// so a piece split off without one is text of the reference before that read like a
// new one ("... afforestation. Water S.A. 23, 135-140."); one printed without a closing
// full stop is split after its pages.
std::vector<std::string> split_entry(const std::string& text) {
  std::vector<std::string> out;
  for (std::string& piece : split_reference_list(text)) {
    const Reference read = parse_reference(piece);
    if (!out.empty() && read.label.empty() && !read.year) {
      out.back() += " " + piece;
      continue;
    }
    std::size_t begin = 0;
    for (const std::size_t at :
         read.label.empty() ? starts_after_pages(piece) : std::vector<std::size_t>{}) {
      out.push_back(piece.substr(begin, at - 1 - begin));
      begin = at;
    }
    out.push_back(piece.substr(begin));
  }
  return out;
}

// A reference line set in larger type is taken for a heading; a section's heading
// has no author list. Returns the end of the list that starts at blocks[from].
// A title in larger type than the list set in body type ("ONLINE METHODS" after
// Nature's list) ends it too.
std::size_t list_end(const std::vector<TextBlock>& blocks, std::size_t from) {
  constexpr double kLarger = 1.1;
  for (std::size_t i = from + 1; i < blocks.size(); ++i) {
    const std::string text = text_of(blocks[i]);
    const bool title = !blocks[i].prose && blocks[i].size > kLarger * blocks[from].size &&
                       detail::first_letter(text) != 0;
    if (!is_heading(blocks[i]) && !title) continue;
    if (!(starts_reference(text) && text.find(", ") != std::string::npos)) return i;
  }
  return blocks.size();
}

// How the list in blocks[from, end) is set. Hanging indents show in a few of its
// blocks at least (a reference of one line has none to show).
ListStyle style_of(const std::vector<TextBlock>& blocks, std::size_t from, std::size_t end,
                   std::string_view first_text) {
  constexpr std::size_t kMinHanging = 2;
  const auto hanging = std::count_if(blocks.begin() + static_cast<std::ptrdiff_t>(from),
                                     blocks.begin() + static_cast<std::ptrdiff_t>(end),
                                     [](const TextBlock& block) { return block.hanging; });
  return {first_text.starts_with("["), !parse_reference(first_text).label.empty(),
          static_cast<std::size_t>(hanging) >= kMinHanging};
}

// Reads the list that follows blocks[heading]; returns the end of the list. The
// heading's block itself is `first_text` when the heading was run in.
std::size_t read_list(const std::vector<TextBlock>& blocks, std::size_t from,
                      std::string first_text, std::vector<Reference>& out) {
  const std::size_t end = list_end(blocks, from);
  std::vector<Entry> entries;
  std::size_t labels_apart = 0;  // bare numbers set in a column of their own
  long last_label = 0;           // the highest label opening a reference so far
  if (first_text.empty()) first_text = text_of(blocks[from]);
  const ListStyle style = style_of(blocks, from, end, first_text);
  for (std::size_t i = from; i < end; ++i) {
    std::string text = i == from ? std::move(first_text) : text_of(blocks[i]);
    if (is_label_apart(text)) {
      ++labels_apart;
      continue;
    }
    Reference read = parse_reference(text);
    const TextBlock* next = i + 1 < end ? &blocks[i + 1] : nullptr;
    if (opens_reference(blocks[i], next, text, read, entries, style, last_label,
                        labels_apart > 0)) {
      if (is_number(read.label)) last_label = std::stol(read.label);
      entries.emplace_back(std::move(text), read);
    } else {
      entries.back().append(text, read);
    }
  }
  long previous = 0;
  for (const Entry& entry : entries) {
    for (const std::string& printed : split_entry(entry.text)) {
      Reference ref = parse_reference(printed);
      // Labels set apart from the text were printed in sequence.
      if (ref.label.empty() && labels_apart > 0 && previous > 0)
        ref.label = std::to_string(previous + 1);
      if (is_number(ref.label)) previous = std::stol(ref.label);
      out.push_back(std::move(ref));
    }
  }
  return end;
}

// Whether the block after a reference heading opens its list: a reference, a label
// set apart, or a list of full names up to its first full stop ("Shuai Bai, Keqin Chen,
// and Junyang Lin. Qwen2.5-VL technical report. arXiv, 2025."; "Shuai Bai, Keqin
// Chen," on a line of its own, the year on the next).
bool opens_list(const std::string& text) {
  return starts_reference(text) || is_label_apart(text) ||
         split_author_list(text.substr(0, text.find(". "))).size() >= 2;
}

// A numbered reference as a list without a heading shows it: its label, and a year.
std::optional<long> numbered_reference(const TextBlock& block) {
  if (is_heading(block)) return std::nullopt;
  const Reference read = parse_reference(text_of(block));
  if (!is_number(read.label) || !read.year) return std::nullopt;
  return std::stol(read.label);
}

// A reference list printed without a heading (Nature's, after the acknowledgements):
// references labelled 1, 2 and 3, each with its year, in the blocks from body[from]
// (the lines of one may be blocks of their own).
bool opens_numbered_list(const std::vector<TextBlock>& body, std::size_t from) {
  constexpr std::size_t kSearched = 8;
  if (numbered_reference(body[from]) != 1) return false;
  long expected = 2;
  for (std::size_t i = from + 1; i < body.size() && i < from + kSearched && expected <= 3; ++i) {
    const auto label = numbered_reference(body[i]);
    if (label && *label != expected) return false;
    if (label) ++expected;
  }
  return expected > 3;
}

// A reference printed apart from the list whose numbering it continues (Nature's
// Methods cite "50." after a list that ends at 49).
bool continues_numbering(const std::string& text, const std::vector<Reference>& references) {
  if (references.empty() || !is_number(references.back().label)) return false;
  const Reference read = parse_reference(text);
  return read.year && read.label == std::to_string(std::stol(references.back().label) + 1);
}

// Every reference list in the body (a paper's, a supplement's, a book's chapters'):
// a reference heading followed by a block that opens a reference, or a numbered list
// without one. The heading and the list leave the body.
void read_references(std::vector<TextBlock>& body, std::vector<Reference>& references) {
  std::vector<TextBlock> kept;
  kept.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    const std::string text = text_of(body[i]);
    std::size_t from = body.size();
    std::string first_text;
    if (is_reference_heading(text) && i + 1 < body.size() && !is_heading(body[i + 1]) &&
        opens_list(text_of(body[i + 1]))) {
      from = i + 1;
    } else if (const std::size_t head = run_in_heading_length(text); head > 0) {
      from = i;
      first_text = text.substr(head);
    } else if (opens_numbered_list(body, i) || continues_numbering(text, references)) {
      from = i;
    }
    if (from == body.size()) {
      kept.push_back(std::move(body[i++]));
      continue;
    }
    i = read_list(body, from, std::move(first_text), references);
  }
  body = std::move(kept);
  for (std::size_t n = 0; n < references.size(); ++n)
    references[n].id = "ref-" + std::to_string(n + 1);
}

// ---- front matter -------------------------------------------------------------

// The blocks a paper's front matter is looked for in: those on the title page (or the
// first page when no title was found) and the page after it.
bool in_front(const TextBlock& block, int title_page) {
  const int first = std::max(title_page, 1);
  return block.page >= first && block.page <= first + 1;
}

// The rest of the text after a label such as "Keywords:" or "Index Terms—"; npos
// when it does not start with one of `labels`.
std::size_t after_label(std::string_view text, std::span<const std::string_view> labels) {
  for (std::string_view label : labels) {
    if (!starts_with_icase(text, label)) continue;
    std::size_t at = label.size();
    const std::string_view rest = text.substr(at);
    for (std::string_view sep : {":", "\u2014", "\u2013", ".", " -", "-"}) {
      if (rest.starts_with(sep)) {
        at += sep.size();
        break;
      }
    }
    if (at < text.size() && !detail::is_ascii_space(text[at]) && at == label.size()) continue;
    while (at < text.size() && detail::is_ascii_space(text[at])) ++at;
    return at;
  }
  return std::string_view::npos;
}

std::size_t after_label(std::string_view text, std::initializer_list<std::string_view> labels) {
  return after_label(text, std::span(labels.begin(), labels.size()));
}

std::vector<std::string> split_keywords(std::string_view list) {
  const bool strong = list.find(';') != std::string_view::npos ||
                      list.find("\u00B7") != std::string_view::npos ||
                      list.find("\u2022") != std::string_view::npos;
  std::string text(list);
  for (std::string_view sep : {"\u00B7", "\u2022"}) detail::replace_all(text, sep, ";");
  const char sep = strong ? ';' : ',';
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t end = std::min(text.find(sep, pos), text.size());
    std::string_view word = trim(std::string_view(text).substr(pos, end - pos));
    while (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (!word.empty()) out.emplace_back(word);
    pos = end + 1;
  }
  return out;
}

bool read_keywords(const std::string& text, Metadata& metadata) {
  constexpr std::size_t kMaxChars = 600;
  if (!metadata.keywords.empty() || text.size() > kMaxChars) return false;
  const std::size_t at = after_label(text, {"Keywords", "Key words", "Key-words", "Index Terms"});
  if (at == std::string_view::npos || at >= text.size()) return false;
  metadata.keywords = split_keywords(std::string_view(text).substr(at));
  return !metadata.keywords.empty();
}

// A copyright or licence statement: "© 2010 Tully et al. This is an open access
// article distributed under the Creative Commons Attribution License ...".
bool read_license(const std::string& text, Metadata& metadata) {
  constexpr std::size_t kMaxChars = 1200;
  if (metadata.license || text.size() > kMaxChars) return false;
  const bool copyright = text.starts_with("\u00A9") || starts_with_icase(text, "copyright");
  const bool licence = text.find("Creative Commons") != std::string::npos ||
                       text.find("creativecommons.org") != std::string::npos ||
                       text.find("open access article") != std::string::npos ||
                       text.find("Open Access article") != std::string::npos;
  if (!copyright && !licence) return false;
  const auto url = detail::find_http_url(text);
  metadata.license = License{text, url ? std::optional<std::string>(*url) : std::nullopt};
  return true;
}

// The e-mail addresses in the text: words with one '@' and a dot after it.
std::vector<std::string> find_emails(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at, end = at + 1;
    while (begin > 0 && !detail::is_ascii_space(text[begin - 1]) && text[begin - 1] != ':' &&
           text[begin - 1] != '(' && text[begin - 1] != ',') {
      --begin;
    }
    while (end < text.size() && !detail::is_ascii_space(text[end]) && text[end] != ',' &&
           text[end] != ';' && text[end] != ')') {
      ++end;
    }
    std::string_view email = text.substr(begin, end - begin);
    while (!email.empty() && email.back() == '.') email.remove_suffix(1);
    const std::size_t sign = email.find('@');
    if (sign > 0 && email.find('.', sign) != std::string_view::npos) out.emplace_back(email);
  }
  return out;
}

// The author an e-mail belongs to: the one named in the line with it, else the one
// whose surname is in the address, else the only author. -1 when none is sure.
int email_owner(const std::string& line, const std::string& email,
                const std::vector<Person>& authors) {
  int named = -1, in_address = -1, count_named = 0, count_address = 0;
  const std::string local = detail::to_lower_ascii(email.substr(0, email.find('@')));
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (line.find(authors[i].name) != std::string::npos) {
      named = static_cast<int>(i);
      ++count_named;
    }
    const std::string& name = authors[i].name;
    const std::string surname = detail::to_lower_ascii(name.substr(name.rfind(' ') + 1));
    if (surname.size() >= 3 && local.find(surname) != std::string::npos) {
      in_address = static_cast<int>(i);
      ++count_address;
    }
  }
  if (count_named == 1) return named;
  if (count_address == 1) return in_address;
  return authors.size() == 1 ? 0 : -1;
}

// "Correspondence should be addressed to Jane M. Doe, jane.doe@example.org",
// "* Correspondence: ball.chad@gmail.com": the line leaves the body when each
// address found its author.
bool read_correspondence(const std::string& text, Metadata& metadata) {
  constexpr std::size_t kMaxChars = 300;
  if (text.size() > kMaxChars || metadata.authors.empty()) return false;
  const std::string_view start = trim(std::string_view(text).substr(text.starts_with("*") ? 1 : 0));
  if (!starts_with_icase(start, "correspond") && !starts_with_icase(start, "e-mail") &&
      !starts_with_icase(start, "email")) {
    return false;
  }
  const std::vector<std::string> emails = find_emails(text);
  std::vector<int> owners;
  for (const std::string& email : emails) {
    const int owner = email_owner(text, email, metadata.authors);
    if (owner < 0 || metadata.authors[static_cast<std::size_t>(owner)].email) return false;
    owners.push_back(owner);
  }
  for (std::size_t i = 0; i < emails.size(); ++i) {
    metadata.authors[static_cast<std::size_t>(owners[i])].email = emails[i];
  }
  return !emails.empty();
}

// "Received 9 November 2010; Accepted 25 December 2010": the article's history,
// which the model has no field for; it is publication furniture, not reading text.
bool is_history(const TextBlock& block, const std::string& text) {
  constexpr std::size_t kMaxWords = 30;
  return block.words <= kMaxWords &&
         (starts_with_icase(text, "received") || starts_with_icase(text, "accepted") ||
          starts_with_icase(text, "submitted") || starts_with_icase(text, "published") ||
          starts_with_icase(text, "academic editor")) &&
         (find_date(text).has_value() || starts_with_icase(text, "academic editor"));
}

bool is_doi_line(const std::string& text) {
  const auto doi = find_doi(text);
  return doi && text.size() <= doi->size() + 24 && starts_with_icase(text, "doi");
}

// The article's DOI from its masthead, front matter or page furniture.
void read_doi(const Selection& selection, const std::vector<Furniture>& furniture,
              Metadata& metadata) {
  constexpr std::size_t kMaxWords = 40;
  const auto take = [&](const std::string& text) {
    if (text.find("doi") == std::string::npos && text.find("DOI") == std::string::npos)
      return false;
    auto doi = find_doi(text);
    if (doi) metadata.identifiers.push_back({"doi", std::move(*doi)});
    return doi.has_value();
  };
  for (const TextBlock& block : selection.before) {
    if (take(text_of(block))) return;
  }
  for (const TextBlock& block : selection.body) {
    if (in_front(block, selection.title_page) && block.words <= kMaxWords && take(text_of(block)))
      return;
  }
  for (const Furniture& line : furniture) {
    if (take(line.text)) return;
  }
}

// A heading that opens the paper's sections: numbered ("1 Introduction", "IV.
// RESULTS") or an introduction. Other headings ahead of the abstract are the title
// block's: authors' names and institutions set large or bold ("Google, Inc.").
bool opens_sections(const std::string& text) {
  const std::size_t space = text.find(' ');
  const bool numbered =
      space != std::string::npos && is_section_number(std::string_view(text).substr(0, space));
  return numbered || fold_text(text) == "introduction";
}

// What heads an abstract, in the languages papers print: "Abstract", "Résumé"
// (French papers print theirs first and an English "Summary" at the end).
constexpr std::array<std::string_view, 12> kAbstractLabels = {
    "Abstract",     "Summary",        "R\u00E9sum\u00E9", "R\u00C9SUM\u00C9",
    "Resumen",      "Resumo",         "Zusammenfassung",  "Riassunto",
    "Samenvatting", "Sammanfattning", "Streszczenie",     "Abstrakt"};

bool heads_abstract(const std::string& text) {
  const std::string folded = fold_text(text);
  return std::any_of(kAbstractLabels.begin(), kAbstractLabels.end(),
                     [&](std::string_view label) { return folded == fold_text(label); });
}

// The lines a paper prints after its abstract: keywords and classification.
constexpr std::array<std::string_view, 6> kAfterAbstract = {
    "Keywords",      "Key words",
    "Index Terms",   "Additional Key Words",
    "General Terms", "Categories and Subject Descriptors"};

bool follows_abstract(const std::string& text) {
  return after_label(text, kAfterAbstract) != std::string::npos;
}

// Whether the text stops in mid-sentence: on a broken word, a comma or a word in lower
// case ("... provision of health care in"), not on a title ("Contents").
bool stops_mid_sentence(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  if (text.back() == '-' || text.back() == ',') return true;
  const std::size_t space = text.rfind(' ');
  const std::string_view last = text.substr(space == std::string_view::npos ? 0 : space + 1);
  return std::all_of(last.begin(), last.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// The end of the run of front-matter blocks from body[from] that a sentence holds
// together: the blocks after one that stops in mid-sentence ("... provision of health
// care in" over "TS is needed.") go on with it. `from` when body[from] cannot go on an
// abstract: a heading, a block taken, past the front pages, or the keywords.
std::size_t run_end(const std::vector<TextBlock>& body, std::size_t from, int title_page,
                    const std::vector<bool>& taken) {
  const auto open = [&](std::size_t k) {
    return k < body.size() && !is_heading(body[k]) && !taken[k] && in_front(body[k], title_page) &&
           !follows_abstract(text_of(body[k]));
  };
  if (!open(from)) return from;
  std::size_t end = from + 1;
  while (open(end) && stops_mid_sentence(text_of(body[end - 1]))) ++end;
  return end;
}

// The abstract: the blocks under an "Abstract" heading, a paragraph opening with a
// run-in "Abstract—", or an unheaded structured abstract ("Objectives. ...
// Methods. ... Results. ... Conclusion. ...") ahead of the first section.
void read_abstract(std::vector<TextBlock>& body, int title_page, Blocks& abstract,
                   std::vector<bool>& taken) {
  constexpr std::size_t kMaxBlocks = 8;
  const auto structured = [](const std::string& text) {
    const std::size_t at = after_label(text, {"Background", "Objectives", "Objective", "Purpose",
                                              "Aims", "Aim", "Context", "Introduction"});
    if (at == std::string::npos || at == 0) return false;
    int parts = 0;
    for (std::string_view part : {"Methods", "Results", "Conclusion", "Findings"}) {
      parts += text.find(part) != std::string::npos ? 1 : 0;
    }
    return parts >= 2;
  };
  for (std::size_t i = 0; i < body.size() && in_front(body[i], title_page); ++i) {
    if (taken[i]) continue;
    const std::string text = text_of(body[i]);
    std::size_t first = body.size();
    const bool headed = heads_abstract(text);
    if (headed) {
      // Also a paragraph: the heading may be set in body type ("ABSTRACT" in italics).
      taken[i] = true;
      first = i + 1;
    } else if (is_heading(body[i])) {
      if (opens_sections(text)) break;
    } else if (const std::size_t at = after_label(text, kAbstractLabels);
               at != std::string::npos && at < text.size() && text.size() > at + 40) {
      taken[i] = true;
      abstract.push_back({Paragraph{{Inline{Text{text.substr(at)}}}}});
      first = i + 1;
    } else if (!taken[i] && body[i].prose && structured(text)) {
      first = i;
    }
    if (first == body.size()) continue;
    for (std::size_t j = first; j < body.size() && j < first + kMaxBlocks;) {
      const std::size_t end = run_end(body, j, title_page, taken);
      if (end == j) break;
      // Past the paragraph under its heading an abstract goes on in paragraphs of running
      // text; an author line or an affiliation set beside it (Springer's first page,
      // a dozen words with commas and full stops) is no part of it.
      constexpr std::size_t kMinParagraphWords = 20;
      std::size_t words = 0;
      bool prose = false;
      for (std::size_t k = j; k < end; ++k) {
        words += body[k].words;
        prose = prose || body[k].prose;
      }
      if (!(headed && j == first) && !(prose && words >= kMinParagraphWords)) break;
      for (; j < end; ++j) {
        taken[j] = true;
        abstract.push_back(body[j].block);
      }
    }
    return;
  }
}

// An abstract without a heading, set just before its keywords or classification
// (ACM: "We study ..." over "Categories and Subject Descriptors: ..."): the paragraphs
// of running text right before the first such line, ahead of any section.
void read_abstract_before_keywords(const std::vector<TextBlock>& body, int title_page,
                                   Blocks& abstract, std::vector<bool>& taken) {
  constexpr std::size_t kMinParagraphWords = 20;
  std::size_t keywords = 0;
  while (keywords < body.size() && in_front(body[keywords], title_page) &&
         !follows_abstract(text_of(body[keywords]))) {
    if (is_heading(body[keywords]) && opens_sections(text_of(body[keywords]))) return;
    ++keywords;
  }
  if (keywords == body.size() || !in_front(body[keywords], title_page)) return;
  std::size_t first = keywords;
  while (first > 0 && !taken[first - 1] && !is_heading(body[first - 1]) && body[first - 1].prose &&
         body[first - 1].words >= kMinParagraphWords) {
    --first;
  }
  for (std::size_t i = first; i < keywords; ++i) {
    taken[i] = true;
    abstract.push_back(body[i].block);
  }
}

// An abstract without a heading set apart from the text under it by its measure or
// type (Nature's, across both columns over a two-column body): the first paragraph of
// running text of the title page, ahead of any section, when the next one on its page
// is set a fifth narrower or wider, or in other type.
void read_lead_abstract(const std::vector<TextBlock>& body, int title_page, Blocks& abstract,
                        std::vector<bool>& taken) {
  constexpr std::size_t kMinWords = 50;
  constexpr double kOtherMeasure = 0.2;
  constexpr double kOtherSize = 0.1;
  const int page = std::max(title_page, 1);
  const auto running = [&](std::size_t k) {
    return !taken[k] && !is_heading(body[k]) && body[k].prose && body[k].words >= kMinWords;
  };
  std::size_t lead = 0;
  for (; lead < body.size() && body[lead].page == page && !running(lead); ++lead) {
    if (is_heading(body[lead]) && opens_sections(text_of(body[lead]))) return;
  }
  std::size_t next = lead + 1;
  while (next < body.size() && body[next].page == page && !running(next)) ++next;
  if (next >= body.size() || body[next].page != page) return;
  const TextBlock& a = body[lead];
  const TextBlock& b = body[next];
  if (std::abs(a.width - b.width) > kOtherMeasure * std::max(a.width, b.width) ||
      std::abs(a.size - b.size) > kOtherSize * std::max(a.size, b.size)) {
    taken[lead] = true;
    abstract.push_back(a.block);
  }
}

// Whether every affiliation a block holds is opened by a marker, as the title page's
// footnotes print them ("1Department of Surgery, ...").
bool all_marked(const std::vector<PrintedAffiliation>& printed) {
  return std::all_of(printed.begin(), printed.end(),
                     [](const PrintedAffiliation& a) { return !a.markers.empty(); });
}

// A paper has an abstract, keywords or references.
bool is_paper(const Article& article) {
  return !article.abstract.empty() || !article.metadata.keywords.empty() ||
         !article.references.empty();
}

void read_front(Selection& selection, Article& article) {
  std::vector<TextBlock>& body = selection.body;
  Metadata& metadata = article.metadata;
  std::vector<bool> taken(body.size(), false);
  std::vector<TextBlock> history;
  std::vector<std::pair<std::size_t, std::vector<PrintedAffiliation>>> affiliations;
  // The front matter sits ahead of the first section heading; the licence, the
  // correspondence and the keywords may also be set as footnotes of the first page.
  bool in_sections = false;
  for (std::size_t i = 0; i < body.size() && in_front(body[i], selection.title_page); ++i) {
    const std::string text = text_of(body[i]);
    if (is_heading(body[i])) {
      in_sections = in_sections || (!heads_abstract(text) && fold_text(text) != "keywords");
      continue;
    }
    if (read_keywords(text, metadata) || read_license(text, metadata) ||
        read_correspondence(text, metadata) || is_doi_line(text)) {
      taken[i] = true;
    } else if (body[i].page == std::max(selection.title_page, 1)) {
      // Past the first section heading only a footnote of the title page opened by a
      // marker may be an affiliation.
      if (!in_sections && is_history(body[i], text)) {
        taken[i] = true;
        history.push_back(body[i]);
      } else if (auto printed = read_affiliations(body[i], text);
                 !printed.empty() && (!in_sections || all_marked(printed))) {
        affiliations.emplace_back(i, std::move(printed));
      }
    }
  }
  read_doi(selection, article.furniture, metadata);
  read_abstract(body, selection.title_page, article.abstract, taken);
  // Papers (with references) may print their abstract without a heading.
  if (article.abstract.empty() && !article.references.empty()) {
    read_abstract_before_keywords(body, selection.title_page, article.abstract, taken);
  }
  if (article.abstract.empty() && !article.references.empty()) {
    read_lead_abstract(body, selection.title_page, article.abstract, taken);
  }
  // A line naming an institution is an affiliation only in a paper (a magazine's photo
  // credit names departments).
  if (is_paper(article)) {
    std::vector<std::vector<std::string>> markers;
    for (auto& [i, printed] : affiliations) {
      if (taken[i]) continue;
      taken[i] = true;
      for (PrintedAffiliation& affiliation : printed) {
        metadata.affiliations.push_back(std::move(affiliation.text));
        markers.push_back(std::move(affiliation.markers));
      }
    }
    link_affiliations(metadata.authors, selection.author_markers, markers);
  }
  std::vector<TextBlock> kept;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (!taken[i]) kept.push_back(std::move(body[i]));
  }
  body = std::move(kept);
  selection.after.insert(selection.after.begin(), std::make_move_iterator(history.begin()),
                         std::make_move_iterator(history.end()));
}

}  // namespace

void read_scholarly(Selection& selection, Article& article) {
  read_references(selection.body, article.references);
  read_front(selection, article);
  if (is_paper(article) && !article.metadata.date && !article.metadata.datetime) {
    read_venue_date(selection, article);
  }
}

}  // namespace galley::pdf
