#include "support/unzip.hpp"

#include <zip.h>

#include <gtest/gtest.h>

namespace galley::test {

std::vector<ZipEntry> unzip_entries(std::string_view archive) {
  std::vector<ZipEntry> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!zip) {
    ADD_FAILURE() << "unreadable zip: " << zip_error_strerror(&error);
    if (source) zip_source_free(source);
    zip_error_fini(&error);
    return entries;
  }
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &stat);
    ZipEntry entry{stat.name, std::string(static_cast<std::size_t>(stat.size), '\0'),
                   stat.comp_method == ZIP_CM_STORE};
    zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(i), 0);
    if (!file ||
        zip_fread(file, entry.bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) {
      ADD_FAILURE() << "cannot read zip entry " << stat.name;
    }
    if (file) zip_fclose(file);
    entries.push_back(std::move(entry));
  }
  zip_discard(zip);
  return entries;
}

}  // namespace galley::test
