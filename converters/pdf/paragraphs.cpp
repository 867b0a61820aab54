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
#include <deque>
#include <map>
#include <set>
#include <unordered_set>

#include <galley/recover.hpp>

#include "detail/prose.hpp"
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
  bool hanging = false;  ///< its second line is indented: a hanging indent
  std::vector<const Line*> lines;
};

bool is_letter_start(unsigned char c) { return std::isalpha(c) || c >= 0xC0; }

// A line that opens in lower case or with a number reads on from the line before.
bool opens_mid_sentence(std::string_view text) {
  const detail::Opening opening = detail::opening_of(text);
  return opening.lower || opening.digit;
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
  return detail::ends_sentence(text) || text.find(". ") != std::string_view::npos ||
         text.find(", ") != std::string_view::npos;
}

struct Piece {
  std::string text;
  bool space_after = false;
  bool bold = false;
  bool italic = false;
  const Mark* leading = nullptr;  ///< a marker printed before it, opening its line
  const Mark* after = nullptr;    ///< the markers printed right after it
};

// The text of a block's words, whitespace collapsed, and the markers dropped from
// them at their offsets in it.
std::string joined_text(const std::vector<Piece>& words, std::vector<Mark>& marks) {
  std::string text;
  std::vector<std::size_t> offsets;
  const auto mark = [&](const Mark* m) {
    if (m == nullptr) return;
    marks.push_back(*m);
    offsets.push_back(text.size());
  };
  for (const Piece& p : words) {
    mark(p.leading);
    text += p.text;
    mark(p.after);
    if (p.space_after) text += ' ';
  }
  text = detail::collapse_whitespace(text, offsets);
  for (std::size_t k = 0; k < marks.size(); ++k) marks[k].at = offsets[k];
  return text;
}

}  // namespace

bool is_section_number(std::string_view word) {
  return !word.empty() && word.find_first_not_of("0123456789.IVX") == std::string_view::npos;
}

namespace {

// A section heading set in body type, alone on its line and ending no sentence, with
// a word in it: bold throughout ("Background", "2.1 Setup"), or numbered in capitals
// ("IV. RESULTS"; "0 0.005" on a figure's axis is no heading). A byline in bold is no
// heading.
bool is_section_heading(const std::vector<Piece>& words, const std::string& text) {
  constexpr std::size_t kMaxWords = 12;
  if (words.empty() || words.size() > kMaxWords || detail::ends_sentence(text)) return false;
  const auto c = static_cast<unsigned char>(text.front());
  if ((!std::isupper(c) && !std::isdigit(c)) || !has_word(text)) return false;
  const bool bold = std::all_of(words.begin(), words.end(), [](const Piece& p) { return p.bold; });
  if (bold) return !parse_byline(text).has_value();
  const std::size_t first_word = text.find(' ');
  const std::string_view number = std::string_view(text).substr(0, first_word);
  const bool numbered = first_word != std::string::npos && is_section_number(number);
  const std::string_view rest = std::string_view(text).substr(first_word + 1);
  const bool capitals = std::none_of(rest.begin(), rest.end(), [](char ch) {
    return std::islower(static_cast<unsigned char>(ch));
  });
  return numbered && capitals && rest.size() > 2;
}

// A section label as a numbered heading prints it: "2", "2.1.", "IV." (a bare roman
// numeral needs its dot: "I" is a word).
bool is_section_label(std::string_view word) {
  const bool digits = word.find_first_of("0123456789") != std::string_view::npos;
  return is_section_number(word) && (digits || (word.size() > 1 && word.back() == '.'));
}

// A line that reads as a numbered section title: "2.1. Characterisation of flow
// regime", "III. Related Work": a section label, then a capitalised title of a few
// words that ends no sentence. Returns the label, empty when it is none.
std::string_view numbered_title_label(std::string_view text, std::size_t words) {
  constexpr std::size_t kMaxWords = 12;
  const std::size_t space = text.find(' ');
  if (words < 2 || words > kMaxWords || space == std::string_view::npos ||
      detail::ends_sentence(text))
    return {};
  const std::string_view label = text.substr(0, space);
  const auto first = static_cast<unsigned char>(text[space + 1]);
  return is_section_label(label) && std::isupper(first) ? label : std::string_view{};
}

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

// The usual baseline distance, as a multiple of the font size, of consecutive
// lines in one column; 1.2 when no two lines show it.
double measure_pitch(const std::vector<Page>& pages) {
  std::map<int, int> ratios;  // hundredths -> count
  for (const Page& page : pages) {
    for (std::size_t i = 1; i < page.lines.size(); ++i) {
      const Line& a = page.lines[i - 1];
      const Line& b = page.lines[i];
      if (a.col_left != b.col_left || std::abs(a.size - b.size) > 0.1) continue;
      const double d = (b.box.y1 - a.box.y1) / a.size;
      if (d > 0.8 && d < 3) ++ratios[static_cast<int>(std::lround(d * 20)) * 5];
    }
  }
  if (ratios.empty()) return 1.2;
  return std::max_element(ratios.begin(), ratios.end(),
                          [](const auto& x, const auto& y) { return x.second < y.second; })
             ->first /
         100.0;
}

// A line that runs to its column's right edge.
bool is_full(const Line& line) { return line.col_right - line.box.x1 < 0.5 * line.size; }

// Whether the text is justified: most lines followed by another of their paragraph
// run to the column's right edge, where ragged text stops wherever a word ends.
bool measure_justified(const std::vector<Page>& pages) {
  constexpr double kJustifiedShare = 0.75;
  std::size_t lines = 0, full = 0;
  for (const Page& page : pages) {
    for (std::size_t i = 1; i < page.lines.size(); ++i) {
      const Line& a = page.lines[i - 1];
      const Line& b = page.lines[i];
      if (a.col_left != b.col_left || std::abs(a.size - b.size) > 0.1 || b.box.y0 < a.box.y0 ||
          a.words.size() < 4) {
        continue;
      }
      ++lines;
      full += is_full(a) ? 1 : 0;
    }
  }
  return lines > 0 && static_cast<double>(full) > kJustifiedShare * static_cast<double>(lines);
}

}  // namespace

