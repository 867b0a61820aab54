// A paper's affiliations under its authors, and which are whose. Papers print a marker
// after each author's name ("Jane Doe1,2, John Roe2*", or raised: "Lane" over "a,c")
// and the same marker before each affiliation ("1 Department of ...", raised or not);
// an author's affiliations are those whose marker is one of the author's. A marker that
// opens no affiliation ("*" for the corresponding author) or opens several links
// nothing: nothing is guessed. Reading the markers is the shared parsers' work
// (read_markers, leading_markers in core/src/detail/markers.hpp).
#include <algorithm>
#include <array>
#include <cctype>

#include "detail/markers.hpp"
#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// Words that make a short line under the authors an affiliation.
bool names_institution(std::string_view text) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "University", "Universit", "Department", "Institute",   "College",  "Hospital", "School",
      "Laboratory", "Centre",    "Center",     "Faculty",     "Division", "Research", "Academy",
      "Foundation", "Ministry",  "Agency",     "Corporation", " Inc.",    " LLC"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// An affiliation's text, its markers left out: short and capitalised, no sentence, no
// e-mail address. Whether it names an institution is asked of the block.
bool reads_as_affiliation(std::string_view text) {
  constexpr std::size_t kMaxWords = 40;
  // An institution's name has capitalised words and joining words; a sentence has
  // other lower-case words ("The funder had no role"), a side note a label ("Editor:").
  static constexpr std::string_view kJoining =
      " of and the for in at de la di du des del da y e et und f\u00FCr der am ";
  const std::vector<std::string_view> words = detail::split_whitespace(text);
  const auto lower_words = std::count_if(words.begin(), words.end(), [](std::string_view word) {
    return std::islower(static_cast<unsigned char>(word[0])) &&
           !detail::in_word_list(kJoining, word);
  });
  const bool sentence = lower_words > 1 || text.find(':') != std::string_view::npos ||
                        text.ends_with(" and") || text.ends_with(" of");
  return !words.empty() && words.size() <= kMaxWords && !sentence &&
         text.find('@') == std::string_view::npos &&
         !std::islower(static_cast<unsigned char>(text[0]));
}

// The pieces of an affiliation block without raised markers: one after each number of a
// run-in numbered list ("1 Agronomy Dept., ..., 2 West Florida Research ..."), the
// numbers in sequence from 1, each after a comma or semicolon and before a capital;
// else the whole.
std::vector<std::string_view> run_in_pieces(std::string_view text) {
  std::vector<std::string_view> out;
  const auto first = detail::leading_markers(text);
  if (!first || first->first != std::vector<std::string>{"1"}) return {text};
  std::size_t begin = 0;
  for (int next = 2;; ++next) {
    const std::string number = " " + std::to_string(next) + " ";
    std::size_t at = text.find(number, begin);
    while (at != std::string_view::npos &&
           !((text[at - 1] == ',' || text[at - 1] == ';') && at + number.size() < text.size() &&
             std::isupper(static_cast<unsigned char>(text[at + number.size()])))) {
      at = text.find(number, at + 1);
    }
    if (at == std::string_view::npos) break;
    out.push_back(detail::trim(text.substr(begin, at - 1 - begin)));  // the separator left out
    begin = at + 1;
  }
  out.push_back(detail::trim(text.substr(begin)));
  return out;
}

// A piece of an affiliation block read with the markers that open it: those raised
// before it (`raised`), else those printed in its text.
std::optional<PrintedAffiliation> read_piece(std::string_view text,
                                             std::optional<std::vector<std::string>> raised) {
  text = detail::trim(text);
  std::vector<std::string> markers;
  if (raised) {
    markers = std::move(*raised);
  } else if (auto printed = detail::leading_markers(text)) {
    markers = std::move(printed->first);
    text.remove_prefix(printed->second);
  }
  if (!reads_as_affiliation(text)) return std::nullopt;
  return PrintedAffiliation{std::move(markers), std::string(text)};
}

}  // namespace

std::vector<PrintedAffiliation> read_affiliations(const TextBlock& block, const std::string& text) {
  // The block cut where a raised marker opens a line.
  std::vector<std::pair<std::size_t, const Mark*>> cuts{{0, nullptr}};
  for (const Mark& mark : block.marks) {
    if (!mark.leading) continue;
    if (mark.at == 0) {
      cuts.front().second = &mark;
    } else {
      cuts.emplace_back(mark.at, &mark);
    }
  }
  std::vector<PrintedAffiliation> out;
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    const std::size_t end = k + 1 < cuts.size() ? cuts[k + 1].first : text.size();
    const std::string_view part = std::string_view(text).substr(cuts[k].first, end - cuts[k].first);
    if (detail::trim(part).empty()) continue;
    std::vector<std::string_view> pieces{part};
    std::optional<std::vector<std::string>> raised;
    if (cuts[k].second) {
      raised = detail::read_markers(cuts[k].second->text);
      if (!raised) return {};  // a raised word that is no marker: not an affiliation block
    } else {
      pieces = run_in_pieces(detail::trim(part));
    }
    for (std::string_view piece : pieces) {
      auto affiliation = read_piece(piece, raised);
      if (!affiliation) return {};
      out.push_back(std::move(*affiliation));
    }
  }
  // Each names an institution, or a marker opens it among others that do ("4 IROA
  // Technologies LLC, Ann Arbor" in a numbered list).
  const auto institution = [](const PrintedAffiliation& a) { return names_institution(a.text); };
  const bool all = std::all_of(out.begin(), out.end(), [&](const PrintedAffiliation& a) {
    return institution(a) || !a.markers.empty();
  });
  if (!all || std::none_of(out.begin(), out.end(), institution)) return {};
  return out;
}

void link_affiliations(std::vector<Person>& authors,
                       const std::vector<std::optional<std::vector<std::string>>>& author_markers,
                       const std::vector<std::vector<std::string>>& affiliation_markers) {
  // One affiliation printed without a marker is every author's.
  if (affiliation_markers.size() == 1 && affiliation_markers.front().empty()) {
    for (Person& author : authors) author.affiliations = {0};
    return;
  }
  for (std::size_t k = 0; k < authors.size() && k < author_markers.size(); ++k) {
    if (!author_markers[k]) continue;
    for (const std::string& marker : *author_markers[k]) {
      std::vector<int> opened;
      for (std::size_t j = 0; j < affiliation_markers.size(); ++j) {
        const std::vector<std::string>& markers = affiliation_markers[j];
        if (std::find(markers.begin(), markers.end(), marker) != markers.end())
          opened.push_back(static_cast<int>(j));
      }
      std::vector<int>& linked = authors[k].affiliations;
      if (opened.size() == 1 && std::find(linked.begin(), linked.end(), opened[0]) == linked.end())
        linked.push_back(opened[0]);
    }
  }
}

}  // namespace galley::pdf
