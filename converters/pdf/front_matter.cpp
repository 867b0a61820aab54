// Front matter around the title: bylines, author lists and publication dates that
// the shared passes (which look at the first blocks of the body) cannot see,
// because print layout puts them above the title or sets them as a bare list of
// names with affiliation markers. Parsing stays in the shared parsers
// (parse_byline, split_authors, find_date); this file only knows where to look.
#include <algorithm>
#include <cctype>
#include <regex>

#include <galley/recover.hpp>

#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// Blocks above the title searched for its byline and date, nearest first.
constexpr std::size_t kAboveTitle = 6;
// A date line is short: "Jun 7, 2023, 8:54 PM UTC".
constexpr std::size_t kMaxDateWords = 12;
// Pages searched for a paper's "Published" date.
constexpr int kPublishedPages = 2;

// One person's name: two to five words, each capitalised or an initial, allowing
// name particles ("Ludwig van Beethoven", "S Morad Hameed", "Ross G. DOUGLAS").
bool is_name(std::string_view name) {
  static const std::regex word(
      R"((?:[A-Z][A-Za-z'\x80-\xff-]*\.?|van|von|de|der|den|da|di|du|le|la|del|dos|bin|al))",
      std::regex::optimize);
  std::size_t words = 0;
  std::size_t start = 0;
  name = detail::trim(name);
  while (start < name.size()) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string w(name.substr(start, end - start));
    if (!w.empty()) {
      if (!std::regex_match(w, word)) return false;
      ++words;
    }
    start = end + 1;
  }
  return words >= 2 && words <= 5;
}

// The names of a line listing people ("A, B and C"); empty when any part is not
// a name.
std::vector<std::string> names_in(const std::string& text) {
  static const std::regex separator(R"(\s*(?:,|;|&|\band\b)\s*)", std::regex::optimize);
  std::vector<std::string> names;
  for (std::sregex_token_iterator it(text.begin(), text.end(), separator, -1), end; it != end;
       ++it) {
    const std::string part(detail::trim(it->str()));
    if (part.empty()) continue;
    if (!is_name(part)) return {};
    names.push_back(part);
  }
  return names;
}

std::string text_of(const TextBlock& block) { return plain_text(block.block); }

bool is_paragraph(const TextBlock& block) {
  return std::holds_alternative<Paragraph>(block.block.node);
}

void set_byline(Metadata& metadata, const std::string& byline, std::vector<Person> authors) {
  metadata.byline = byline;
  if (metadata.authors.empty()) metadata.authors = std::move(authors);
}

// A byline ("By Alex Heath, a deputy editor") and a date printed above the title.
void read_above_title(const std::vector<TextBlock>& before, Metadata& metadata, DateOrder order) {
  const std::size_t first = before.size() > kAboveTitle ? before.size() - kAboveTitle : 0;
  for (std::size_t i = before.size(); i-- > first;) {
    const std::string text = text_of(before[i]);
    if (!metadata.byline) {
      if (auto byline = parse_byline(text); byline && byline->marked) {
        set_byline(metadata, byline->text, byline->authors);
        continue;
      }
    }
    if (!metadata.date && before[i].words <= kMaxDateWords) {
      if (auto date = find_date(text, order)) metadata.date = date;
    }
  }
}

// The list of authors heading a paper, just under the title: several names, or
// one marked with an affiliation marker (fixtures/pdf/two_column has one name and
// no marker, which the shared byline pass decides on).
void read_author_list(std::vector<TextBlock>& body, Metadata& metadata) {
  constexpr std::size_t kSearched = 2;
  for (std::size_t i = 0; i < std::min(body.size(), kSearched); ++i) {
    if (!is_paragraph(body[i])) continue;
    const std::string text = text_of(body[i]);
    const std::vector<std::string> names = names_in(text);
    if (names.size() >= 2 || (names.size() == 1 && body[i].markers)) {
      std::vector<Person> authors;
      for (const std::string& name : names) authors.push_back(Person{name});
      set_byline(metadata, text, std::move(authors));
      body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

// "Published: 2 January 2014" on a paper's first pages, wherever the layout put it.
void read_published_date(const Selection& selection, Metadata& metadata, DateOrder order) {
  for (const auto* blocks : {&selection.before, &selection.body, &selection.after}) {
    for (const TextBlock& block : *blocks) {
      if (block.page > kPublishedPages) continue;
      const std::string text = text_of(block);
      const std::size_t at = text.find("Published");
      if (at == std::string::npos) continue;
      if (auto date = find_date(std::string_view(text).substr(at, 60), order)) {
        metadata.date = date;
        return;
      }
    }
  }
}

}  // namespace

void read_front_matter(Selection& selection, Metadata& metadata, DateOrder order) {
  if (!metadata.byline) read_author_list(selection.body, metadata);
  read_above_title(selection.before, metadata, order);
  if (!metadata.date) read_published_date(selection, metadata, order);
}

}  // namespace galley::pdf
