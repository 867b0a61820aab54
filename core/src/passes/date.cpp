// Dates in the common forms news sites and papers print, in English, in the Western
// European languages whose dates are written the same way (French, German, Spanish,
// Portuguese, Italian, Dutch) and Russian, and the year-first forms of Korean,
// Hungarian, Chinese and Japanese.
//
// The text is cut into tokens (numbers, words of Latin letters, single symbols, each
// knowing whether whitespace precedes it) and a handful of token patterns are tried:
//   day month year      30 January 2022, 30th of Jan. 2022, 3. März 2021,
//                       12 de enero de 2020, 1er janvier 2020, 21.dez.2018, 30-Jan-2022
//   month day year      January 30, 2022, Sept 3 2021 (other languages: Juli 12, 2017)
//   year-month-day      2022-01-30, 2022/01/30 (optionally with a time: T10:00:00Z),
//                       2023.11.02., 2020. 06. 04., 2020年07月03日
//   numeric d/m/y       30/01/2022, 01/30/2022, 30.01.2022, 30-01-2022, 4. 2. 2022
// each optionally followed by a time ("10:15 GMT", "at 3:05 pm", "às 12h55", "um
// 10:15 Uhr"). Month and weekday names are compared with accents folded ("März" is
// "marz", "août" is "aout"); a month may be abbreviated to any three or four first
// letters that name no other month ("Sept", "janv.", "dez"). Years must have four
// digits and lie in 1800..2199 (publication dates), and the calendar must allow the
// day, so "31 February 2022" and "Page 3 of 7" are not dates. find_month_year reads a
// month and year with any days between ("June 23-25 2014"), as proceedings print a
// meeting's dates.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <span>
#include <vector>

#include <galley/recover.hpp>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "passes/date_scan.hpp"

