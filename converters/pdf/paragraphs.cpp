// Lines into headings and paragraphs.
//
// Between two consecutive lines of one column a paragraph ends at a wider gap than
// the usual line pitch, at a first-line indent, or after a line that stopped short
// although the next line's first word would have fitted. At a column or page
// break (the next line is higher up, or on the next page) the paragraph continues
// when the last line ran to the column edge, the next line is not indented, and
// the text does not end a sentence there (fixtures/pdf/paragraph_across_pages).
// This join uses the geometry only the reader has, so it happens here; the shared
// join_split_paragraphs pass covers readers without geometry.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// A baseline distance this much above the usual pitch is a paragraph gap.
constexpr double kGapRatio = 1.35;
// A first line starting this many font sizes right of its column is indented.
constexpr double kIndent = 0.8;
// A heading has at most this many lines and words.
constexpr std::size_t kMaxHeadingLines = 3;
constexpr std::size_t kMaxHeadingWords = 30;

struct Group {
  bool heading = false;
  bool title = false;
  std::vector<const Line*> lines;
};

bool is_letter_start(unsigned char c) { return std::isalpha(c) || c >= 0xC0; }

// Strips quotes and brackets from the front (`front`) or back of the text.
std::string_view strip_quotes(std::string_view text, bool front) {
  static constexpr std::string_view kMarks[] = {
      "\"", "'", "(", ")", "[", "]", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB"};
  text = detail::trim(text);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view mark : kMarks) {
      if (front ? text.starts_with(mark) : text.ends_with(mark)) {
        if (front) {
          text.remove_prefix(mark.size());
        } else {
          text.remove_suffix(mark.size());
        }
        stripped = true;
      }
    }
  }
  return text;
}

bool starts_lower(std::string_view text) {
  text = strip_quotes(text, true);
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text.front());
  if (c < 0x80) return std::islower(c) || std::isdigit(c);
  std::size_t pos = 0;
  const char32_t cp = detail::next_code_point(text, pos);
  // Latin-1 and Latin Extended-A lower case letters.
  return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x100 && cp <= 0x17F && cp % 2 == 1);
}

bool ends_sentence(std::string_view text) {
  text = strip_quotes(text, false);
  if (text.empty()) return false;
  const char c = text.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || text.ends_with("\u2026");
}

// The key a word has in the vocabulary: lower case, surrounding punctuation gone.
std::string vocabulary_key(std::string_view word) {
  std::size_t b = 0, e = word.size();
  while (b < e && !std::isalnum(static_cast<unsigned char>(word[b])) &&
         static_cast<unsigned char>(word[b]) < 0x80) {
    ++b;
  }
  while (e > b && !std::isalnum(static_cast<unsigned char>(word[e - 1])) &&
         static_cast<unsigned char>(word[e - 1]) < 0x80) {
    --e;
  }
  return detail::to_lower_ascii(word.substr(b, e - b));
}

// A line-end hyphen: ASCII hyphen-minus or U+2010.
std::size_t hyphen_length(std::string_view text) {
  if (text.size() >= 2 && text.back() == '-') return 1;
  if (text.size() >= 4 && text.ends_with("\u2010")) return 3;
  return 0;
}

// Running text: enough words, and punctuation that sentences have.
bool is_prose(std::string_view text, std::size_t words) {
  constexpr std::size_t kMinWords = 8;
  if (words < kMinWords) return false;
  return ends_sentence(text) || text.find(". ") != std::string_view::npos ||
         text.find(", ") != std::string_view::npos;
}

struct Piece {
  std::string text;
  bool space_after = false;
  bool bold = false;
  bool italic = false;
};

