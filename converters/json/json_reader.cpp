// Reads the article model back from JSON, schema galley-article/1 (docs/json-schema.md).
//
// Reads exactly what the JSON writer writes. The derived "text" of non-code blocks is
// ignored (it is recomputed from the inlines); keys the schema does not name are
// ignored, so later compatible additions do not break older readers. Anything else
// that does not fit the schema is an Error{Malformed} naming the JSON path, e.g.
// "body[2].inlines[0]: unknown inline type 'bold'". Nesting deeper than three times
// ReadOptions::max_depth is refused while parsing, before the recursive walk below
// could exhaust the stack.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "detail/iso_date.hpp"
#include "detail/url.hpp"
#include "json_format.hpp"

namespace galley::json {
namespace {

using nlohmann::json;

// Thrown by the parser callback; turned into galley::Error once the parser unwound.
struct TooDeep {};

SourcePos position_of(std::string_view bytes, std::size_t byte) {
  // nlohmann reports the 1-based offset of the last byte it read.
  const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, bytes.size());
  const std::string_view before = bytes.substr(0, end);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  return SourcePos{0, static_cast<int>(line), static_cast<int>(end - line_start + 1)};
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1,
// column 5: syntax error ..."; the position goes into SourcePos, keep the reason.
std::string reason_of(const json::parse_error& e) {
  const std::string what = e.what();
  const auto column = what.find("column ");
  const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

json parse(const Input& input, const ReadOptions& options) {
  const int max_depth = 3 * effective_max_depth(options.max_depth);
  // The budget is asked every few thousand values: a large document stops mid-parse.
  constexpr unsigned kValuesPerCheck = 4096;
  const Budget budget(options, input.name);
  budget.check();
  unsigned values = 0;
  const auto watch = [&](int depth, json::parse_event_t event, json&) {
    const bool opens =
        event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
    if (opens && depth >= max_depth) throw TooDeep{};
    if (++values % kValuesPerCheck == 0) budget.check();
    return true;
  };
  try {
    return json::parse(input.bytes.begin(), input.bytes.end(), watch);
  } catch (const TooDeep&) {
    throw Error(ErrorCode::LimitExceeded, input.name, {},
                "JSON nested deeper than " + std::to_string(max_depth) +
                    " levels (raise ReadOptions::max_depth)");
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::Malformed, input.name, position_of(input.bytes, e.byte),
                "not valid JSON: " + reason_of(e));
  } catch (const json::exception& e) {
    // Anything else the parser refuses, such as a number too large for a double
    // (fuzz/: 577e7777777 in fixtures/errors/huge_number_json).
    throw Error(ErrorCode::Malformed, input.name, {}, std::string("not valid JSON: ") + e.what());
  }
}

// Walks the parsed document into the model; `path` names the value in messages.
class Decoder {
 public:
  explicit Decoder(const std::string& name) : name_(name) {}

  Article article(const json& doc) const {
    const json& root = object(doc, "document");
    const json* schema = root.contains("schema") ? &root.at("schema") : nullptr;
    if (!schema || !schema->is_string() || schema->get_ref<const std::string&>() != kSchema) {
      fail("document", "not a galley article: \"schema\" must be \"" + std::string(kSchema) + "\"");
    }
    Article a;
    if (const json* m = member(root, "metadata", "document")) a.metadata = metadata(*m);
    if (const json* b = member(root, "abstract", "document")) a.abstract = blocks(*b, "abstract");
    if (const json* b = member(root, "body", "document")) a.body = blocks(*b, "body");
    if (const json* n = member(root, "notes", "document")) a.notes = notes(*n);
    if (const json* r = member(root, "references", "document")) a.references = references(*r);
    if (const json* f = member(root, "footer", "document")) a.footer = blocks(*f, "footer");
    if (const json* f = member(root, "furniture", "document")) a.furniture = furniture(*f);
    if (const json* r = member(root, "resources", "document")) a.resources = resources(*r);
    return a;
  }

 private:
  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw Error(ErrorCode::Malformed, name_, {}, path + ": " + message);
  }

  const json& object(const json& value, const std::string& path) const {
    if (!value.is_object()) fail(path, "expected an object");
    return value;
  }

  const json& array(const json& value, const std::string& path) const {
    if (!value.is_array()) fail(path, "expected an array");
    return value;
  }

