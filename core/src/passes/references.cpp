// Reference lists: the heading that opens one, where one printed reference ends and
// the next begins, and the fields of a reference that its style makes unambiguous.
//
// Styles are told apart by their punctuation, not guessed from content:
//   numbered    "[12] ...", "12. ...", "12 ..." (labels counted in sequence)
//   Vancouver   "Smith AB, Jones CD. Title. Journal. 2010;12(3):45-67."
//   APA         "Smith, J., & Jones, K. (2010). Title. Journal, 12(3), 45-67."
//   Harvard     "Smith, J., 2010. Title. Journal 12, 45-67."
//   IEEE        "A. Smith and K. Jones, “Title,” Journal, vol. 12, no. 3, pp. 45-67, 2010."
//   ACM         "Alice Smith and Kim Jones. 2010. Title. In Proceedings of ..."
// A field is only filled when the reference reads as one of these; everything else
// stays in the reference's text, which is always the whole printed reference.
#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include <galley/recover.hpp>

#include "detail/letters.hpp"
#include "detail/names.hpp"
#include "detail/prose.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley {
namespace {

using detail::trim;

// std::regex (libstdc++) recurses per character: only this much of a reference's
// tail (its container, volume and pages) is ever given to one.
constexpr std::size_t kMaxRegexChars = 300;
// A reference longer than this is no single reference: its fields are not read.
constexpr std::size_t kMaxReferenceChars = 2000;

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_space(char c) { return detail::is_ascii_space(c); }

char32_t code_point_at(std::string_view text, std::size_t pos) {
  return pos < text.size() ? detail::next_code_point(text, pos) : 0;
}

bool upper_at(std::string_view text, std::size_t pos) {
  return detail::is_upper_letter(code_point_at(text, pos));
}

// ---- labels -----------------------------------------------------------------

enum class LabelKind { None, Bracket, Dotted, Bare, Paren };

struct Label {
  LabelKind kind = LabelKind::None;
  std::string text;     ///< without brackets or dot
  std::size_t end = 0;  ///< where the reference's text starts
};

// "[12]", "[Smi17]", "12.", "12 " (before a capital), "(12)" at `pos`.
Label label_at(std::string_view text, std::size_t pos) {
  // Four digits would be a year ("2015. Title" continuing a reference).
  constexpr std::size_t kMaxKey = 60, kMaxNumber = 3;
  const std::string_view rest = text.substr(pos);
  const auto with_space = [&](LabelKind kind, std::size_t key_from, std::size_t key_to,
                              std::size_t after) -> Label {
    if (after < rest.size() && !is_space(rest[after])) return {};
    std::size_t end = after;
    while (end < rest.size() && is_space(rest[end])) ++end;
    if (end == rest.size()) return {};
    return {kind, std::string(rest.substr(key_from, key_to - key_from)), pos + end};
  };
  if (rest.empty()) return {};
  if (rest[0] == '[' || rest[0] == '(') {
    const char close = rest[0] == '[' ? ']' : ')';
    const std::size_t end = rest.substr(0, kMaxKey + 2).find(close);
    if (end == std::string_view::npos || end < 2 || end > kMaxKey + 1) return {};
    const std::string_view key = rest.substr(1, end - 1);
    // "(1997)" opening a line is a year, not a label.
    const bool numeric = key.size() <= kMaxNumber && std::all_of(key.begin(), key.end(), is_digit);
    // "[Brin, 1998]", "[Agichtein and Gravano, 2000]": a name and a year.
    const bool name_year = close == ']' && key.size() >= 6 && upper_at(key, 0) &&
                           std::isdigit(static_cast<unsigned char>(key.back())) &&
                           key.find(", ") != std::string_view::npos;
    const bool alpha_key =
        close == ']' && key.size() <= 12 && std::all_of(key.begin(), key.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '+';
        });
    if (!numeric && !alpha_key && !name_year) return {};
    return with_space(close == ']' ? LabelKind::Bracket : LabelKind::Paren, 1, end, end + 1);
  }
  std::size_t digits = 0;
  while (digits < rest.size() && is_digit(rest[digits])) ++digits;
  if (digits == 0 || digits > kMaxNumber) return {};
  if (digits < rest.size() && rest[digits] == '.') {
    // "12. Smith J": a name follows; "2. ed." and "p. 2. 3 Suppl" are no labels.
    Label dotted = with_space(LabelKind::Dotted, 0, digits, digits + 1);
    if (dotted.kind != LabelKind::None && !upper_at(text, dotted.end)) return {};
    return dotted;
  }
  Label bare = with_space(LabelKind::Bare, 0, digits, digits);
  // "12 Smith J" is a label; "2010 was" is a year starting a sentence.
  if (bare.kind != LabelKind::None && !upper_at(text, bare.end)) return {};
  return bare;
}

