// Images an input carries in files beside it: recognising them by their bytes and
// collecting them into Article::resources for the readers. Internal to galley.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>
#include <galley/error.hpp>
#include <galley/format.hpp>

namespace galley::detail {

/// An image format every EPUB reading system must show.
struct ImageType {
  std::string_view media_type;  ///< "image/png"
  std::string_view extension;   ///< "png"
};

/// The type of a PNG, JPEG or GIF image from its leading bytes; nullopt for anything
/// else, whatever its name or declared type says.
std::optional<ImageType> sniff_image(std::string_view bytes) noexcept;

/// Loads the images a document refers to by relative path through
/// ReadOptions::load_resource, once each, and keeps the ones that are images.
class ResourceCollector {
 public:
  ResourceCollector(const ReadOptions& options, std::string input_name, Diagnostics& diag);

  /// The Resource path to use as the Image src for `src`, loading the file on first
  /// use; nullopt when `src` is not a relative path, no loader is set, there is no
  /// such file, or the file is not an image (with a warning) or over the size limit.
  std::optional<std::string> image(std::string_view src);

  /// The resources collected, in first-use order.
  std::vector<Resource> take() && { return std::move(resources_); }

 private:
  std::optional<std::string> load(const std::string& path);

  ResourceLoader loader_;  ///< a copy: the collector may outlive the options
  std::size_t budget_;     ///< bytes left for all resources of the document
  std::string input_name_;
  Diagnostics& diag_;
  std::map<std::string, bool, std::less<>> loaded_;  ///< path -> became a resource
  std::vector<Resource> resources_;
};

}  // namespace galley::detail
