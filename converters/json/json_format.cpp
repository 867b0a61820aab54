// Registers the JSON reader and writer (the galley-article/1 model).
#include <memory>

#include <galley/registry.hpp>

#include "json_format.hpp"

namespace galley::json {
namespace {

// Only our own schema tag is a strong bid: other JSON is not an article.
int sniff(std::string_view head) { return head.find(kSchema) != std::string_view::npos ? 90 : 0; }

FormatInfo info() {
  return FormatInfo{"json",
                    "The galley article model as JSON (schema galley-article/1)",
                    {".json"},
                    {"application/json"},
                    &sniff,
                    /*finished_model=*/true};
}

}  // namespace

void register_format(Registry& registry) {
  registry.add_reader(info(), std::make_shared<JsonReader>());
  registry.add_writer(info(), std::make_shared<JsonWriter>());
  registry.add_writer(FormatInfo{.name = "jsonl",
                                 .description = "The article model as JSON Lines: one article "
                                                "per line (a batch's .jsonl output, a bundle)",
                                 .extensions = {".jsonl"},
                                 .media_types = {"application/jsonl"}},
                      std::make_shared<JsonWriter>(/*one_line=*/true));
}

}  // namespace galley::json