bool numeric(const Label& label) {
  return !label.text.empty() && std::all_of(label.text.begin(), label.text.end(), is_digit);
}

// ---- names --------------------------------------------------------------------

// The end of a capitalised word (letters, hyphens and apostrophes) at `pos`, or pos.
std::size_t capitalised_word_end(std::string_view text, std::size_t pos) {
  if (!upper_at(text, pos)) return pos;
  std::size_t end = pos;
  while (end < text.size()) {
    std::size_t next = end;
    const char32_t cp = detail::next_code_point(text, next);
    if (!detail::is_letter(cp) && cp != '-' && cp != '\'' && cp != U'\u2019') break;
    end = next;
  }
  return end;
}

// Initials at `pos`: "J.", "J. P.", "J.-P.", "JP" (Vancouver, two or three capitals
// then a comma, period or end); returns their end or pos.
std::size_t initials_end(std::string_view text, std::size_t pos, bool dotted) {
  std::size_t end = pos;
  if (dotted) {
    while (upper_at(text, end)) {
      std::size_t next = end;
      detail::next_code_point(text, next);
      if (next >= text.size() || text[next] != '.') break;
      end = next + 1;
      if (end < text.size() && text[end] == '-')
        ++end;
      else if (end + 1 < text.size() && text[end] == ' ' && upper_at(text, end + 1) &&
               end + 2 < text.size() && text[end + 2] == '.')
        ++end;
    }
    return end;
  }
  std::size_t count = 0;
  while (count < 3 && upper_at(text, end)) {
    detail::next_code_point(text, end);
    ++count;
  }
  if (count == 0 || (end < text.size() && text[end] != ',' && text[end] != '.')) return pos;
  return end;
}

// Past the particles that may open a surname: "van der Berg, J.".
std::size_t skip_particles(std::string_view text, std::size_t pos) {
  for (;;) {
    const std::size_t space = text.find(' ', pos);
    if (space == std::string_view::npos ||
        !detail::is_name_particle(text.substr(pos, space - pos))) {
      return pos;
    }
    pos = space + 1;
  }
}

// Whether the text opens with an author's name as reference lists print it:
// "Smith, J.", "van der Berg, J.-P.", "Smith AB,", "J. Smith," or "J. Smith and".
bool starts_with_author(std::string_view text) {
  const std::size_t from = skip_particles(text, 0);
  const std::size_t surname = capitalised_word_end(text, from);
  if (surname > from + 1) {
    if (text.substr(surname).starts_with(", ")) {
      return initials_end(text, surname + 2, true) > surname + 2;
    }
    if (surname < text.size() && text[surname] == ' ') {
      return initials_end(text, surname + 1, false) > surname + 1;
    }
    return false;
  }
  const std::size_t initials = initials_end(text, 0, true);
  if (initials == 0 || initials >= text.size() || text[initials] != ' ') return false;
  const std::size_t name = skip_particles(text, initials + 1);
  const std::size_t name_end = capitalised_word_end(text, name);
  if (name_end <= name + 1) return false;
  const std::string_view after = text.substr(name_end);
  return after.starts_with(",") || after.starts_with(" and ") || after.starts_with(" &");
}

// ---- years --------------------------------------------------------------------

struct YearAt {
  std::size_t pos = std::string_view::npos;
  std::size_t end = 0;  ///< after the year and its letter ("2017a")
};