// Words into inlines: runs in bold become Strong, in italics Emphasis; the space
// after a run stays outside it.
Inlines styled(const std::vector<Piece>& words) {
  Inlines out;
  std::string plain;
  const auto flush_plain = [&] {
    if (!plain.empty()) out.push_back({Text{std::move(plain)}});
    plain.clear();
  };
  for (std::size_t i = 0; i < words.size();) {
    std::size_t end = i;
    std::string run;
    while (end < words.size() && words[end].bold == words[i].bold &&
           words[end].italic == words[i].italic) {
      run += words[end].text;
      if (end + 1 < words.size() && words[end].space_after) run += ' ';
      ++end;
    }
    const bool trailing_space = !run.empty() && run.back() == ' ';
    if (trailing_space) run.pop_back();
    if (!words[i].bold && !words[i].italic) {
      plain += run;
    } else {
      flush_plain();
      Inline inline_run{Text{run}};
      if (words[i].italic) inline_run = {Emphasis{{inline_run}}};
      if (words[i].bold) inline_run = {Strong{{inline_run}}};
      out.push_back(std::move(inline_run));
    }
    if (trailing_space) plain += ' ';
    i = end;
  }
  flush_plain();
  return out;
}

class ParagraphBuilder {
 public:
  ParagraphBuilder(std::vector<Page>& pages, double body) : pages_(pages), body_(body) {
    for (const Page& page : pages) {
      for (const Line& line : page.lines) lines_.push_back(&line);
    }
    measure_pitch();
    collect_vocabulary();
  }

