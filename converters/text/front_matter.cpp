#include "front_matter.hpp"

#include <yaml.h>

#include <algorithm>
#include <regex>
#include <vector>

#include <galley/recover.hpp>

#include "detail/iso_date.hpp"
#include "detail/language.hpp"
#include "detail/text.hpp"

namespace galley::text {
namespace {

// Front matter is a few lines of metadata: a longer block is not read as YAML, which
// bounds the parser's work on a hostile file.
constexpr std::size_t kMaxFrontMatterBytes = 64 * 1024;

struct Block {
  std::string_view yaml;
  std::string_view rest;
};

// The YAML between an opening "---" line (not followed by a blank line, as pandoc
// requires) and the next "---" or "..." line.
std::optional<Block> split_block(std::string_view text) {
  if (!text.starts_with("---\n")) return std::nullopt;
  std::size_t pos = 4;
  if (pos >= text.size() || text[pos] == '\n') return std::nullopt;
  while (pos < text.size() && pos <= kMaxFrontMatterBytes) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = detail::trim(text.substr(pos, end - pos));
    if (line == "---" || line == "...") {
      return Block{text.substr(4, pos - 4), text.substr(std::min(end + 1, text.size()))};
    }
    pos = end + 1;
  }
  return std::nullopt;
}

// libyaml's parser and the document it loaded, released together.
class YamlDocument {
 public:
  explicit YamlDocument(std::string_view yaml) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()),
                                 yaml.size());
    loaded_ = yaml_parser_load(&parser_, &document_) != 0;
  }
  ~YamlDocument() {
    if (loaded_) yaml_document_delete(&document_);
    yaml_parser_delete(&parser_);
  }
  YamlDocument(const YamlDocument&) = delete;
  YamlDocument& operator=(const YamlDocument&) = delete;

  /// The parser's complaint with its line, or "" when the YAML loaded.
  std::string problem() const {
    if (loaded_) return {};
    return std::string(parser_.problem ? parser_.problem : "not YAML") + " at line " +
           std::to_string(parser_.problem_mark.line + 2);  // + the opening "---" line
  }

  yaml_node_t* root() { return loaded_ ? yaml_document_get_root_node(&document_) : nullptr; }
  yaml_node_t* node(int index) { return yaml_document_get_node(&document_, index); }

  /// The text of a scalar node; nullopt for anything else.
  static std::optional<std::string> scalar(const yaml_node_t* node) {
    if (!node || node->type != YAML_SCALAR_NODE) return std::nullopt;
    return detail::sanitize_utf8(std::string_view(
        reinterpret_cast<const char*>(node->data.scalar.value), node->data.scalar.length));
  }

  /// The value under `key` in a mapping node, or null.
  yaml_node_t* get(const yaml_node_t* map, std::string_view key) {
    if (!map || map->type != YAML_MAPPING_NODE) return nullptr;
    for (auto* pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; ++pair) {
      if (scalar(node(pair->key)) == key) return node(pair->value);
    }
    return nullptr;
  }

  /// The items of a sequence node; a single item for anything else but null.
  std::vector<yaml_node_t*> items(yaml_node_t* value) {
    if (!value) return {};
    if (value->type != YAML_SEQUENCE_NODE) return {value};
    std::vector<yaml_node_t*> out;
    for (auto* item = value->data.sequence.items.start; item < value->data.sequence.items.top;
         ++item) {
      out.push_back(node(*item));
    }
    return out;
  }

 private:
  yaml_parser_t parser_{};
  yaml_document_t document_{};
  bool loaded_ = false;
};

std::optional<std::string> text_field(YamlDocument& doc, const yaml_node_t* root,
                                      std::string_view key) {
  auto value = YamlDocument::scalar(doc.get(root, key));
  if (value && detail::trim(*value).empty()) return std::nullopt;
  return value;
}