namespace galley {
namespace detail {
namespace {

using namespace std::chrono;

enum class Kind { Number, Word, Symbol };

struct Token {
  Kind kind;
  std::string_view text;
  std::size_t begin;
  std::size_t end;
  bool spaced;  // whitespace (or the start of text) precedes it
};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Letters of month and weekday names: ASCII, Latin-1, Latin Extended-A and Cyrillic.
// Other scripts stay symbols, so "2022年" keeps reading as a year followed by a sign.
bool is_latin_letter(char32_t cp) noexcept {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         (cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x400 && cp <= 0x4FF);
}

bool is_space_code_point(char32_t cp) noexcept {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool spaced = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t begin = pos;
    Kind kind = Kind::Symbol;
    if (is_digit(text[pos])) {
      kind = Kind::Number;
      while (pos < text.size() && is_digit(text[pos])) ++pos;
    } else if (const char32_t cp = next_code_point(text, pos); is_latin_letter(cp)) {
      kind = Kind::Word;
      for (std::size_t next = pos;
           next < text.size() && is_latin_letter(next_code_point(text, next)); next = pos) {
        pos = next;
      }
    } else if (is_space_code_point(cp)) {
      spaced = true;
      continue;
    }
    tokens.push_back({kind, text.substr(begin, pos - begin), begin, pos, spaced});
    spaced = false;
  }
  return tokens;
}

// A word in lower-case ASCII with its accents dropped ("März" -> "marz", "às" -> "as");
// letters without an ASCII base ("ß", "ł") stay as they are, so match no name.
std::string fold(std::string_view word) {
  // The ASCII letter of each code point U+00C0..U+00FF, '*' where there is none.
  static constexpr std::string_view kLatin1 =
      "aaaaaaaceeeeiiii*nooooo*ouuuuy**aaaaaaaceeeeiiii*nooooo*ouuuuy*y";
  std::string out;
  out.reserve(word.size());
  std::size_t pos = 0;
  while (pos < word.size()) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(word, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '*') {
      out += kLatin1[cp - 0xC0];
    } else if (cp >= 0x410 && cp <= 0x42F) {  // Cyrillic capitals: А..Я to а..я
      const char32_t lower = cp + 0x20;
      out += static_cast<char>(0xC0 | (lower >> 6));
      out += static_cast<char>(0x80 | (lower & 0x3F));
    } else {
      out += word.substr(begin, pos - begin);
    }
  }
  return out;
}

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// The month names of French, German, Spanish, Portuguese, Italian, Dutch and Russian
// (in the nominative and the genitive a date uses, "15 августа"), folded (see fold),
// each list space-separated and padded; German also spells März "Maerz", Austrian
// German January "Jänner", Spanish September "setiembre".
constexpr std::array<std::string_view, 12> kForeignMonths = {
    " janvier januar janner enero janeiro gennaio januari январь января ",
    " fevrier februar febrero fevereiro febbraio februari февраль февраля ",
    " mars marz maerz marzo marco maart март марта ",
    " avril abril aprile апрель апреля ",
    " mai mayo maio maggio mei май мая ",
    " juin juni junio junho giugno июнь июня ",
    " juillet juli julio julho luglio июль июля ",
    " aout agosto augustus август августа ",
    " septembre septiembre setiembre setembro settembre сентябрь сентября ",
    " octobre oktober octubre outubro ottobre октябрь октября ",
    " novembre noviembre novembro ноябрь ноября ",
    " decembre dezember diciembre dezembro dicembre декабрь декабря ",
};
// Abbreviations that are not the first letters of a name: German "Mrz", Dutch "mrt".
constexpr std::array<std::pair<std::string_view, unsigned>, 2> kOtherAbbreviations = {
    {{"mrz", 3}, {"mrt", 3}}};

// Weekdays of the same languages, folded; Portuguese adds "-feira" ("segunda-feira").
constexpr std::string_view kForeignWeekdays =
    " lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag "
    "freitag samstag sonnabend sonntag lunes martes miercoles jueves viernes sabado domingo "
    "segunda terca quarta quinta sexta lunedi martedi mercoledi giovedi venerdi sabato "
    "domenica maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ";

// A full name or an abbreviation of at least three letters ("Sept", "Wed").
bool names(std::string_view full, std::string_view word) {
  const std::string lower = to_lower_ascii(word);
  return lower == full || (lower.size() >= 3 && full.starts_with(lower) &&
                           (lower.size() == 3 || lower == "sept" || lower == "tues" ||
                            lower == "thur" || lower == "thurs"));
}

// The month (1..12) a folded word names in any of the languages: a full name, or
// three or four first letters of names of one month only ("jui" names none).
std::optional<unsigned> any_month(const std::string& folded) {
  for (unsigned m = 0; m < 12; ++m) {
    if (folded == kMonths[m] || detail::in_word_list(kForeignMonths[m], folded)) return m + 1;
  }
  for (const auto& [abbreviation, month] : kOtherAbbreviations) {
    if (folded == abbreviation) return month;
  }
  // Abbreviations of Latin-script names only.
  if ((folded.size() != 3 && folded.size() != 4) ||
      std::any_of(folded.begin(), folded.end(), [](char c) { return (c & 0x80) != 0; })) {
    return std::nullopt;
  }
  const std::string padded = " " + folded;
  std::optional<unsigned> found;
  for (unsigned m = 0; m < 12; ++m) {
    if (!kMonths[m].starts_with(folded) && kForeignMonths[m].find(padded) == std::string::npos) {
      continue;
    }
    if (found) return std::nullopt;
    found = m + 1;
  }
  return found;
}

// A number's value; dates only need small ones, so longer runs are rejected.
int value(const Token& t) {
  int v = 0;
  if (t.text.size() > 6) return -1;
  std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
  return v;
}

class Matcher {
 public:
  Matcher(std::span<const Token> tokens, std::string_view text, DateOrder order)
      : t_(tokens), text_(text), order_(order) {}

  // A date (and any time after it) starting at token i.
  std::optional<DateSpan> date_at(std::size_t i) const {
    std::optional<std::pair<year_month_day, std::size_t>> found;
    for (const auto form : {&Matcher::iso, &Matcher::day_month_year, &Matcher::month_day_year,
                            &Matcher::numeric, &Matcher::year_dotted, &Matcher::cjk}) {
      if ((found = (this->*form)(i))) break;
    }
    if (!found) return std::nullopt;
    DateSpan span{found->first, std::nullopt, t_[i].begin, t_[found->second - 1].end};
    if (auto time = time_at(found->second, found->first)) {
      span.end = t_[time->second - 1].end;
      span.datetime = time->first;
      if (span.datetime->empty())
        span.datetime = std::string(text_.substr(span.begin, span.end - span.begin));
    }
    return span;
  }

