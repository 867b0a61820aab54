// Bylines: who wrote the article, as printed under its title.
//
// parse_byline reads one line: an optional marker ("By", "Written by", "Par", "Por",
// "// ", "Texte par"), names separated by commas and "and", then affiliations ("Jane
// Doe, Reuters", "Jane Doe | Staff Writer") that are kept in the printed text but are
// not authors. What decorates the names goes first: social handles ("@janedoe"),
// affiliation markers ("Jane Doe1,2, John Roe3*", "Jane Doe a, b") and list numbers
// ("1. Jane Doe 2. John Roe").
// A name is one to five capitalised words (particles such as "van der" and "de la"
// aside); sentences, headings ("The Russian Economy"), prompts ("Read more") and
// lines with digits or sentence punctuation are not bylines. Without a marker the
// rules are stricter: at least two words per name and at most eight in all.
#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include <galley/recover.hpp>

#include "detail/inlines.hpp"
#include "detail/letters.hpp"
#include "detail/markers.hpp"
#include "detail/names.hpp"
#include "detail/prose.hpp"
#include "detail/text.hpp"
#include "passes/date_scan.hpp"

namespace galley {
namespace {

using detail::to_lower_ascii;
using detail::trim;

// Words that appear in headings, prompts and sentences but not in people's names.
constexpr std::string_view kNotNames =
    " the a an of in on at for to from with this that these those our your my its his her "
    "their is are was were be been has have had it we you they i not no more read share "
    "article articles contact us about home menu search subscribe follow comments comment "
    "related latest top new all rights reserved copyright page chapter section part note "
    "photo image video updated published posted advertisement sign print email next previous "
    "click here view continue monday tuesday wednesday thursday friday saturday sunday ";

// Words that make a comma- or bar-separated part an affiliation, not a person.
constexpr std::string_view kAffiliationWords =
    " press news reuters staff writer writers reporter reporters correspondent editor editors "
    "contributor columnist times post journal agency bureau service wire desk daily herald "
    "tribune media network bbc afp ap upi bloomberg magazine university institute minister "
    "president secretary professor director team guardian telegraph observer independent "
    "associated online ";

// Degrees and credentials printed after a name: "Jane Doe, MA".
constexpr std::string_view kCredentials = " ma md phd mph rn mba msc bsc dds jd dphil ";

bool is_credential(std::string_view part) {
  std::string letters;
  for (const char c : part) {
    if (c != '.') letters += c;
  }
  return detail::in_word_list(kCredentials, to_lower_ascii(letters));
}

// Markers before the names, longest first so "written by" wins over "by". Japanese and
// Chinese credits put a label before the name, with or without a space: 著者 (author),
// 投稿者 (posted by), 記者 (reporter), 作者 and 撰文 (written by), 執筆 (writing), and
// 文 (text) joined to the name by a mark ("文●", "文・", "文／").
constexpr std::string_view kMarkers[] = {
    "written by", "reporting by", "posted by", "story by", "words by", "text by",
    "authors:",   "author:",      "by",        "par",      "por",      "//",
    "投稿者",     "著者",         "記者",      "作者",     "撰文",     "執筆",
    "文●",        "文・",         "文／",      "文/"};
// Markers that also begin names or sentences ("Von Miller", "Door hinges", "Di Maio"):
// after them every name needs two words.
constexpr std::string_view kStrictMarkers[] = {"von", "door", "di"};

// What the byline of a piece of writing may say before a marker in mid-line: "Texte
// par", "Reportagem por", "Story and photos by", "Ein Bericht von": the work (one word
// of kWorks at least), the photographs and joining words, in the readers' languages.
constexpr std::string_view kWorks =
    " text texte texto testo tekst story words reporting report reportage reportagem "
    "reportaje reportaggio article artigo artículo articulo articolo artikel interview "
    "entrevista intervista analysis analyse análise análisis column chronique crónica crônica "
    "cronaca opinion commentary review essay bericht ";
constexpr std::string_view kWorkCompanions =
    " photos photo photographs fotos foto and et e y und en ed ein eine un une una uma ";
constexpr std::string_view kMidLineMarkers[] = {"by", "par", "por", "von", "door", "di"};

// Characters a list of names never holds (sentence punctuation, digits, symbols).
constexpr std::string_view kNotInNames = "0123456789?!;:\"()[]{}<>@#$%*=+_~/\\";

// Splits on any of `separators` (each a string), trimming the parts.
std::vector<std::string_view> split_any(std::string_view text,
                                        std::initializer_list<std::string_view> separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto sep = std::find_if(separators.begin(), separators.end(), [&](std::string_view s) {
      return text.substr(pos, s.size()) == s ||
             (s == " and " && to_lower_ascii(text.substr(pos, s.size())) == s);
    });
    if (sep == separators.end()) {
      ++pos;
      continue;
    }
    parts.push_back(trim(text.substr(start, pos - start)));
    pos += sep->size();
    start = pos;
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

// The names of one comma-separated part: "A and B", "and C" after an Oxford comma.
std::vector<std::string_view> split_conjunctions(std::string_view part) {
  static constexpr std::string_view kConjunctions[] = {"and ", "& ", "et ", "und "};
  for (const std::string_view conjunction : kConjunctions) {
    if (detail::starts_with_icase(part, conjunction)) part.remove_prefix(conjunction.size());
  }
  return split_any(part, {" and ", " & ", " et ", " und "});
}

enum class WordKind { Invalid, Particle, Name };

// Initials ("J.", "J.R.") and abbreviations that end with a dot inside a name.
bool dotted_word_ok(std::string_view word) {
  constexpr std::string_view kAbbreviations = " jr. sr. st. dr. mr. mrs. ms. ";
  if (detail::in_word_list(kAbbreviations, to_lower_ascii(word))) return true;
  std::size_t letters_since_dot = 0;
  std::size_t pos = 0;
  while (pos < word.size()) {
    const char32_t cp = detail::next_code_point(word, pos);
    if (cp == '.') {
      if (letters_since_dot != 1) return false;
      letters_since_dot = 0;
    } else {
      ++letters_since_dot;
    }
  }
  return letters_since_dot == 0;
}

WordKind classify_word(std::string_view word) {
  const std::string lower = to_lower_ascii(word);
  if (detail::is_name_particle(lower)) return WordKind::Particle;
  if (detail::in_word_list(kNotNames, lower) || detail::in_word_list(kAffiliationWords, lower))
    return WordKind::Invalid;
  bool dotted = false;
  std::size_t pos = 0;
  char32_t previous = 0;
  char32_t first = 0;
  bool capital_after_prefix = false;  // d'Alembert, al-Assad
  int humps = 0;                      // capitals after small letters: McDonald has one
  while (pos < word.size()) {
    const char32_t cp = detail::next_code_point(word, pos);
    const bool joiner = cp == '\'' || cp == 0x2019 || cp == '-';
    if (!detail::is_letter(cp) && !joiner && cp != '.') return WordKind::Invalid;
    if (first == 0 && !detail::is_letter(cp)) return WordKind::Invalid;
    if (first == 0) first = cp;
    if ((previous == '\'' || previous == 0x2019 || previous == '-') &&
        detail::is_upper_letter(cp)) {
      capital_after_prefix = true;
    }
    if (detail::is_lower_letter(previous) && detail::is_upper_letter(cp)) ++humps;
    dotted = dotted || cp == '.';
    previous = cp;
  }
  // A user name run together in camel case ("AMournfulHowlInTheNight"), not a name.
  constexpr int kMaxHumps = 2;
  if (humps > kMaxHumps) return WordKind::Invalid;
  if (dotted && !dotted_word_ok(word)) return WordKind::Invalid;
  if (detail::is_lower_letter(first) && !capital_after_prefix) return WordKind::Invalid;
  return WordKind::Name;
}

// One person's name; `marked` (a "By" before it) allows a single word.
bool is_person(std::string_view text, bool marked) {
  const auto words = detail::split_whitespace(text);
  if (words.empty() || words.size() > 7) return false;
  std::size_t names = 0;
  for (const std::string_view word : words) {
    const WordKind kind = classify_word(word);
    if (kind == WordKind::Invalid) return false;
    if (kind == WordKind::Name) ++names;
  }
  if (classify_word(words.back()) == WordKind::Particle) return false;
  return names >= (marked ? 1u : 2u) && names <= 5;
}

bool is_affiliation(std::string_view text) {
  const auto words = detail::split_whitespace(text);
  return !words.empty() && words.size() <= 6 &&
         text.find_first_of("?!;\"") == std::string_view::npos;
}

struct Names {
  std::vector<Person> people;
  bool affiliated = false;
};

// "A, B and C", "Jane Doe, Reuters", "Jane Doe and John Roe": the first name must
// be a person; later parts are people when they read as names, else affiliations.
// Names come first: after an affiliation ("Jane Doe, Senior Technologist, ACLU
// Speech, Privacy, and Technology Project") the rest describes her.
std::optional<Names> split_names(std::string_view text, bool marked) {
  Names names;
  bool described = false;
  for (const std::string_view comp : split_any(text, {","})) {
    for (const std::string_view part : split_conjunctions(comp)) {
      if (part.empty()) continue;
      if (!names.people.empty() && is_credential(part)) {
        names.affiliated = true;
      } else if (!described && is_person(part, marked)) {
        names.people.push_back(Person{std::string(part)});
      } else if (!names.people.empty() && is_affiliation(part)) {
        names.affiliated = true;
        described = true;
      } else {
        return std::nullopt;
      }
    }
  }
  if (names.people.empty()) return std::nullopt;
  return names;
}

enum class Marker {
  None,
  Loose,   ///< "By": a name may be one word ("By Madonna")
  Strict,  ///< "Von": every name has two words at least
};

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";

// Whether a marker ends with a letter, so that a word ends with it. The katakana
// middle dot (文・) is a mark here, though names are spelt with it (ジョン・スミス).
bool ends_with_letter(std::string_view word) {
  std::size_t pos = word.size();
  while (pos > 0 && (static_cast<unsigned char>(word[pos - 1]) & 0xC0) == 0x80) --pos;
  if (pos == 0) return false;
  --pos;
  const char32_t last = detail::next_code_point(word, pos);
  return detail::is_letter(last) && last != U'\u30FB';
}

// The marker `text` starts with, removed with a colon after it ("By ", "Written by: ").
Marker strip_leading_marker(std::string_view& text) {
  for (const bool strict : {false, true}) {
    const std::span<const std::string_view> markers =
        strict ? std::span<const std::string_view>(kStrictMarkers) : kMarkers;
    for (const std::string_view marker : markers) {
      if (!detail::starts_with_icase(text, marker) || text.size() <= marker.size()) continue;
      std::string_view rest = text.substr(marker.size());
      // A marker that is a word ends where a space or a colon follows: "By ", "著者 ",
      // not "Byron" or 著者一覧 (list of authors).
      const bool colon = rest.starts_with(':') || rest.starts_with(kFullWidthColon);
      if (ends_with_letter(marker) && !rest.starts_with(' ') && !colon) continue;
      rest = trim(rest);
      if (rest.starts_with(':')) rest = trim(rest.substr(1));
      if (rest.starts_with(kFullWidthColon)) rest = trim(rest.substr(kFullWidthColon.size()));
      // "Von der Leyen ...": a name after the marker opens with a capitalised word.
      if (strict && (rest.empty() ||
                     classify_word(detail::split_whitespace(rest).front()) != WordKind::Name)) {
        continue;
      }
      text = rest;
      return strict ? Marker::Strict : Marker::Loose;
    }
  }
  return Marker::None;
}

// A marker after words naming the work: "Texte Par Jean Dupont", "Reportagem Por Ana
// Silva", "Story and photos by Jane Doe"; the text is cut to the names.
Marker strip_mid_line_marker(std::string_view& text) {
  constexpr std::size_t kMaxPrefixWords = 4;
  const std::string lower = to_lower_ascii(text);
  std::size_t best = std::string::npos;
  std::size_t length = 0;
  for (const std::string_view marker : kMidLineMarkers) {
    const std::size_t at = lower.find(" " + std::string(marker) + " ");
    if (at < best) {
      best = at;
      length = marker.size() + 2;
    }
  }
  if (best == std::string::npos) return Marker::None;
  const auto prefix = detail::split_whitespace(std::string_view(lower).substr(0, best));
  if (prefix.empty() || prefix.size() > kMaxPrefixWords) return Marker::None;
  bool work = false;
  for (const std::string_view word : prefix) {
    if (detail::in_word_list(kWorks, word)) {
      work = true;
    } else if (!detail::in_word_list(kWorkCompanions, word)) {
      return Marker::None;
    }
  }
  if (!work) return Marker::None;
  text = trim(text.substr(best + length));
  return Marker::Loose;
}

// Removes the marker ("By ", "Written by: ", "Texte par ").
Marker strip_marker(std::string_view& text) {
  if (const Marker marker = strip_leading_marker(text); marker != Marker::None) return marker;
  return strip_mid_line_marker(text);
}

// Trims what joins a byline to its date: "By X | 30 Jan 2022", "By X, on 30 Jan 2022".
std::string_view trim_separators(std::string_view text) {
  static constexpr std::string_view kJoiners[] = {
      ",", "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xB7", " on", " published", " updated"};
  for (bool changed = true; changed;) {
    changed = false;
    text = trim(text);
    for (const std::string_view joiner : kJoiners) {
      if (text.size() >= joiner.size() &&
          to_lower_ascii(text.substr(text.size() - joiner.size())) == joiner) {
        text.remove_suffix(joiner.size());
        changed = true;
      }
      if (joiner.front() != ' ' && text.starts_with(joiner)) {
        text.remove_prefix(joiner.size());
        changed = true;
      }
    }
  }
  return text;
}

// The byline without its marker and without a date written into it.
std::string without_date(std::string_view text) {
  const auto span = detail::find_date_span(text, DateOrder::Auto);
  if (!span) return std::string(text);
  const std::string_view head = trim_separators(text.substr(0, span->begin));
  const std::string_view tail = trim_separators(text.substr(span->end));
  if (tail.empty() || head.empty()) return std::string(tail.empty() ? head : tail);
  return std::string(head) + " | " + std::string(tail);
}

// A name printed twice, as a web page's author card prints an avatar's caption beside
// the name's link: "Jane Doe Jane Doe", "Jane DoeJane Doe". What the card says after
// the name is kept as `rest`: "Jane Doe Jane Doe 2 hours ago", "... on Feb 24 4 min
// read". Only names of two words or more, and a short rest.
struct DoubledName {
  std::string_view name;
  std::string_view rest;
};

std::optional<DoubledName> doubled_name(std::string_view text) {
  constexpr std::size_t kMaxRestWords = 6;
  for (std::size_t length = text.size() / 2; length > 0; --length) {
    const std::string_view name = text.substr(0, length);
    if (name.back() == ' ' || name.find(' ') == std::string_view::npos) continue;
    std::string_view after = text.substr(length);
    if (after.starts_with(' ')) after.remove_prefix(1);
    if (!after.starts_with(name)) continue;
    const std::string_view rest = after.substr(length);
    if (!rest.empty() && rest.front() != ' ') continue;  // "Jane Doe Jane Does"
    if (detail::word_count(rest) > kMaxRestWords) return std::nullopt;
    return DoubledName{name, trim(rest)};
  }
  return std::nullopt;
}

// After "By Jane Doe" a description of her starting with an article ends the names:
// "By Jane Doe, a deputy editor who covers ...", and so does the section she wrote
// in: "Written by Jane Doe in Linux on 1 June 2019".
std::string_view without_description(std::string_view text) {
  for (const std::string_view start : {", a ", ", an ", ", the ", " in "}) {
    if (const std::size_t at = text.find(start); at != std::string_view::npos) {
      text = text.substr(0, at);
    }
  }
  return text;
}

// Co-authors in parentheses become part of the list: "Jane Doe (with John Roe)",
// "Martin Dupont (avec Anne Roux et Paul Morel)" -> "Jane Doe, John Roe".
std::string with_coauthors(std::string_view text) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos || !text.ends_with(')')) return std::string(text);
  std::string_view inner = text.substr(open + 1, text.size() - open - 2);
  for (const std::string_view word : {"with ", "avec ", "mit ", "con "}) {
    if (detail::starts_with_icase(inner, word)) {
      inner.remove_prefix(word.size());
      return std::string(trim(text.substr(0, open))) + ", " + std::string(trim(inner));
    }
  }
  return std::string(text);
}

// Social handles printed with a name: "Jane Doe @janedoe", "Jane Doe (@jdoe)", "Jane
// Doe | @jdoe"; true when there was one. An e-mail address is not a handle.
bool strip_handles(std::string& text) {
  const auto handle_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  };
  std::string out;
  bool found = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const bool word_start = pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '|';
    const bool opens = text[pos] == '(' && pos + 1 < text.size() && text[pos + 1] == '@';
    const std::size_t at = opens ? pos + 1 : pos;
    std::size_t end = at + 1;
    if (word_start && text[at] == '@') {
      while (end < text.size() && handle_char(text[end])) ++end;
    }
    const bool closed = !opens || (end < text.size() && text[end] == ')');
    if (end == at + 1 || !closed) {
      out += text[pos++];
      continue;
    }
    found = true;
    pos = opens ? end + 1 : end;
  }
  if (found) text = std::string(trim_separators(detail::collapse_whitespace(out)));
  return found;
}

