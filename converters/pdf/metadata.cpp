// Metadata from typography: the body size, heading lines and the title.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <regex>

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

struct TitleRun {
  std::size_t page, begin, end;  ///< lines [begin, end) of pages[page]
};

// Lower-cased letters and digits only, for comparing titles across sources.
std::string fold(std::string_view text) {
  std::string out;
  for (char c : detail::to_lower_ascii(text)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      out += c;
    }
  }
  return out;
}

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

// The first run of heading lines that the document information title names
// (it may carry a site name: "Title - Site"), searched on the first pages because a
// printed web page can open with pages of navigation.
std::optional<TitleRun> find_named_title(const std::vector<Page>& pages, double body,
                                         const std::string& info_title) {
  const std::string info = fold(info_title);
  if (info.size() < 8) return std::nullopt;
  for (std::size_t p = 0; p < std::min(pages.size(), kTitlePages); ++p) {
    const std::vector<Line>& lines = pages[p].lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!is_heading_line(lines[i], body)) continue;
      const std::size_t end = title_end(lines, i);
      const std::string run = fold(join_lines(lines, i, end));
      if (run.size() * 2 >= info.size() && info.find(run) != std::string::npos) {
        return TitleRun{p, i, end};
      }
      i = end - 1;
    }
  }
  return std::nullopt;
}

// The largest heading type in the top half of page 1, preferring runs of three
// words or more over a label such as "Research Article"; when no type is larger
// than the body's, a bold line that opens the page
// (fixtures/pdf/paragraph_across_pages).
std::optional<TitleRun> find_largest_title(const Page& page, double body) {
  constexpr std::size_t kTitleWords = 3;
  std::optional<TitleRun> best;
  std::pair<bool, double> best_rank{false, 0};  // (long enough, size)
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (!is_heading_line(line, body) || line.box.y0 > page.height / 2) continue;
    const std::size_t end = title_end(page.lines, i);
    std::size_t words = 0;
    for (std::size_t j = i; j < end; ++j) words += page.lines[j].words.size();
    const std::pair<bool, double> rank{words >= kTitleWords, line.size};
    if (rank > best_rank) {
      best = TitleRun{0, i, end};
      best_rank = rank;
    }
    i = end - 1;
  }
  if (!best && !page.lines.empty() && page.lines.front().bold && page.lines.front().size >= body) {
    best = TitleRun{0, 0, title_end(page.lines, 0)};
  }
  return best;
}

}  // namespace

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

bool is_heading_line(const Line& line, double body) {
  std::size_t words = 1;
  for (char c : line.text) words += c == ' ';
  if (words > kMaxHeadingWords) return false;
  return line.size >= body * kHeadingRatio;
}

bool is_meaningful_info_title(const std::string& title) {
  static const std::regex app_or_file(
      R"((?:microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|pdf|tex|dvi|ps|rtf|indd|qxd|html?)|untitled.*|document\d*|title))",
      std::regex::icase | std::regex::optimize);
  const std::string_view t = detail::trim(title);
  return t.size() >= 4 && !std::regex_match(title, app_or_file);
}

std::string mark_title(std::vector<Page>& pages, double body, const std::string& info_title) {
  if (pages.empty()) return {};
  std::optional<TitleRun> run;
  if (is_meaningful_info_title(info_title)) run = find_named_title(pages, body, info_title);
  if (!run) run = find_largest_title(pages.front(), body);
  if (!run) return {};
  std::vector<Line>& lines = pages[run->page].lines;
  for (std::size_t i = run->begin; i < run->end; ++i) lines[i].title = true;
  return join_lines(lines, run->begin, run->end);
}

std::string strip_site_name(const std::string& info_title) {
  std::string_view best;
  std::string_view rest = info_title;
  // The longest part between separators is the title; site names are short.
  for (;;) {
    std::size_t cut = std::string_view::npos, length = 0;
    for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 ", " :: "}) {
      const std::size_t at = rest.find(separator);
      if (at < cut) {
        cut = at;
        length = separator.size();
      }
    }
    const std::string_view part = detail::trim(rest.substr(0, cut));
    if (part.size() > best.size()) best = part;
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + length);
  }
  return std::string(best);
}

}  // namespace galley::pdf
