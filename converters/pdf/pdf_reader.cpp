// PDF reader: the article back out of a PDF's text layer, through poppler-cpp.
//
// Reads positioned words with their fonts, rebuilds lines, headings and paragraphs,
// takes running headers/footers, page numbers and browser print headers out of the
// body into Article::furniture, and finds the title from the type sizes. Drops
// images, vector graphics, annotations, forms and outlines. Encrypted files open
// with an empty user password or ReadOptions::password; files without any text
// (scans) fail, as galley does no OCR. Poppler's own messages become warnings.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <climits>
#include <memory>
#include <mutex>
#include <optional>

#include <galley/registry.hpp>

#include "detail/text.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// Poppler messages kept as warnings per document; a broken file can emit thousands.
constexpr std::size_t kMaxPopplerMessages = 20;

// Poppler reports problems through one process-wide callback. Each reading thread
// points this at its own collector, so concurrent reads keep their messages apart.
struct PopplerMessages {
  std::vector<std::string> kept;
  std::size_t dropped = 0;
};
thread_local PopplerMessages* current_messages = nullptr;

void collect_poppler_message(const std::string& message, void*) {
  if (!current_messages) return;
  // No exception may cross back into Poppler's C-style callback.
  try {
    if (current_messages->kept.size() < kMaxPopplerMessages) {
      current_messages->kept.push_back(message);
    } else {
      ++current_messages->dropped;
    }
  } catch (...) {
    ++current_messages->dropped;
  }
}

// Routes Poppler's messages into `messages` for the lifetime of the object.
class PopplerMessageScope {
 public:
  explicit PopplerMessageScope(PopplerMessages& messages) : previous_(current_messages) {
    static std::once_flag installed;
    std::call_once(installed,
                   [] { poppler::set_debug_error_function(collect_poppler_message, nullptr); });
    current_messages = &messages;
  }
  PopplerMessageScope(const PopplerMessageScope&) = delete;
  PopplerMessageScope& operator=(const PopplerMessageScope&) = delete;
  ~PopplerMessageScope() { current_messages = previous_; }

 private:
  PopplerMessages* previous_;
};

// ustring is UTF-16 in native byte order. Its own to_utf8() opens an iconv
// converter per call, which shows in the time per page.
std::string to_utf8(const poppler::ustring& text) {
  const std::string_view bytes(reinterpret_cast<const char*>(text.data()), text.size() * 2);
  return detail::utf16_to_utf8(bytes, std::endian::native == std::endian::big);
}

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

// The style of the words' font. Words come in runs of one font, so the last answer is
// kept.
class FontStyles {
 public:
  FontStyle of(const std::string& name) {
    if (name != last_name_) {
      last_name_ = name;
      last_ = font_style(name);
    }
    return last_;
  }

 private:
  std::string last_name_;
  FontStyle last_;
};

// Maps a box on a page into the frame where text of rotation `rotation` (Poppler's
// quarter turns) reads left to right, top to bottom.
Box upright(const poppler::rectf& r, int rotation, double width, double height) {
  const double x0 = r.left(), y0 = r.top(), x1 = r.right(), y1 = r.bottom();
  switch (rotation) {
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
PageWords read_words(const poppler::page& page) {
  PageWords out;
  const poppler::rectf rect = page.page_rect();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  int count[4] = {0, 0, 0, 0};
  for (const auto& b : boxes) ++count[b.rotation() & 3];
  const int main_rotation = static_cast<int>(std::max_element(count, count + 4) - count);
  const bool sideways = main_rotation % 2 == 1;
  out.turned = main_rotation != 0;
  out.width = sideways ? rect.height() : rect.width();
  out.height = sideways ? rect.width() : rect.height();
  FontStyles styles;
  out.words.reserve(boxes.size());
  for (const auto& b : boxes) {
    Word w;
    w.text = clean_word_text(to_utf8(b.text()));
    if (detail::trim(w.text).empty()) continue;
    const int rotation = b.rotation() & 3;
    w.box = upright(b.bbox(), rotation, rect.width(), rect.height());
    w.size = b.get_font_size();
    const FontStyle style = styles.of(b.get_font_name());
    w.bold = style.bold;
    w.italic = style.italic;
    w.space_after = b.has_space_after();
    (rotation == main_rotation ? out.words : out.rotated).push_back(std::move(w));
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

std::unique_ptr<poppler::document> open_document(const Input& input, const ReadOptions& options) {
  if (input.bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(ErrorCode::LimitExceeded, input.name, {}, "PDF larger than 2 GiB");
  }
  // The password is tried as owner and as user password. document::unlock is not
  // used: in Poppler 22.12 it crashes after a wrong password.
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      input.bytes.data(), static_cast<int>(input.bytes.size()), options.password,
      options.password));
  if (!doc) throw Error(ErrorCode::Malformed, input.name, {}, "not a readable PDF");
  if (doc->is_locked()) {
    throw Error(ErrorCode::Unsupported, input.name, {},
                options.password.empty()
                    ? "encrypted; password required (set ReadOptions::password)"
                    : "encrypted; the password is wrong");
  }
  return doc;
}

class PageBudget {
 public:
  PageBudget(const Input& input, const ReadOptions& options)
      : input_(input), options_(options), start_(std::chrono::steady_clock::now()) {}

  // Throws when the caller cancelled or the time budget is spent, before page `page`.
  void check(int page) const {
    if (options_.stop.stop_requested()) {
      throw Error(ErrorCode::Cancelled, input_.name, {page, 0, 0}, "cancelled");
    }
    if (options_.time_budget.count() > 0 &&
        std::chrono::steady_clock::now() - start_ > options_.time_budget) {
      throw Error(ErrorCode::LimitExceeded, input_.name, {page, 0, 0}, "time budget exceeded");
    }
  }

 private:
  const Input& input_;
  const ReadOptions& options_;
  std::chrono::steady_clock::time_point start_;
};

int page_count(const poppler::document& doc, const Input& input, const ReadOptions& options) {
  const int count = doc.pages();
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
Page read_page(const poppler::page& page, int index, std::vector<Furniture>& furniture) {
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

void report(const PopplerMessages& messages, const std::string& name, Diagnostics& diag) {
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
    PopplerMessages messages;
    Article article;
    try {
      const PopplerMessageScope scope(messages);
      article = read_article(input, options, diag);
    } catch (...) {
      report(messages, input.name, diag);
      throw;
    }
    report(messages, input.name, diag);
    return article;
  }

 private:
  static Article read_article(const Input& input, const ReadOptions& options, Diagnostics& diag) {
    const auto doc = open_document(input, options);
    const int count = page_count(*doc, input, options);
    Article article;
    PageFlow flow(detail::collapse_whitespace(to_utf8(doc->get_title())), article.furniture);
    const PageBudget budget(input, options);
    bool any_page = false, any_text = false;
    for (int i = 0; i < count; ++i) {
      budget.check(i + 1);
      const std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        diag.warn({input.name, {i + 1, 0, 0}, "page cannot be read; skipped"});
        continue;
      }
      Page lines = read_page(*page, i, article.furniture);
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
