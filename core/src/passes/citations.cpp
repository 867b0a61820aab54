// In-text citations linked to the reference list. Each becomes a Link to its
// reference (detail::citation_url) around the text that names it:
//   numbered     "[12]", "[3, 7–9]": each number, and both ends of a range
//   keyed        "[Smi17]", "[Agichtein and Gravano, 2000; Brin, 1998]": each key
//   author-year  "(Smith et al., 2020; Doe and Roe, 2019a)": each author and year;
//                "Smith et al. (2020)", "Smith and Doe (2019, 2020)": each year
// A marker is linked only when it names exactly one reference: a label that one
// reference has, or one reference's first author (by surname) and year, the second
// author settling a tie when printed. Anything else stays text as printed; text
// inside links, code and headings is left alone.
#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <span>

#include <galley/recover.hpp>

#include "detail/citations.hpp"
#include "detail/letters.hpp"
#include "detail/names.hpp"
#include "detail/text.hpp"

namespace galley {
namespace {

using detail::trim;

// A citation group longer than this ("[...]", "(...)") is not one; a narrative
// citation's name is looked for this far before its bracket. Both keep the search
// linear in the text.
constexpr std::size_t kMaxGroupChars = 300;
// Words of one cited author's name before "et al." or a year: "van der Berg".
constexpr std::size_t kMaxNameWords = 4;

/// Text [begin, end) of a Text node that cites reference `reference` (an index).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t reference = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Offsets [first, second) into a run of text.
using Range = std::pair<std::size_t, std::size_t>;

// The parts of text[begin, end) between `separator`s, as offsets into `text`.
std::vector<Range> parts_of(std::string_view text, std::size_t begin, std::size_t end,
                            char separator) {
  std::vector<Range> parts;
  for (std::size_t start = begin;;) {
    const std::size_t at = text.substr(start, end - start).find(separator);
    if (at == std::string_view::npos) {
      parts.emplace_back(start, end);
      return parts;
    }
    parts.emplace_back(start, start + at);
    start += at + 1;
  }
}

// A year as author-year styles cite it: 1800..2099, a letter telling one author's
// works of the year apart ("2019a").
bool is_cited_year(std::string_view text) {
  if (text.size() != 4 && text.size() != 5) return false;
  if (!std::all_of(text.begin(), text.begin() + 4, is_digit)) return false;
  if (!(text.starts_with("18") || text.starts_with("19") || text.starts_with("20"))) return false;
  return text.size() == 4 || (text[4] >= 'a' && text[4] <= 'z');
}

// Initials printed after a surname: "AE", "J.M.", "Z.".
bool is_initials(std::string_view word) {
  constexpr std::size_t kMaxInitials = 3;
  std::size_t letters = 0;
  for (std::size_t pos = 0; pos < word.size();) {
    const char32_t cp = detail::next_code_point(word, pos);
    if (cp == '.' || cp == '-') continue;
    if (!detail::is_upper_letter(cp)) return false;
    ++letters;
  }
  return letters > 0 && letters <= kMaxInitials;
}

// The word of an author's name that citations repeat, ASCII case-folded: the last
// word of the surname. "Roe JA", "Yang, Z.", "Akari Asai", "van der Berg, J." give
// "webb", "yang", "asai", "berg".
std::string surname_key(std::string_view name) {
  if (const std::size_t comma = name.find(','); comma != std::string_view::npos) {
    name = name.substr(0, comma);
  }
  std::vector<std::string_view> words = detail::split_whitespace(name);
  while (words.size() > 1 && is_initials(words.back())) words.pop_back();
  if (words.empty()) return {};
  std::string_view last = words.back();
  while (!last.empty() && last.back() == '.') last.remove_suffix(1);
  return detail::to_lower_ascii(last);
}

// The surname key of a name as a citation prints it ("Smith", "van der Berg"), or
// "" when it does not read as one: a capitalised last word, no digits, a few words.
std::string cited_name_key(std::string_view name) {
  const std::vector<std::string_view> words = detail::split_whitespace(name);
  if (words.empty() || words.size() > kMaxNameWords) return {};
  if (name.find_first_of("0123456789()[]") != std::string_view::npos) return {};
  if (!detail::is_upper_letter(detail::first_letter(words.back()))) return {};
  return surname_key(words.back());
}

// The first author's surname key from a reference's printed text, for a reference
// whose author list was not read: "Berson, S., Ghandeharizadeh, S., and Ju, X. 1994."
// gives "berson". Only a short name before the first comma counts.
std::string printed_first_author(std::string_view text) {
  constexpr std::size_t kMaxSurnameChars = 40;
  const std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || comma > kMaxSurnameChars) return {};
  return cited_name_key(text.substr(0, comma));
}

struct CitedAuthors {
  std::string first;   ///< surname key of the first author
  std::string second;  ///< of the second, when the citation names two; else ""
};

// "Smith", "Smith et al.", "Smith and Doe", "Smith & Doe", after words that introduce
// the citation ("e.g., Smith", "see van der Berg") which are dropped.
std::optional<CitedAuthors> cited_authors(std::string_view phrase) {
  phrase = trim(phrase);
  while (!phrase.empty() && phrase.back() == ',')
    phrase = trim(phrase.substr(0, phrase.size() - 1));
  CitedAuthors authors;
  std::string_view first = phrase;
  if (phrase.ends_with(" et al.") || phrase.ends_with(" et al")) {
    first = trim(phrase.substr(0, phrase.rfind(" et al")));
    while (!first.empty() && first.back() == ',') first.remove_suffix(1);
  } else {
    for (const std::string_view conjunction : {" and ", " & "}) {
      const std::size_t at = phrase.find(conjunction);
      if (at == std::string_view::npos) continue;
      first = phrase.substr(0, at);
      authors.second = cited_name_key(phrase.substr(at + conjunction.size()));
      if (authors.second.empty()) return std::nullopt;
      break;
    }
  }
  // What introduces the citation is lower case ("e.g.,", "see also"); the surname's
  // last word is the key (name_start finds where the printed name begins).
  std::vector<std::string_view> words = detail::split_whitespace(first);
  if (words.empty()) return std::nullopt;
  authors.first = cited_name_key(words.back());
  if (authors.first.empty()) return std::nullopt;
  return authors;
}

// The reference list, searchable by label and by first author and year.
class ReferenceList {
 public:
  // A list printed without labels (a page's citation_reference tags) is numbered in
  // its order, as numbered styles print it.
  explicit ReferenceList(const std::vector<Reference>& references) : references_(references) {
    const bool unlabelled = std::all_of(references.begin(), references.end(),
                                        [](const Reference& ref) { return ref.label.empty(); });
    for (std::size_t i = 0; i < references.size(); ++i) {
      const Reference& ref = references[i];
      if (ref.id.empty()) continue;  // nothing to link to
      const std::string label =
          unlabelled ? std::to_string(i + 1) : detail::collapse_whitespace(ref.label);
      if (!label.empty()) labels_[label].push_back(i);
      const std::string first =
          ref.authors.empty() ? printed_first_author(ref.text) : surname_key(ref.authors.front());
      if (!first.empty() && ref.year) by_author_year_[first + ' ' + *ref.year].push_back(i);
    }
  }

