// Page furniture: what the printer added around the article on every page.
//
// Three kinds of evidence, all confined to the page's top and bottom bands:
// - repetition: the same text, digits aside, in the same band on several pages
//   (a running header or a masthead, "Page 3 of 7");
// - shape: a page number ("3", "3/7", "Page 3 of 7", "- 3 -") or a browser print
//   line (a URL, a "3/15/24, 10:30 AM" print date), even on a single page;
// - company: other text on the same baseline as a page number or print line (the
//   page title Chromium prints beside the date).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <map>
#include <set>

#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// Share of the page height at the top and bottom where furniture may sit.
constexpr double kShapeBand = 0.09;      // page numbers, URLs, print dates
constexpr double kRepeatBand = 0.14;     // repeated text
constexpr double kSameBaseline = 0.008;  // of the page height
constexpr double kLarger = 1.15;         // a title's type, of the page's text

enum class Band { None, Top, Bottom };

Band band_of(const Line& line, const Page& page, double share) {
  if (line.box.y1 <= page.height * share) return Band::Top;
  if (line.box.y0 >= page.height * (1 - share)) return Band::Bottom;
  return Band::None;
}

// The text with digit runs folded, so "Page 3 of 7" and "Page 4 of 7" compare equal.
std::string repeat_key(const std::string& text) {
  std::string key;
  bool in_digits = false;
  for (char c : detail::to_lower_ascii(detail::collapse_whitespace(text))) {
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (digit && in_digits) continue;
    key += digit ? '#' : c;
    in_digits = digit;
  }
  return key;
}

// Consumes up to `most` digits; true when there was at least one.
bool take_digits(std::string_view& text, std::size_t most) {
  std::size_t n = 0;
  while (n < text.size() && n <= most && std::isdigit(static_cast<unsigned char>(text[n]))) ++n;
  if (n == 0 || n > most) return false;
  text.remove_prefix(n);
  return true;
}

// Consumes the first of `words` that `text` starts with; true when one did.
bool take_any(std::string_view& text, std::initializer_list<std::string_view> words) {
  text = detail::trim(text);
  for (const std::string_view w : words) {
    if (text.starts_with(w)) {
      text = detail::trim(text.substr(w.size()));
      return true;
    }
  }
  return false;
}

// "3", "- 3 -", "3/7", "Page 3 of 7", "p. 3", "Seite 3 von 7", "iv". Read by hand:
// std::regex costs more to build than the whole furniture search.
bool is_page_number(std::string_view text) {
  const std::string lower = detail::to_lower_ascii(detail::trim(text));
  std::string_view rest = lower;
  if (!rest.empty() && rest.size() <= 6 && rest.find_first_not_of("ivxlc") == std::string::npos) {
    return true;
  }
  take_any(rest, {"page", "p.", "seite", "p\u00E1gina", "pagina"});
  take_any(rest, {"-", "\u2013", "\u2014"});
  if (!take_digits(rest, 4)) return false;
  take_any(rest, {"-", "\u2013", "\u2014"});
  if (rest.empty()) return true;
  if (!take_any(rest, {"/", "of", "von", "de", "sur"}) || !take_digits(rest, 4)) return false;
  return detail::trim(rest).empty();
}

// Consumes one of `chars`; true when the text started with one.
bool take_char(std::string_view& text, std::string_view chars) {
  if (text.empty() || chars.find(text.front()) == std::string_view::npos) return false;
  text.remove_prefix(1);
  return true;
}

// Chromium's print date, "3/15/24, 10:30 am" (lower-cased); also "15/03/2024 10:30".
bool is_print_stamp(std::string_view text) {
  if (!take_digits(text, 4) || !take_char(text, "/.-") || !take_digits(text, 2) ||
      !take_char(text, "/.-") || !take_digits(text, 4)) {
    return false;
  }
  take_char(text, ",");
  if (!take_char(text, " ")) return false;
  text = detail::trim(text);
  if (!take_digits(text, 2) || !take_char(text, ":") || !take_digits(text, 2)) return false;
  if (take_char(text, ":") && !take_digits(text, 2)) return false;
  text = detail::trim(text);
  return text.empty() || text == "am" || text == "pm";
}

// A URL alone on its line: "https://example.com/a", "www.example.com".
bool is_url_line(std::string_view lower) {
  if (lower.find(' ') != std::string_view::npos) return false;
  for (const std::string_view scheme : {"http://", "https://", "file://", "ftp://", "www."}) {
    if (lower.starts_with(scheme) && lower.size() > scheme.size()) return true;
  }
  return false;
}

// What a browser prints in the page band: the URL, or the print date ("3/15/24,
// 10:30 AM"; also "15/03/2024 10:30").
enum class PrintLine { None, Url, Stamp };

PrintLine print_line(const std::string& text) {
  if (text.size() > kMaxRegexChars) return PrintLine::None;
  const std::string lower = detail::to_lower_ascii(text);
  if (is_url_line(lower)) return PrintLine::Url;
  return is_print_stamp(lower) ? PrintLine::Stamp : PrintLine::None;
}