  // The member `key` of object `obj`, or nullptr when absent or null.
  const json* member(const json& obj, const char* key, const std::string& path) const {
    object(obj, path);
    const auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(const json& obj, const char* key, const std::string& path) const {
    const json* value = member(obj, key, path);
    if (!value) return {};
    if (!value->is_string()) fail(path + "." + key, "expected a string");
    return value->get<std::string>();
  }

  std::optional<std::string> optional_string(const json& obj, const char* key,
                                             const std::string& path) const {
    if (!member(obj, key, path)) return std::nullopt;
    return string(obj, key, path);
  }

  int integer(const json& obj, const char* key, const std::string& path, int low, int high) const {
    const json* value = member(obj, key, path);
    if (!value) return low;
    if (!value->is_number_integer() || *value < low || *value > high) {
      fail(path + "." + key,
           "expected an integer from " + std::to_string(low) + " to " + std::to_string(high));
    }
    return value->get<int>();
  }

  bool boolean(const json& obj, const char* key, const std::string& path) const {
    const json* value = member(obj, key, path);
    if (!value) return false;
    if (!value->is_boolean()) fail(path + "." + key, "expected true or false");
    return value->get<bool>();
  }

  Metadata metadata(const json& m) const {
    const std::string path = "metadata";
    object(m, path);
    Metadata out;
    out.title = optional_string(m, "title", path);
    out.subtitle = optional_string(m, "subtitle", path);
    if (const json* authors = member(m, "authors", path)) {
      array(*authors, path + ".authors");
      for (std::size_t i = 0; i < authors->size(); ++i) {
        const std::string at = path + ".authors[" + std::to_string(i) + "]";
        out.authors.push_back(person(object((*authors)[i], at), at));
      }
    }
    out.byline = optional_string(m, "byline", path);
    if (const auto date = optional_string(m, "date", path)) {
      out.date = detail::parse_iso_date(*date);
      if (!out.date) fail(path + ".date", "expected a date as YYYY-MM-DD, got \"" + *date + "\"");
    }
    out.datetime = optional_string(m, "datetime", path);
    out.site_name = optional_string(m, "site_name", path);
    out.publisher = optional_string(m, "publisher", path);
    out.lang = optional_string(m, "lang", path);
    out.url = optional_string(m, "url", path);
    out.description = optional_string(m, "description", path);
    out.source_format = string(m, "source_format", path);
    out.layout = optional_string(m, "layout", path);
    out.keywords = strings(m, "keywords", path);
    out.affiliations = strings(m, "affiliations", path);
    if (const json* ids = member(m, "identifiers", path)) {
      array(*ids, path + ".identifiers");
      for (std::size_t i = 0; i < ids->size(); ++i) {
        const std::string at = path + ".identifiers[" + std::to_string(i) + "]";
        object((*ids)[i], at);
        out.identifiers.push_back(
            Identifier{string((*ids)[i], "type", at), string((*ids)[i], "value", at)});
      }
    }
    if (const json* c = member(m, "container", path)) {
      const std::string at = path + ".container";
      object(*c, at);
      out.container = Container{optional_string(*c, "title", at), optional_string(*c, "volume", at),
                                optional_string(*c, "issue", at), optional_string(*c, "pages", at)};
    }
    if (const json* l = member(m, "license", path)) {
      const std::string at = path + ".license";
      object(*l, at);
      out.license = License{string(*l, "text", at), optional_string(*l, "url", at)};
    }
    for (const Person& p : out.authors) {
      for (const int index : p.affiliations) {
        if (static_cast<std::size_t>(index) >= out.affiliations.size()) {
          fail(path + ".authors",
               "affiliation " + std::to_string(index) + " is not in metadata.affiliations");
        }
      }
    }
    return out;
  }

  Person person(const json& obj, const std::string& path) const {
    Person out;
    out.name = string(obj, "name", path);
    if (const json* list = member(obj, "affiliations", path)) {
      const std::string at = path + ".affiliations";
      array(*list, at);
      for (std::size_t i = 0; i < list->size(); ++i) {
        const json& index = (*list)[i];
        if (!index.is_number_integer() || index < 0 || index > (1 << 20)) {
          fail(at + "[" + std::to_string(i) + "]", "expected an index into metadata.affiliations");
        }
        out.affiliations.push_back(index.get<int>());
      }
    }
    out.email = optional_string(obj, "email", path);
    out.orcid = optional_string(obj, "orcid", path);
    return out;
  }

  std::vector<std::string> strings(const json& obj, const char* key,
                                   const std::string& path) const {
    std::vector<std::string> out;
    const json* list = member(obj, key, path);
    if (!list) return out;
    const std::string at = path + "." + key;
    array(*list, at);
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!(*list)[i].is_string()) fail(at + "[" + std::to_string(i) + "]", "expected a string");
      out.push_back((*list)[i].get<std::string>());
    }
    return out;
  }

  Image image(const json& obj, const std::string& path) const {
    return Image{string(obj, "src", path), string(obj, "alt", path)};
  }

  Inlines inlines(const json& obj, const char* key, const std::string& path) const {
    Inlines out;
    const json* list = member(obj, key, path);
    if (!list) return out;
    const std::string at = path + "." + key;
    array(*list, at);
    for (std::size_t i = 0; i < list->size(); ++i) {
      out.push_back(inline_node((*list)[i], at + "[" + std::to_string(i) + "]"));
    }
    return out;
  }

  Inline inline_node(const json& obj, const std::string& path) const {
    const std::string type = string(object(obj, path), "type", path);
    if (type == "text") return {Text{string(obj, "text", path)}};
    if (type == "emphasis") return {Emphasis{inlines(obj, "children", path)}};
    if (type == "strong") return {Strong{inlines(obj, "children", path)}};
    if (type == "code") return {Code{string(obj, "text", path)}};
    if (type == "link") return {Link{inlines(obj, "children", path), string(obj, "url", path)}};
    if (type == "image") return {image(obj, path)};
    if (type == "line_break") return {LineBreak{}};
    if (type == "note_ref") return {NoteRef{string(obj, "id", path)}};
    fail(path, "unknown inline type '" + type + "'");
  }

