// Metadata from typography: the body size, heading lines and the title.
#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <tuple>

#include "detail/letters.hpp"
#include "detail/prose.hpp"
#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// Heading type is at least this much larger than the body's.
constexpr double kHeadingRatio = 1.15;
// A heading line has at most this many words; longer larger lines are body text
// (a standfirst, an enlarged first paragraph).
constexpr std::size_t kMaxHeadingWords = 24;

// Pages searched for a heading that the document information's title names.
constexpr std::size_t kTitlePages = 5;

// A title of fewer words is a label ("Research Article") or a site name.
constexpr std::size_t kTitleWords = 3;

struct TitleRun {
  std::size_t page, begin, end;  ///< lines [begin, end) of pages[page]
  bool exact = false;            ///< named exactly by the document information title
};

// The title's lines: the run of consecutive lines in the same type as `first`.
std::size_t title_end(const std::vector<Line>& lines, std::size_t first) {
  std::size_t end = first + 1;
  while (end < lines.size() && std::abs(lines[end].size - lines[first].size) < 0.5 &&
         lines[end].bold == lines[first].bold &&
         lines[end].box.y0 - lines[end - 1].box.y1 < lines[first].size) {
    ++end;
  }
  return end;
}

std::string join_lines(const std::vector<Line>& lines, std::size_t begin, std::size_t end) {
  std::string text;
  for (std::size_t i = begin; i < end; ++i) text += (text.empty() ? "" : " ") + lines[i].text;
  return detail::collapse_whitespace(text);
}

std::size_t words_in(const std::vector<Line>& lines, std::size_t begin, std::size_t end) {
  std::size_t words = 0;
  for (std::size_t i = begin; i < end; ++i) words += lines[i].words.size();
  return words;
}

// Lower-cased words (letters and digits), for comparing a heading with a title.
std::set<std::string> word_set(std::string_view text) {
  std::vector<std::string> words = detail::lower_words(text);
  return {std::make_move_iterator(words.begin()), std::make_move_iterator(words.end())};
}

double similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  const std::size_t all = a.size() + b.size() - common;
  return all == 0 ? 0 : static_cast<double>(common) / static_cast<double>(all);
}

// The run of heading lines on the first pages that the document information title
// names: contained in it (it may add a site name, "Title - Site"), else sharing
// most of its words (a page's headline and its <title> often differ a little). A
// printed web page can open with pages of navigation before its headline.
std::optional<TitleRun> find_named_title(const std::vector<Page>& pages, double body,
                                         const std::string& info_title) {
  constexpr double kSimilar = 0.6;
  const std::string info = fold_text(info_title);
  if (info.size() < 8) return std::nullopt;
  const std::set<std::string> info_words = word_set(strip_site_name(info_title));
  std::optional<TitleRun> similar;
  double best = kSimilar;
  for (std::size_t p = 0; p < std::min(pages.size(), kTitlePages); ++p) {
    const std::vector<Line>& lines = pages[p].lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_heading_line(lines[i], body)) continue;
      const std::size_t end = title_end(lines, i);
      const std::string text = join_lines(lines, i, end);
      const std::string run = fold_text(text);
      if (run.size() * 2 >= info.size() && info.find(run) != std::string::npos) {
        return TitleRun{p, i, end, true};
      }
      if (const double s = similarity(word_set(text), info_words); s >= best) {
        similar = TitleRun{p, i, end, false};
        best = s;
      }
      i = end - 1;
    }
  }
  return similar;
}

// The run in the largest heading type among `pages[first, last)`, preferring runs
// of three words or more over a label such as "Research Article" or a menu entry.
// On page 1 only its top half counts.
std::optional<TitleRun> find_largest_title(const std::vector<Page>& pages, double body,
                                           std::size_t first, std::size_t last) {
  std::optional<TitleRun> best;
  std::tuple<bool, int, double> best_rank{false, INT_MIN, 0};  // long enough, -page, size
  for (std::size_t p = first; p < std::min(pages.size(), last); ++p) {
    const Page& page = pages[p];
    for (std::size_t i = 0; i < page.lines.size(); ++i) {
      const Line& line = page.lines[i];
      if (!is_heading_line(line, body) || (p == 0 && line.box.y0 > page.height / 2)) continue;
      const std::size_t end = title_end(page.lines, i);
      const bool long_enough = words_in(page.lines, i, end) >= kTitleWords;
      const std::tuple<bool, int, double> rank{long_enough, -static_cast<int>(p), line.size};
      if (rank > best_rank) {
        best = TitleRun{p, i, end, false};
        best_rank = rank;
      }
      i = end - 1;
    }
  }
  return best;
}

