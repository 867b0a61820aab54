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
// A paper's dates line is short: "Received: ... Accepted: ... Published: ...".
constexpr std::size_t kMaxDatesLineWords = 30;

// One person's name: two to five words, each capitalised or an initial, allowing
// name particles ("Ludwig van Beethoven", "S Morad Hameed", "Ross G. DOUGLAS").
bool is_name(std::string_view name) {
  static const std::regex word(
      R"((?:[A-Z][A-Za-z'\x80-\xff-]*\.?|van|von|de|der|den|da|di|du|le|la|del|dos|bin|al))",
      std::regex::optimize);
  std::size_t words = 0;
  std::size_t start = 0;
  name = detail::trim(name);
  if (name.size() > kMaxRegexChars) return false;
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

// A name without the affiliation markers glued to it: "SHARMA\u2020" -> "SHARMA".
std::string without_markers(std::string_view name) {
  static constexpr std::string_view kMarkers[] = {"*",      "\u2217", "\u2020",
                                                  "\u2021", "\u00A7", "\u00B6"};
  name = detail::trim(name);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view marker : kMarkers) {
      if (name.ends_with(marker)) {
        name.remove_suffix(marker.size());
        stripped = true;
      }
    }
    while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) {
      name.remove_suffix(1);
      stripped = true;
    }
  }
  return std::string(detail::trim(name));
}

// The names of a line listing people ("A, B and C"); empty when any part is not
// a name.
std::vector<std::string> names_in(const std::string& text) {
  static const std::regex separator(R"(\s*(?:,|;|&|\band\b)\s*)", std::regex::optimize);
  std::vector<std::string> names;
  if (text.size() > kMaxRegexChars) return names;
  for (std::sregex_token_iterator it(text.begin(), text.end(), separator, -1), end; it != end;
       ++it) {
    const std::string part = without_markers(it->str());
    if (part.empty()) continue;
    if (!is_name(part)) return {};
    names.push_back(part);
  }
  return names;
}

std::string text_of(const TextBlock& block) { return plain_text(block.block); }

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
    const std::vector<std::string> names = names_in(text_of(body[i]));
    if (names.size() >= 2 || (names.size() == 1 && body[i].markers)) {
      std::vector<Person> authors;
      std::string byline;
      for (const std::string& name : names) {
        byline += (byline.empty() ? "" : ", ") + name;
        authors.push_back(Person{name});
      }
      set_byline(metadata, byline, std::move(authors));
      body.erase(body.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

// "Published: 2 January 2014" in a short dates line, wherever the layout put it
// (BMC prints it before the references).
void read_published_date(const Selection& selection, Metadata& metadata, DateOrder order) {
  static const std::regex published(R"(\bPublished(?: online)?:?\s+)", std::regex::optimize);
  constexpr std::size_t kDateChars = 24;
  for (const auto* blocks : {&selection.before, &selection.body, &selection.after}) {
    for (const TextBlock& block : *blocks) {
      if (block.words > kMaxDatesLineWords) continue;
      const std::string text = text_of(block);
      if (text.size() > kMaxRegexChars || text.find("Published") == std::string::npos) continue;
      std::smatch match;
      if (!std::regex_search(text, match, published)) continue;
      const std::string_view rest = std::string_view(text).substr(
          static_cast<std::size_t>(match.position(0) + match.length(0)));
      if (auto date = find_date(rest.substr(0, kDateChars), order)) {
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