// `author` (or Quarto's `authors`): a name, a list of names, or of objects with a name.
std::vector<Person> read_authors(YamlDocument& doc, const yaml_node_t* root) {
  yaml_node_t* value = doc.get(root, "author");
  if (!value) value = doc.get(root, "authors");
  std::vector<Person> people;
  for (yaml_node_t* item : doc.items(value)) {
    auto name = YamlDocument::scalar(item);
    if (!name) name = YamlDocument::scalar(doc.get(item, "name"));
    if (name && !detail::trim(*name).empty()) people.push_back({std::string(detail::trim(*name))});
  }
  return people;
}

// galley's own `author-details`: each author's affiliations, e-mail and ORCID, matched
// to the authors by name.
void read_author_details(YamlDocument& doc, const yaml_node_t* root, Metadata& m) {
  for (yaml_node_t* item : doc.items(doc.get(root, "author-details"))) {
    const auto name = YamlDocument::scalar(doc.get(item, "name"));
    const auto person = std::find_if(m.authors.begin(), m.authors.end(),
                                     [&](const Person& p) { return p.name == name; });
    if (!name || person == m.authors.end()) continue;
    person->email = YamlDocument::scalar(doc.get(item, "email"));
    person->orcid = YamlDocument::scalar(doc.get(item, "orcid"));
    for (yaml_node_t* affiliation : doc.items(doc.get(item, "affiliations"))) {
      const auto text = YamlDocument::scalar(affiliation);
      if (!text) continue;
      auto known = std::find(m.affiliations.begin(), m.affiliations.end(), *text);
      if (known == m.affiliations.end()) known = m.affiliations.insert(known, *text);
      person->affiliations.push_back(static_cast<int>(known - m.affiliations.begin()));
    }
  }
}

// A day in any form the date pass reads, else a month or year in ISO 8601
// ("2014-06", "2010"), which the model keeps in `datetime` alone.
void read_date(const std::optional<std::string>& value, DateOrder order, Metadata& m) {
  if (!value) return;
  m.date = parse_date(*value, order);
  if (m.date || detail::writable_publication_date(std::nullopt, value)) m.datetime = value;
}

bool is_web_address(const std::string& url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

Metadata read_metadata(YamlDocument& doc, const yaml_node_t* root, DateOrder order) {
  Metadata m;
  m.title = text_field(doc, root, "title");
  m.subtitle = text_field(doc, root, "subtitle");
  m.authors = read_authors(doc, root);
  read_author_details(doc, root, m);
  read_date(text_field(doc, root, "date"), order, m);
  if (const auto lang = text_field(doc, root, "lang")) {
    m.lang = detail::normalize_language_tag(*lang);
  }
  m.description = text_field(doc, root, "description");
  m.publisher = text_field(doc, root, "publisher");
  m.site_name = text_field(doc, root, "site_name");
  // Hugo's `url` is the page's own path on the site; only a web address names the source.
  for (const char* key : {"canonical_url", "url"}) {
    const auto url = text_field(doc, root, key);
    if (!m.url && url && is_web_address(*url)) m.url = url;
  }
  for (yaml_node_t* item : doc.items(doc.get(root, "keywords"))) {
    if (auto keyword = YamlDocument::scalar(item)) m.keywords.push_back(std::move(*keyword));
  }
  return m;
}

// Whether a block that failed to load was meant as front matter: it opens with a key.
bool looks_like_yaml(std::string_view yaml) {
  static const std::regex key(R"(^[A-Za-z_][\w-]*:(\s|$))");
  return std::regex_search(yaml.begin(), yaml.end(), key);
}

}  // namespace

std::optional<FrontMatter> read_front_matter(std::string_view text, const std::string& input_name,
                                             const ReadOptions& options, Diagnostics& diag) {
  const auto block = split_block(text);
  if (!block) return std::nullopt;
  YamlDocument doc(block->yaml);
  const yaml_node_t* root = doc.root();
  if (!root || root->type != YAML_MAPPING_NODE) {
    if (!doc.problem().empty() && looks_like_yaml(block->yaml)) {
      diag.warn({input_name,
                 {},
                 "front matter is not valid YAML (" + doc.problem() + "); it is read as text"});
    }
    return std::nullopt;
  }
  FrontMatter front{read_metadata(doc, root, options.date_order), {}, block->rest};
  front.abstract = text_field(doc, root, "abstract").value_or("");
  return front;
}

}  // namespace galley::text