// A year 1800..2099 standing alone at `pos`, optionally with a letter (2017a).
YearAt year_at(std::string_view text, std::size_t pos) {
  if (pos + 4 > text.size()) return {};
  if (pos > 0 && (std::isalnum(static_cast<unsigned char>(text[pos - 1])))) return {};
  const std::string_view digits = text.substr(pos, 4);
  if (!std::all_of(digits.begin(), digits.end(), is_digit)) return {};
  if (!(digits.starts_with("18") || digits.starts_with("19") || digits.starts_with("20"))) {
    return {};
  }
  std::size_t end = pos + 4;
  if (end < text.size() && is_digit(text[end])) return {};
  if (end < text.size() && std::islower(static_cast<unsigned char>(text[end])) &&
      (end + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[end + 1])))) {
    ++end;
  }
  // Pages "1995-2001" and times "12:2001" are no years.
  const std::string_view after = text.substr(end);
  if ((after.starts_with("-") || after.starts_with("\u2013")) && end == pos + 4) {
    const std::size_t next = end + (after[0] == '-' ? 1 : 3);
    if (next < text.size() && is_digit(text[next])) return {};
  }
  if (pos > 0 && (text[pos - 1] == '-' || text[pos - 1] == ':')) return {};
  if (pos >= 3 && text.substr(pos - 3, 3) == "\u2013") return {};
  return {pos, end};
}

// The reference's year: one in brackets "(2017)" first, as author-year styles set
// it, else the first that stands alone.
YearAt find_year(std::string_view text) {
  YearAt first;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    const YearAt year = year_at(text, i);
    if (year.pos == std::string_view::npos) continue;
    if (i > 0 && text[i - 1] == '(') return year;
    if (first.pos == std::string_view::npos) first = year;
  }
  return first;
}

// ---- author lists -------------------------------------------------------------

std::string_view trim_punctuation(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':')) {
    text.remove_suffix(1);
    text = trim(text);
  }
  return text;
}

bool is_initials(std::string_view part) {
  part = trim(part);
  return !part.empty() && initials_end(part, 0, true) == part.size();
}

// A person as reference lists print one: one to five words, capitalised (particles
// aside), no digits, not a sentence.
bool is_reference_name(std::string_view name) {
  constexpr std::size_t kMaxWords = 5, kMaxChars = 60;
  if (name.empty() || name.size() > kMaxChars) return false;
  if (std::any_of(name.begin(), name.end(), is_digit)) return false;
  if (name.find_first_of("()\":;?!") != std::string_view::npos) return false;
  std::size_t words = 0;
  bool long_word = false;  // a name is more than initials
  for (std::size_t pos = 0; pos < name.size();) {
    const std::size_t end = std::min(name.find(' ', pos), name.size());
    const std::string_view word = name.substr(pos, end - pos);
    if (!word.empty() && !detail::is_name_particle(word) && !upper_at(word, 0)) return false;
    long_word = long_word || (word.size() >= 2 && word.find('.') == std::string_view::npos);
    ++words;
    pos = end + 1;
  }
  return words <= kMaxWords && long_word;
}

// Splits "Smith, J., Jones, K. & Roe, L." or "A. Smith, K. Jones, and L. Roe" or
// "Smith AB, Jones CD" into names; empty unless every part is a name.
std::vector<std::string> split_reference_authors(std::string_view list) {
  std::string text(trim_punctuation(list));
  // "and" in the languages papers are commonly written in: "Aligon, J., et E. Negre".
  for (std::string_view joiner :
       {", and ", " and ", ", & ", " & ", "; ", ", et ", " et ", ", und ", " und "}) {
    for (std::size_t at = text.find(joiner); at != std::string::npos; at = text.find(joiner, at)) {
      if (text.compare(at + joiner.size(), 2, "al") == 0) {  // "et al."
        at += joiner.size();
        continue;
      }
      text.replace(at, joiner.size(), ", ");
    }
  }
  std::vector<std::string> parts;
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t end = std::min(text.find(", ", pos), text.size());
    parts.emplace_back(trim(std::string_view(text).substr(pos, end - pos)));
    pos = end + 2;
  }
  std::vector<std::string> names;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string part = parts[i];
    if (part == "et al." || part == "et al") continue;
    if (part.ends_with(" et al.")) part.resize(part.size() - 7);
    // "Smith, J." prints a surname and its initials as two comma-separated parts.
    if (i + 1 < parts.size() && !is_initials(part) && is_initials(parts[i + 1])) {
      part += ", " + parts[++i];
    } else if (!is_reference_name(part)) {
      return {};
    }
    if (part.find(", ") != std::string::npos &&
        !is_reference_name(part.substr(0, part.find(", ")))) {
      return {};
    }
    names.push_back(std::move(part));
  }
  return names;
}

