#include "html_parse.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <iconv.h>

#include <array>
#include <cerrno>
#include <climits>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

#include "detail/text.hpp"
#include "markup_limits.hpp"
#include "parse_watch.hpp"

namespace galley::html {
namespace {

// Elements deeper than this are attached to their ancestor at this depth: their text
// is kept, their nesting is not. libxml2 stops at 256 levels unless told otherwise.
constexpr std::size_t kCharsetWindow = 4096;

// libxml2's entity loader is process-wide, so it is installed once; it refuses every
// external resource (DTDs, entities), which also keeps local files out of the output.
xmlParserInputPtr refuse_external_entity(const char*, const char*, xmlParserCtxtPtr) {
  return nullptr;
}

// libxml2's global state, once, before any parse. xmlInitParser sets up its mutexes
// and the dictionaries' random seed; left to the first parses, two threads starting at
// once can both do it and leave a mutex broken (a deadlock seen in batch under
// ThreadSanitizer). The external-entity loader that refuses everything goes in too.
void prepare_libxml2() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_entity);
  });
}

struct DocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct CtxtDeleter {
  void operator()(htmlParserCtxt* ctxt) const { htmlFreeParserCtxt(ctxt); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocDeleter>;

std::string_view as_view(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

bool is_utf8_name(std::string_view enc) { return enc == "utf-8" || enc == "utf8"; }

bool is_latin_name(std::string_view enc) {
  return enc == "windows-1252" || enc == "iso-8859-1" || enc == "latin1" || enc == "latin-1" ||
         enc == "us-ascii" || enc == "ascii" || enc == "cp1252" || enc == "iso8859-1";
}

// True when valid multi-byte UTF-8 sequences outnumber invalid bytes: a UTF-8 page
// with a few stray bytes, rather than a legacy-encoded page declared as UTF-8.
bool mostly_utf8(std::string_view bytes) {
  std::size_t valid = 0;
  std::size_t invalid = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t start = pos;
    const char32_t cp = detail::next_code_point(bytes, pos);
    if (cp == 0xFFFD && pos - start == 1) {
      ++invalid;
    } else if (pos - start > 1) {
      ++valid;
    }
  }
  return valid > invalid;
}

struct IconvCloser {
  void operator()(iconv_t cd) const { iconv_close(cd); }
};

// `bytes` in `charset`, as UTF-8; nullopt when iconv does not know the charset. Bytes
// not valid in it become U+FFFD and set `invalid` (libxml2's own decoding would stop at
// the first and drop the rest of the page).
std::optional<std::string> decode_charset(std::string_view bytes, const std::string& charset,
                                          bool& invalid) {
  const iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  const std::unique_ptr<std::remove_pointer_t<iconv_t>, IconvCloser> closer(cd);
  std::string out;
  out.reserve(bytes.size());
  // iconv takes non-const input pointers but only reads through them.
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::array<char, 1 << 14> buffer;
  while (in_left > 0) {
    char* to = buffer.data();
    std::size_t to_left = buffer.size();
    const std::size_t converted = iconv(cd, &in, &in_left, &to, &to_left);
    out.append(buffer.data(), static_cast<std::size_t>(to - buffer.data()));
    if (converted == static_cast<std::size_t>(-1) && errno != E2BIG) {
      out += "\xEF\xBF\xBD";
      ++in;
      --in_left;
      invalid = true;
    }
  }
  return out;
}

// The page as UTF-8 without NULs or other C0 controls but tab, LF and CR: what libxml2
// is given, and what limit_markup() expects.
std::string prepare(std::string_view bytes, std::string_view transport_charset,
                    const std::string& name, Diagnostics& diag) {
  const detail::Encoding detected = detail::detect_encoding(bytes);
  if (detected != detail::Encoding::Windows1252) {
    return detail::sanitize_utf8(detail::decode_text(bytes, detected));
  }
  const std::string encoding = choose_encoding(bytes, transport_charset);
  if (is_utf8_name(encoding)) {
    if (mostly_utf8(bytes)) {
      diag.warn({name, {}, "invalid UTF-8 bytes were replaced with U+FFFD"});
      return detail::sanitize_utf8(bytes);
    }
    diag.warn({name, {}, "declared UTF-8 but is not; read as windows-1252"});
  } else if (!is_latin_name(encoding)) {
    bool invalid = false;
    if (std::optional<std::string> text = decode_charset(bytes, encoding, invalid)) {
      if (invalid) {
        diag.warn({name, {}, "bytes not valid in " + encoding + " were replaced with U+FFFD"});
      }
      return detail::sanitize_utf8(std::move(*text));
    }
    diag.warn({name, {}, "unknown charset '" + encoding + "'; read as windows-1252"});
  }
  return detail::sanitize_utf8(detail::windows1252_to_utf8(bytes));
}

// libxml2's HTML parser does not read a DOCTYPE's internal subset: it would show the
// entity declarations as text. They are cut out (and never expanded).
bool strip_internal_subset(std::string& bytes) {
  const std::string head =
      detail::to_lower_ascii(std::string_view(bytes).substr(0, kCharsetWindow));
  const std::size_t doctype = head.find("<!doctype");
  if (doctype == std::string::npos) return false;
  const std::size_t open = bytes.find_first_of("[>", doctype);
  if (open == std::string::npos || bytes[open] != '[') return false;
  const std::size_t close = bytes.find("]", open);
  if (close == std::string::npos) return false;
  bytes.erase(open, close + 1 - open);
  return true;
}

// Applies MarkupLimits to the page libxml2 is about to read.
void limit_page_markup(std::string& html, const std::string& name, Diagnostics& diag) {
  const MarkupLimits limits;
  const MarkupCount count = limit_markup(html, limits);
  if (count.nodes > limits.nodes) {
    throw Error(ErrorCode::LimitExceeded, name, {},
                "the page has more than " + std::to_string(limits.nodes) +
                    " elements and comments, the most galley reads in one page");
  }
  if (count.dropped > 0) {
    diag.warn({name,
               {},
               "dropped " + std::to_string(count.dropped) + " attributes past the limits of " +
                   std::to_string(limits.attributes_per_element) + " per element and " +
                   std::to_string(limits.attributes) + " per page (one element has " +
                   std::to_string(count.most_attributes) + ")"});
  }
}

// Parses `html` (UTF-8); throws the watch's Error when the budget ran out meanwhile.
DocPtr run_parser(const std::string& html, bool huge, ParseWatch& watch) {
  std::unique_ptr<htmlParserCtxt, CtxtDeleter> ctxt(htmlNewParserCtxt());
  if (!ctxt) return nullptr;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_COMPACT;
  if (huge) options |= XML_PARSE_HUGE;
  watch.attach(ctxt.get());
  ErrorCapture capture(watch);
  DocPtr doc(htmlCtxtReadMemory(ctxt.get(), html.data(), static_cast<int>(html.size()), nullptr,
                                "UTF-8", options));
  watch.rethrow_if_stopped();
  return doc;
}

// An attribute's text; empty for an attribute written without a value (<script type>).
std::string_view attribute_text(const xmlAttr* attribute) {
  return attribute != nullptr && attribute->children != nullptr
             ? as_view(attribute->children->content)
             : std::string_view{};
}

std::string_view attribute_text(const xmlNode* node, const char* name) {
  return attribute_text(xmlHasProp(node, BAD_CAST name));
}

bool is_hidden(const xmlNode* node) {
  bool hidden = false;
  for (const xmlAttr* a = node->properties; a != nullptr && !hidden; a = a->next) {
    const std::string_view key = as_view(a->name);
    const std::string_view value = attribute_text(a);
    if (key == "hidden") hidden = true;
    if (key == "aria-hidden" && detail::trim(value) == "true") {
      // Readability's exception: MediaWiki marks its math fallback images aria-hidden.
      hidden = attribute_text(node, "class").find("fallback-image") == std::string_view::npos;
    }
    if (key == "style") {
      std::string style;
      for (char c : value) {
        if (!detail::is_ascii_space(c)) style += static_cast<char>(std::tolower(c));
      }
      hidden = style.find("display:none") != std::string::npos ||
               style.find("visibility:hidden") != std::string::npos;
    }
  }
  return hidden;
}

bool is_dropped_tag(std::string_view tag) {
  return tag == "style" || tag == "template" || tag == "svg" || tag == "select" ||
         tag == "textarea" || tag == "datalist" || tag == "button";
}

std::string text_content(const xmlNode* node) {
  std::string out;
  if (xmlChar* content = xmlNodeGetContent(node)) {
    out = as_view(content);
    xmlFree(content);
  }
  return out;
}

// Copies libxml2's tree into a Dom without recursion.
class DomBuilder {
 public:
  DomBuilder(Dom& dom, int max_depth) : dom_(dom), max_depth_(max_depth) {}

  bool flattened() const noexcept { return flattened_; }

  void build(xmlNode* root) {
    std::vector<NodeId> open;  // the Dom parent of each libxml2 element entered
    NodeId parent = kNoNode;
    xmlNode* cur = root;
    while (true) {
      const NodeId id = add(cur, parent);
      if (id != kNoNode && !dom_[id].is_text && cur->children != nullptr) {
        open.push_back(parent);
        if (open.size() < static_cast<std::size_t>(max_depth_)) {
          parent = id;
        } else {
          flattened_ = true;
        }
        cur = cur->children;
        continue;
      }
      while (cur != root && cur->next == nullptr) {
        cur = cur->parent;
        parent = open.back();
        open.pop_back();
      }
      if (cur == root) return;
      cur = cur->next;
    }
  }

 private:
  // Adds `node` under `parent`; kNoNode when it (and its subtree) is left out.
  NodeId add(xmlNode* node, NodeId parent) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      return add_text(as_view(node->content), parent);
    }
    if (node->type != XML_ELEMENT_NODE) return kNoNode;
    const std::string_view tag = as_view(node->name);
    if (tag == "script") {
      // fuzz/: <script type> without a value (fixtures/html/valueless_attributes).
      const std::string_view type = attribute_text(node, "type");
      if (type.find("ld+json") != std::string_view::npos) {
        dom_.json_ld.push_back(text_content(node));
      } else if (type == "application/json") {
        std::string data = text_content(node);
        if (script_data_bytes_ + data.size() <= kMaxScriptData) {
          script_data_bytes_ += data.size();
          dom_.script_data.push_back(std::move(data));
        }
      }
      return kNoNode;
    }
    if (is_dropped_tag(tag) || is_hidden(node)) return kNoNode;
    if (tag == "noscript") {
      add_noscript_images(node, parent);
      return kNoNode;
    }
    const NodeId id = new_node(parent);
    Node& n = dom_[id];
    n.name = tag;
    n.is_block = is_block_tag(tag);
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      std::string value;
      if (a->children != nullptr && a->children->next == nullptr) {
        value = as_view(a->children->content);
      } else if (a->children != nullptr) {
        value = text_content(reinterpret_cast<const xmlNode*>(a));
      }
      n.attributes.emplace_back(detail::to_lower_ascii(as_view(a->name)), std::move(value));
    }
    return id;
  }

  NodeId add_text(std::string_view text, NodeId parent) {
    if (parent == kNoNode || text.empty()) return kNoNode;
    // Adjacent text (split by a dropped comment or script) stays one node.
    const auto& siblings = dom_[parent].children;
    if (!siblings.empty() && dom_[siblings.back()].is_text) {
      dom_[siblings.back()].text += text;
      return siblings.back();
    }
    const NodeId id = new_node(parent);
    dom_[id].is_text = true;
    dom_[id].text = text;
    return id;
  }

  NodeId new_node(NodeId parent) {
    const auto id = static_cast<NodeId>(dom_.nodes.size());
    dom_.nodes.emplace_back();
    dom_.nodes.back().parent = parent;
    if (parent != kNoNode) dom_[parent].children.push_back(id);
    return id;
  }

  // A <noscript> image is often the only real copy of a lazily loaded one: it replaces
  // the placeholder <img> just before it, or is added when there is none
  // (fixtures/html/lazy_images).
  void add_noscript_images(xmlNode* noscript, NodeId parent) {
    if (parent == kNoNode) return;
    std::vector<xmlNode*> images;
    collect_images(noscript, images);
    if (images.empty()) return;
    const NodeId placeholder = previous_lone_image(parent);
    if (placeholder != kNoNode && images.size() == 1) {
      copy_image_attributes(images.front(), placeholder);
      return;
    }
    for (xmlNode* img : images) {
      const NodeId id = new_node(parent);
      dom_[id].name = "img";
      copy_image_attributes(img, id);
    }
  }

  static void collect_images(xmlNode* root, std::vector<xmlNode*>& images) {
    std::vector<xmlNode*> stack{root->children};
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      for (; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (as_view(n->name) == "img") images.push_back(n);
        if (n->children != nullptr) stack.push_back(n->children);
      }
    }
  }

  // The <img> that is, or is the only content of, the last element child of `parent`.
  NodeId previous_lone_image(NodeId parent) const {
    const auto& siblings = dom_[parent].children;
    for (auto it = siblings.rbegin(); it != siblings.rend(); ++it) {
      const Node& n = dom_[*it];
      if (n.is_text) {
        if (!detail::trim(n.text).empty()) return kNoNode;
        continue;
      }
      NodeId candidate = *it;
      while (dom_[candidate].name != "img" && dom_[candidate].children.size() == 1) {
        candidate = dom_[candidate].children.front();
      }
      return dom_.is(candidate, "img") ? candidate : kNoNode;
    }
    return kNoNode;
  }

  void copy_image_attributes(const xmlNode* img, NodeId id) {
    auto& attrs = dom_[id].attributes;
    for (const xmlAttr* a = img->properties; a != nullptr; a = a->next) {
      std::string key = detail::to_lower_ascii(as_view(a->name));
      std::string value(attribute_text(a));
      bool replaced = false;
      for (auto& [k, v] : attrs) {
        if (k == key) {
          v = value;
          replaced = true;
        }
      }
      if (!replaced) attrs.emplace_back(std::move(key), std::move(value));
    }
  }

  Dom& dom_;
  int max_depth_;
  std::size_t script_data_bytes_ = 0;
  bool flattened_ = false;
};

}  // namespace

