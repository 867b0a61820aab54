// Words into lines, lines into reading order, and the column each line sits in.
//
// The reading order is Poppler's where it holds: its text layout analysis (the one
// pdftotext uses) orders flows and columns, so lines are rebuilt from consecutive
// words and only their geometry (baseline, gaps, column edges) is derived here. Its
// order is overruled only where it breaks Breuel's column rules (order_columns), and
// on turned pages, whose order comes from the geometry alone (order_by_geometry).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <span>
#include <string_view>

#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// A word continues a line when it overlaps the line's band vertically by at least
// half its height and starts just right of it. A gap wider than this many font
// sizes separates columns or table cells (fixtures/pdf/two_column).
constexpr double kMaxWordGap = 1.6;
// After a gap wider than this many font sizes (a space is about a third), a word in
// another type size starts a line of its own: a box set in smaller type beside the
// text (a web page's infobox) shares the text's baselines but none of its lines.
constexpr double kMaxGapAcrossSizes = 0.8;
constexpr double kOtherSize = 0.1;  // of the larger size

bool continues_line(const Line& line, const Word& word) {
  const double overlap = std::min(line.box.y1, word.box.y1) - std::max(line.box.y0, word.box.y0);
  const double height = std::min(line.box.height(), word.box.height());
  if (height <= 0 || overlap < 0.5 * height) return false;
  const double gap = word.box.x0 - line.box.x1;
  const double size = std::max(line.size, word.size);
  // A mark drawn over the line's last letters (an Arabic vowel sign Poppler gives as
  // a word of its own) is part of the line.
  if (word.box.width() < 0.1 * size && word.box.x0 >= line.box.x0 && gap <= 0) return true;
  const bool other_size = std::abs(line.size - word.size) > kOtherSize * size;
  return gap > -0.3 * size && gap < (other_size ? kMaxGapAcrossSizes : kMaxWordGap) * size;
}

// A label set apart at the head of its line, farther from it than words are ("[2]"
// before an IEEE reference whose repeated authors are a drawn rule), which Poppler may
// give after the line's text: a short word with a digit or bracket on the line's
// baseline, ending left of its first word.
bool opens_line_before(const Box& line, double size, const Word& word) {
  constexpr std::size_t kMaxLabelChars = 6;
  constexpr double kMaxLabelGap = 4;  // sizes: the rule "———" of repeated authors
  const double gap = line.x0 - word.box.x1;
  const bool label = word.text.find_first_of("0123456789[") != std::string::npos;
  return label && word.text.size() <= kMaxLabelChars &&
         std::abs(word.box.y1 - line.y1) < 0.2 * size &&
         std::abs(word.size - size) <= kOtherSize * size && gap >= 0 && gap < kMaxLabelGap * size;
}
bool opens_line_before(const Line& line, const Word& word) {
  return opens_line_before(line.box, line.size, word);
}
// The same, given in order: a label alone so far, then the first word of its line.
bool opens_line_before(const Word& first, const Word& label) {
  return opens_line_before(first.box, first.size, label);
}

// A footnote or affiliation marker: a few digits, symbols or single letters (1, 2,3,
// *, †, a,c) in smaller type raised above the line ("Agyeman-Duah1*", "previously2,3",
// "Lanea,c"). `letters` says whether letters may be markers.
bool is_marker(const Word& word, double line_size, double baseline, bool letters) {
  static constexpr std::string_view kSymbols[] = {"*",      ",",      "\u2217", "\u2020", "\u2021",
                                                  "\u00A7", "\u00B6", "#",      "\u262F"};
  if (word.size > 0.8 * line_size || word.box.y1 > baseline - 0.15 * line_size) return false;
  std::string_view text = word.text;
  if (text.empty() || text.size() > 8) return false;
  while (!text.empty()) {
    const bool letter = letters && text.front() >= 'a' && text.front() <= 'z' &&
                        (text.size() == 1 || !std::isalpha(static_cast<unsigned char>(text[1])));
    if (std::isdigit(static_cast<unsigned char>(text.front())) || letter) {
      text.remove_prefix(1);
      continue;
    }
    const auto symbol = std::find_if(std::begin(kSymbols), std::end(kSymbols),
                                     [&](std::string_view s) { return text.starts_with(s); });
    if (symbol == std::end(kSymbols)) return false;
    text.remove_prefix(symbol->size());
  }
  return true;
}

