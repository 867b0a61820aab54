#include "detail/command_module.hpp"

#include <dlfcn.h>

#include <filesystem>

namespace galley::detail {
namespace {

// The module folder follows from the command's own place: the build tree and an
// installed prefix lay out bin/ and lib/galley/ alike.
std::filesystem::path module_folder() {
  std::error_code ec;
  const std::filesystem::path command = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return command.parent_path() / GALLEY_MODULES_FROM_BIN;
}

}  // namespace

CommandModule load_command_module(const char* file, const char* entry_point) {
  const std::filesystem::path folder = module_folder();
  if (folder.empty()) return {nullptr, "the galley command cannot find its own file"};
  const std::filesystem::path path = folder / file;
  void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
  if (!handle) return {nullptr, dlerror()};
  void* entry = dlsym(handle, entry_point);
  if (!entry) return {nullptr, path.string() + " is not galley's module of this version"};
  return {entry, {}};
}

}  // namespace galley::detail