std::string declared_charset(std::string_view head) {
  const std::string lower = detail::to_lower_ascii(head.substr(0, kCharsetWindow));
  std::size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const std::size_t end = lower.find('>', pos);
    const std::string_view tag = std::string_view(lower).substr(
        pos, end == std::string::npos ? std::string::npos : end - pos);
    pos += 5;
    const std::size_t at = tag.find("charset=");
    if (at == std::string_view::npos) continue;
    std::size_t start = at + 8;
    while (start < tag.size() && (tag[start] == '"' || tag[start] == '\'' || tag[start] == ' ')) {
      ++start;
    }
    std::size_t stop = start;
    while (stop < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[stop])) || tag[stop] == '-' ||
            tag[stop] == '_' || tag[stop] == ':' || tag[stop] == '.')) {
      ++stop;
    }
    if (stop > start) return std::string(tag.substr(start, stop - start));
  }
  return {};
}

std::string choose_encoding(std::string_view bytes, std::string_view transport_charset) {
  switch (detail::detect_encoding(bytes)) {
    case detail::Encoding::Utf8Bom:
    case detail::Encoding::Utf8:
      return "utf-8";
    case detail::Encoding::Utf16Le:
      return "utf-16le";
    case detail::Encoding::Utf16Be:
      return "utf-16be";
    case detail::Encoding::Windows1252:
      break;
  }
  if (!transport_charset.empty()) return detail::to_lower_ascii(transport_charset);
  std::string declared = declared_charset(bytes);
  return declared.empty() ? "windows-1252" : declared;
}

