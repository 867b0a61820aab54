// PDF reader: the article back out of a PDF's text layer (text_layer.hpp).
//
// Reads positioned words with their fonts, rebuilds lines, headings and paragraphs,
// takes running headers/footers, page numbers and browser print headers out of the
// body into Article::furniture, and finds the title from the type sizes. Drops
// images, vector graphics, annotations, forms and outlines. Encrypted files open
// with an empty user password or ReadOptions::password; files without any text
// (scans) fail, as galley does no OCR. Poppler's own messages become warnings.
#include <algorithm>
#include <memory>
#include <optional>

#include <galley/registry.hpp>

#include "detail/text.hpp"
#include "pdf_layout.hpp"
#include "text_layer.hpp"

namespace galley::pdf {
namespace {

// Word text as the model wants it: soft hyphens dropped (Chromium prints them as
// part of the word), typographic ligatures expanded to their letters.
std::string clean_word_text(std::string text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
  if (plain) return text;
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = detail::next_code_point(text, pos);
    switch (cp) {
      case 0x00AD:
        break;
      case 0xFB00:
        out += "ff";
        break;
      case 0xFB01:
        out += "fi";
        break;
      case 0xFB02:
        out += "fl";
        break;
      case 0xFB03:
        out += "ffi";
        break;
      case 0xFB04:
        out += "ffl";
        break;
      case 0xFB05:
      case 0xFB06:
        out += "st";
        break;
      default:
        out.append(text, start, pos - start);
    }
  }
  return detail::sanitize_utf8(std::move(out));
}

// Maps a word's box on a page into the frame where text of its rotation (Poppler's
// quarter turns) reads left to right, top to bottom.
Box upright(const LayerWord& w, double width, double height) {
  const double x0 = w.x0, y0 = w.y0, x1 = w.x1, y1 = w.y1;
  switch (w.rotation) {
    case 1:
      return {y0, width - x1, y1, width - x0};
    case 2:
      return {width - x1, height - y1, width - x0, height - y0};
    case 3:
      return {height - y1, x0, height - y0, x1};
    default:
      return {x0, y0, x1, y1};
  }
}

struct PageWords {
  std::vector<Word> words;
  std::vector<Word> rotated;  ///< words turned against the page's main direction
  double width = 0, height = 0;
  bool turned = false;  ///< most text runs turned (a page set sideways, a /Rotate)
};

// The words of one page in Poppler's reading order, turned upright. Words running
// in a minority direction (margin stamps, rotated captions) are kept apart.
PageWords read_words(LayerPage& page) {
  PageWords out;
  int count[4] = {0, 0, 0, 0};
  for (const LayerWord& w : page.words) ++count[w.rotation];
  const int main_rotation = static_cast<int>(std::max_element(count, count + 4) - count);
  const bool sideways = main_rotation % 2 == 1;
  out.turned = main_rotation != 0;
  out.width = sideways ? page.height : page.width;
  out.height = sideways ? page.width : page.height;
  std::vector<FontStyle> styles;
  styles.reserve(page.fonts.size());
  for (const std::string& name : page.fonts) styles.push_back(font_style(name));
  out.words.reserve(page.words.size());
  for (LayerWord& lw : page.words) {
    Word w;
    w.text = clean_word_text(std::move(lw.text));
    if (detail::trim(w.text).empty()) continue;
    w.box = upright(lw, page.width, page.height);
    w.size = lw.size;
    w.bold = styles[lw.font].bold;
    w.italic = styles[lw.font].italic;
    w.space_after = lw.space_after;
    (lw.rotation == main_rotation ? out.words : out.rotated).push_back(std::move(w));
  }
  return out;
}

std::string text_of(const std::vector<Word>& words) {
  std::string text;
  for (const Word& w : words) {
    if (!text.empty()) text += ' ';
    text += w.text;
  }
  return text;
}

std::unique_ptr<TextLayer> open_layer(const Input& input, const ReadOptions& options,
                                      LayerMessages& messages) {
  OpenedLayer opened = open_text_layer(input.bytes, options.password, messages);
  switch (opened.status) {
    case LayerStatus::Opened:
      return std::move(opened.layer);
    case LayerStatus::NotPdf:
      throw Error(ErrorCode::Malformed, input.name, {}, "not a readable PDF");
    case LayerStatus::Encrypted:
      throw Error(ErrorCode::Unsupported, input.name, {},
                  options.password.empty()
                      ? "encrypted; password required (set ReadOptions::password)"
                      : "encrypted; the password is wrong");
    case LayerStatus::TooLarge:
      throw Error(ErrorCode::LimitExceeded, input.name, {}, "PDF larger than 2 GiB");
    case LayerStatus::LibraryMissing:
      break;
  }
  throw Error(ErrorCode::Unsupported, input.name, {},
              "PDF support is not installed: " + opened.detail);
}

int page_count(const TextLayer& layer, const Input& input, const ReadOptions& options) {
  const int count = layer.page_count();
  if (count <= 0) throw Error(ErrorCode::Malformed, input.name, {}, "the PDF has no pages");
  if (count > options.max_pages) {
    throw Error(ErrorCode::LimitExceeded, input.name, {},
                "the PDF has " + std::to_string(count) + " pages, over the limit of " +
                    std::to_string(options.max_pages) + " (raise ReadOptions::max_pages)");
  }
  return count;
}

// Page `index` (0-based) as lines in reading order; text running against the page's
// direction goes to `furniture`.
Page read_page(LayerPage& page, int index, std::vector<Furniture>& furniture) {
  PageWords words = read_words(page);
  if (!words.rotated.empty()) furniture.push_back({index + 1, text_of(words.rotated)});
  Page p{index + 1, words.width, words.height, build_lines(std::move(words.words), index + 1)};
  // Poppler orders turned text badly (columns and blocks reversed), so such a page
  // is put in order from the geometry instead (fixtures/pdf/rotated_two_column).
  if (words.turned) {
    order_by_geometry(p.lines);
  } else {
    order_columns(p);
  }
  assign_columns(p);
  return p;
}

// Pages flow from Poppler through the furniture filter into the block builder, so
// only a window of pages is held at a time. The first kTypePages pages wait until
// the body size, the title and the line pitch are known from them; after that each
// page passes straight through.
class PageFlow {
 public:
  static constexpr std::size_t kTypePages = 16;

