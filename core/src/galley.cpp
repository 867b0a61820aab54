// The convenience layer: files, buffers and the reader -> passes -> writer pipeline.
#include <galley/galley.hpp>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

namespace galley {
namespace {

bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder) {
  const auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

}  // namespace

const char* version() noexcept { return GALLEY_VERSION; }

Article read(const Input& input, const ReadOptions& options, Diagnostics& diag,
             std::string_view format, const Registry& registry) {
  if (input.bytes.size() > options.max_input_bytes) {
    throw Error(ErrorCode::LimitExceeded, input.name, {},
                "input is " + std::to_string(input.bytes.size()) + " bytes, over the limit of " +
                    std::to_string(options.max_input_bytes) +
                    " (raise ReadOptions::max_input_bytes)");
  }
  const Registry::ReaderEntry* entry = nullptr;
  if (format.empty()) {
    entry = &registry.detect_reader(input);
  } else if (!(entry = registry.find_reader(format))) {
    throw Error(ErrorCode::UnknownFormat, input.name, {},
                "unknown input format '" + std::string(format) + "' (see 'galley formats')");
  }
  const Budget budget(options, input.name);
  budget.check();
  Article article = entry->reader->read(input, options, diag);
  budget.check();
  if (entry->info.finished_model) {
    if (article.metadata.source_format.empty()) article.metadata.source_format = entry->info.name;
    return article;
  }
  article.metadata.source_format = entry->info.name;
  // The address the document came from, when it does not name its own canonical one.
  if (!article.metadata.url && !options.base_url.empty()) article.metadata.url = options.base_url;
  if (options.recover) {
    Diagnostics recovery;  // the passes do not know the document's name
    recover(article, RecoverOptions{options.date_order}, recovery);
    for (Diagnostic warning : recovery.all()) {
      warning.input = input.name;
      diag.warn(std::move(warning));
    }
  }
  return article;
}

std::string read_stream_bytes(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      throw Error(ErrorCode::LimitExceeded, name, {},
                  "input is over the limit of " + std::to_string(max_bytes) +
                      " bytes (raise ReadOptions::max_input_bytes)");
    }
  }
  if (in.bad()) throw Error(ErrorCode::Io, name, {}, "read failed");
  return bytes;
}

std::string read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
  const std::string name = path.string();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::Io, name, {}, "is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::Io, name, {}, "cannot open: " + std::generic_category().message(errno));
  return read_stream_bytes(in, name, max_bytes);
}

ResourceLoader folder_resources(std::filesystem::path folder, std::size_t max_bytes) {
  return [folder = std::move(folder), max_bytes](const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path root = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return std::optional<std::string>();
    const fs::path file = fs::canonical(root / fs::path(path), ec);
    if (ec || !is_inside(file, root) || !fs::is_regular_file(file, ec)) {
      return std::optional<std::string>();
    }
    return std::optional<std::string>(read_file_bytes(file, max_bytes));
  };
}

Article read_file(const std::filesystem::path& path, const ReadOptions& options, Diagnostics& diag,
                  std::string_view format, const Registry& registry) {
  const std::string bytes = read_file_bytes(path, options.max_input_bytes);
  return read(Input{path.string(), bytes, {}}, options, diag, format, registry);
}

void write(const Article& article, std::string_view format, const WriteOptions& options, Sink& out,
           Diagnostics& diag, const Registry& registry) {
  // With no path to name, errors name the format asked for.
  registry.choose_writer(format, format).writer->write(article, options, out, diag);
}

void write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                      std::string_view format, const WriteOptions& options, Sink& out,
                      Diagnostics& diag, const Registry& registry) {
  registry.choose_writer(format, format)
      .writer->write_collection(articles, info, options, out, diag);
}

std::string write_string(const Article& article, std::string_view format,
                         const WriteOptions& options, Diagnostics& diag, const Registry& registry) {
  std::string out;
  StringSink sink(out);
  write(article, format, options, sink, diag, registry);
  return out;
}

void write_file(const Article& article, const std::filesystem::path& path,
                const WriteOptions& options, Diagnostics& diag, std::string_view format,
                const Registry& registry) {
  const auto& entry = registry.choose_writer(format, path.string());
  std::string bytes;
  StringSink sink(bytes);
  entry.writer->write(article, options, sink, diag);
  write_file_atomically(path, bytes);
}

void convert(const Input& input, std::string_view from, std::string_view to, Sink& out,
             Diagnostics& diag, const ReadOptions& read_options, const WriteOptions& write_options,
             const Registry& registry) {
  const Article article = read(input, read_options, diag, from, registry);
  write(article, to, write_options, out, diag, registry);
}

void convert_file(const std::filesystem::path& input, const std::filesystem::path& output,
                  Diagnostics& diag, const ReadOptions& read_options,
                  const WriteOptions& write_options) {
  const Article article = read_file(input, read_options, diag);
  write_file(article, output, write_options, diag);
}

}  // namespace galley