// "Smith AB", "van den Beek M": a Vancouver name, initials after the surname.
bool ends_in_initials(const std::string& name) {
  const std::size_t space = name.rfind(' ');
  if (space == std::string::npos) return false;
  const std::string_view initials = std::string_view(name).substr(space + 1);
  return initials.size() <= 3 && std::all_of(initials.begin(), initials.end(), [](char c) {
           return std::isupper(static_cast<unsigned char>(c));
         });
}

// ACL and ACM: "Alexandr Andoni and Piotr Indyk. 2008. Title": full names, then the
// year after a period.
bool names_before_year(std::string_view text) {
  constexpr std::size_t kMaxAuthorChars = 300;
  for (std::size_t at = text.find(". "); at != std::string_view::npos && at < kMaxAuthorChars;
       at = text.find(". ", at + 1)) {
    if (year_at(text, at + 2).pos == std::string_view::npos) continue;
    // Full names: two words or more, none abbreviated but initials ("Peter D. Turney";
    // "Agron. 1999" and "Metabol. Eng. 2002" are journals).
    const std::vector<std::string> names = split_reference_authors(text.substr(0, at));
    const auto full = [](const std::string& name) {
      if (name.find(' ') == std::string::npos) return false;
      for (std::size_t dot = name.find('.'); dot != std::string::npos;
           dot = name.find('.', dot + 1)) {
        const std::size_t word = name.rfind(' ', dot);
        if (dot - (word == std::string::npos ? 0 : word + 1) > 1) return false;
      }
      return true;
    };
    return !names.empty() && std::all_of(names.begin(), names.end(), full);
  }
  return false;
}

// ---- the parts of a reference -------------------------------------------------

// The sentence from `pos` up to its period ("Title. Journal" -> "Title"), the '?'
// or '!' ending it kept. Returns npos when no sentence end follows.
std::size_t sentence_end(std::string_view text, std::size_t pos) {
  for (std::size_t i = pos; i + 1 < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '?' || c == '!') && is_space(text[i + 1])) {
      // "e.g. ", "J. Smith" inside a title: a single letter before the dot.
      if (c == '.' && i >= 2 && is_space(text[i - 2])) continue;
      return i;
    }
  }
  if (!text.empty() && (text.back() == '.')) return text.size() - 1;
  return std::string_view::npos;
}