  PageFlow(std::string info_title, std::vector<Furniture>& furniture)
      : info_title_(std::move(info_title)), furniture_(furniture) {}

  void add(Page page) {
    for (Page& decided : filter_.push(std::move(page), furniture_)) pass(std::move(decided));
  }

  std::vector<TextBlock> finish() {
    for (Page& decided : filter_.finish(furniture_)) pass(std::move(decided));
    if (!builder_) start();
    return builder_->finish();
  }

  /// The printed title, once finish() has run; empty when none stands out.
  const std::string& title() const { return title_; }
  /// Whether the pages, once finish() has run, are a browser's print.
  Layout layout() const { return layout_of(filter_.print_marks()); }

 private:
  void pass(Page page) {
    if (builder_) {
      builder_->add(std::move(page));
      return;
    }
    first_.push_back(std::move(page));
    if (first_.size() == kTypePages) start();
  }

  void start() {
    const double body = body_size(first_);
    title_ = mark_title(first_, body, info_title_);
    builder_.emplace(std::move(first_), body);
    first_.clear();  // moved from: valid but unspecified
  }

  std::string info_title_;
  std::vector<Furniture>& furniture_;
  FurnitureFilter filter_;
  std::vector<Page> first_;
  std::optional<BlockBuilder> builder_;
  std::string title_;
};

void report(const LayerMessages& messages, const std::string& name, Diagnostics& diag) {
  for (const std::string& m : messages.kept) diag.warn({name, {}, "poppler: " + m});
  if (messages.dropped > 0) {
    diag.warn({name, {}, std::to_string(messages.dropped) + " more poppler messages"});
  }
}

void add_furniture(const std::vector<TextBlock>& blocks, std::vector<Furniture>& furniture) {
  for (const TextBlock& block : blocks) furniture.push_back({block.page, plain_text(block.block)});
}

class PdfReader final : public Reader {
 public:
  Article read(const Input& input, const ReadOptions& options, Diagnostics& diag) const override {
    LayerMessages messages;
    Article article;
    try {
      article = read_article(input, options, messages, diag);
    } catch (...) {
      report(messages, input.name, diag);
      throw;
    }
    report(messages, input.name, diag);
    return article;
  }