// The end of a run of affiliation markers at `pos` ("1,2", "3*", "†‡"), or `pos` when
// there is none: markers, joined by commas without a space, ending where the name's
// part ends (so "1.5" and "v12b" hold none).
std::size_t marker_run_end(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  for (;;) {
    for (std::size_t next; (next = detail::marker_unit_end(text, end)) != end;) end = next;
    if (end == pos || end + 1 >= text.size() || text[end] != ',' ||
        detail::marker_unit_end(text, end + 1) == end + 1) {
      break;
    }
    ++end;
  }
  if (end < text.size() && std::string_view(" ,;)|&").find(text[end]) == std::string_view::npos) {
    return pos;
  }
  return end;
}

// Affiliation and footnote markers glued to the end of names: "Jane Doe1,2, John
// Smith3*" -> "Jane Doe, John Smith"; "SHARMA†" -> "SHARMA".
std::string without_affiliation_markers(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  char32_t previous = 0;
  while (pos < text.size()) {
    if (detail::is_letter(previous) || previous == '.') {
      if (const std::size_t end = marker_run_end(text, pos); end != pos) {
        pos = end;
        continue;
      }
    }
    const std::size_t begin = pos;
    previous = detail::next_code_point(text, pos);
    out += text.substr(begin, pos - begin);
  }
  return out;
}