// Whether a word is a name's: letters (hyphens and apostrophes), capitalised, some in
// lower case ("Lane", "O’Connell"): a raised letter after it marks an affiliation, not
// an exponent or an index ("R", "2n", "GLn", "Bild(Dp").
bool is_name_word(const Word& word) {
  const std::string_view text = word.text;
  const auto in_name = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80 ||
           c == '-' || c == '\'';
  };
  return text.size() >= 2 && std::isupper(static_cast<unsigned char>(text[0])) &&
         std::all_of(text.begin(), text.end(), in_name) &&
         std::any_of(text.begin(), text.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

// Which of a line's words are markers. Letters are markers only where an affiliation's
// are printed: glued to a name ("Lanea,c") or opening the line before a capitalised
// word ("aSchool of Forest ..."); elsewhere a raised letter is an exponent.
std::vector<bool> find_markers(std::span<const Word> words, double size, double baseline) {
  std::vector<bool> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool glued_to_name =
        i > 0 && !out[i - 1] && !words[i - 1].space_after && is_name_word(words[i - 1]);
    const bool opens_line =
        i == 0 && words.size() > 1 && std::isupper(static_cast<unsigned char>(words[1].text[0]));
    out[i] = is_marker(words[i], size, baseline, glued_to_name || opens_line);
  }
  return out;
}

// Drops footnote and affiliation markers from a line's words, moving the kept ones
// to the front, and returns how many are kept; the line's text reads without the
// markers, which are kept in the line's marks (those before its first word) and the
// kept words' marks_after. A line of nothing but markers is kept as it is.
std::size_t drop_markers(Line& line, std::span<Word> words) {
  const double size =
      std::max_element(words.begin(), words.end(), [](const Word& a, const Word& b) {
        return a.size < b.size;
      })->size;
  const std::vector<bool> marker = find_markers(words, size, line.box.y1);
  if (std::none_of(marker.begin(), marker.end(), [](bool m) { return m; })) return words.size();
  line.markers = true;
  if (std::all_of(marker.begin(), marker.end(), [](bool m) { return m; })) return words.size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    Word& w = words[i];
    if (!marker[i]) {
      if (kept != i) words[kept] = std::move(w);
      ++kept;
    } else if (kept > 0) {
      // The word before reaches over the marker, so no gap opens where it was.
      words[kept - 1].space_after = words[kept - 1].space_after || w.space_after;
      words[kept - 1].box.x1 = w.box.x1;
      words[kept - 1].marks_after += w.text;
    } else if (line.marks.empty()) {
      line.marks.push_back({0, w.text, true});
    } else {
      line.marks.front().text += w.text;
    }
  }
  return kept;
}

// The line's text and words; its size, weight and style are those of most of its
// characters.
void finish_line(Line& line, std::span<const Word> words) {
  std::vector<std::pair<double, std::size_t>> by_size;  // few sizes a line: no map
  std::size_t total = 0, bold = 0, italic = 0;
  line.text.clear();
  line.words.clear();
  line.words.reserve(words.size());
  line.first_word_width = words.front().box.width();
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const std::size_t n = w.text.size();
    const double rounded = std::round(w.size * 2) / 2;
    const auto it = std::find_if(by_size.begin(), by_size.end(),
                                 [&](const auto& entry) { return entry.first == rounded; });
    if (it == by_size.end()) {
      by_size.emplace_back(rounded, n);
    } else {
      it->second += n;
    }
    total += n;
    if (w.bold) bold += n;
    if (w.italic) italic += n;
    const bool space_after = w.space_after && i + 1 < words.size();
    for (std::size_t at = 0; at == 0 || at < n; at += LineWord::kMaxLength) {
      const std::size_t length = std::min(n - at, LineWord::kMaxLength);
      line.words.push_back({static_cast<std::uint32_t>(line.text.size() + at),
                            static_cast<std::uint16_t>(length), w.bold, w.italic,
                            space_after && at + length == n});
    }
    line.text += w.text;
    if (!w.marks_after.empty()) line.marks.push_back({line.text.size(), w.marks_after, false});
    if (space_after) line.text += ' ';
  }
  // The most characters decide; on a tie the smaller size, as a sorted map would give.
  line.size = std::max_element(by_size.begin(), by_size.end(), [](const auto& a, const auto& b) {
                return a.second < b.second || (a.second == b.second && a.first > b.first);
              })->first;
  line.bold = bold * 2 > total;
  line.italic = italic * 2 > total;
}