  Blocks blocks(const json& list, const std::string& path) const {
    array(list, path);
    Blocks out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(block(list[i], path + "[" + std::to_string(i) + "]"));
    }
    return out;
  }

  Blocks blocks_member(const json& obj, const char* key, const std::string& path) const {
    const json* list = member(obj, key, path);
    return list ? blocks(*list, path + "." + key) : Blocks{};
  }

  std::vector<Blocks> block_lists(const json& obj, const char* key, const std::string& path) const {
    std::vector<Blocks> out;
    const json* list = member(obj, key, path);
    if (!list) return out;
    const std::string at = path + "." + key;
    array(*list, at);
    for (std::size_t i = 0; i < list->size(); ++i) {
      out.push_back(blocks((*list)[i], at + "[" + std::to_string(i) + "]"));
    }
    return out;
  }

  Table table(const json& obj, const std::string& path) const {
    Table out;
    const json* rows = member(obj, "rows", path);
    if (rows) {
      const std::string at = path + ".rows";
      array(*rows, at);
      for (std::size_t r = 0; r < rows->size(); ++r) {
        const json& row = (*rows)[r];
        const std::string row_path = at + "[" + std::to_string(r) + "]";
        std::vector<Blocks> cells;
        for (std::size_t c = 0; c < array(row, row_path).size(); ++c) {
          cells.push_back(blocks(row[c], row_path + "[" + std::to_string(c) + "]"));
        }
        out.rows.push_back(std::move(cells));
      }
    }
    out.header_rows = integer(obj, "header_rows", path, 0, static_cast<int>(out.rows.size()));
    return out;
  }

  Block block(const json& obj, const std::string& path) const {
    const std::string type = string(object(obj, path), "type", path);
    if (type == "heading") {
      return {Heading{integer(obj, "level", path, 1, 6), inlines(obj, "inlines", path)}};
    }
    if (type == "paragraph") return {Paragraph{inlines(obj, "inlines", path)}};
    if (type == "list") {
      return {List{boolean(obj, "ordered", path), block_lists(obj, "items", path)}};
    }
    if (type == "quote") return {Quote{blocks_member(obj, "blocks", path)}};
    if (type == "code")
      return {CodeBlock{string(obj, "text", path), string(obj, "language", path)}};
    if (type == "figure") {
      const json* img = member(obj, "image", path);
      return {Figure{img ? image(*img, path + ".image") : Image{}, inlines(obj, "caption", path)}};
    }
    if (type == "table") return {table(obj, path)};
    if (type == "rule") return {Rule{}};
    fail(path, "unknown block type '" + type + "'");
  }

  std::vector<Note> notes(const json& list) const {
    array(list, "notes");
    std::vector<Note> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "notes[" + std::to_string(i) + "]";
      object(list[i], path);
      out.push_back(Note{string(list[i], "id", path), blocks_member(list[i], "blocks", path)});
    }
    return out;
  }

  std::vector<Reference> references(const json& list) const {
    array(list, "references");
    std::vector<Reference> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "references[" + std::to_string(i) + "]";
      const json& r = object(list[i], path);
      Reference ref;
      ref.id = string(r, "id", path);
      ref.label = string(r, "label", path);
      ref.text = string(r, "text", path);
      ref.authors = strings(r, "authors", path);
      ref.year = optional_string(r, "year", path);
      ref.title = optional_string(r, "title", path);
      ref.container = optional_string(r, "container", path);
      ref.volume = optional_string(r, "volume", path);
      ref.issue = optional_string(r, "issue", path);
      ref.pages = optional_string(r, "pages", path);
      ref.doi = optional_string(r, "doi", path);
      ref.url = optional_string(r, "url", path);
      out.push_back(std::move(ref));
    }
    return out;
  }

  std::vector<Furniture> furniture(const json& list) const {
    array(list, "furniture");
    std::vector<Furniture> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "furniture[" + std::to_string(i) + "]";
      object(list[i], path);
      out.push_back(
          Furniture{integer(list[i], "page", path, 0, 1 << 30), string(list[i], "text", path)});
    }
    return out;
  }

  std::vector<Resource> resources(const json& list) const {
    array(list, "resources");
    std::vector<Resource> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string path = "resources[" + std::to_string(i) + "]";
      object(list[i], path);
      std::optional<std::string> data = detail::base64_decode(string(list[i], "base64", path));
      if (!data) fail(path + ".base64", "not base64");
      out.push_back(Resource{string(list[i], "path", path), string(list[i], "media_type", path),
                             std::move(*data)});
    }
    return out;
  }

  const std::string& name_;
};

}  // namespace

Article JsonReader::read(const Input& input, const ReadOptions& options, Diagnostics&) const {
  return Decoder(input.name).article(parse(input, options));
}

}  // namespace galley::json