// Keys of band text found on at least two pages at about the same height.
std::set<std::string> repeated_keys(const std::deque<std::vector<BandLine>>& bands) {
  std::map<std::string_view, std::vector<std::pair<int, double>>> seen;  // key -> (page, y)
  for (const std::vector<BandLine>& page : bands) {
    for (const BandLine& line : page) seen[line.key].emplace_back(line.page, line.y);
  }
  std::set<std::string> keys;
  for (const auto& [key, where] : seen) {
    std::set<int> on_pages;
    for (const auto& [page, y] : where) {
      for (const auto& [other_page, other_y] : where) {
        if (other_page != page && std::abs(other_y - y) < 0.02) on_pages.insert(page);
      }
    }
    if (on_pages.size() >= 2) keys.insert(std::string(key));
  }
  return keys;
}

// The size most characters on the page have.
double common_size(const Page& page) {
  std::map<double, std::size_t> chars;
  for (const Line& line : page.lines) chars[line.size] += line.text.size();
  return std::max_element(chars.begin(), chars.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// Whether the line is in a band where repeated text is furniture: the page's top and
// bottom shares, or the page's topmost line of text wherever the margins put it (a
// dvips page on A4 sets its running head a sixth of the way down), when set no larger
// than the page's text (a title the running heads repeat is larger).
bool in_repeat_band(const Line& line, const Page& page, double text_size) {
  if (band_of(line, page, kRepeatBand) != Band::None) return true;
  if (line.size > kLarger * text_size) return false;
  const auto top =
      std::min_element(page.lines.begin(), page.lines.end(),
                       [](const Line& a, const Line& b) { return a.box.y0 < b.box.y0; });
  return line.box.y0 < top->box.y1;
}

std::vector<BandLine> band_lines(const Page& page) {
  std::vector<BandLine> out;
  if (page.lines.empty()) return out;
  const double text_size = common_size(page);
  for (const Line& line : page.lines) {
    if (!in_repeat_band(line, page, text_size)) continue;
    out.push_back({page.number, repeat_key(line.text), line.box.y0 / page.height});
  }
  return out;
}

// Removes the page's furniture into `found`, given the keys that repeat around it.
// Also counts the page in `marks` when its band has a browser's print date.
void remove_page_furniture(Page& page, const std::set<std::string>& repeated,
                           std::vector<Furniture>& found, PrintMarks& marks) {
  std::vector<bool> is_furniture(page.lines.size(), false);
  std::vector<double> anchors;  // baselines of page numbers and print lines
  bool stamp = false;
  const double text_size = page.lines.empty() ? 0 : common_size(page);
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    const std::string text(detail::trim(line.text));
    const bool in_band = band_of(line, page, kShapeBand) != Band::None;
    const PrintLine printed = in_band ? print_line(text) : PrintLine::None;
    stamp = stamp || printed == PrintLine::Stamp;
    const bool shaped = in_band && (printed != PrintLine::None || is_page_number(text));
    const bool repeats =
        in_repeat_band(line, page, text_size) && repeated.count(repeat_key(line.text)) > 0;
    if (shaped) anchors.push_back(line.box.y1);
    is_furniture[i] = shaped || repeats;
  }
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (band_of(line, page, kShapeBand) == Band::None) continue;
    for (double y : anchors) {
      if (std::abs(line.box.y1 - y) < kSameBaseline * page.height) is_furniture[i] = true;
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    if (is_furniture[i]) {
      found.push_back({page.number, page.lines[i].text});
    } else {
      if (kept != i) page.lines[kept] = std::move(page.lines[i]);
      ++kept;
    }
  }
  page.lines.erase(page.lines.begin() + static_cast<std::ptrdiff_t>(kept), page.lines.end());
  marks.stamp_pages += stamp ? 1 : 0;
}

}  // namespace

std::vector<Page> FurnitureFilter::push(Page page, std::vector<Furniture>& found) {
  bands_.push_back(band_lines(page));
  waiting_.push_back(std::move(page));
  std::vector<Page> decided;
  if (waiting_.size() > kWindow) decide_next(found, decided);
  return decided;
}

std::vector<Page> FurnitureFilter::finish(std::vector<Furniture>& found) {
  std::vector<Page> decided;
  while (!waiting_.empty()) decide_next(found, decided);
  return decided;
}

// The oldest waiting page is decided among the bands of up to kWindow pages on
// either side of it.
void FurnitureFilter::decide_next(std::vector<Furniture>& found, std::vector<Page>& decided) {
  remove_page_furniture(waiting_.front(), repeated_keys(bands_), found, marks_);
  decided.push_back(std::move(waiting_.front()));
  waiting_.pop_front();
  // bands_ holds the decided pages' bands, then the waiting ones'.
  if (bands_.size() - waiting_.size() > kWindow) bands_.pop_front();
}

}  // namespace galley::pdf