// Sets each word's space flag from the gap to the next word as printed: Poppler's
// flag misses spaces some producers draw as gaps.
void mark_spaces(std::span<Word> words) {
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    Word& w = words[i];
    w.space_after = w.space_after || words[i + 1].box.x0 - w.box.x1 > 0.12 * std::max(w.size, 1.0);
  }
}

}  // namespace

std::vector<Line> build_lines(std::vector<Word> words, int page) {
  std::vector<Line> lines;
  for (std::size_t begin = 0, end = 0; begin < words.size(); begin = end) {
    Line line;
    line.page = page;
    line.box = words[begin].box;
    line.size = words[begin].size;
    for (end = begin + 1; end < words.size(); ++end) {
      std::size_t added = end;
      if (opens_line_before(line, words[end])) {
        std::rotate(words.begin() + static_cast<std::ptrdiff_t>(begin),
                    words.begin() + static_cast<std::ptrdiff_t>(end),
                    words.begin() + static_cast<std::ptrdiff_t>(end) + 1);
        added = begin;
      } else if (!continues_line(line, words[end]) &&
                 !(end == begin + 1 && opens_line_before(words[end], words[begin]))) {
        break;
      }
      const Box& b = words[added].box;
      line.box = {std::min(line.box.x0, b.x0), std::min(line.box.y0, b.y0),
                  std::max(line.box.x1, b.x1), std::max(line.box.y1, b.y1)};
    }
    const std::span<Word> all(words.data() + begin, end - begin);
    const std::span<Word> kept = all.first(drop_markers(line, all));
    mark_spaces(kept);
    if (needs_reordering(kept)) {
      // Reordering may cut a word in pieces: the markers are not placed.
      line.marks.clear();
      for (Word& w : kept) w.marks_after.clear();
      finish_line(line, to_logical_order(kept));
    } else {
      finish_line(line, kept);
    }
    lines.push_back(std::move(line));
  }
  lines.shrink_to_fit();  // kept until the whole document is read
  return lines;
}