  // Tokens that may precede a date in a line that is only a date: "Published on",
  // "Publié le", "Publicado em", "Veröffentlicht am", a weekday.
  std::size_t skip_preamble(std::size_t i) const {
    static constexpr std::string_view kWords =
        " published updated posted last modified first on date dated publie publiee le mis a "
        "jour publicado publicada em el actualizado atualizado veroffentlicht aktualisiert am "
        "stand datum pubblicato aggiornato il gepubliceerd bijgewerkt op ";
    while (i < t_.size()) {
      const bool word = t_[i].kind == Kind::Word && detail::in_word_list(kWords, fold(t_[i].text));
      if (!word && !symbol(i, ':')) break;
      ++i;
    }
    if (i < t_.size() && weekday(i)) {
      ++i;
      if (symbol(i, '-') && adjacent(i) && word(i + 1, "feira") && adjacent(i + 1)) i += 2;
      if (symbol(i, '.') && !t_[i].spaced) ++i;
      if (symbol(i, ',')) ++i;
    }
    return i;
  }

  bool symbol(std::size_t i, char c) const {
    return i < t_.size() && t_[i].kind == Kind::Symbol && t_[i].text.size() == 1 &&
           t_[i].text[0] == c;
  }

  // A month and year starting at token i, with the day or the days of a range printed
  // before the month or between it and the year: "June 2014", "June 23-25 2014",
  // "September 13-17, 2010", "6–11 June 2010". Then the index after the year.
  std::optional<std::pair<year_month, std::size_t>> month_year_at(std::size_t i) const {
    const std::size_t before = days(i);
    const auto m = month(before, true);
    if (!m) return std::nullopt;
    std::size_t k = before == i ? days(m->second) : m->second;
    if (symbol(k, ',')) ++k;
    if (!number(k, 4, 4)) return std::nullopt;
    const int y = value(t_[k]);
    if (y < 1800 || y > 2199) return std::nullopt;
    return std::pair{std::chrono::year{y} / std::chrono::month{m->first}, k + 1};
  }

 private:
  bool number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const {
    return i < t_.size() && t_[i].kind == Kind::Number && t_[i].text.size() >= min_digits &&
           t_[i].text.size() <= max_digits;
  }
  bool adjacent(std::size_t i) const { return i < t_.size() && !t_[i].spaced; }
  // A word, folded (see fold), is `lower`.
  bool word(std::size_t i, std::string_view lower) const {
    return i < t_.size() && t_[i].kind == Kind::Word && fold(t_[i].text) == lower;
  }
  bool weekday(std::size_t i) const {
    if (t_[i].kind != Kind::Word) return false;
    return detail::in_word_list(kForeignWeekdays, fold(t_[i].text)) ||
           std::any_of(kWeekdays.begin(), kWeekdays.end(),
                       [&](std::string_view day) { return names(day, t_[i].text); });
  }
  // The month a word names (1..12), then the index after it and an abbreviation's dot.
  // English names only unless `any_language` (month-first dates are English).
  std::optional<std::pair<unsigned, std::size_t>> month(std::size_t i,
                                                        bool any_language = false) const {
    if (i >= t_.size() || t_[i].kind != Kind::Word) return std::nullopt;
    std::optional<unsigned> m;
    for (unsigned n = 0; n < kMonths.size() && !m; ++n) {
      if (names(kMonths[n], t_[i].text)) m = n + 1;
    }
    if (!m && any_language) m = any_month(fold(t_[i].text));
    if (!m) return std::nullopt;
    const std::size_t next = symbol(i + 1, '.') && adjacent(i + 1) ? i + 2 : i + 1;
    return std::pair{*m, next};
  }
  // Past a day or a range of days at i ("23", "23-25", "6–11", "1st"); i when none.
  std::size_t days(std::size_t i) const {
    if (!number(i, 1, 2) || value(t_[i]) < 1 || value(t_[i]) > 31) return i;
    std::size_t k = skip_ordinal(i + 1);
    const bool dash = symbol(k, '-') || (k < t_.size() && t_[k].text == "\u2013");
    if (dash && number(k + 1, 1, 2)) k = skip_ordinal(k + 2);
    return k;
  }
  // 1st, 2nd, 3rd, 30th, French 1er, Portuguese and Spanish 1º: the suffix is its own
  // token, written without a space.
  std::size_t skip_ordinal(std::size_t i) const {
    if (!adjacent(i)) return i;
    if (t_[i].kind == Kind::Symbol) {
      const std::string_view s = t_[i].text;
      return s == "\xC2\xBA" || s == "\xC2\xB0" ? i + 1 : i;  // º °
    }
    if (t_[i].kind != Kind::Word) return i;
    const std::string lower = to_lower_ascii(t_[i].text);
    return lower == "st" || lower == "nd" || lower == "rd" || lower == "th" || lower == "er" ? i + 1
                                                                                             : i;
  }