class BlockBuilder::Impl {
 public:
  Impl(std::vector<Page> first_pages, double body)
      : body_(body),
        pitch_ratio_(measure_pitch(first_pages)),
        justified_(measure_justified(first_pages)) {
    // All their words are known before the first hyphen at a line end is judged.
    for (const Page& page : first_pages) learn_words(page);
    for (Page& page : first_pages) take(std::move(page));
  }

  void add(Page page) {
    learn_words(page);
    take(std::move(page));
  }

  std::vector<TextBlock> finish() {
    close_group(nullptr);
    pages_.clear();
    // Heading levels follow the heading sizes of the whole document, largest first.
    for (TextBlock& block : blocks_) {
      if (auto* heading = std::get_if<Heading>(&block.block.node)) {
        const auto rank = std::distance(heading_sizes_.begin(), heading_sizes_.find(block.size));
        heading->level = static_cast<int>(std::min<long>(rank + 2, 6));
      }
    }
    return std::move(blocks_);
  }

 private:
  // Groups the page's lines into paragraphs, closing those that end on it.
  void take(Page page) {
    pages_.push_back(std::move(page));
    // A deque keeps its elements in place as it grows, so the lines stay put.
    const std::vector<Line>& lines = pages_.back().lines;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& line = lines[i];
      const Line* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
      if (open_.lines.empty() || line.title != previous_->title ||
          starts_new_group(*previous_, line, next)) {
        close_group(&line);
        open_ = {is_heading_line(line, body_), line.title, false, {}};
      }
      open_.hanging = open_.hanging || (open_.lines.size() == 1 && indented(line));
      open_.lines.push_back(&line);
      previous_ = &line;
    }
    // Only the open paragraph's pages and the last page (the line before the next
    // page's first) are still needed.
    const int needed = open_.lines.empty() ? pages_.back().number : open_.lines.front()->page;
    while (pages_.size() > 1 && pages_.front().number < needed) pages_.pop_front();
  }

  // Words as printed inside lines, to tell "infor-mation" from "US-led" at a break.
  void learn_words(const Page& page) {
    for (const Line& line : page.lines) {
      for (std::size_t i = 0; i + 1 < line.words.size(); ++i) {
        vocabulary_.insert(vocabulary_key(line.word(i)));
      }
    }
  }

  double indent(const Line& line) const { return line.box.x0 - line.col_left; }
  bool indented(const Line& line) const { return indent(line) > kIndent * line.size; }

  // The line stopped although the next line's first word would have fitted. A line
  // set apart in its own type ("Background" over its section) has a column of its
  // own; the next line's shows how wide it is when the two share their left edge.
  bool ended_early(const Line& a, const Line& b) const {
    const double right = std::abs(a.col_left - b.col_left) <= kSameEdge
                             ? std::max(a.col_right, b.col_right)
                             : a.col_right;
    const double room = right - a.box.x1;
    const double word = b.first_word_width;
    return room > word + 0.6 * a.size;
  }

  // A hanging indent (a reference list, a glossary, a list with its marks hung): an
  // entry's lines after its first are set right of it. A flush line that runs on to
  // the column's edge in mid-sentence goes on in the indented line under it when it
  // breaks a word, or when the line after that is indented alike or opens the next
  // entry (the indented line ended early, as an entry's last line does). A paragraph's
  // indented first line is followed by a flush line that goes on with it (a byline over
  // it). fixtures/pdf/hanging_references; BlockBuilder tests.
  bool hangs(const Line& a, const Line& b, const Line* c) const {
    if (indented(a) || !indented(b) || detail::ends_sentence(a.text) || ended_early(a, b))
      return false;
    // Centred lines (a title block's affiliations) move in at both ends alike.
    const bool centred = std::abs((b.box.x0 - a.box.x0) - (a.box.x1 - b.box.x1)) < 0.5 * b.size;
    if (centred) return false;
    // A word broken at the line's end goes on under it.
    if (hyphen_length(a.text) > 0) return true;
    if (c == nullptr || c->box.y0 < b.box.y1 || std::abs(c->col_left - b.col_left) > kSameEdge)
      return !is_full(b);
    return std::abs(c->box.x0 - b.box.x0) <= kSameEdge || (!indented(*c) && ended_early(b, *c));
  }

  bool starts_new_group(const Line& a, const Line& b, const Line* next) const {
    const bool ha = is_heading_line(a, body_);
    const bool hb = is_heading_line(b, body_);
    if (ha != hb || std::abs(a.size - b.size) > 0.1 * body_ || (ha && a.bold != b.bold)) {
      return true;
    }
    const bool flow_break = a.page != b.page || b.box.y0 < a.box.y0;
    // A heading line that stopped short at the left of its column ends its heading
    // ("Materials and methods" over "Genetic materials, growth and conditions"); a
    // title's lines may be broken by hand and centred, and stay one.
    if (ha) {
      return flow_break || b.box.y0 - a.box.y1 > a.size ||
             (!a.title && !indented(a) && ended_early(a, b));
    }
    if (flow_break) return !continues_across(a, b);
    if (b.box.y1 - a.box.y1 > kGapRatio * pitch_ratio_ * a.size) return true;
    if (indented(b) && !indented(a)) return !hangs(a, b, next);
    // An entry set with a hanging indent ends at the next flush line, the next entry's
    // first.
    if (open_.hanging && indented(a) && !indented(b)) return true;
    // A numbered title opens its section under one that stopped short ("2. Methods"
    // over "2.1. The survey"), though a number may go on a sentence.
    if (ended_early(a, b) && !numbered_title_label(b.text, b.words.size()).empty()) return true;
    // A short line in bold over one that is not is a run-in head on a line of its own.
    return ended_early(a, b) &&
           (detail::ends_sentence(a.text) || !opens_mid_sentence(b.text) || a.bold != b.bold);
  }

  // In justified text a paragraph's last line is short, so a full line before the
  // break means the paragraph goes on, even where a sentence ends with the line.
  bool continues_across(const Line& a, const Line& b) const {
    // A hanging entry goes on in the indented line at the top of the next column.
    if (open_.hanging && indented(b)) return !ended_early(a, b) && a.bold == b.bold;
    if (indented(b) || ended_early(a, b) || a.bold != b.bold) return false;
    if (justified_ && is_full(a)) return true;
    return !detail::ends_sentence(a.text) || opens_mid_sentence(b.text);
  }

  // Whether the hyphen ending `head` (a line's last word, hyphen removed) is one
  // the typesetter added: not when the word is printed with its hyphen elsewhere or
  // the halves do not look like one word (fixtures/pdf/hyphenated_break).
  bool drops_hyphen(std::string_view head, std::string_view tail) const {
    const std::string head_text(head);
    if (vocabulary_.count(vocabulary_key(head_text + "-" + std::string(tail))) > 0) return false;
    if (vocabulary_.count(vocabulary_key(head_text + std::string(tail))) > 0) return true;
    return !head.empty() && is_letter_start(static_cast<unsigned char>(head.back())) &&
           !std::isupper(static_cast<unsigned char>(head.back())) && opens_mid_sentence(tail);
  }

  // The group's words in order, each with the space that follows it; line ends
  // become spaces, or nothing after a hyphen.
  std::vector<Piece> pieces(const Group& group) const {
    std::vector<Piece> out;
    for (std::size_t l = 0; l < group.lines.size(); ++l) {
      const Line& line = *group.lines[l];
      const Line* next = l + 1 < group.lines.size() ? group.lines[l + 1] : nullptr;
      std::size_t mark = 0;  // line.marks are in order: the leading one, then by offset
      for (std::size_t i = 0; i < line.words.size(); ++i) {
        const LineWord& w = line.words[i];
        const std::string_view text = line.word(i);
        Piece piece{std::string(text), w.space_after, w.bold, w.italic};
        if (i == 0 && mark < line.marks.size() && line.marks[mark].leading) {
          piece.leading = &line.marks[mark++];
        }
        if (mark < line.marks.size() && line.marks[mark].at == w.begin + w.length) {
          piece.after = &line.marks[mark++];
        }
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

  // The open group becomes a block; `next` is the line after it, if any. Headings are
  // short: a long run of large type is body text set large (a standfirst), or the body
  // when most characters are in smaller type.
  void close_group(const Line* next) {
    if (open_.lines.empty()) return;
    const Group& g = open_;
    std::size_t line_words = 0;
    for (const Line* line : g.lines) line_words += line->words.size();
    const std::vector<Piece> words = pieces(g);
    std::vector<Mark> marks;
    const std::string text = joined_text(words, marks);
    const bool heading =
        (g.heading && g.lines.size() <= kMaxHeadingLines && line_words <= kMaxHeadingWords) ||
        (!g.title && g.lines.size() == 1 && is_section_heading(words, text));
    const double size = g.lines.front()->size;
    if (heading) heading_sizes_.insert(size);
    if (!text.empty()) {
      TextBlock block;
      block.title = g.title;
      block.page = g.lines.front()->page;
      block.size = size;
      block.markers = std::any_of(g.lines.begin(), g.lines.end(),
                                  [](const Line* line) { return line->markers; });
      block.marks = std::move(marks);
      block.indented = indented(*g.lines.front());
      double left = g.lines.front()->box.x0, right = g.lines.front()->box.x1;
      for (const Line* line : g.lines) {
        left = std::min(left, line->box.x0);
        right = std::max(right, line->box.x1);
      }
      block.width = right - left;
      block.hanging = g.hanging && !block.indented && !heading;
      block.words = static_cast<std::size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
      block.prose = !heading && is_prose(text, block.words);
      if (heading) {
        block.block = {Heading{0, {Inline{Text{text}}}}};  // level set by finish()
      } else {
        block.block = {Paragraph{styled(words)}};
      }
      blocks_.push_back(std::move(block));
      // A title stops short, where the next line's first word would have fitted; a
      // reference's first line runs on.
      const bool short_line =
          g.lines.size() == 1 && (next == nullptr || ended_early(*g.lines.front(), *next));
      follow_numbered_titles(short_line && !g.title && !heading
                                 ? numbered_title_label(text, blocks_.back().words)
                                 : std::string_view{});
    }
    open_.lines.clear();
  }

  // Numbered headings set in body type, alone on their line (fixtures/pdf/numbered_headings):
  // a numbered title ("1. Introduction") is a heading when running text follows it, or
  // another numbered title under it ("2. Methods" over "2.1. Characterisation of flow
  // regime"). Titles numbered in sequence without text between them are a list.
  // Called as each block closes, with its label when it is a numbered title.
  void follow_numbered_titles(std::string_view label) {
    const TextBlock& block = blocks_.back();
    if (!label.empty()) {
      const bool under = !numbered_.empty() && label.starts_with(numbered_.back().second) &&
                         label.size() > numbered_.back().second.size();
      if (!numbered_.empty() && !under) {
        in_list_ = true;
        numbered_.clear();
      }
      if (!in_list_) numbered_.emplace_back(blocks_.size() - 1, std::string(label));
      return;
    }
    if (block.prose) {
      for (const auto& [index, number] : numbered_) {
        TextBlock& title = blocks_[index];
        title.block = {Heading{0, {Inline{Text{plain_text(title.block)}}}}};
        title.prose = false;
        heading_sizes_.insert(title.size);
      }
    }
    numbered_.clear();
    in_list_ = false;
  }

  double body_;
  double pitch_ratio_;
  bool justified_;  ///< most lines run to the column edge: a full line is no paragraph's last
  std::unordered_set<std::string> vocabulary_;
  std::deque<Page> pages_;  ///< the pages whose lines the open group or the next line needs
  Group open_;
  const Line* previous_ = nullptr;
  std::vector<TextBlock> blocks_;
  /// Numbered titles waiting for what follows them: block index and section label.
  std::vector<std::pair<std::size_t, std::string>> numbered_;
  bool in_list_ = false;  ///< numbered titles in sequence seen since the last other block
  std::set<double, std::greater<>> heading_sizes_;
};

BlockBuilder::BlockBuilder(std::vector<Page> first_pages, double body)
    : impl_(std::make_unique<Impl>(std::move(first_pages), body)) {}
BlockBuilder::BlockBuilder(BlockBuilder&&) noexcept = default;
BlockBuilder& BlockBuilder::operator=(BlockBuilder&&) noexcept = default;
BlockBuilder::~BlockBuilder() = default;

void BlockBuilder::add(Page page) { impl_->add(std::move(page)); }

std::vector<TextBlock> BlockBuilder::finish() { return impl_->finish(); }

}  // namespace galley::pdf