namespace {

// A gap narrower than this many body-size units does not separate reading units:
// the space between words and lines is smaller, between columns and blocks larger.
constexpr double kMinCutGap = 0.8;
// Cuts nested deeper than this end in a plain top-to-bottom order: real pages need a
// handful, and a hostile one must not cost a sort per line.
constexpr int kMaxCutDepth = 24;

struct Cut {
  double gap = 0;
  std::size_t at = 0;     ///< lines [0, at) of the sorted order come first
  bool vertical = false;  ///< columns side by side (else blocks one above the other)
};

// The widest gap in the sorted projection of `ids` onto one axis.
template <class Lo, class Hi>
Cut widest_gap(std::vector<std::size_t>& ids, const std::vector<Line>& lines, Lo lo, Hi hi) {
  std::stable_sort(ids.begin(), ids.end(), [&](std::size_t a, std::size_t b) {
    return lo(lines[a].box) < lo(lines[b].box);
  });
  Cut best;
  double reach = hi(lines[ids.front()].box);
  for (std::size_t i = 1; i < ids.size(); ++i) {
    const double gap = lo(lines[ids[i]].box) - reach;
    if (gap > best.gap) best = {gap, i, false};
    reach = std::max(reach, hi(lines[ids[i]].box));
  }
  return best;
}

void xy_cut(std::vector<std::size_t> ids, const std::vector<Line>& lines, double unit, int depth,
            std::vector<std::size_t>& out) {
  if (ids.size() > 1 && depth < kMaxCutDepth) {
    std::vector<std::size_t> by_x = ids;
    Cut across = widest_gap(
        by_x, lines, [](const Box& b) { return b.x0; }, [](const Box& b) { return b.x1; });
    across.vertical = true;
    const Cut down = widest_gap(
        ids, lines, [](const Box& b) { return b.y0; }, [](const Box& b) { return b.y1; });
    const Cut& cut = across.gap > down.gap ? across : down;
    if (cut.gap > kMinCutGap * unit) {
      const std::vector<std::size_t>& sorted = cut.vertical ? by_x : ids;
      const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(cut.at);
      xy_cut({sorted.begin(), middle}, lines, unit, depth + 1, out);
      xy_cut({middle, sorted.end()}, lines, unit, depth + 1, out);
      return;
    }
  }
  std::stable_sort(ids.begin(), ids.end(),
                   [&](std::size_t a, std::size_t b) { return lines[a].box.y0 < lines[b].box.y0; });
  out.insert(out.end(), ids.begin(), ids.end());
}

// The type size most of a page's lines have about (their median), at least 1.
double page_unit(const std::vector<Line>& lines) {
  std::vector<double> sizes;
  for (const Line& line : lines) sizes.push_back(line.size);
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                   sizes.end());
  return std::max(sizes[sizes.size() / 2], 1.0);
}

}  // namespace