  static std::optional<year_month_day> make(int y, int m, int d) {
    if (y < 1800 || y > 2199 || m < 1 || d < 1) return std::nullopt;
    const year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
  }

  using Found = std::optional<std::pair<year_month_day, std::size_t>>;
  static Found found(std::optional<year_month_day> date, std::size_t end) {
    if (!date) return std::nullopt;
    return std::pair{*date, end};
  }

  // 2022-01-30, 2022/01/30
  Found iso(std::size_t i) const {
    if (!number(i, 4, 4)) return std::nullopt;
    const bool dash = symbol(i + 1, '-');
    if (!(dash || symbol(i + 1, '/')) || !symbol(i + 3, dash ? '-' : '/')) return std::nullopt;
    for (std::size_t k = i + 1; k <= i + 4; ++k) {
      if (!adjacent(k)) return std::nullopt;
    }
    if (!number(i + 2, 1, 2) || !number(i + 4, 1, 2)) return std::nullopt;
    return found(make(value(t_[i]), value(t_[i + 2]), value(t_[i + 4])), i + 5);
  }

  // 30 January 2022, 30th of January, 2022, 30 Jan. 2022, 3. März 2021, 1er mai 2020,
  // 12 de enero de 2020, 21.dez.2018, 30-Jan-2022
  Found day_month_year(std::size_t i) const {
    if (!number(i, 1, 2)) return std::nullopt;
    std::size_t k = i + 1;
    // 30-Jan-2022, 30/Jan/2022: one separator on either side of the month, no spaces.
    if ((symbol(k, '-') || symbol(k, '/')) && adjacent(k) && adjacent(k + 1)) {
      const auto m = month(k + 1, true);
      const char sep = t_[k].text[0];
      if (!m || m->second != k + 2 || !symbol(k + 2, sep) || !adjacent(k + 2) || !adjacent(k + 3) ||
          !number(k + 3, 4, 4)) {
        return std::nullopt;
      }
      return found(make(value(t_[k + 3]), static_cast<int>(m->first), value(t_[i])), k + 4);
    }
    if (symbol(k, '.') && adjacent(k)) ++k;  // German "3. März", "21.dez.2018"
    k = skip_ordinal(k);
    if (word(k, "of") || word(k, "de")) ++k;
    const auto m = month(k, true);
    if (!m) return std::nullopt;
    k = m->second;
    if (symbol(k, ',') || word(k, "de") || word(k, "del")) ++k;
    if (!number(k, 4, 4)) return std::nullopt;
    return found(make(value(t_[k]), static_cast<int>(m->first), value(t_[i])), k + 1);
  }

  // January 30, 2022, Jan. 30 2022, Sept 3rd, 2021; in another language only with the
  // comma of the English order that a translated site keeps ("Juli 12, 2017").
  Found month_day_year(std::size_t i) const {
    const auto m = month(i, true);
    if (!m || !number(m->second, 1, 2)) return std::nullopt;
    std::size_t k = skip_ordinal(m->second + 1);
    const bool comma = symbol(k, ',');
    if (comma) ++k;
    if (!number(k, 4, 4) || (!comma && !month(i))) return std::nullopt;
    return found(make(value(t_[k]), static_cast<int>(m->first), value(t_[m->second])), k + 1);
  }

