// A paper's publication date where it prints no dateline, from the lines of its title
// page that say where and when it appeared:
//   meeting line    the proceedings or meeting it was given at, with the meeting's
//                   month: "Proceedings of the 52nd Annual Meeting of the ACL, pages
//                   624–633, Baltimore, Maryland, USA, June 23-25 2014"; "presented at
//                   The 36th International Conference on Very Large Data Bases,
//                   September 13-17, 2010"; or the meeting's acronym with its year
//                   ("PODS'10, June 6–11, 2010, Indianapolis")
//   copyright line  the year it names: "Copyright 2010 VLDB Endowment", "©2013 IEEE",
//                   "© The Author 2014", "q 2005 Elsevier B.V. All rights reserved"
// They give a month or a year, not a day, so the date goes to metadata.datetime with
// that precision ("2014-06", "2010") and metadata.date stays unknown. The meeting's
// month is kept only where a copyright line names the same year. Another work's dates
// are never taken: the reference list has left the body by now, sentences about
// another version of the work ("A preliminary version ... was presented at") and
// credits of reprinted figures are passed over, and the received and accepted lines
// (in the footer) and the print stamps in the page margins name neither a meeting nor
// a copyright.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <span>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "passes/date_scan.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

using std::chrono::year;
using std::chrono::year_month;

// Words naming a meeting or its proceedings, as printed (capitalised).
constexpr std::array<std::string_view, 13> kMeetingWords = {
    "Proceedings",  "Proc.",     "Conference", "Symposium",  "Workshop",
    "Meeting",      "Congress",  "Colloquium", "Convention", "Conf\u00E9rence",
    "Congr\u00E8s", "Konferenz", "Tagung"};

// Words, in lower case, of text about another version of the work or another work.
constexpr std::array<std::string_view, 10> kOtherWork = {
    "version",  "appeared", "appear in", "earlier",    "preliminary",
    "extended", "previous", "reprint",   "reproduced", "courtesy"};

// How far after a copyright mark its year is printed: "© The Author(s) 2014".
constexpr std::size_t kYearNear = 24;

bool mentions_other_work(std::string_view text) {
  const std::string lower = detail::to_lower_ascii(text);
  return std::any_of(kOtherWork.begin(), kOtherWork.end(),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The years printed on their own in the text, with their offsets: four digits in
// 1800..2199 that no digit, hyphen or slash joins to a number ("2150-8097/10/09" and
// the "1694" of "0022-1694" hold none).
std::vector<std::pair<std::size_t, year>> years_in(std::string_view text) {
  std::vector<std::pair<std::size_t, year>> out;
  const auto joins = [&](std::size_t at) {
    return at < text.size() && (is_digit(text[at]) || text[at] == '-' || text[at] == '/');
  };
  for (std::size_t at = 0; at + 4 <= text.size(); ++at) {
    if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                     text.begin() + static_cast<std::ptrdiff_t>(at + 4), is_digit) ||
        (at > 0 && joins(at - 1)) || joins(at + 4)) {
      continue;
    }
    const int value = std::stoi(std::string(text.substr(at, 4)));
    if (value >= 1800 && value <= 2199) out.emplace_back(at, year{value});
    at += 3;
  }
  return out;
}

// The sentences of a block: cut after a full stop or semicolon that a space and no
// lower-case letter follow ("Vol. 3" and "B.V. All" are cut too, which no date spans).
std::vector<std::string_view> sentences(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  for (std::size_t at = 0; at + 2 < text.size(); ++at) {
    if ((text[at] == '.' || text[at] == ';') && text[at + 1] == ' ' &&
        !std::islower(static_cast<unsigned char>(text[at + 2]))) {
      out.push_back(text.substr(begin, at + 1 - begin));
      begin = at + 2;
    }
  }
  out.push_back(text.substr(begin));
  return out;
}

// A meeting's acronym with the last two digits of `y`: "PODS'10", "KDD '14", "SIGMOD’10".
bool has_acronym_of(std::string_view text, year y) {
  const std::string digits = std::to_string(static_cast<int>(y) % 100 + 100).substr(1);
  for (std::string_view apostrophe : {"'", "\u2019"}) {
    for (std::size_t at = text.find(apostrophe); at != std::string_view::npos;
         at = text.find(apostrophe, at + 1)) {
      const std::size_t after = at + apostrophe.size();
      if (text.substr(after, 2) != digits || (after + 2 < text.size() && is_digit(text[after + 2])))
        continue;
      std::size_t letters = at;
      if (letters > 0 && text[letters - 1] == ' ') --letters;
      std::size_t capitals = 0;
      while (letters > 0 && std::isupper(static_cast<unsigned char>(text[letters - 1]))) {
        --letters;
        ++capitals;
      }
      if (capitals >= 2) return true;
    }
  }
  return false;
}

