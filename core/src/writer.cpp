#include <galley/format.hpp>

namespace galley {

void Writer::write_collection(const std::vector<Article>&, const CollectionInfo& info,
                              const WriteOptions&, Sink&, Diagnostics&) const {
  throw Error(ErrorCode::Unsupported, info.title, {},
              "this format holds one article; a collection needs a format such as epub");
}

}  // namespace galley