  // The year first with dots, as Korean and Hungarian write it: 2023.11.02.,
  // 2020. 06. 04.
  Found year_dotted(std::size_t i) const {
    if (!number(i, 4, 4) || !symbol(i + 1, '.') || !adjacent(i + 1) || !number(i + 2, 1, 2) ||
        !symbol(i + 3, '.') || !adjacent(i + 3) || !number(i + 4, 1, 2)) {
      return std::nullopt;
    }
    const bool spaced = t_[i + 2].spaced;  // the same either way: 2020.06.04 or 2020. 06. 04
    if (t_[i + 4].spaced != spaced) return std::nullopt;
    const std::size_t end = symbol(i + 5, '.') && adjacent(i + 5) ? i + 6 : i + 5;
    return found(make(value(t_[i]), value(t_[i + 2]), value(t_[i + 4])), end);
  }

  // Chinese and Japanese: 2020年07月03日, 2019年3月5日.
  Found cjk(std::size_t i) const {
    const auto sign = [&](std::size_t k, std::string_view text) {
      return k < t_.size() && t_[k].kind == Kind::Symbol && t_[k].text == text && adjacent(k);
    };
    if (!number(i, 4, 4) || !sign(i + 1, "\u5E74") || !number(i + 2, 1, 2) ||
        !sign(i + 3, "\u6708") || !number(i + 4, 1, 2) || !sign(i + 5, "\u65E5")) {
      return std::nullopt;
    }
    return found(make(value(t_[i]), value(t_[i + 2]), value(t_[i + 4])), i + 6);
  }

  // 30/01/2022, 01/30/2022, 30.01.2022, 30-01-2022: one separator, no spaces; with
  // dots, a space after each as Czech and German print it (4. 2. 2022), day first.
  Found numeric(std::size_t i) const {
    if (!number(i, 1, 2) || !number(i + 2, 1, 2) || !number(i + 4, 4, 4)) return std::nullopt;
    const char sep = t_[i + 1].text[0];
    if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
    if (!symbol(i + 1, sep) || !symbol(i + 3, sep)) return std::nullopt;
    if (sep == '.' && adjacent(i + 1) && adjacent(i + 3) && t_[i + 2].spaced && t_[i + 4].spaced) {
      return found(make(value(t_[i + 4]), value(t_[i + 2]), value(t_[i])), i + 5);
    }
    for (std::size_t k = i + 1; k <= i + 4; ++k) {
      if (!adjacent(k)) return std::nullopt;
    }
    const int a = value(t_[i]);
    const int b = value(t_[i + 2]);
    // DateOrder::Auto: a number over 12 can only be the day and decides; otherwise
    // day-first, the order of most of the English-speaking world.
    const bool month_first =
        order_ == DateOrder::MonthFirst || (order_ == DateOrder::Auto && b > 12 && a <= 12);
    return found(make(value(t_[i + 4]), month_first ? a : b, month_first ? b : a), i + 5);
  }