void order_by_geometry(std::vector<Line>& lines) {
  if (lines.size() < 2) return;
  const double unit = page_unit(lines);
  std::vector<std::size_t> ids(lines.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = i;
  std::vector<std::size_t> order;
  xy_cut(std::move(ids), lines, unit, 0, order);
  std::vector<Line> ordered;
  ordered.reserve(lines.size());
  for (const std::size_t i : order) ordered.push_back(std::move(lines[i]));
  lines = std::move(ordered);
}

namespace {

// Type sizes this close (in points) are one size.
constexpr double kSameSize = 0.3;
// Pages with more stacked runs than this (dense tables, indexes) keep Poppler's order:
// comparing every pair with every run between them costs the cube of their number.
constexpr std::size_t kMaxRuns = 100;
// A run beside the column to its right is read first only when it is at least this
// share of that run's width: a side head or a margin note is no column of its own.
constexpr double kColumnWidthShare = 0.5;
// A run narrower than this many times the page's usual type size (a figure's label, a
// fragment of a formula Poppler set apart) shows no column; the lines around it do.
constexpr double kMinColumnWidth = 8;

// Whether line `b` continues the text block of line `a` just above it: one size, just
// below it and overlapping it horizontally.
bool stacks(const Line& a, const Line& b) {
  const double overlap = std::min(a.box.x1, b.box.x1) - std::max(a.box.x0, b.box.x0);
  return std::abs(a.size - b.size) <= kSameSize && b.box.y0 >= a.box.y0 &&
         b.box.y0 - a.box.y1 < 1.5 * b.size && overlap > 0;
}

// Lines [begin, end) of Poppler's order that stack into one block.
struct Run {
  std::size_t begin = 0, end = 0;
  Box box;
  double size = 0;  ///< of its first line
  /// Within the page's top or bottom band, where furniture sits: such a run keeps its
  /// place in Poppler's order (a site's footer line under the columns stays out of
  /// the paragraph that goes on over the page break).
  bool in_band = false;
  bool row_cell = false;  ///< read in its rows after the run to its left (next_in_row)
};

bool same_baseline(const Line& a, const Line& b) {
  return std::abs(a.box.y1 - b.box.y1) <= 0.1 * std::min(a.size, b.size);
}

// A table read row by row, whose row order stands: the run's first line is the next
// cell after the line Poppler gives before it, to its left on its baseline and in its
// type (a heading beside the next column's first line is no cell of its row); or the
// run is a narrow column whose rows run on from the wider run Poppler gives before
// it (a contents page's page numbers beside the entries they belong to). Columns of
// text on one baseline grid are about as wide as each other.
bool next_in_row(const std::vector<Line>& lines, const Run& before, const Run& run) {
  const Line& first = lines[run.begin];
  const Line& previous = lines[run.begin - 1];
  if (previous.box.x1 <= first.box.x0 + kSameEdge && same_baseline(previous, first) &&
      std::abs(previous.size - first.size) <= kSameSize) {
    return true;
  }
  if (before.box.x1 > run.box.x0 + kSameEdge ||
      run.box.width() >= kColumnWidthShare * before.box.width()) {
    return false;
  }
  return std::any_of(lines.begin() + static_cast<std::ptrdiff_t>(before.begin),
                     lines.begin() + static_cast<std::ptrdiff_t>(before.end),
                     [&](const Line& line) { return same_baseline(line, first); });
}

bool overlap_across(const Box& a, const Box& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0);
}

// Rule 1 (Breuel's): of two runs one above the other in a shared column, the upper
// one comes first. Lines set a little higher (a superscript Poppler left alone) are
// not above.
bool above_in_column(const Run& a, const Run& b) {
  return overlap_across(a.box, b.box) && a.box.y0 < b.box.y0 &&
         a.box.y1 - b.box.y0 < 0.5 * std::min(a.size, b.size);
}

// Whether the run sits under two runs side by side, across the gap between them: a
// line under the feet of two columns (a site's footer) is in neither of them.
bool straddles(const std::vector<Run>& runs, const Run& a) {
  std::vector<const Box*> above;
  for (const Run& c : runs) {
    if (!c.in_band && c.box.y1 <= a.box.y0 + kSameEdge && overlap_across(c.box, a.box)) {
      above.push_back(&c.box);
    }
  }
  for (const Box* c : above) {
    for (const Box* d : above) {
      if (c->x1 <= d->x0 && c->y0 < d->y1 && d->y0 < c->y1) return true;
    }
  }
  return false;
}

std::vector<Run> stacked_runs(const Page& page) {
  constexpr double kBand = 0.09;  // of the page height, as the furniture's shape band
  std::vector<Run> runs;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (!runs.empty() && stacks(page.lines[i - 1], line)) {
      Run& run = runs.back();
      run.end = i + 1;
      run.box = {std::min(run.box.x0, line.box.x0), run.box.y0, std::max(run.box.x1, line.box.x1),
                 std::max(run.box.y1, line.box.y1)};
      continue;
    }
    runs.push_back({i, i + 1, line.box, line.size, false, false});
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    Run& run = runs[r];
    run.in_band = run.box.y1 <= page.height * kBand || run.box.y0 >= page.height * (1 - kBand);
    run.row_cell = r > 0 && next_in_row(page.lines, runs[r - 1], run);
  }
  return runs;
}

// Rule 2, kept to what Poppler gets wrong: a run left of run `b`, wholly below it or
// beside it, comes before `b`, as a column is read to its foot before the next one.
// Not when something spanning both lies between them (a figure across the page: the
// columns above it are read first), nor when `b` is a table's cell read in its row;
// and only for a run in a column (run_order asks straddles last, as it costs the
// most). Poppler jumps back to a column's lower part after the top of the next one
// when a figure or a float interrupts its flow, and may read a page's right column
// before its left one (a paper's abstract after the introduction beside it).
bool left_column_first(const std::vector<Run>& runs, const Run& a, const Run& b, double unit) {
  const bool below = b.box.y1 <= a.box.y0 + kSameEdge;
  const bool beside = a.box.y0 < b.box.y1 - kSameEdge && b.box.y0 < a.box.y1 - kSameEdge;
  if (b.row_cell || a.box.x1 > b.box.x0 + kSameEdge || !(below || beside) ||
      a.box.width() < kColumnWidthShare * b.box.width() || a.box.width() < kMinColumnWidth * unit) {
    return false;
  }
  return std::none_of(runs.begin(), runs.end(), [&](const Run& c) {
    return c.box.y0 >= b.box.y1 - kSameEdge && c.box.y1 <= a.box.y0 + kSameEdge &&
           overlap_across(c.box, a.box) && overlap_across(c.box, b.box);
  });
}

