#include "gzip_writer.hpp"

#include <algorithm>
#include <cctype>

namespace galley::cli {

bool is_gzip_path(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.ends_with(".gz");
}

GzipWriter::GzipWriter(OutputStream& out) : out_(out) {
  // 15 + 16: a gzip wrapper around the largest window.
  if (deflateInit2(&zs_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    throw Error(ErrorCode::Io, "gzip", {}, "zlib could not start");
  }
}

GzipWriter::~GzipWriter() { deflateEnd(&zs_); }

void GzipWriter::deflate_into_output(int flush) {
  char buffer[1 << 16];
  do {
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = sizeof buffer;
    deflate(&zs_, flush);  // cannot fail with valid state and room to write
    out_.write(std::string_view(buffer, sizeof buffer - zs_.avail_out));
  } while (zs_.avail_out == 0);
}

void GzipWriter::write(std::string_view bytes) {
  zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs_.avail_in = static_cast<uInt>(bytes.size());
  deflate_into_output(Z_NO_FLUSH);
}

void GzipWriter::finish() {
  zs_.next_in = nullptr;
  zs_.avail_in = 0;
  deflate_into_output(Z_FINISH);
}

}  // namespace galley::cli
