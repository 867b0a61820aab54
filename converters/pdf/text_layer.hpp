// Internal to the PDF reader: its one window on Poppler. A document's pages as
// positioned words with their font, size and direction, in Poppler's reading order,
// and the document information title. Nothing else in the reader sees which Poppler
// API is underneath (text_layer.cpp uses Poppler's core TextOutputDev, as pdftotext
// does).
//
// The interface uses no galley type and throws nothing of galley's, so that the
// galley command can load it from a module only when it reads a PDF
// (text_layer_module.cpp): Poppler and the two dozen libraries it loads cost more
// than the rest of a conversion of a short web page.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::pdf {

/// What the PDF library printed about a document (damaged objects, unknown fonts),
/// for the reader to pass on as warnings. A broken file can print thousands, so
/// only the first few are kept.
struct LayerMessages {
  static constexpr std::size_t kMaxKept = 20;
  std::vector<std::string> kept;
  std::size_t dropped = 0;
};

/// A word as the text layer gives it. Coordinates are points from the top left of
/// the page as displayed (its /Rotate applied), y growing downwards.
struct LayerWord {
  std::string text;  ///< UTF-8, as Poppler maps the glyphs
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;       ///< font size in points
  std::size_t font = 0;  ///< index into LayerPage::fonts
  int rotation = 0;      ///< quarter turns of the text's direction (0-3)
  bool space_after = false;
};

struct LayerPage {
  double width = 0;  ///< the crop box, before the page's /Rotate
  double height = 0;
  std::vector<LayerWord> words;    ///< in Poppler's reading order
  std::vector<std::string> fonts;  ///< names ("ABCDEF+Times-Bold"); "" when unnamed
};

class TextLayer {
 public:
  virtual ~TextLayer() = default;

  virtual int page_count() const = 0;
  /// The document information's title as UTF-8; empty when there is none.
  virtual std::string title() const = 0;
  /// Page `index` (0-based). False when the page cannot be read. `stop` is asked
  /// now and then while the page is read; when it says true, the page is left
  /// partly read and the caller is expected to give up.
  virtual bool read_page(int index, const std::function<bool()>& stop, LayerPage& page) = 0;
};

enum class LayerStatus {
  Opened,
  NotPdf,          ///< not a PDF Poppler can read
  Encrypted,       ///< locked, and the password (if any) does not open it
  TooLarge,        ///< larger than Poppler can address
  LibraryMissing,  ///< the module with Poppler could not be loaded
};

struct OpenedLayer {
  std::unique_ptr<TextLayer> layer;  ///< set when status is Opened
  LayerStatus status = LayerStatus::NotPdf;
  std::string detail;  ///< for LibraryMissing: what the loader said
};

/// Opens the PDF in `bytes`, which must outlive the layer, trying `password` as the
/// owner and the user password. The library's messages go to `messages` while the
/// layer is used, so it must outlive the layer too.
OpenedLayer open_text_layer(std::string_view bytes, const std::string& password,
                            LayerMessages& messages);

}  // namespace galley::pdf
