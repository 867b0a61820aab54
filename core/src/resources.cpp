#include "detail/resources.hpp"

#include "detail/url.hpp"

namespace galley::detail {

std::optional<ImageType> sniff_image(std::string_view bytes) noexcept {
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return ImageType{"image/png", "png"};
  if (bytes.starts_with("\xFF\xD8\xFF")) return ImageType{"image/jpeg", "jpg"};
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) {
    return ImageType{"image/gif", "gif"};
  }
  return std::nullopt;
}

ResourceCollector::ResourceCollector(const ReadOptions& options, std::string input_name,
                                     Diagnostics& diag)
    : loader_(options.load_resource),
      budget_(options.max_input_bytes),
      input_name_(std::move(input_name)),
      diag_(diag) {}

std::optional<std::string> ResourceCollector::image(std::string_view src) {
  if (!loader_) return std::nullopt;
  std::optional<std::string> path = relative_file_path(src);
  if (!path) return std::nullopt;
  auto [it, first_use] = loaded_.try_emplace(*path, false);
  if (first_use) it->second = load(*path).has_value();
  if (!it->second) return std::nullopt;
  return path;
}

std::optional<std::string> ResourceCollector::load(const std::string& path) {
  std::optional<std::string> bytes;
  try {
    bytes = loader_(path);
  } catch (const Error& e) {
    diag_.warn({input_name_, {}, "image '" + path + "' not embedded: " + e.what()});
    return std::nullopt;
  }
  if (!bytes) return std::nullopt;
  const std::optional<ImageType> type = sniff_image(*bytes);
  if (!type) {
    diag_.warn({input_name_, {}, "'" + path + "' not embedded: not a PNG, JPEG or GIF image"});
    return std::nullopt;
  }
  if (bytes->size() > budget_) {
    diag_.warn({input_name_,
                {},
                "image '" + path + "' not embedded: the document's images " +
                    "together pass the input size limit"});
    return std::nullopt;
  }
  budget_ -= bytes->size();
  resources_.push_back({path, std::string(type->media_type), std::move(*bytes)});
  return path;
}

}  // namespace galley::detail