  std::vector<TextBlock> build() {
    std::vector<Group> groups;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = *lines_[i];
      if (groups.empty() || line.title != lines_[i - 1]->title ||
          starts_new_group(*lines_[i - 1], line)) {
        groups.push_back({is_heading_line(line, body_), line.title, {}});
      }
      groups.back().lines.push_back(&line);
    }
    // Headings are short: a long run of large type is body text set large (a
    // standfirst), or the body when most characters are in smaller type.
    for (Group& g : groups) {
      std::size_t words = 0;
      for (const Line* line : g.lines) words += line->words.size();
      if (g.lines.size() > kMaxHeadingLines || words > kMaxHeadingWords) g.heading = false;
    }
    lines_ = {};
    return to_blocks(groups);
  }

 private:
  // The usual baseline distance, as a multiple of the font size, of consecutive
  // lines in one column.
  void measure_pitch() {
    std::map<int, int> ratios;  // hundredths -> count
    for (std::size_t i = 1; i < lines_.size(); ++i) {
      const Line& a = *lines_[i - 1];
      const Line& b = *lines_[i];
      if (a.page != b.page || a.col_left != b.col_left || std::abs(a.size - b.size) > 0.1) continue;
      const double d = (b.box.y1 - a.box.y1) / a.size;
      if (d > 0.8 && d < 3) ++ratios[static_cast<int>(std::lround(d * 20)) * 5];
    }
    if (!ratios.empty()) {
      pitch_ratio_ =
          std::max_element(ratios.begin(), ratios.end(),
                           [](const auto& x, const auto& y) { return x.second < y.second; })
              ->first /
          100.0;
    }
  }

  // Words as printed inside lines, to tell "infor-mation" from "US-led" at a break.
  void collect_vocabulary() {
    for (const Line* line : lines_) {
      for (std::size_t i = 0; i + 1 < line->words.size(); ++i) {
        vocabulary_.insert(vocabulary_key(line->word(i)));
      }
    }
  }

  double indent(const Line& line) const { return line.box.x0 - line.col_left; }

  // The line stopped although the next line's first word would have fitted.
  bool ended_early(const Line& a, const Line& b) const {
    const double room = a.col_right - a.box.x1;
    const double word = b.first_word_width;
    return room > word + 0.6 * a.size;
  }

  bool starts_new_group(const Line& a, const Line& b) const {
    const bool ha = is_heading_line(a, body_);
    const bool hb = is_heading_line(b, body_);
    if (ha != hb || std::abs(a.size - b.size) > 0.1 * body_ || (ha && a.bold != b.bold)) {
      return true;
    }
    const bool flow_break = a.page != b.page || b.box.y0 < a.box.y0;
    if (ha) return flow_break || b.box.y0 - a.box.y1 > a.size;
    if (flow_break) return !continues_across(a, b);
    if (b.box.y1 - a.box.y1 > kGapRatio * pitch_ratio_ * a.size) return true;
    if (indent(b) > kIndent * b.size && indent(a) < kIndent * a.size) return true;
    return ended_early(a, b) && (ends_sentence(a.text) || !starts_lower(b.text));
  }

  bool continues_across(const Line& a, const Line& b) const {
    if (indent(b) > kIndent * b.size || ended_early(a, b)) return false;
    return !ends_sentence(a.text) || starts_lower(b.text);
  }

  // Whether the hyphen ending `head` (a line's last word, hyphen removed) is one
  // the typesetter added: not when the word is printed with its hyphen elsewhere or
  // the halves do not look like one word (fixtures/pdf/hyphenated_break).
  bool drops_hyphen(std::string_view head, std::string_view tail) const {
    const std::string head_text(head);
    if (vocabulary_.count(vocabulary_key(head_text + "-" + std::string(tail))) > 0) return false;
    if (vocabulary_.count(vocabulary_key(head_text + std::string(tail))) > 0) return true;
    return !head.empty() && is_letter_start(static_cast<unsigned char>(head.back())) &&
           !std::isupper(static_cast<unsigned char>(head.back())) && starts_lower(tail);
  }

  // The group's words in order, each with the space that follows it; line ends
  // become spaces, or nothing after a hyphen.
  std::vector<Piece> pieces(const Group& group) const {
    std::vector<Piece> out;
    for (std::size_t l = 0; l < group.lines.size(); ++l) {
      const Line& line = *group.lines[l];
      const Line* next = l + 1 < group.lines.size() ? group.lines[l + 1] : nullptr;
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        const LineWord& w = line.words[i];
        const std::string_view text = line.word(i);
        Piece piece{std::string(text), w.space_after, w.bold, w.italic};
        if (i + 1 == line.words.size() && next) {
          const std::size_t hyphen = hyphen_length(text);
          piece.space_after = hyphen == 0;
          if (hyphen > 0 && drops_hyphen(text.substr(0, text.size() - hyphen), next->word(0))) {
            piece.text.resize(text.size() - hyphen);
          }
        }
        out.push_back(std::move(piece));
      }
    }
    return out;
  }

  // Releases the lines of the pages before page number `page`: the groups still to
  // be built start there.
  void release_pages_before(int page) {
    for (; released_ < pages_.size() && pages_[released_].number < page; ++released_) {
      pages_[released_].lines = {};
    }
  }

  std::vector<TextBlock> to_blocks(const std::vector<Group>& groups) {
    std::set<double, std::greater<>> heading_sizes;
    for (const Group& g : groups) {
      if (g.heading) heading_sizes.insert(g.lines.front()->size);
    }
    std::vector<TextBlock> blocks;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const Group& g = groups[i];
      if (i > 0) release_pages_before(g.lines.front()->page);
      const std::vector<Piece> words = pieces(g);
      std::string text;
      for (const Piece& p : words) text += p.text + (p.space_after ? " " : "");
      text = detail::collapse_whitespace(text);
      if (text.empty()) continue;
      TextBlock block;
      block.title = g.title;
      block.page = g.lines.front()->page;
      block.markers = std::any_of(g.lines.begin(), g.lines.end(),
                                  [](const Line* line) { return line->markers; });
      block.words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
      block.prose = !g.heading && is_prose(text, block.words);
      if (g.heading) {
        const auto rank =
            std::distance(heading_sizes.begin(), heading_sizes.find(g.lines.front()->size));
        block.block = {
            Heading{static_cast<int>(std::min<long>(rank + 2, 6)), {Inline{Text{text}}}}};
      } else {
        block.block = {Paragraph{styled(words)}};
      }
      blocks.push_back(std::move(block));
    }
    return blocks;
  }

  std::vector<Page>& pages_;
  std::size_t released_ = 0;  ///< pages_[0, released_) have had their lines released
  double body_;
  double pitch_ratio_ = 1.2;
  std::vector<const Line*> lines_;
  std::set<std::string> vocabulary_;
};

}  // namespace

std::vector<TextBlock> build_blocks(std::vector<Page>& pages, double body) {
  return ParagraphBuilder(pages, body).build();
}

}  // namespace galley::pdf
