// The article model as JSON, schema "galley-article/1" (docs/json-schema.md).
//
// The writer is the public contract outside tools rely on; the reader reads that
// contract back exactly, so read(write(a)) == a for any article whose strings are
// valid UTF-8. Both live in one folder because they share the schema's vocabulary.
#pragma once

#include <string_view>

#include <galley/format.hpp>

namespace galley::json {

/// The schema tag written to, and required from, every document.
inline constexpr std::string_view kSchema = "galley-article/1";

/// Deepest nesting of JSON arrays and objects the reader accepts; deeper input raises
/// Error{LimitExceeded} before it can exhaust the stack of the recursive model walk.

class JsonWriter final : public Writer {
 public:
  /// Pretty-printed (the json format), or each article on one line (jsonl: JSON Lines,
  /// where a collection is a line per article).
  explicit JsonWriter(bool one_line = false) : one_line_(one_line) {}
  void write(const Article& article, const WriteOptions& options, Sink& out,
             Diagnostics& diag) const override;
  void write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                        const WriteOptions& options, Sink& out, Diagnostics& diag) const override;

 private:
  bool one_line_;
};

class JsonReader final : public Reader {
 public:
  Article read(const Input& input, const ReadOptions& options, Diagnostics& diag) const override;
};

}  // namespace galley::json
