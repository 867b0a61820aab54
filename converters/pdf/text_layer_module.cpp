// The text layer as the galley command gets it: Poppler and the libraries it loads
// live in a module (pdf-text.so, in lib/galley/ beside the command's bin/), loaded the
// first time a PDF is read, so converting a web page or a text file never pays for
// them. The command is linked with this file in place of text_layer.cpp; the library
// links text_layer.cpp itself.
#include <dlfcn.h>

#include <filesystem>

#include "text_layer.hpp"

namespace galley::pdf {
namespace {

using OpenFunction = void (*)(std::string_view, const std::string&, LayerMessages&, OpenedLayer&);

struct Module {
  OpenFunction open = nullptr;
  std::string error;  ///< why it could not be loaded
};

// The module's place follows from the command's: the build tree and an installed
// prefix lay out bin/ and the module folder alike (GALLEY_MODULES_FROM_BIN).
std::filesystem::path module_path() {
  std::error_code ec;
  const std::filesystem::path command = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return command.parent_path() / GALLEY_MODULES_FROM_BIN / "pdf-text.so";
}

Module load() {
  const std::filesystem::path path = module_path();
  if (path.empty()) return {nullptr, "the galley command cannot find its own file"};
  // Never closed: the layers it makes keep their code in it.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return {nullptr, dlerror()};
  auto open = reinterpret_cast<OpenFunction>(dlsym(handle, "galley_open_text_layer_v1"));
  if (!open) return {nullptr, path.string() + " is not galley's module of this version"};
  return {open, {}};
}

}  // namespace

OpenedLayer open_text_layer(std::string_view bytes, const std::string& password,
                            LayerMessages& messages) {
  static const Module module = load();
  OpenedLayer opened;
  if (!module.open) {
    opened.status = LayerStatus::LibraryMissing;
    opened.detail = module.error;
    return opened;
  }
  module.open(bytes, password, messages, opened);
  return opened;
}

}  // namespace galley::pdf
