// The text layer through Poppler's core API: PDFDoc over the input's bytes, and per
// page a TextOutputDev, the same device pdftotext uses. poppler-cpp's text_list()
// wraps the same device but copies the page's whole font list into every word and
// builds a box per glyph; this reads each word once.
#include "text_layer.hpp"

#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <PDFDocEncoding.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <climits>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "detail/text.hpp"

namespace galley::pdf {
namespace {

// Poppler reports problems through one process-wide callback. Each thread points
// this at the messages of the document it is reading, so concurrent reads keep
// their messages apart.
thread_local LayerMessages* current_messages = nullptr;

void collect_message(ErrorCategory, Goffset pos, const char* message) {
  if (!current_messages) return;
  // No exception may cross back into Poppler.
  try {
    if (current_messages->kept.size() < LayerMessages::kMaxKept) {
      std::string text = pos >= 0 ? "error (" + std::to_string(pos) + "): " : "error: ";
      current_messages->kept.push_back(text + (message ? message : ""));
    } else {
      ++current_messages->dropped;
    }
  } catch (...) {
    ++current_messages->dropped;
  }
}

// Poppler's global parameters (the text encoding, the name-to-Unicode tables) and
// the message callback are set up once for the process and kept: building them per
// document costs more than a small page. The first GfxState also creates the colour
// profiles every later one shares (GfxState's static sRGB and XYZ profiles); made by
// whichever page comes first, two threads would each make them and one would free
// the other's while it is in use, so one is made here, before any page is read.
void initialise_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(collect_message);
    const PDFRectangle page_box(0, 0, 1, 1);
    const GfxState first_state(72, 72, &page_box, 0, true);
  });
}

// Routes Poppler's messages into `messages` for the lifetime of the object.
class MessageScope {
 public:
  explicit MessageScope(LayerMessages& messages) : previous_(current_messages) {
    current_messages = &messages;
  }
  MessageScope(const MessageScope&) = delete;
  MessageScope& operator=(const MessageScope&) = delete;
  ~MessageScope() { current_messages = previous_; }

 private:
  LayerMessages* previous_;
};

// A PDF text string: after a byte order mark UTF-16, or UTF-8 (PDF 2.0), decoded as
// any text with such a mark; else PDFDocEncoding.
std::string text_string_to_utf8(const std::string& bytes) {
  using detail::Encoding;
  const Encoding encoding = detail::detect_encoding(bytes);
  std::string out;
  if (encoding == Encoding::Utf16Be || encoding == Encoding::Utf16Le ||
      encoding == Encoding::Utf8Bom) {
    out = detail::decode_text(bytes, encoding);
  } else {
    out.reserve(bytes.size());
    for (const char c : bytes) {
      const Unicode u = pdfDocEncoding[static_cast<unsigned char>(c)];
      if (u != 0) detail::append_utf8(out, static_cast<char32_t>(u));
    }
  }
  return detail::sanitize_utf8(std::move(out));
}

// The page's font names, each kept once, looked up by the name's storage in Poppler
// (a word's font info lives as long as the page's text).
class FontTable {
 public:
  explicit FontTable(std::vector<std::string>& names) : names_(names) {}

  std::size_t index_of(const GooString* name) {
    const auto [it, added] = index_.try_emplace(name, names_.size());
    if (added) names_.push_back(name ? name->toStr() : std::string());
    return it->second;
  }

 private:
  std::vector<std::string>& names_;
  std::unordered_map<const GooString*, std::size_t> index_;
};

bool ask_stop(void* data) { return (*static_cast<const std::function<bool()>*>(data))(); }

class PopplerTextLayer final : public TextLayer {
 public:
  PopplerTextLayer(std::unique_ptr<PDFDoc> doc, LayerMessages& messages)
      : doc_(std::move(doc)), messages_(messages) {}

  ~PopplerTextLayer() override {
    const MessageScope scope(messages_);
    doc_.reset();
  }

  int page_count() const override { return doc_->getNumPages(); }

  std::string title() const override {
    const MessageScope scope(messages_);
    const std::unique_ptr<GooString> title = doc_->getDocInfoStringEntry("Title");
    return title ? text_string_to_utf8(title->toStr()) : std::string();
  }

  bool read_page(int index, const std::function<bool()>& stop, LayerPage& out) override {
    const MessageScope scope(messages_);
    out = LayerPage();
    Page* page = doc_->getPage(index + 1);
    if (!page) return false;
    const PDFRectangle* crop = page->getCropBox();
    out.width = crop->x2 - crop->x1;
    out.height = crop->y2 - crop->y1;
    // Reading order, not the raw content stream or the physical layout; the page at
    // 72 dpi so coordinates are points; no slice, no crop, annotations drawn.
    TextOutputDev device(nullptr, false, 0, false, false);
    if (!device.isOk()) return false;
    doc_->displayPageSlice(&device, index + 1, 72, 72, 0, false, false, false, -1, -1, -1, -1,
                           ask_stop, const_cast<std::function<bool()>*>(&stop));
    const std::unique_ptr<TextWordList> words = device.makeWordList();
    if (!words) return true;
    FontTable fonts(out.fonts);
    out.words.reserve(static_cast<std::size_t>(words->getLength()));
    for (int i = 0; i < words->getLength(); ++i) {
      const TextWord* word = words->get(i);
      LayerWord w;
      const std::unique_ptr<GooString> text(word->getText());
      if (text) w.text = text->toStr();
      word->getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
      w.size = word->getFontSize();
      w.font =
          word->getLength() > 0 ? fonts.index_of(word->getFontName(0)) : fonts.index_of(nullptr);
      w.rotation = word->getRotation() & 3;
      w.space_after = word->hasSpaceAfter();
      out.words.push_back(std::move(w));
    }
    return true;
  }

 private:
  std::unique_ptr<PDFDoc> doc_;
  LayerMessages& messages_;
};

}  // namespace

OpenedLayer open_text_layer(std::string_view bytes, const std::string& password,
                            LayerMessages& messages) {
  OpenedLayer opened;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    opened.status = LayerStatus::TooLarge;
    return opened;
  }
  initialise_poppler();
  const MessageScope scope(messages);
  // The stream reads the bytes in place. The password is tried as owner and as user
  // password.
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  const std::optional<GooString> tried =
      password.empty() ? std::nullopt : std::optional<GooString>(password);
  auto doc = std::make_unique<PDFDoc>(stream, tried, tried);
  if (doc->isOk()) {
    opened.layer = std::make_unique<PopplerTextLayer>(std::move(doc), messages);
    opened.status = LayerStatus::Opened;
  } else {
    opened.status =
        doc->getErrorCode() == errEncrypted ? LayerStatus::Encrypted : LayerStatus::NotPdf;
  }
  return opened;
}

}  // namespace galley::pdf
