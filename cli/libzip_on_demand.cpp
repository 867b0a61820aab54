// libzip, and the libcrypto, bzip2, lzma and zstd it brings, loaded the first time the
// command writes a zip archive (an EPUB, a batch's zip output, which --resume reads
// back; zip input is read through minizip): converting a web page to Markdown or JSON
// never pays for them, and loading them was about a third of the command's start-up.
// The command is linked with these stand-ins for the libzip functions galley calls,
// each of which looks the real one up on its first call; a
// libzip function called anywhere in galley must be listed here, or the command would
// load libzip when it starts again (tests/cli/cli_test.cpp checks that it does not).
// GALLEY_LIBZIP_SONAME is the SONAME of the libzip galley was built with.
#include <dlfcn.h>
#include <zip.h>

#include <string>

#include <galley/error.hpp>

namespace {

void* libzip() {
  static void* const handle = dlopen(GALLEY_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  return handle;
}

// The function `name` of libzip; throws galley::Error when libzip cannot be loaded.
void* libzip_function(const char* name) {
  void* function = libzip() ? dlsym(libzip(), name) : nullptr;
  if (!function) {
    const char* why = dlerror();
    throw galley::Error(
        galley::ErrorCode::Unsupported, {}, {},
        std::string("zip archives need " GALLEY_LIBZIP_SONAME ": ") + (why ? why : name));
  }
  return function;
}

}  // namespace

// Defines `name` with the parameters and return type zip.h declares for it (the
// compiler checks they agree), forwarding to libzip's own.
#define GALLEY_LIBZIP(ret, name, params, args)                                          \
  extern "C" ret name params {                                                          \
    static const auto real = reinterpret_cast<decltype(&name)>(libzip_function(#name)); \
    return real args;                                                                   \
  }

GALLEY_LIBZIP(int, zip_close, (zip_t * a0), (a0))
GALLEY_LIBZIP(void, zip_discard, (zip_t * a0), (a0))
GALLEY_LIBZIP(void, zip_error_fini, (zip_error_t * a0), (a0))
GALLEY_LIBZIP(void, zip_error_init, (zip_error_t * a0), (a0))
GALLEY_LIBZIP(void, zip_error_init_with_code, (zip_error_t * a0, int a1), (a0, a1))
GALLEY_LIBZIP(const char*, zip_error_strerror, (zip_error_t * a0), (a0))
GALLEY_LIBZIP(zip_int64_t, zip_file_add,
              (zip_t * a0, const char* a1, zip_source_t* a2, zip_flags_t a3), (a0, a1, a2, a3))
GALLEY_LIBZIP(int, zip_file_set_dostime,
              (zip_t * a0, zip_uint64_t a1, zip_uint16_t a2, zip_uint16_t a3, zip_flags_t a4),
              (a0, a1, a2, a3, a4))
GALLEY_LIBZIP(int, zip_file_set_mtime, (zip_t * a0, zip_uint64_t a1, time_t a2, zip_flags_t a3),
              (a0, a1, a2, a3))
GALLEY_LIBZIP(const char*, zip_get_name, (zip_t * a0, zip_uint64_t a1, zip_flags_t a2),
              (a0, a1, a2))
GALLEY_LIBZIP(zip_int64_t, zip_get_num_entries, (zip_t * a0, zip_flags_t a1), (a0, a1))
GALLEY_LIBZIP(zip_int64_t, zip_name_locate, (zip_t * a0, const char* a1, zip_flags_t a2),
              (a0, a1, a2))
GALLEY_LIBZIP(zip_t*, zip_open, (const char* a0, int a1, int* a2), (a0, a1, a2))
GALLEY_LIBZIP(zip_t*, zip_open_from_source, (zip_source_t * a0, int a1, zip_error_t* a2),
              (a0, a1, a2))
GALLEY_LIBZIP(int, zip_set_file_compression,
              (zip_t * a0, zip_uint64_t a1, zip_int32_t a2, zip_uint32_t a3), (a0, a1, a2, a3))
GALLEY_LIBZIP(zip_source_t*, zip_source_buffer,
              (zip_t * a0, const void* a1, zip_uint64_t a2, int a3), (a0, a1, a2, a3))
GALLEY_LIBZIP(zip_source_t*, zip_source_buffer_create,
              (const void* a0, zip_uint64_t a1, int a2, zip_error_t* a3), (a0, a1, a2, a3))
GALLEY_LIBZIP(int, zip_source_close, (zip_source_t * a0), (a0))
GALLEY_LIBZIP(zip_error_t*, zip_source_error, (zip_source_t * a0), (a0))
GALLEY_LIBZIP(zip_source_t*, zip_source_file_create,
              (const char* a0, zip_uint64_t a1, zip_int64_t a2, zip_error_t* a3), (a0, a1, a2, a3))
GALLEY_LIBZIP(void, zip_source_free, (zip_source_t * a0), (a0))
GALLEY_LIBZIP(void, zip_source_keep, (zip_source_t * a0), (a0))
GALLEY_LIBZIP(int, zip_source_open, (zip_source_t * a0), (a0))
GALLEY_LIBZIP(zip_int64_t, zip_source_read, (zip_source_t * a0, void* a1, zip_uint64_t a2),
              (a0, a1, a2))
GALLEY_LIBZIP(int, zip_source_stat, (zip_source_t * a0, zip_stat_t* a1), (a0, a1))
GALLEY_LIBZIP(zip_source_t*, zip_source_zip,
              (zip_t * a0, zip_t* a1, zip_uint64_t a2, zip_flags_t a3, zip_uint64_t a4,
               zip_int64_t a5),
              (a0, a1, a2, a3, a4, a5))
GALLEY_LIBZIP(const char*, zip_strerror, (zip_t * a0), (a0))