Dom parse_html(std::string_view bytes, const std::string& name, const ReadOptions& options,
               Diagnostics& diag, std::string_view transport_charset) {
  const int max_depth = effective_max_depth(options.max_depth);
  prepare_libxml2();
  std::string html = prepare(bytes, transport_charset, name, diag);
  if (strip_internal_subset(html)) {
    diag.warn({name, {}, "ignored the DOCTYPE's internal subset; its entities are not expanded"});
  }
  limit_page_markup(html, name, diag);
  if (html.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(ErrorCode::LimitExceeded, name, {}, "page is over 2 GiB, too large to parse");
  }
  ParseWatch watch(options, name, MarkupLimits{}.searched_elements);
  DocPtr doc = run_parser(html, false, watch);
  if (watch.errors.too_deep || watch.errors.huge_text) {
    // libxml2 stops at 256 levels (dropping the rest of the page) and cuts text runs
    // at 10 MB; parse again without those limits (its parser is iterative, and the
    // input size is already bounded) and flatten deep nesting while copying instead.
    watch.errors = {};
    doc = run_parser(html, true, watch);
  }
  if (watch.errors.out_of_memory) {
    throw Error(ErrorCode::LimitExceeded, name, {}, "out of memory while parsing the page");
  }
  if (watch.errors.conversion_failed) {
    diag.warn({name, {}, "some bytes are not valid UTF-8; they were skipped"});
  }
  Dom dom;
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return dom;
  DomBuilder builder(dom, max_depth);
  builder.build(root);
  dom.root = dom.nodes.empty() ? kNoNode : 0;
  if (builder.flattened()) {
    diag.warn({name,
               {},
               "elements are nested deeper than " + std::to_string(max_depth) +
                   " levels; their text is kept but the deeper nesting is flattened (raise "
                   "ReadOptions::max_depth to keep it)"});
  }
  return dom;
}

}  // namespace galley::html