// The month of the meeting a sentence names by a word or by its acronym.
std::optional<year_month> meeting_month(std::string_view sentence) {
  if (mentions_other_work(sentence)) return std::nullopt;
  const auto found = detail::find_month_year(sentence);
  if (!found) return std::nullopt;
  const bool meeting =
      std::any_of(kMeetingWords.begin(), kMeetingWords.end(),
                  [&](std::string_view w) { return sentence.find(w) != std::string_view::npos; });
  if (meeting || has_acronym_of(sentence, found->year())) return found;
  return std::nullopt;
}

// The year of a copyright statement: the first printed just after its mark, else the
// last just before "All rights reserved" (a mark the text layer lost: "q 2005 Elsevier
// B.V. All rights reserved"). A caption's credit is another work's.
std::optional<year> copyright_year(std::string_view text) {
  if (mentions_other_work(text) || detail::starts_with_icase(text, "fig") ||
      detail::starts_with_icase(text, "table")) {
    return std::nullopt;
  }
  for (std::string_view mark : {"Copyright", "\u00A9", "(c)", "(C)"}) {
    const std::size_t at = text.find(mark);
    if (at == std::string_view::npos) continue;
    const std::string_view after = text.substr(at + mark.size(), kYearNear + 4);
    if (const auto years = years_in(after); !years.empty() && years.front().first <= kYearNear)
      return years.front().second;
  }
  const std::size_t reserved = text.find("All rights reserved");
  if (reserved == std::string_view::npos) return std::nullopt;
  const std::size_t from = reserved > kYearNear + 4 ? reserved - kYearNear - 4 : 0;
  const auto years = years_in(text.substr(from, reserved - from));
  if (years.empty()) return std::nullopt;
  return years.back().second;
}

// What the title page's lines say of the paper's meeting and copyright.
class Findings {
 public:
  void read(std::string_view text) {
    for (std::string_view sentence : sentences(text)) {
      if (const auto month = meeting_month(sentence)) meetings_.insert(*month);
    }
    if (const auto y = copyright_year(text)) copyrights_.insert(*y);
  }

  // The meeting's month where the copyright agrees with it, else the copyright's year;
  // nothing where lines of either kind disagree among themselves.
  std::optional<std::string> date() const {
    const std::optional<year> copyright =
        copyrights_.size() == 1 ? std::optional(*copyrights_.begin()) : std::nullopt;
    if (meetings_.size() == 1 && copyrights_.size() <= 1) {
      const year_month month = *meetings_.begin();
      if (!copyright || *copyright == month.year()) return detail::to_iso_date(month);
    }
    if (copyright) return detail::to_iso_date(*copyright);
    return std::nullopt;
  }

 private:
  std::set<year_month> meetings_;
  std::set<year> copyrights_;
};

}  // namespace

void read_venue_date(const Selection& selection, Article& article) {
  const int page = std::max(selection.title_page, 1);
  Findings findings;
  // The copyright line may have left the body as the paper's licence statement.
  if (article.metadata.license) findings.read(article.metadata.license->text);
  // A line of a meeting's box may be a block of its own, broken after a comma
  // ("..., pages 624–633," over "Baltimore, Maryland, USA, June 23-25 2014."): such a
  // block is read with the next.
  std::string pending;
  for (const auto* blocks : {&selection.before, &selection.body}) {
    for (const TextBlock& block : *blocks) {
      if (block.page != page) continue;
      std::string text =
          pending.empty() ? plain_text(block.block) : pending + " " + plain_text(block.block);
      pending.clear();
      if (text.ends_with(',')) {
        pending = std::move(text);
      } else {
        findings.read(text);
      }
    }
  }
  if (!pending.empty()) findings.read(pending);
  for (const Furniture& line : article.furniture) {
    if (line.page == page) findings.read(line.text);
  }
  if (auto date = findings.date()) article.metadata.datetime = std::move(date);
}

}  // namespace galley::pdf