std::optional<std::string> non_empty(std::string_view text) {
  text = trim_punctuation(text);
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// The tail after the title: container, volume, issue and pages where the style
// sets them apart.
void parse_source(std::string_view tail, Reference& ref) {
  // A DOI or URL closing the reference is read apart.
  for (std::string_view link : {" DOI ", " doi:", " https://", " http://", "doi:", "https://"}) {
    const std::size_t at = tail.find(link);
    if (at != std::string_view::npos) tail = tail.substr(0, at);
  }
  tail = trim(tail);
  if (tail.empty() || tail.size() > kMaxRegexChars) return;
  const std::string text(tail);
  std::smatch m;
  // IEEE: "IEEE Trans. X, vol. 12, no. 3, pp. 45-67, Mar. 2010."
  static const std::regex ieee(
      R"(^(?:[Ii]n:? )?([^,]+?(?:, [^,\d]+?)*), vol\. (\w+)(?:, no\. (\w+))?(?:, pp?\. (\w+(?:(?:-|‐|–)\w+)?))?)",
      std::regex::optimize);
  // Vancouver: "Journal. 2010;12(3):45-67."
  static const std::regex vancouver(
      R"(^([^.;]+(?:\.[^.;\d][^.;]*)*)\. (?:18|19|20)\d\d[a-z]?(?: \w+)*;\s?(\w+)(?:\((\w+)\))?:\s?(\w+(?:(?:-|‐|–)\w+)?))",
      std::regex::optimize);
  // APA and Harvard: "Journal, 12(3), 45-67." / "Journal 12, 45-67." / "Journal 12:45-67."
  static const std::regex apa(
      R"(^([^,\d][^,\d]*?),? (\d+)(?:\s?\((\w+(?:(?:-|‐|–)\w+)?)\))?(?:, |:\s?)(\w?\d+(?:(?:-|‐|–)\w?\d+)?)\.?$)",
      std::regex::optimize);
  // BioMed Central: "Am J Surg 1989, 158:515-9." / "BMC Public Health 2007, 7(1):78."
  static const std::regex bmc(
      R"(^([^,\d][^,\d]*?) (?:18|19|20)\d\d[a-z]?, (\w+)(?:\((\w+)\))?:(\w+(?:(?:-|‐|–)\w+)?)\.?$)",
      std::regex::optimize);
  // BibTeX plain: "Nature, 624(7992):570–578, 2023." / "IEEE IT, 46:325–343, 2000."
  static const std::regex plain(
      R"(^([^,\d][^,\d]*?), (\d+)(?:\((\w+)\))?:(\w+(?:(?:-|‐|–)\w+)?), (?:[A-Z][a-z]+\.? )?(?:18|19|20)\d\d)",
      std::regex::optimize);
  // Proceedings: "In NIPS, pages 81–88, 2008." / "In Procs. of X, 2004." / "In SIGMOD.
  // 79–90."; past an abbreviation's period the name goes on in lower case.
  static const std::regex proceedings(
      R"(^(?:In|in:) ([^,.]+(?:\. [a-z][^,.\d]*)*)(?:, ()()(?:pages|pp\.) (\w+(?:(?:-|‐|–)\w+)?))?[,.] )",
      std::regex::optimize);
  // Elsevier: "Science 286 (5439) (1999) 509–512." / "Phys. Rev. E 65 (2002) 056109."
  static const std::regex elsevier(
      R"(^([^,\d][^,\d]*?) (\w+)(?: \((\w+)\))? \((?:18|19|20)\d\d\),? (\w+(?:(?:-|‐|–)\w+)?))",
      std::regex::optimize);
  if (std::regex_search(text, m, ieee) || std::regex_search(text, m, vancouver) ||
      std::regex_search(text, m, apa) || std::regex_search(text, m, bmc) ||
      std::regex_search(text, m, plain) || std::regex_search(text, m, proceedings) ||
      std::regex_search(text, m, elsevier)) {
    ref.container = non_empty(m.str(1));
    ref.volume = non_empty(m.str(2));
    if (m[3].matched) ref.issue = non_empty(m.str(3));
    if (m[4].matched) ref.pages = non_empty(m.str(4));
  }
}

// Where the author list ends and what follows it, in the styles that set it apart.
struct Layout {
  std::size_t authors_end = std::string_view::npos;
  std::size_t title_from = std::string_view::npos;
  bool vancouver = false;  ///< names are "Surname INITIALS"
  /// Where a title without quotes or a period after it ends, when the style says.
  std::size_t title_end = std::string_view::npos;
};

// Elsevier's numbered style: "P. A. Estevez, P. Vera, K. Saito, Selecting the most
// influential nodes in social networks, in: Neural Information Processing, 2007.":
// names with their initials first, each closed by a comma, then a title up to ", in: "
// or the next comma, with no sentence end in it and the year after it.
Layout comma_names_then_title(std::string_view text, const YearAt& year) {
  constexpr std::size_t kMaxNameChars = 60;
  std::size_t from = 0;
  for (std::size_t comma;
       (comma = text.find(", ", from)) != std::string_view::npos && comma - from <= kMaxNameChars;
       from = comma + 2) {
    const std::string_view part = text.substr(from, comma - from);
    if (!is_initials(part.substr(0, part.find(' '))) || !is_reference_name(part)) break;
  }
  if (from == 0) return {};
  std::size_t end = text.find(", in: ", from);
  if (end == std::string_view::npos) end = text.find(", ", from);
  if (end == std::string_view::npos || year.pos == std::string_view::npos || year.pos < end) {
    return {};
  }
  const std::string_view title = text.substr(from, end - from);
  if (title.find(". ") != std::string_view::npos || !upper_at(title, 0) ||
      detail::word_count(title) < 2) {
    return {};
  }
  return {from - 2, from, false, end};
}

// BibTeX's plain and abbrv styles, and ACL's without a year: "S. Aji and R. McEliece.
// The generalized distributive law. IEEE IT, 2000.", "Arash Baratloo, Zvi Kedem, and
// Peter Wyckoff. Charlotte: ...": the names up to the first period that ends no
// initial, then the title. Two names or more, or one opening with its initials ("World
// Health Organization. Global report" is no name, "Roe L. Weirs." is Vancouver's),
// all with their initials first or none.
Layout names_then_title(std::string_view text) {
  constexpr std::size_t kMaxAuthorChars = 600;
  for (std::size_t at = text.find(". "); at != std::string_view::npos && at < kMaxAuthorChars;
       at = text.find(". ", at + 1)) {
    const std::size_t word = text.find_last_of(" .-", at - 1);
    const std::string_view last = text.substr(word == std::string_view::npos ? 0 : word + 1,
                                              at - (word == std::string_view::npos ? 0 : word + 1));
    if (last.size() <= 1 || is_initials(std::string(last) + ".")) continue;  // "J. Smith"
    const std::vector<std::string> names = split_reference_authors(text.substr(0, at));
    if (names.empty()) return {};
    // All names in one form: "T. Reed, Rivers Set Free. Eastford: ..." is IEEE's
    // author and book title.
    const auto initials_first = [](const std::string& name) {
      return is_initials(name.substr(0, name.find(' ')));
    };
    const auto first_form = std::count_if(names.begin(), names.end(), initials_first);
    if (first_form != 0 && first_form != static_cast<long>(names.size())) return {};
    if (names.size() == 1 && first_form == 0) return {};
    return {at, at + 2, false};
  }
  return {};
}

Layout find_layout(std::string_view text, const YearAt& year) {
  constexpr std::size_t kMaxAuthorChars = 600;
  // IEEE: the title in quotes after the authors.
  for (std::string_view quote : {", \u201C", ", \""}) {
    const std::size_t at = text.find(quote);
    if (at != std::string_view::npos && at < kMaxAuthorChars) return {at, at + quote.size(), false};
  }
  if (const Layout elsevier = comma_names_then_title(text, year);
      elsevier.authors_end != std::string_view::npos) {
    return elsevier;
  }
  if (year.pos != std::string_view::npos && year.pos > 2) {
    const std::string_view before = text.substr(0, year.pos);
    // APA "Smith, J. (2010). Title", Harvard "Smith, J., 2010. Title", ACM
    // "Alice Smith. 2010. Title": the year closes the author list.
    std::size_t after = year.end;
    const bool bracketed = after < text.size() && text[after] == ')';
    if (bracketed) ++after;
    // "(2003) Title" (Portland Press) closes the list with the bracket alone.
    const bool closes = text.substr(after).starts_with(". ") ||
                        text.substr(after).starts_with(", ") ||
                        (bracketed && text.substr(after).starts_with(" "));
    if (closes && (before.ends_with(" (") || before.ends_with(", ") || before.ends_with(". "))) {
      // "Ju, X. 1994." and "Muntz, R. R. 1994." keep the period of the last initial
      // (a Vancouver "Whelan S. 2013." prints initials without periods).
      const std::size_t n = before.size();
      const bool initial = before.ends_with(". ") && n >= 5 && before[n - 4] == ' ' &&
                           (before[n - 5] == ',' || before[n - 5] == '.');
      return {year.pos - (initial ? 1 : 2), after + (text[after] == ' ' ? 1 : 2), false};
    }
  }
  if (const Layout plain = names_then_title(text); plain.authors_end != std::string_view::npos) {
    return plain;
  }
  // Vancouver "Smith AB, Jones CD. Title" (BioMed Central "Smith AB, Jones CD: Title"):
  // the list ends at the first period or colon after initials or "et al".
  for (std::size_t i = 0; i + 1 < text.size() && i < kMaxAuthorChars; ++i) {
    if ((text[i] != '.' && text[i] != ':') || !is_space(text[i + 1])) continue;
    std::size_t word = text.rfind(' ', i);
    word = word == std::string_view::npos ? 0 : word + 1;
    const std::string_view last = text.substr(word, i - word);
    const bool initials =
        !last.empty() && last.size() <= 3 && std::all_of(last.begin(), last.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c));
        });
    if (initials || last == "al") return {i, i + 2, true};
    return {};
  }
  return {};
}