 private:
  static Article read_article(const Input& input, const ReadOptions& options,
                              LayerMessages& messages, Diagnostics& diag) {
    const std::unique_ptr<TextLayer> layer = open_layer(input, options, messages);
    const int count = page_count(*layer, input, options);
    Article article;
    PageFlow flow(detail::collapse_whitespace(layer->title()), article.furniture);
    const Budget budget(options, input.name);
    bool any_page = false, any_text = false;
    LayerPage page;
    for (int i = 0; i < count; ++i) {
      const SourcePos at{i + 1, 0, 0};
      budget.check(at);
      const bool read = layer->read_page(
          i, [&] { return budget.spent(); }, page);
      budget.check(at);  // a page cut short by the budget is not used
      if (!read) {
        diag.warn({input.name, at, "page cannot be read; skipped"});
        continue;
      }
      Page lines = read_page(page, i, article.furniture);
      any_page = true;
      any_text = any_text || !lines.lines.empty();
      flow.add(std::move(lines));
    }
    if (!any_page) throw Error(ErrorCode::Malformed, input.name, {}, "no readable pages");
    if (!any_text) {
      throw Error(ErrorCode::Unsupported, input.name, {}, "no text layer; galley does no OCR");
    }
    std::vector<TextBlock> blocks = flow.finish();
    if (!flow.title().empty()) article.metadata.title = flow.title();
    const Layout layout = flow.layout();
    article.metadata.layout = layout == Layout::WebPrint ? "web-print" : "document";
    Selection selection = select_article(std::move(blocks), layout);
    if (selection.kept_all) {
      diag.warn({input.name,
                 {},
                 "printed web page: the article could not be told from the page's other "
                 "text, so all of its text is kept"});
    }
    read_front_matter(selection, article.metadata, options.date_order);
    // What is printed ahead of the title (a web print's navigation, a document's
    // masthead) is set apart as page furniture; what follows a web print's article
    // is its footer.
    if (layout == Layout::Document) {
      keep_reading_text_before_title(selection);
      read_scholarly(selection, article);
    }
    add_furniture(selection.before, article.furniture);
    std::stable_sort(article.furniture.begin(), article.furniture.end(),
                     [](const Furniture& a, const Furniture& b) { return a.page < b.page; });
    article.body = to_model(std::move(selection.body));
    article.footer = to_model(std::move(selection.after));
    return article;
  }
};

int sniff_pdf(std::string_view head) {
  return head.substr(0, 1024).find("%PDF-") != std::string_view::npos ? 100 : 0;
}

}  // namespace

namespace {

// The name without a subset prefix: "ABCDEF+Times-Bold" -> "Times-Bold".
std::string_view base_font_name(std::string_view name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; })) {
    name.remove_prefix(7);
  }
  return name;
}

bool name_has(const std::string& lower_name, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view p) { return lower_name.find(p) != std::string::npos; });
}

}  // namespace

// TeX names its bold and italic faces cmbx/sfbx and cmti/sfti, URW's Times clone its
// bold "Medi", some typesetters end a name in ".B" or ".I", and some abbreviate
// "Bold" as "Bd" ("TradeGothicLTStd-Bd2", "HelveticaBdIt").
FontStyle font_style(std::string_view name) {
  const std::string_view base = base_font_name(name);
  const std::string lower = detail::to_lower_ascii(base);
  bool abbreviated = false;
  for (std::size_t at = base.find("Bd"); at != std::string_view::npos;
       at = base.find("Bd", at + 1)) {
    const bool after_part = at == 0 || !std::isupper(static_cast<unsigned char>(base[at - 1]));
    const bool part_ends =
        at + 2 == base.size() || !std::islower(static_cast<unsigned char>(base[at + 2]));
    abbreviated = abbreviated || (after_part && part_ends);
  }
  return {name_has(lower, {"bold", "black", "heavy", "semibold", "demi", "medi", "cmbx", "sfbx"}) ||
              lower.ends_with(".b") || abbreviated,
          name_has(lower, {"italic", "oblique", "cmti", "sfti"}) || lower.ends_with(".i")};
}

void register_format(Registry& registry) {
  registry.add_reader(
      FormatInfo{"pdf", "PDF (text layer, via Poppler)", {".pdf"}, {"application/pdf"}, sniff_pdf},
      std::make_shared<PdfReader>());
}

}  // namespace galley::pdf
