// Writes the article model as JSON, schema galley-article/1 (docs/json-schema.md).
//
// Pretty-printed with a two-space indent, one value per line and keys in a fixed
// order, so that a diff of two outputs names the field that changed; or, as JSON
// Lines, each article on a line of its own. Every key of
// the schema is always present (null or empty when unknown). Strings are made valid
// UTF-8 without C0 controls first; nothing else in the model is dropped.
#include <nlohmann/json.hpp>

#include "detail/iso_date.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "json_format.hpp"

namespace galley::json {
namespace {

using nlohmann::ordered_json;

ordered_json string_value(std::string_view text) { return detail::sanitize_utf8(text); }

ordered_json optional_string(const std::optional<std::string>& text) {
  return text ? string_value(*text) : ordered_json(nullptr);
}

ordered_json inlines_value(const Inlines& inlines);
ordered_json blocks_value(const Blocks& blocks);

ordered_json image_value(const Image& image) {
  return {{"src", string_value(image.src)}, {"alt", string_value(image.alt)}};
}

ordered_json inline_value(const Inline& node) {
  return std::visit(
      overloaded{
          [](const Text& t) {
            return ordered_json{{"type", "text"}, {"text", string_value(t.text)}};
          },
          [](const Emphasis& e) {
            return ordered_json{{"type", "emphasis"}, {"children", inlines_value(e.children)}};
          },
          [](const Strong& s) {
            return ordered_json{{"type", "strong"}, {"children", inlines_value(s.children)}};
          },
          [](const Code& c) {
            return ordered_json{{"type", "code"}, {"text", string_value(c.text)}};
          },
          [](const Link& l) {
            return ordered_json{{"type", "link"},
                                {"url", string_value(l.url)},
                                {"children", inlines_value(l.children)}};
          },
          [](const Image& i) {
            return ordered_json{
                {"type", "image"}, {"src", string_value(i.src)}, {"alt", string_value(i.alt)}};
          },
          [](const LineBreak&) {
            return ordered_json{{"type", "line_break"}};
          },
          [](const NoteRef& n) {
            return ordered_json{{"type", "note_ref"}, {"id", string_value(n.id)}};
          },
      },
      node.node);
}

ordered_json inlines_value(const Inlines& inlines) {
  ordered_json out = ordered_json::array();
  for (const Inline& i : inlines) out.push_back(inline_value(i));
  return out;
}

// "type" and "text" come first in every block; the type's own keys follow.
ordered_json block_value(const Block& block) {
  ordered_json out;
  std::visit(overloaded{
                 [&](const Heading& h) {
                   out = {{"type", "heading"}, {"text", string_value(plain_text(block))}};
                   out["level"] = h.level;
                   out["inlines"] = inlines_value(h.inlines);
                 },
                 [&](const Paragraph& p) {
                   out = {{"type", "paragraph"}, {"text", string_value(plain_text(block))}};
                   out["inlines"] = inlines_value(p.inlines);
                 },
                 [&](const List& l) {
                   out = {{"type", "list"}, {"text", string_value(plain_text(block))}};
                   out["ordered"] = l.ordered;
                   out["items"] = ordered_json::array();
                   for (const Blocks& item : l.items) out["items"].push_back(blocks_value(item));
                 },
                 [&](const Quote& q) {
                   out = {{"type", "quote"}, {"text", string_value(plain_text(block))}};
                   out["blocks"] = blocks_value(q.blocks);
                 },
                 // Code keeps its text verbatim: line breaks and indentation are content.
                 [&](const CodeBlock& c) {
                   out = {{"type", "code"}, {"text", string_value(c.text)}};
                   out["language"] = string_value(c.language);
                 },
                 [&](const Figure& f) {
                   out = {{"type", "figure"}, {"text", string_value(plain_text(block))}};
                   out["image"] = image_value(f.image);
                   out["caption"] = inlines_value(f.caption);
                 },
                 [&](const Table& t) {
                   out = {{"type", "table"}, {"text", string_value(plain_text(block))}};
                   out["header_rows"] = t.header_rows;
                   out["rows"] = ordered_json::array();
                   for (const auto& row : t.rows) {
                     ordered_json cells = ordered_json::array();
                     for (const Blocks& cell : row) cells.push_back(blocks_value(cell));
                     out["rows"].push_back(std::move(cells));
                   }
                 },
                 [&](const Rule&) {
                   out = {{"type", "rule"}, {"text", ""}};
                 },
             },
             block.node);
  return out;
}

ordered_json blocks_value(const Blocks& blocks) {
  ordered_json out = ordered_json::array();
  for (const Block& b : blocks) out.push_back(block_value(b));
  return out;
}

ordered_json strings_value(const std::vector<std::string>& list) {
  ordered_json out = ordered_json::array();
  for (const std::string& s : list) out.push_back(string_value(s));
  return out;
}

ordered_json person_value(const Person& p) {
  return {{"name", string_value(p.name)},
          {"affiliations", p.affiliations},
          {"email", optional_string(p.email)},
          {"orcid", optional_string(p.orcid)}};
}

ordered_json container_value(const std::optional<Container>& c) {
  if (!c) return nullptr;
  return {{"title", optional_string(c->title)},
          {"volume", optional_string(c->volume)},
          {"issue", optional_string(c->issue)},
          {"pages", optional_string(c->pages)}};
}

ordered_json license_value(const std::optional<License>& l) {
  if (!l) return nullptr;
  return {{"text", string_value(l->text)}, {"url", optional_string(l->url)}};
}

ordered_json metadata_value(const Metadata& m) {
  ordered_json authors = ordered_json::array();
  for (const Person& p : m.authors) authors.push_back(person_value(p));
  ordered_json identifiers = ordered_json::array();
  for (const Identifier& id : m.identifiers) {
    identifiers.push_back({{"type", string_value(id.type)}, {"value", string_value(id.value)}});
  }
  ordered_json out;
  out["title"] = optional_string(m.title);
  out["subtitle"] = optional_string(m.subtitle);
  out["authors"] = std::move(authors);
  out["byline"] = optional_string(m.byline);
  out["date"] = m.date ? ordered_json(detail::to_iso_date(*m.date)) : ordered_json(nullptr);
  out["datetime"] = optional_string(m.datetime);
  out["site_name"] = optional_string(m.site_name);
  out["publisher"] = optional_string(m.publisher);
  out["lang"] = optional_string(m.lang);
  out["url"] = optional_string(m.url);
  out["description"] = optional_string(m.description);
  out["source_format"] = string_value(m.source_format);
  out["layout"] = optional_string(m.layout);
  out["keywords"] = strings_value(m.keywords);
  out["affiliations"] = strings_value(m.affiliations);
  out["identifiers"] = std::move(identifiers);
  out["container"] = container_value(m.container);
  out["license"] = license_value(m.license);
  return out;
}

ordered_json reference_value(const Reference& r) {
  return {{"id", string_value(r.id)},
          {"label", string_value(r.label)},
          {"text", string_value(r.text)},
          {"authors", strings_value(r.authors)},
          {"year", optional_string(r.year)},
          {"title", optional_string(r.title)},
          {"container", optional_string(r.container)},
          {"volume", optional_string(r.volume)},
          {"issue", optional_string(r.issue)},
          {"pages", optional_string(r.pages)},
          {"doi", optional_string(r.doi)},
          {"url", optional_string(r.url)}};
}

ordered_json article_value(const Article& a) {
  ordered_json notes = ordered_json::array();
  for (const Note& n : a.notes) {
    notes.push_back({{"id", string_value(n.id)}, {"blocks", blocks_value(n.blocks)}});
  }
  ordered_json furniture = ordered_json::array();
  for (const Furniture& f : a.furniture) {
    furniture.push_back({{"page", f.page}, {"text", string_value(f.text)}});
  }
  ordered_json resources = ordered_json::array();
  for (const Resource& r : a.resources) {
    resources.push_back({{"path", string_value(r.path)},
                         {"media_type", string_value(r.media_type)},
                         {"base64", detail::base64_encode(r.data)}});
  }
  ordered_json out;
  out["schema"] = kSchema;
  out["metadata"] = metadata_value(a.metadata);
  out["abstract"] = blocks_value(a.abstract);
  out["body"] = blocks_value(a.body);
  out["notes"] = std::move(notes);
  out["references"] = ordered_json::array();
  for (const Reference& r : a.references) out["references"].push_back(reference_value(r));
  out["footer"] = blocks_value(a.footer);
  out["furniture"] = std::move(furniture);
  out["resources"] = std::move(resources);
  return out;
}

}  // namespace

void JsonWriter::write(const Article& article, const WriteOptions&, Sink& out, Diagnostics&) const {
  std::string text = article_value(article).dump(one_line_ ? -1 : 2);
  text += '\n';
  out.write(text);
}

void JsonWriter::write_collection(const std::vector<Article>& articles, const CollectionInfo& info,
                                  const WriteOptions& options, Sink& out, Diagnostics& diag) const {
  if (!one_line_) return Writer::write_collection(articles, info, options, out, diag);
  for (const Article& article : articles) write(article, options, out, diag);
}

}  // namespace galley::json