// The runs in an order that keeps both rules, otherwise as close to Poppler's as
// can be: of the runs whose predecessors are all placed, the earliest in Poppler's
// order goes next. Should the rules contradict each other, the earliest run left
// goes next.
std::vector<std::size_t> run_order(const std::vector<Run>& runs, double unit) {
  const std::size_t n = runs.size();
  std::vector<std::size_t> waiting_for(n, 0);
  std::vector<std::vector<std::size_t>> successors(n);
  std::vector<signed char> straddling(n, -1);  // found once a run needs it
  const auto in_column = [&](std::size_t a) {
    if (straddling[a] < 0) straddling[a] = straddles(runs, runs[a]) ? 1 : 0;
    return straddling[a] == 0;
  };
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (a == b || runs[a].in_band || runs[b].in_band) continue;
      if (above_in_column(runs[a], runs[b]) ||
          (left_column_first(runs, runs[a], runs[b], unit) && in_column(a))) {
        successors[a].push_back(b);
        ++waiting_for[b];
      }
    }
  }
  std::vector<std::size_t> order;
  std::vector<bool> placed(n, false);
  while (order.size() < n) {
    std::size_t next = n;
    for (std::size_t i = 0; i < n && next == n; ++i) {
      if (!placed[i] && waiting_for[i] == 0) next = i;
    }
    for (std::size_t i = 0; i < n && next == n; ++i) {
      if (!placed[i]) next = i;
    }
    placed[next] = true;
    order.push_back(next);
    for (const std::size_t s : successors[next]) waiting_for[s] -= waiting_for[s] > 0 ? 1 : 0;
  }
  return order;
}

}  // namespace

void order_columns(Page& page) {
  const std::vector<Run> runs = stacked_runs(page);
  if (runs.size() < 3 || runs.size() > kMaxRuns) return;
  const std::vector<std::size_t> order = run_order(runs, page_unit(page.lines));
  if (std::is_sorted(order.begin(), order.end())) return;
  std::vector<Line> ordered;
  ordered.reserve(page.lines.size());
  for (const std::size_t r : order) {
    for (std::size_t i = runs[r].begin; i < runs[r].end; ++i)
      ordered.push_back(std::move(page.lines[i]));
  }
  page.lines = std::move(ordered);
}

// Lines are first grouped into text blocks (stacked runs). A block spans its column;
// short blocks (a one-line paragraph) take their right edge from the other blocks
// in the same type that start at the same left edge on the page, so an indented or
// short line is measured against the whole column (fixtures/pdf/two_column).
void assign_columns(Page& page) {
  struct Block {
    std::size_t begin, end;
    Box box;
    double size;
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& b = page.lines[i];
    if (!blocks.empty()) {
      Block& block = blocks.back();
      if (stacks(page.lines[i - 1], b)) {
        block.end = i + 1;
        block.box.x0 = std::min(block.box.x0, b.box.x0);
        block.box.x1 = std::max(block.box.x1, b.box.x1);
        continue;
      }
    }
    blocks.push_back({i, i + 1, b.box, b.size});
  }
  for (const Block& block : blocks) {
    double right = block.box.x1;
    for (const Block& other : blocks) {
      if (std::abs(other.box.x0 - block.box.x0) <= kSameEdge &&
          std::abs(other.size - block.size) <= kSameSize) {
        right = std::max(right, other.box.x1);
      }
    }
    for (std::size_t i = block.begin; i < block.end; ++i) {
      page.lines[i].col_left = block.box.x0;
      page.lines[i].col_right = right;
    }
  }
}

}  // namespace galley::pdf
