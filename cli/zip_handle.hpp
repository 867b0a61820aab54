// An open libzip archive that is discarded (never written) when its owner goes.
#pragma once

#include <zip.h>

#include <memory>

namespace galley::cli {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

}  // namespace galley::cli
