// Test helpers shared by the golden, writer and validator tests: fixture paths,
// golden-file comparison, and the JSON model reader/writer called directly (without
// the recovery passes galley::read runs, which would change the model read back).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

/// The repository's fixtures/ folder.
std::filesystem::path fixtures_dir();

/// The whole file as bytes; fails the current test (and returns "") when unreadable.
std::string read_bytes(const std::filesystem::path& path);

/// True when GALLEY_UPDATE_GOLDEN=1: golden files are rewritten, not compared.
bool updating_goldens();

/// Compares `actual` with the golden file at `path`. With GALLEY_UPDATE_GOLDEN=1 in the
/// environment the file is (re)written instead and the comparison passes.
void expect_golden(const std::filesystem::path& path, const std::string& actual);

/// Renders `article` with the builtin writer named `format`; an undated article's
/// time stamp (EPUB's dcterms:modified) is pinned to 2000-01-01.
std::string write_as(const Article& article, std::string_view format);

/// Reads galley-article/1 JSON with the builtin json reader; throws galley::Error.
Article read_json(std::string_view json, const std::string& name = "<json>");

/// Renders `article` as galley-article/1 JSON.
std::string write_json(const Article& article);

/// Folder names under `dir`, sorted, as GoogleTest parameter names accept them.
std::vector<std::string> case_names(const std::filesystem::path& dir);

}  // namespace galley::test