void parse_fields(std::string_view text, Reference& ref) {
  if (auto doi = find_doi(text)) ref.doi = std::move(doi);
  if (const auto url = detail::find_http_url(text);
      url && url->find("doi.org/") == std::string_view::npos) {
    ref.url = std::string(*url);
  }
  const YearAt year = find_year(text);
  if (year.pos != std::string_view::npos) {
    ref.year = std::string(text.substr(year.pos, year.end - year.pos));
  }
  const Layout layout = find_layout(text, year);
  if (layout.authors_end == std::string_view::npos) return;
  ref.authors = split_reference_authors(text.substr(0, layout.authors_end));
  if (layout.vancouver && !std::all_of(ref.authors.begin(), ref.authors.end(), ends_in_initials)) {
    ref.authors.clear();
  }
  if (ref.authors.empty()) return;
  const bool quoted =
      layout.title_from >= 1 && (text.substr(layout.title_from - 1, 1) == "\"" ||
                                 text.substr(0, layout.title_from).ends_with("\u201C"));
  std::size_t title_end;
  std::size_t tail_from;
  if (quoted) {
    const std::size_t close =
        text.find(text[layout.title_from - 1] == '"' ? "\"" : "\u201D", layout.title_from);
    if (close == std::string_view::npos) return;
    title_end = close;
    tail_from = close + (text[close] == '"' ? 1 : 3);
    while (tail_from < text.size() && (text[tail_from] == ',' || is_space(text[tail_from]))) {
      ++tail_from;
    }
  } else if (layout.title_end != std::string_view::npos) {
    title_end = layout.title_end;
    tail_from = title_end + 2;  // past ", "
  } else {
    if (layout.title_from >= text.size()) return;
    const std::size_t end = sentence_end(text, layout.title_from);
    if (end == std::string_view::npos) return;
    title_end = text[end] == '.' ? end : end + 1;
    tail_from = end + 1;
  }
  ref.title = non_empty(text.substr(layout.title_from, title_end - layout.title_from));
  if (tail_from < text.size()) parse_source(text.substr(tail_from), ref);
}

}  // namespace