  std::optional<std::size_t> labelled(std::string_view label) const {
    const auto it = labels_.find(detail::collapse_whitespace(label));
    return it != labels_.end() && it->second.size() == 1 ? std::optional(it->second.front())
                                                         : std::nullopt;
  }

  std::optional<std::size_t> by(const CitedAuthors& authors, std::string_view year) const {
    const auto it = by_author_year_.find(authors.first + ' ' + std::string(year));
    if (it == by_author_year_.end()) return std::nullopt;
    std::optional<std::size_t> found;
    for (const std::size_t i : it->second) {
      const std::vector<std::string>& names = references_[i].authors;
      // A second author printed in the citation must be the reference's, when its
      // authors are known.
      if (!authors.second.empty() && !names.empty() &&
          (names.size() < 2 || surname_key(names[1]) != authors.second)) {
        continue;
      }
      if (found) return std::nullopt;  // ambiguous
      found = i;
    }
    return found;
  }

 private:
  const std::vector<Reference>& references_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> labels_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_author_year_;
};

// The part of `text` from `begin` to `end`, trimmed of spaces, as offsets.
Range trimmed(std::string_view text, std::size_t begin, std::size_t end) {
  while (begin < end && detail::is_ascii_space(text[begin])) ++begin;
  while (end > begin && detail::is_ascii_space(text[end - 1])) --end;
  return {begin, end};
}

// Numbered citation "12", "3, 7–9", "1-3;5" in text[begin, end): a span for each
// number, or none at all when one number is not a reference's label (a bracketed
// number is weak evidence: "[0, 1]" is an interval).
std::vector<Span> numbered_spans(std::string_view text, std::size_t begin, std::size_t end,
                                 const ReferenceList& refs) {
  constexpr std::size_t kMaxDigits = 4;
  std::vector<Span> spans;
  std::size_t pos = begin;
  const auto skip_spaces = [&] {
    while (pos < end && detail::is_ascii_space(text[pos])) ++pos;
  };
  const auto number = [&]() -> bool {
    const std::size_t start = pos;
    while (pos < end && is_digit(text[pos]) && pos - start < kMaxDigits) ++pos;
    if (pos == start || (pos < end && is_digit(text[pos]))) return false;
    const auto ref = refs.labelled(text.substr(start, pos - start));
    if (!ref) return false;
    spans.push_back({start, pos, *ref});
    return true;
  };
  skip_spaces();
  while (true) {
    if (!number()) return {};
    skip_spaces();
    for (const std::string_view dash : {"-", "\u2013", "\u2014"}) {
      if (text.substr(pos, end - pos).starts_with(dash)) {
        pos += dash.size();
        skip_spaces();
        if (!number() || spans[spans.size() - 2].reference >= spans.back().reference) return {};
        skip_spaces();
        break;
      }
    }
    if (pos == end) return spans;
    if (text[pos] != ',' && text[pos] != ';') return {};
    ++pos;
    skip_spaces();
  }
}

// Keyed citation "Smi17", "Agichtein and Gravano, 2000; Brin, 1998": each part
// between semicolons (or commas, for short keys) is one reference's label.
std::vector<Span> keyed_spans(std::string_view text, std::size_t begin, std::size_t end,
                              const ReferenceList& refs) {
  for (const char separator : {';', ','}) {
    std::vector<Span> spans;
    for (const auto& [part_begin, part_end] : parts_of(text, begin, end, separator)) {
      const auto [b, e] = trimmed(text, part_begin, part_end);
      const auto ref = refs.labelled(text.substr(b, e - b));
      if (!ref) {
        spans.clear();
        break;
      }
      spans.push_back({b, e, *ref});
    }
    if (!spans.empty()) return spans;
  }
  return {};
}

// Years "2019a, 2020" in text[begin, end), each with its span, or none when
// something else is there.
std::vector<Range> year_spans(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<Range> years;
  for (const auto& [part_begin, part_end] : parts_of(text, begin, end, ',')) {
    const auto [b, e] = trimmed(text, part_begin, part_end);
    if (!is_cited_year(text.substr(b, e - b))) return {};
    years.emplace_back(b, e);
  }
  return years;
}

// Where the name starts in text[begin, end): not at what introduces it ("e.g., ",
// "see "), but at its first capitalised word or the particles before it ("van der").
std::size_t name_start(std::string_view text, std::size_t begin, std::size_t end) {
  const std::vector<std::string_view> words =
      detail::split_whitespace(text.substr(begin, end - begin));
  std::size_t first = 0;
  while (first < words.size() && !detail::is_upper_letter(detail::first_letter(words[first]))) {
    ++first;
  }
  if (first == words.size()) return begin;
  while (first > 0 && detail::is_name_particle(words[first - 1])) --first;
  return static_cast<std::size_t>(words[first].data() - text.data());
}

// One part of a parenthetical author-year citation, "e.g., Smith et al., 2020, 2021a":
// the first span runs from the name to the first year, later years are spans alone.
std::vector<Span> author_year_spans(std::string_view text, std::size_t begin, std::size_t end,
                                    const ReferenceList& refs) {
  // The years start at the first word that is one.
  std::size_t years_begin = end;
  for (std::size_t i = begin; i + 4 <= end; ++i) {
    if (is_digit(text[i]) &&
        (i == begin || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
      years_begin = i;
      break;
    }
  }
  if (years_begin == end) return {};
  const auto authors = cited_authors(text.substr(begin, years_begin - begin));
  const auto years = year_spans(text, years_begin, end);
  if (!authors || years.empty()) return {};
  std::vector<Span> spans;
  const std::size_t name_begin = name_start(text, begin, years_begin);
  for (const auto& [b, e] : years) {
    const auto ref = refs.by(*authors, text.substr(b, e - b));
    if (!ref) return {};
    spans.push_back({spans.empty() ? name_begin : b, e, *ref});
  }
  return spans;
}

// A parenthetical citation: its parts between semicolons, each linked on its own (a
// name with a year is evidence enough; a reference the list lacks stays text).
std::vector<Span> parenthetical_spans(std::string_view text, std::size_t begin, std::size_t end,
                                      const ReferenceList& refs) {
  std::vector<Span> spans;
  for (const auto& [part_begin, part_end] : parts_of(text, begin, end, ';')) {
    const std::vector<Span> found = author_year_spans(text, part_begin, part_end, refs);
    spans.insert(spans.end(), found.begin(), found.end());
  }
  return spans;
}

// A narrative citation: the name printed before the bracket, "Smith et al. (2020)",
// "Smith and Doe (2019, 2020)"; the years are linked.
std::vector<Span> narrative_spans(std::string_view text, std::size_t open, std::size_t begin,
                                  std::size_t end, const ReferenceList& refs) {
  const auto years = year_spans(text, begin, end);
  if (years.empty()) return {};
  const std::size_t from = open > kMaxGroupChars ? open - kMaxGroupChars : 0;
  const std::vector<std::string_view> before =
      detail::split_whitespace(text.substr(from, open - from));
  if (before.empty()) return {};
  const std::size_t n = before.size();
  std::string phrase(before.back());
  if (n >= 3 && before[n - 2] == "et" && (before[n - 1] == "al." || before[n - 1] == "al")) {
    phrase = std::string(before[n - 3]) + " et al.";
  } else if (n >= 3 && (before[n - 2] == "and" || before[n - 2] == "&")) {
    phrase = std::string(before[n - 3]) + " and " + std::string(before[n - 1]);
  }
  const auto authors = cited_authors(phrase);
  if (!authors) return {};
  std::vector<Span> spans;
  for (const auto& [b, e] : years) {
    const auto ref = refs.by(*authors, text.substr(b, e - b));
    if (!ref) return {};
    spans.push_back({b, e, *ref});
  }
  return spans;
}

// Every citation in one run of text, in order.
std::vector<Span> find_citations(std::string_view text, const ReferenceList& refs) {
  std::vector<Span> spans;
  for (std::size_t open = 0; open < text.size(); ++open) {
    const char c = text[open];
    if (c != '[' && c != '(') continue;
    const char close_char = c == '[' ? ']' : ')';
    const std::size_t begin = open + 1;
    const std::string_view group = text.substr(begin, kMaxGroupChars);
    const std::size_t length = group.find(close_char);
    if (length == std::string_view::npos ||
        group.substr(0, length).find(c) != std::string_view::npos) {
      continue;
    }
    const std::size_t close = begin + length;
    std::vector<Span> found;
    if (c == '[') found = numbered_spans(text, begin, close, refs);
    if (c == '[' && found.empty()) found = keyed_spans(text, begin, close, refs);
    if (found.empty()) found = parenthetical_spans(text, begin, close, refs);
    if (found.empty() && c == '(') found = narrative_spans(text, open, begin, close, refs);
    if (found.empty()) continue;
    spans.insert(spans.end(), found.begin(), found.end());
    open = close;
  }
  return spans;
}

// Emphasis and strong are set by the font of each word, so a citation may run across
// them ("(Swanson _et al., 2001)_"): text is searched across such nodes, and links
// wrap what they cover with its emphasis kept.
enum class Wrapper { Emphasis, Strong };

/// A run of text with the emphasis and strong nodes around it, outermost first.
struct Piece {
  std::string text;
  std::vector<Wrapper> wrappers;
};

// The pieces of `node` when it holds only text, emphasis and strong; false (and
// `pieces` unchanged) when it holds anything else.
bool flatten(const Inline& node, std::vector<Wrapper>& wrappers, std::vector<Piece>& pieces) {
  const std::size_t before = pieces.size();
  const auto children = [&](Wrapper wrapper, const Inlines& list) {
    wrappers.push_back(wrapper);
    const bool flat = std::all_of(list.begin(), list.end(), [&](const Inline& child) {
      return flatten(child, wrappers, pieces);
    });
    wrappers.pop_back();
    return flat;
  };
  bool flat = false;
  if (const auto* text = std::get_if<Text>(&node.node)) {
    pieces.push_back({text->text, wrappers});
    flat = true;
  } else if (const auto* emphasis = std::get_if<Emphasis>(&node.node)) {
    flat = children(Wrapper::Emphasis, emphasis->children);
  } else if (const auto* strong = std::get_if<Strong>(&node.node)) {
    flat = children(Wrapper::Strong, strong->children);
  }
  if (!flat) pieces.resize(before);
  return flat;
}

Inlines* children_of(Inline& node, Wrapper wrapper) {
  if (wrapper == Wrapper::Emphasis) {
    auto* emphasis = std::get_if<Emphasis>(&node.node);
    return emphasis ? &emphasis->children : nullptr;
  }
  auto* strong = std::get_if<Strong>(&node.node);
  return strong ? &strong->children : nullptr;
}

// Appends `text` inside `wrappers` to `out`, into its last node when that is the same
// wrapper, so a run cut around a link comes back as few nodes as it went in.
void append_wrapped(Inlines& out, std::span<const Wrapper> wrappers, std::string text) {
  if (text.empty()) return;
  if (wrappers.empty()) {
    Text* last = out.empty() ? nullptr : std::get_if<Text>(&out.back().node);
    if (last) {
      last->text += text;
    } else {
      out.push_back({Text{std::move(text)}});
    }
    return;
  }
  Inlines* children = out.empty() ? nullptr : children_of(out.back(), wrappers.front());
  if (!children) {
    out.push_back(wrappers.front() == Wrapper::Emphasis ? Inline{Emphasis{}} : Inline{Strong{}});
    children = children_of(out.back(), wrappers.front());
  }
  append_wrapped(*children, wrappers.subspan(1), std::move(text));
}

// The pieces' text [begin, end), each part in its wrappers, appended to `out`.
void append_range(const std::vector<Piece>& pieces, std::size_t begin, std::size_t end,
                  Inlines& out) {
  std::size_t offset = 0;
  for (const Piece& piece : pieces) {
    const std::size_t from = std::max(begin, offset);
    const std::size_t to = std::min(end, offset + piece.text.size());
    if (from < to) append_wrapped(out, piece.wrappers, piece.text.substr(from - offset, to - from));
    offset += piece.text.size();
  }
}

class CitationLinker {
 public:
  explicit CitationLinker(const std::vector<Reference>& references)
      : references_(references), list_(references) {}

  void blocks(Blocks& list) {
    for (Block& block : list) this->block(block);
  }

 private:
  void block(Block& block) {
    if (auto* p = std::get_if<Paragraph>(&block.node)) {
      inlines(p->inlines);
    } else if (auto* list = std::get_if<List>(&block.node)) {
      for (Blocks& item : list->items) blocks(item);
    } else if (auto* quote = std::get_if<Quote>(&block.node)) {
      blocks(quote->blocks);
    } else if (auto* figure = std::get_if<Figure>(&block.node)) {
      inlines(figure->caption);
    } else if (auto* table = std::get_if<Table>(&block.node)) {
      for (auto& row : table->rows) {
        for (Blocks& cell : row) blocks(cell);
      }
    }
  }

  // Runs of text, emphasis and strong are searched as one text; links, code, images
  // and line breaks end a run.
  void inlines(Inlines& list) {
    Inlines out;
    Inlines run;
    std::vector<Piece> pieces;
    for (Inline& node : list) {
      std::vector<Wrapper> wrappers;
      if (flatten(node, wrappers, pieces)) {
        run.push_back(std::move(node));
        continue;
      }
      link_run(run, pieces, out);
      if (auto* emphasis = std::get_if<Emphasis>(&node.node)) inlines(emphasis->children);
      if (auto* strong = std::get_if<Strong>(&node.node)) inlines(strong->children);
      out.push_back(std::move(node));
    }
    link_run(run, pieces, out);
    list = std::move(out);
  }

  // The run with its citations as links, appended to `out`; the run's nodes as they
  // were when it has none.
  void link_run(Inlines& run, std::vector<Piece>& pieces, Inlines& out) {
    std::string text;
    for (const Piece& piece : pieces) text += piece.text;
    const std::vector<Span> spans = find_citations(text, list_);
    if (spans.empty()) {
      std::move(run.begin(), run.end(), std::back_inserter(out));
    } else {
      std::size_t done = 0;
      for (const Span& span : spans) {
        append_range(pieces, done, span.begin, out);
        Link link{{}, detail::citation_url(references_[span.reference].id)};
        append_range(pieces, span.begin, span.end, link.children);
        out.push_back({std::move(link)});
        done = span.end;
      }
      append_range(pieces, done, text.size(), out);
    }
    run.clear();
    pieces.clear();
  }

  const std::vector<Reference>& references_;
  ReferenceList list_;
};

}  // namespace

void link_citations(Article& article, const RecoverOptions&, Diagnostics&) {
  if (article.references.empty()) return;
  CitationLinker linker(article.references);
  linker.blocks(article.abstract);
  linker.blocks(article.body);
  for (Note& note : article.notes) linker.blocks(note.blocks);
}

}  // namespace galley
