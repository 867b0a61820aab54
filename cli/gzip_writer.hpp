// gzip through zlib onto an OutputStream, for outputs named ".gz" (a batch's JSON
// Lines). The header carries no time or name, so the same lines give the same bytes.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <string_view>

#include <galley/galley.hpp>

namespace galley::cli {

/// True when `path` ends in ".gz", in any case.
bool is_gzip_path(const std::filesystem::path& path);

class GzipWriter {
 public:
  /// Compresses into `out`, which must outlive this writer. Throws Error{Io}.
  explicit GzipWriter(OutputStream& out);
  ~GzipWriter();
  GzipWriter(const GzipWriter&) = delete;
  GzipWriter& operator=(const GzipWriter&) = delete;

  void write(std::string_view bytes);
  /// Writes what is left and the gzip trailer.
  void finish();

 private:
  void deflate_into_output(int flush);

  OutputStream& out_;
  z_stream zs_{};
};

}  // namespace galley::cli