// Affiliations printed as superscript letters that the text carries as lower-case
// letters after the name: "Jane Doe a, b, John Smith c" -> "Jane Doe, John Smith".
std::string without_letter_markers(std::string_view text) {
  const auto single_letter = [](std::string_view word) {
    return word.size() == 1 && word[0] >= 'a' && word[0] <= 'z';
  };
  std::string out;
  bool changed = false;
  for (const std::string_view part : split_any(text, {","})) {
    auto words = detail::split_whitespace(part);
    const std::size_t all = words.size();
    while (words.size() > (all > 1 ? 1u : 0u) && single_letter(words.back())) words.pop_back();
    if (all > 1 && words.size() == 1 && single_letter(words.front())) words.clear();
    changed = changed || words.size() != all;
    if (words.empty() && all > 0) continue;
    std::string joined;
    for (const std::string_view word : words) {
      joined += (joined.empty() ? "" : " ") + std::string(word);
    }
    out += (out.empty() ? "" : ", ") + joined;
  }
  return changed ? out : std::string(text);
}

// A numbered list of two names or more, "1. Jane Doe 2. John Roe" or "1. Jane Doe,
// 2. John Roe" -> "Jane Doe, John Roe"; other text as it is ("1. Jane Doe" alone
// may be any list's first item).
std::string without_list_numbers(std::string_view text) {
  if (!text.starts_with("1. ")) return std::string(text);
  std::string out;
  int next = 1;
  for (const std::string_view word : detail::split_whitespace(text)) {
    if (word == std::to_string(next) + ".") {
      if (next > 1 && !out.empty() && !out.ends_with(',')) out += ',';
      ++next;
      continue;
    }
    if (word.size() >= 2 && word.back() == '.' &&
        std::all_of(word.begin(), word.end() - 1,
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      return std::string(text);  // out of sequence
    }
    out += (out.empty() ? "" : " ") + std::string(word);
  }
  return next >= 3 ? out : std::string(text);
}

// The names without what decorates them: affiliation markers, superscript letters,
// list numbers.
std::string without_decorations(std::string_view text) {
  return without_letter_markers(without_list_numbers(without_affiliation_markers(text)));
}

// A credit wrapped whole in brackets, as Japanese and Chinese sites print it:
// "[田中宏昌，ITmedia]", "《KT》", "【文・山田太郎】".
std::string_view unwrapped(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"[", "]"},
      {"\xE3\x80\x8A", "\xE3\x80\x8B"},   // 《 》
      {"\xE3\x80\x90", "\xE3\x80\x91"},   // 【 】
      {"\xEF\xBC\xBB", "\xEF\xBC\xBD"}};  // ［ ］
  for (const auto& [open, close] : kBrackets) {
    if (text.size() > open.size() + close.size() && text.starts_with(open) &&
        text.ends_with(close)) {
      return trim(text.substr(open.size(), text.size() - open.size() - close.size()));
    }
  }
  return text;
}

