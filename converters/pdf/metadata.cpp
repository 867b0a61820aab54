// Metadata from typography: the body size, heading lines and the title.
#include <algorithm>
#include <cmath>
#include <map>
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

// Where the document information title (or its part before " - site name") names a
// run of heading lines on page 1, that run; else the largest type in the top half.
std::pair<std::size_t, std::size_t> find_title(const Page& page, double body,
                                               const std::string& info_title) {
  const std::vector<Line>& lines = page.lines;
  const std::string info = fold(info_title);
  std::pair<std::size_t, std::size_t> best{0, 0};
  double best_size = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!is_heading_line(lines[i], body)) continue;
    const std::size_t end = title_end(lines, i);
    const std::string run = fold(join_lines(lines, i, end));
    if (info.size() >= 8 && run.size() * 2 >= info.size() && info.find(run) != std::string::npos) {
      return {i, end};
    }
    if (lines[i].box.y0 < page.height / 2 && lines[i].size > best_size) {
      best = {i, end};
      best_size = lines[i].size;
    }
    i = end - 1;
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
  if (line.size >= body * kHeadingRatio) return true;
  // Bold body-size lines are headings when they do not end a sentence.
  const std::string_view text = detail::trim(line.text);
  return line.bold && line.size >= body * 0.95 && !text.empty() && text.back() != '.' &&
         text.back() != ',' && words <= 12;
}

bool is_meaningful_info_title(const std::string& title) {
  static const std::regex app_or_file(
      R"((?:microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|pdf|tex|dvi|ps|rtf|indd|qxd|html?)|untitled.*|document\d*|title))",
      std::regex::icase | std::regex::optimize);
  const std::string_view t = detail::trim(title);
  return t.size() >= 4 && !std::regex_match(title, app_or_file);
}

std::string take_title(std::vector<Page>& pages, double body, const std::string& info_title) {
  if (pages.empty() || pages.front().lines.empty()) return {};
  Page& first = pages.front();
  const auto [begin, end] =
      find_title(first, body, is_meaningful_info_title(info_title) ? info_title : "");
  if (begin == end) return {};
  std::string title = join_lines(first.lines, begin, end);
  first.lines.erase(first.lines.begin() + static_cast<std::ptrdiff_t>(begin),
                    first.lines.begin() + static_cast<std::ptrdiff_t>(end));
  return title;
}

}  // namespace galley::pdf
