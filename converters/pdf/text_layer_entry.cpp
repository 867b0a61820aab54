// The one symbol the PDF text-layer module exports; text_layer_module.cpp looks it
// up by name. Its suffix names the interface of text_layer.hpp: change one, bump both.
#include "text_layer.hpp"

extern "C" [[gnu::visibility("default")]] void galley_open_text_layer_v1(
    std::string_view bytes, const std::string& password, galley::pdf::LayerMessages& messages,
    galley::pdf::OpenedLayer& opened) {
  opened = galley::pdf::open_text_layer(bytes, password, messages);
}
