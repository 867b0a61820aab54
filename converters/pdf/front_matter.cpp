// Front matter around the title: bylines, author lists and publication dates that
// the shared passes (which look at the first blocks of the body) cannot see,
// because print layout puts them above the title or sets them as a bare list of
// names with affiliation markers, and which markers follow each name. Parsing stays
// in the shared parsers (parse_byline, split_author_list, find_printed_names,
// find_date); this file only knows where to look.
#include <algorithm>
#include <regex>

#include <galley/recover.hpp>

#include "detail/markers.hpp"
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

std::string text_of(const TextBlock& block) { return plain_text(block.block); }

void set_byline(Metadata& metadata, const std::string& byline, std::vector<Person> authors) {
  metadata.byline = byline;
  if (metadata.authors.empty()) metadata.authors = std::move(authors);
}

// A byline ("By Jane Doe, a deputy editor") and a date printed above the title.
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

// The markers printed after each author's name: in the text ("Lane*") and raised
// above it, dropped from the text into the block's marks ("Lane" over "a,c,"). A mark
// belongs to the name it follows.
std::vector<std::optional<std::vector<std::string>>> read_author_markers(
    const TextBlock& block, const std::string& text, const std::vector<Person>& authors) {
  std::vector<std::optional<std::vector<std::string>>> out(authors.size());
  const auto names = detail::find_printed_names(text, authors);
  if (!names) return out;
  for (std::size_t k = 0; k < authors.size(); ++k) out[k] = (*names)[k].markers;
  for (const Mark& mark : block.marks) {
    std::size_t owner = names->size();
    while (owner > 0 && (*names)[owner - 1].end > mark.at) --owner;
    if (owner == 0) continue;  // before the first name
    std::optional<std::vector<std::string>>& markers = out[owner - 1];
    const auto raised = detail::read_markers(mark.text);
    if (!markers || !raised) {
      markers.reset();
      continue;
    }
    markers->insert(markers->end(), raised->begin(), raised->end());
  }
  return out;
}

// The list of authors heading a paper, just under the title: several names, or
// one marked with an affiliation marker (fixtures/pdf/two_column has one name and
// no marker, which the shared byline pass decides on).
void read_author_list(Selection& selection, Metadata& metadata) {
  constexpr std::size_t kSearched = 2;
  std::vector<TextBlock>& body = selection.body;
  for (std::size_t i = 0; i < std::min(body.size(), kSearched); ++i) {
    const std::string text = text_of(body[i]);
    std::vector<Person> authors = split_author_list(text);
    if (authors.size() >= 2 || (authors.size() == 1 && body[i].markers)) {
      if (metadata.authors.empty()) {
        selection.author_markers = read_author_markers(body[i], text, authors);
      }
      std::string byline;
      for (const Person& author : authors) byline += (byline.empty() ? "" : ", ") + author.name;
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
  if (!metadata.byline) read_author_list(selection, metadata);
  read_above_title(selection.before, metadata, order);
  if (!metadata.date) read_published_date(selection, metadata, order);
}

}  // namespace galley::pdf
