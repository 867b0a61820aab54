// The text layer as the galley command gets it: Poppler and the libraries it loads
// live in a module (pdf-text.so, see detail/command_module.hpp), loaded the first time
// a PDF is read, so converting a web page or a text file never pays for them. The
// command is linked with this file in place of text_layer.cpp; the library links
// text_layer.cpp itself.
#include "detail/command_module.hpp"
#include "text_layer.hpp"

namespace galley::pdf {

OpenedLayer open_text_layer(std::string_view bytes, const std::string& password,
                            LayerMessages& messages) {
  using OpenFunction = void (*)(std::string_view, const std::string&, LayerMessages&, OpenedLayer&);
  static const detail::CommandModule module =
      detail::load_command_module("pdf-text.so", "galley_open_text_layer_v1");
  OpenedLayer opened;
  if (!module.entry) {
    opened.status = LayerStatus::LibraryMissing;
    opened.detail = module.error;
    return opened;
  }
  reinterpret_cast<OpenFunction>(module.entry)(bytes, password, messages, opened);
  return opened;
}

}  // namespace galley::pdf
