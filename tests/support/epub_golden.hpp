// Golden comparison for EPUB output, which is a zip: the expected.epub/ folder holds
// the unpacked entries plus ENTRIES, the entry order with each entry's compression, so
// a diff names the file and line that changed.
#pragma once

#include <filesystem>
#include <string>

namespace galley::test {

/// Compares the EPUB `output` with the unpacked golden folder `expected_dir`; with
/// GALLEY_UPDATE_GOLDEN=1 the folder is rewritten instead.
void expect_epub_golden(const std::filesystem::path& expected_dir, const std::string& output);

}  // namespace galley::test