// A bold line opening page 1 when no type is larger than the body's
// (fixtures/pdf/paragraph_across_pages).
std::optional<TitleRun> find_bold_title(const std::vector<Page>& pages, double body) {
  const std::vector<Line>& lines = pages.front().lines;
  if (lines.empty() || !lines.front().bold || lines.front().size < body) return std::nullopt;
  return TitleRun{0, 0, title_end(lines, 0), false};
}

std::string mark(std::vector<Page>& pages, const TitleRun& run) {
  std::vector<Line>& lines = pages[run.page].lines;
  for (std::size_t i = run.begin; i < run.end; ++i) lines[i].title = true;
  return join_lines(lines, run.begin, run.end);
}

}  // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  for (char c : detail::to_lower_ascii(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

double body_size(const std::vector<Page>& pages) {
  std::map<double, std::size_t> chars;
  for (const Page& page : pages) {
    for (const Line& line : page.lines) chars[line.size] += line.text.size();
  }
  if (chars.empty()) return 0;
  return std::max_element(chars.begin(), chars.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

bool has_word(std::string_view text) {
  bool letter = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const bool is_letter = detail::is_letter(detail::next_code_point(text, pos));
    if (is_letter && letter) return true;
    letter = is_letter;
  }
  return false;
}

bool is_heading_line(const Line& line, double body) {
  std::size_t words = 1;
  for (char c : line.text) words += c == ' ';
  if (words > kMaxHeadingWords) return false;
  // A mark set large between a running head's parts ("Title · 23") or a figure's
  // panel letter or axis numbers ("d", "0 0.005") head nothing: a heading has a word.
  return has_word(line.text) && line.size >= body * kHeadingRatio;
}

bool is_meaningful_info_title(const std::string& title) {
  static const std::regex app_or_file(
      R"((?:microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|pdf|tex|dvi|ps|rtf|indd|qxd|html?)|untitled.*|document\d*|title))",
      std::regex::icase | std::regex::optimize);
  const std::string_view t = detail::trim(title);
  if (t.size() > kMaxRegexChars) return false;  // names no file, and too long to match
  return t.size() >= 4 && !std::regex_match(title, app_or_file);
}

// In order: a heading the document information names; a long heading at the top
// of page 1; the document information title; a long heading on the next pages; a
// short one at the top of page 1; a bold first line.
std::string mark_title(std::vector<Page>& pages, double body, const std::string& info_title) {
  if (pages.empty()) return {};
  const bool info_ok = is_meaningful_info_title(info_title);
  const std::string info = info_ok ? strip_site_name(info_title) : std::string();
  if (info_ok) {
    if (const auto run = find_named_title(pages, body, info_title)) {
      const std::string heading = mark(pages, *run);
      return run->exact ? heading : info;
    }
  }
  const auto first = find_largest_title(pages, body, 0, 1);
  if (first && words_in(pages[0].lines, first->begin, first->end) >= kTitleWords) {
    return mark(pages, *first);
  }
  if (word_set(info).size() >= kTitleWords) return info;
  if (const auto later = find_largest_title(pages, body, 1, kTitlePages)) {
    if (words_in(pages[later->page].lines, later->begin, later->end) >= kTitleWords) {
      return mark(pages, *later);
    }
  }
  if (first) return mark(pages, *first);
  if (const auto bold = find_bold_title(pages, body)) return mark(pages, *bold);
  return info;
}

std::string strip_site_name(const std::string& info_title) {
  std::string_view best;
  std::string_view rest = info_title;
  // The longest part between separators is the title; site names are short.
  for (;;) {
    const detail::TitleSeparator separator = detail::first_title_separator(rest);
    const std::string_view part = detail::trim(rest.substr(0, separator.at));
    if (part.size() > best.size()) best = part;
    if (!separator) break;
    rest.remove_prefix(separator.end());
  }
  return std::string(best);
}

}  // namespace galley::pdf