  // A time after a date: "T10:00:00Z", " 10:15 GMT", ", 3:05 pm", " at 10:00 +01:00",
  // "às 12h55", "à 13h36", "um 10:15 Uhr", "a las 10:15", "alle ore 10:15".
  // Returns the ISO 8601 date-time (empty when the zone is a name to keep as found)
  // and the index after the time.
  std::optional<std::pair<std::string, std::size_t>> time_at(std::size_t i,
                                                             year_month_day date) const {
    static constexpr std::string_view kAt = " at a as um om alle ";
    std::size_t k = i;
    if (word(k, "t") && adjacent(k) && adjacent(k + 1)) {
      ++k;
    } else if (symbol(k, ',') || symbol(k, '|') || symbol(k, '-')) {
      ++k;
    } else if (k < t_.size() && t_[k].kind == Kind::Word &&
               detail::in_word_list(kAt, fold(t_[k].text))) {
      ++k;
      if (word(k, "las") || word(k, "ore")) ++k;
    }
    // 10:15, or 12h55 and 13h as French and Portuguese write the hour.
    if (!number(k, 1, 2) || !adjacent(k + 1)) return std::nullopt;
    int hour = value(t_[k]);
    int minute = 0;
    if (symbol(k + 1, ':')) {
      if (!number(k + 2, 2, 2) || !adjacent(k + 2)) return std::nullopt;
      minute = value(t_[k + 2]);
      k += 3;
    } else if (word(k + 1, "h")) {
      k += 2;
      if (number(k, 2, 2) && adjacent(k)) minute = value(t_[k++]);
      if (adjacent(k) && t_[k].kind != Kind::Symbol) return std::nullopt;
    } else {
      return std::nullopt;
    }
    std::string seconds;
    if (symbol(k, ':') && adjacent(k) && number(k + 1, 2, 2) && adjacent(k + 1)) {
      seconds = ":" + std::string(t_[k + 1].text);
      k += 2;
      if (symbol(k, '.') && adjacent(k) && number(k + 1, 1, 9) && adjacent(k + 1)) {
        seconds += "." + std::string(t_[k + 1].text);
        k += 2;
      }
    }
    if (const std::size_t after = meridiem(k); after != k) {
      const bool pm = to_lower_ascii(t_[k].text).starts_with('p');
      if (hour < 1 || hour > 12) return std::nullopt;
      hour = hour % 12 + (pm ? 12 : 0);
      k = after;
    }
    if (hour > 23 || minute > 59) return std::nullopt;
    if (word(k, "uhr")) ++k;
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
    std::string iso = format_date(date) + "T" + clock + seconds;
    const auto [zone, end] = zone_at(k);
    if (zone && zone->empty()) return std::pair{std::string(), end};
    return std::pair{iso + zone.value_or(""), end};
  }

  // "am", "pm", "a.m.", "p.m.": the index after it, or i when there is none.
  std::size_t meridiem(std::size_t i) const {
    if (i >= t_.size() || t_[i].kind != Kind::Word) return i;
    const std::string lower = to_lower_ascii(t_[i].text);
    if (lower == "am" || lower == "pm") return i + 1;
    if ((lower == "a" || lower == "p") && symbol(i + 1, '.') && word(i + 2, "m")) {
      return symbol(i + 3, '.') ? i + 4 : i + 3;
    }
    return i;
  }

  // A time zone: "Z"/"GMT"/"UTC" give "Z", "+01:00"/"-0500" an offset, other
  // abbreviations ("EST") an empty string (kept as printed); nullopt when none.
  std::pair<std::optional<std::string>, std::size_t> zone_at(std::size_t i) const {
    if (i >= t_.size()) return {std::nullopt, i};
    if (t_[i].kind == Kind::Word) {
      const std::string_view w = t_[i].text;
      if (w == "Z" && adjacent(i)) return {"Z", i + 1};
      if (w == "GMT" || w == "UTC") return {"Z", i + 1};
      static constexpr std::array<std::string_view, 16> kNamed = {
          "BST", "CET", "CEST", "EET", "EST", "EDT", "CST", "CDT",
          "MST", "MDT", "PST",  "PDT", "ET",  "PT",  "IST", "AEST"};
      if (std::find(kNamed.begin(), kNamed.end(), w) != kNamed.end()) return {"", i + 1};
      return {std::nullopt, i};
    }
    if ((symbol(i, '+') || symbol(i, '-')) && number(i + 1, 2, 4) && adjacent(i + 1)) {
      const std::string_view digits = t_[i + 1].text;
      std::string offset = std::string(t_[i].text) + std::string(digits.substr(0, 2)) + ":";
      if (digits.size() == 4) return {offset + std::string(digits.substr(2)), i + 2};
      if (digits.size() == 2 && symbol(i + 2, ':') && number(i + 3, 2, 2)) {
        return {offset + std::string(t_[i + 3].text), i + 4};
      }
      if (digits.size() == 2) return {offset + "00", i + 2};
    }
    return {std::nullopt, i};
  }

  std::span<const Token> t_;
  std::string_view text_;
  DateOrder order_;
};

}  // namespace