// Full-width separators as their ASCII kin: "田中宏昌，ITmedia" (comma), "オカモト／
// ASCII編集部" (slash before the desk), and a credit for other work set apart as an
// affiliation is: "お米ゴハン イラスト 汐街コナ" -> "お米ゴハン | イラスト 汐街コナ".
std::string with_ascii_separators(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kSeparators[] = {
      {"\xEF\xBC\x8C", ", "},  // ，
      {"\xE3\x80\x81", ", "},  // 、
      {"\xEF\xBC\x8F", " | "}  // ／
  };
  std::string out;
  for (const std::string_view word : detail::split_whitespace(text)) {
    if (!out.empty()) out += detail::is_other_credit(word) ? " | " : " ";
    out += word;
  }
  for (const auto& [wide, ascii] : kSeparators) detail::replace_all(out, wide, ascii);
  return detail::collapse_whitespace(out);
}

}  // namespace

std::optional<Byline> parse_byline(std::string_view line) {
  std::string collapsed(unwrapped(detail::collapse_whitespace(line)));
  if (collapsed.empty() || collapsed.size() > 200) return std::nullopt;
  const bool handle = strip_handles(collapsed);
  std::string_view text = collapsed;
  const Marker marker = strip_marker(text);
  const bool marked = marker != Marker::None;
  const auto doubled = doubled_name(text);
  if (doubled) text = doubled->name;
  if (marked) text = without_description(text);
  std::string printed =
      without_decorations(without_date(with_coauthors(with_ascii_separators(text))));
  const auto segments = split_any(
      printed, {"|", "\xC2\xB7", "\xE2\x80\xA2", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "});
  // The names come first, or after the one word of a section's label: "Politik ·
  // Jochen Bittner, Tina Hildebrandt".
  std::size_t names_at = 0;
  if (segments.size() > 1 && detail::word_count(segments[0]) == 1 &&
      !split_names(segments[0], marker == Marker::Loose)) {
    names_at = 1;
  }
  const std::string_view names_part = segments[names_at];
  if (names_part.empty() || names_part.find_first_of(kNotInNames) != std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t limit = marked ? 12 : 8;
  if (detail::word_count(names_part) > limit + 2) return std::nullopt;  // "and"s aside
  for (std::size_t s = 0; s < segments.size(); ++s) {
    if (s != names_at && !is_affiliation(segments[s])) return std::nullopt;
  }
  auto names = split_names(names_part, marker == Marker::Loose);
  if (!names) return std::nullopt;
  std::size_t name_words = 0;
  for (const Person& person : names->people) name_words += detail::word_count(person.name);
  if (name_words > limit) return std::nullopt;
  const bool affiliated = names->affiliated || segments.size() > 1;
  if (doubled && !doubled->rest.empty()) {
    const std::string rest = without_date(doubled->rest);
    if (!rest.empty()) printed += " \xC2\xB7 " + rest;
  }
  return Byline{printed, std::move(names->people), marked || affiliated || doubled || handle};
}

std::vector<Person> split_authors(std::string_view byline) {
  std::string collapsed(unwrapped(detail::collapse_whitespace(byline)));
  strip_handles(collapsed);
  std::string_view text = collapsed;
  strip_marker(text);
  const std::string printed = without_decorations(without_date(with_ascii_separators(text)));
  const auto segments = split_any(printed, {"|", "\xC2\xB7", "\xE2\x80\xA2"});
  auto names = split_names(segments.front(), true);
  return names ? std::move(names->people) : std::vector<Person>{};
}

std::vector<Person> split_author_list(std::string_view line) {
  constexpr std::size_t kMaxChars = 400;
  if (line.size() > kMaxChars) return {};
  std::string collapsed = detail::collapse_whitespace(line);
  std::string_view text = collapsed;
  strip_marker(text);
  const std::string names = without_decorations(text);
  std::vector<Person> people;
  for (const std::string_view comp : split_any(names, {",", ";"})) {
    for (const std::string_view part : split_conjunctions(comp)) {
      if (part.empty()) continue;
      if (part.find_first_of(kNotInNames) != std::string_view::npos || !is_person(part, false)) {
        return {};
      }
      people.push_back(Person{std::string(part)});
    }
  }
  return people;
}

}  // namespace galley

namespace galley {
namespace {

// What the lines of one block under the title say.
struct BylineBlock {
  std::optional<Byline> byline;
  std::optional<detail::DateSpan> date;
  bool emphasized = false;  // the byline line is set in bold or italics
  bool bare() const { return byline && !byline->marked && !emphasized && !date; }
};

// A line wholly inside one Strong or Emphasis: "**Maria Keller**".
bool is_emphasized(const Inlines& line) {
  return line.size() == 1 && (std::holds_alternative<Strong>(line.front().node) ||
                              std::holds_alternative<Emphasis>(line.front().node));
}

// The block's lines when every one is a byline or a date line, else nullopt.
std::optional<BylineBlock> read_byline_block(const Block& block, DateOrder order) {
  const auto* paragraph = std::get_if<Paragraph>(&block.node);
  if (!paragraph) return std::nullopt;
  BylineBlock found;
  for (Inlines& line : detail::split_lines(paragraph->inlines)) {
    detail::normalize_inlines(line);
    const std::string text = plain_text(line);
    if (text.empty()) continue;
    if (auto date = detail::parse_date_span(trim_separators(text), order)) {
      if (!found.date) found.date = std::move(date);
      continue;
    }
    auto byline = parse_byline(text);
    if (!byline || found.byline) return std::nullopt;
    found.byline = std::move(byline);
    found.emphasized = is_emphasized(line);
    if (!found.date) found.date = detail::find_date_span(text, order);
  }
  if (!found.byline && !found.date) return std::nullopt;
  return found;
}

void fill(Metadata& metadata, const BylineBlock& found) {
  if (found.byline && !metadata.byline) {
    metadata.byline = found.byline->text;
    if (metadata.authors.empty()) metadata.authors = found.byline->authors;
  }
  if (found.date && !metadata.date) {
    // A datetime without a date is one known to the month or year only (a paper's
    // meeting or copyright line), which the day found replaces.
    metadata.date = found.date->date;
    metadata.datetime = found.date->datetime;
  }
}

}  // namespace

// Bylines and dates sit in the first blocks under the title, possibly after a
// subtitle heading or a short standfirst; a long paragraph means the text has begun.
// A bare name line ("Maria Keller") counts only with evidence: bold or italics, a
// date in the same block or in the block next to it (fixtures/text/seed).
void recover_byline_and_date(Article& article, const RecoverOptions& options, Diagnostics&) {
  constexpr std::size_t kLookahead = 4;
  constexpr std::size_t kLongParagraphWords = 30;
  std::vector<std::optional<BylineBlock>> found;
  for (const Block& block : article.body) {
    if (found.size() == kLookahead) break;
    found.push_back(read_byline_block(block, options.date_order));
    if (!found.back() && detail::word_count(plain_text(block)) >= kLongParagraphWords) break;
  }
  const auto date_only = [&](std::size_t i) {
    return i < found.size() && found[i] && !found[i]->byline;
  };
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i] && found[i]->bare() && !date_only(i + 1) && !(i > 0 && date_only(i - 1))) {
      found[i].reset();
    }
  }
  for (std::size_t i = found.size(); i-- > 0;) {
    if (!found[i]) continue;
    article.body.erase(article.body.begin() + static_cast<std::ptrdiff_t>(i));
  }
  // A marked byline ("by Jane Doe") wins over a bold label above it ("Tech Industry").
  for (const auto& block : found) {
    if (block && block->byline && block->byline->marked) fill(article.metadata, *block);
  }
  for (const auto& block : found) {
    if (block) fill(article.metadata, *block);
  }
}

}  // namespace galley