bool is_reference_heading(std::string_view text) {
  constexpr std::size_t kMaxChars = 40;
  text = trim(text);
  if (text.size() > kMaxChars) return false;
  // "7 References", "VII. REFERENCES", "References:"
  const std::size_t first = text.find(' ');
  if (first != std::string_view::npos &&
      text.substr(0, first).find_first_not_of("0123456789.IVXivx") == std::string_view::npos) {
    text.remove_prefix(first + 1);
  }
  while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
  // Compared without spaces: letter-spaced small capitals print "R EFERENCES".
  static constexpr std::array<std::string_view, 17> kHeadings = {"references",
                                                                 "bibliography",
                                                                 "literaturecited",
                                                                 "workscited",
                                                                 "referencescited",
                                                                 "referencelist",
                                                                 "citedliterature",
                                                                 "literatur",
                                                                 "literaturverzeichnis",
                                                                 "bibliographie",
                                                                 "bibliograf\u00EDa",
                                                                 "refer\u00EAncias",
                                                                 "referencias",
                                                                 "r\u00E9f\u00E9rences",
                                                                 "riferimentibibliografici",
                                                                 "referencesandnotes",
                                                                 "notesandreferences"};
  std::string lower;
  for (const char c : detail::to_lower_ascii(text)) {
    if (c != ' ') lower += c;
  }
  // Capital accented letters the ASCII fold leaves: "RÉFÉRENCES".
  for (std::size_t at = lower.find("\u00C9"); at != std::string::npos; at = lower.find("\u00C9")) {
    lower.replace(at, 2, "\u00E9");
  }
  return std::find(kHeadings.begin(), kHeadings.end(), lower) != kHeadings.end();
}