std::optional<DateSpan> parse_date_span(std::string_view text, DateOrder order) {
  // A line that is only a date is short; longer text is a sentence, not a date.
  if (text.size() > 120) return std::nullopt;
  const std::vector<Token> tokens = tokenize(text);
  const Matcher matcher(tokens, text, order);
  const std::size_t start = matcher.skip_preamble(0);
  if (start >= tokens.size()) return std::nullopt;
  auto span = matcher.date_at(start);
  if (!span) return std::nullopt;
  std::size_t end = start;
  while (end < tokens.size() && tokens[end].begin < span->end) ++end;
  if (matcher.symbol(end, '.')) ++end;
  if (end != tokens.size()) return std::nullopt;
  return span;
}

namespace {

// A date must stand apart from the numbers and words written against it:
// "12/30/01/2022", "v2022-01-30" and "30/01/20223" hold none.
class Apart {
 public:
  explicit Apart(std::span<const Token> tokens) : t_(tokens) {}

  // Token i is written against the one before it.
  bool glued_before(std::size_t i) const {
    return i > 0 && !t_[i].spaced && (t_[i - 1].kind != Kind::Symbol || separator(i - 1));
  }
  // Token n, the first after a date, is written against it.
  bool glued_after(std::size_t n) const {
    if (n >= t_.size() || t_[n].spaced) return false;
    if (t_[n].kind != Kind::Symbol) return true;
    return separator(n) && n + 1 < t_.size() && !t_[n + 1].spaced && t_[n + 1].kind == Kind::Number;
  }

 private:
  bool separator(std::size_t i) const {
    return t_[i].kind == Kind::Symbol &&
           std::string_view("/.-:+").find(t_[i].text) != std::string_view::npos;
  }

  std::span<const Token> t_;
};

}  // namespace

std::optional<DateSpan> find_date_span(std::string_view text, DateOrder order) {
  const std::vector<Token> tokens = tokenize(text);
  const Matcher matcher(tokens, text, order);
  const Apart apart(tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (apart.glued_before(i)) continue;
    auto span = matcher.date_at(i);
    if (!span) continue;
    std::size_t next = i;
    while (next < tokens.size() && tokens[next].begin < span->end) ++next;
    if (!apart.glued_after(next)) return span;
  }
  return std::nullopt;
}

std::optional<std::chrono::year_month> find_month_year(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  const Matcher matcher(tokens, text, DateOrder::Auto);
  const Apart apart(tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (apart.glued_before(i)) continue;
    const auto found = matcher.month_year_at(i);
    if (found && !apart.glued_after(found->second)) return found->first;
  }
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> find_short_year_date(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  const Apart apart(tokens);
  const auto number = [&](std::size_t i, std::size_t min, std::size_t max) -> std::optional<int> {
    if (i >= tokens.size() || tokens[i].kind != Kind::Number || tokens[i].text.size() < min ||
        tokens[i].text.size() > max) {
      return std::nullopt;
    }
    int value = 0;
    std::from_chars(tokens[i].text.data(), tokens[i].text.data() + tokens[i].text.size(), value);
    return value;
  };
  const auto dot = [&](std::size_t i) {
    return i < tokens.size() && tokens[i].text == "." && !tokens[i].spaced;
  };
  for (std::size_t i = 0; i + 4 < tokens.size(); ++i) {
    if (apart.glued_before(i)) continue;
    const auto day = number(i, 1, 2), month = number(i + 2, 1, 2), year = number(i + 4, 2, 2);
    if (!day || !month || !year || !dot(i + 1) || !dot(i + 3) || apart.glued_after(i + 5)) continue;
    const year_month_day date{std::chrono::year(2000 + *year),
                              std::chrono::month(static_cast<unsigned>(*month)),
                              std::chrono::day(static_cast<unsigned>(*day))};
    if (date.ok()) return date;
  }
  return std::nullopt;
}

}  // namespace detail

std::optional<std::chrono::year_month_day> parse_date(std::string_view text, DateOrder order) {
  if (auto span = detail::parse_date_span(text, order)) return span->date;
  return std::nullopt;
}

std::optional<std::chrono::year_month_day> find_date(std::string_view text, DateOrder order) {
  if (auto span = detail::find_date_span(text, order)) return span->date;
  return std::nullopt;
}

std::string format_date(std::chrono::year_month_day date) { return detail::to_iso_date(date); }

}  // namespace galley
