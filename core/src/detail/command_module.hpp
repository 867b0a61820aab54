// Internal to the galley command (a static build): the modules it loads only when a
// conversion needs what they hold, so that a process pays at start-up only for what
// every conversion uses. Each module is a shared object in the command's module
// folder (lib/galley/ beside bin/, GALLEY_MODULES_FROM_BIN) with one exported entry
// point; its loader (<name>_module.cpp) is linked into the command in place of the
// code the module holds. Registered with galley_command_module() in CMakeLists.txt.
//
// The command links the C++ runtime statically and a module links it dynamically (its
// libraries need libstdc++.so), so an entry point passes plain data or types whose
// layout is fixed by the headers, and memory either side allocates is freed through
// malloc.
#pragma once

#include <string>

namespace galley::detail {

struct CommandModule {
  void* entry = nullptr;  ///< the entry point; null when the module could not be loaded
  std::string error;      ///< why it could not be loaded
};

/// Loads `file` from the command's module folder and looks up `entry_point`. The
/// module is never unloaded: what it made may keep code in it.
CommandModule load_command_module(const char* file, const char* entry_point);

}  // namespace galley::detail