bool starts_reference(std::string_view text) {
  text = trim(text);
  return label_at(text, 0).kind != LabelKind::None || starts_with_author(text) ||
         names_before_year(text);
}

std::vector<std::string> split_reference_list(std::string_view text) {
  text = trim(text);
  std::vector<std::string> out;
  const Label first = label_at(text, 0);
  std::size_t start = 0;
  const auto cut = [&](std::size_t at) {
    const std::string_view piece = trim(text.substr(start, at - start));
    if (!piece.empty()) out.emplace_back(piece);
    start = at;
  };
  if (first.kind != LabelKind::None && numeric(first)) {
    // Numbered: the next label is the next number, of the same form, after a space.
    long expected = std::stol(first.text) + 1;
    for (std::size_t i = first.end; i < text.size(); ++i) {
      if (!is_space(text[i - 1]) || (!is_digit(text[i]) && text[i] != '[' && text[i] != '(')) {
        continue;
      }
      const Label next = label_at(text, i);
      // "See [6] and [7]" cites; a reference after its label opens with a name.
      if (next.kind != first.kind || !numeric(next) || !upper_at(text, next.end)) continue;
      // Out of sequence (a list whose columns were read out of order), a label still
      // opens a reference when it follows a finished one and an author's name follows it.
      const bool in_sequence = std::stol(next.text) == expected;
      if (!in_sequence && !(text.substr(0, i).ends_with(". ") &&
                            starts_with_author(text.substr(next.end, kMaxRegexChars)))) {
        continue;
      }
      // "... vol. 13. The" inside a reference: a dotted or bare label follows the
      // end of the previous reference, not a comma or colon.
      const std::string_view before = trim(text.substr(start, i - start));
      if (!before.empty() && (before.back() == ',' || before.back() == ':' || before.back() == ';'))
        continue;
      cut(i);
      expected = std::stol(next.text) + 1;
      i = next.end;
    }
  } else if (first.kind == LabelKind::Bracket) {
    // Keys "[Smi17]": each bracketed key after a space that opens a reference.
    for (std::size_t i = first.end; i < text.size(); ++i) {
      if (text[i] != '[' || !is_space(text[i - 1])) continue;
      const Label next = label_at(text, i);
      if (next.kind == LabelKind::Bracket && !numeric(next) && upper_at(text, i + 1)) cut(i);
    }
  } else {
    // Author-year: a new reference starts with an author's name right after the end
    // of one that has had its year.
    // The year is looked for in what was not yet scanned, so a long list costs one pass.
    bool year = false;
    std::size_t scanned = 0;
    for (std::size_t i = 2; i < text.size(); ++i) {
      if (!is_space(text[i - 1]) || text[i - 2] != '.') continue;
      if (!year) {
        const std::size_t from = std::max(start, scanned > 5 ? scanned - 5 : 0);
        year = find_year(text.substr(from, i - from)).pos != std::string_view::npos;
        scanned = i;
      }
      const std::string_view rest = text.substr(i, kMaxRegexChars);
      if (year && (starts_with_author(rest) || names_before_year(rest))) {
        cut(i);
        year = false;
      }
    }
  }
  cut(text.size());
  return out;
}

Reference parse_reference(std::string_view printed) {
  Reference ref;
  std::string text = detail::collapse_whitespace(printed);
  const Label label = label_at(text, 0);
  if (label.kind != LabelKind::None) {
    ref.label = label.text;
    text.erase(0, label.end);
  }
  ref.text = text;
  if (text.size() <= kMaxReferenceChars) parse_fields(text, ref);
  return ref;
}

}  // namespace galley
