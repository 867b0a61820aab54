#include "dom.hpp"

#include <algorithm>
#include <array>

#include "detail/text.hpp"

namespace galley::html {
namespace {

// Tags that end the current paragraph (HTML's block-level and sectioning elements).
constexpr std::array<std::string_view, 44> kBlockTags = {
    "address", "article", "aside",  "blockquote", "body",    "caption", "center",   "dd",
    "details", "dialog",  "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "html",    "li",      "main",     "menu",
    "nav",     "ol",      "p",      "pre",        "section", "summary", "table",    "tbody",
    "td",      "tfoot",   "th",     "tr"};

bool is_comma(char32_t cp) {
  switch (cp) {
    case U',':
    case 0x060C:
    case 0xFE50:
    case 0xFE10:
    case 0xFE11:
    case 0x2E41:
    case 0x2E34:
    case 0x2E32:
    case 0xFF0C:
    case 0x3001:
      return true;
    default:
      return false;
  }
}

bool is_space_cp(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0;
}

// Code points and commas of a text node, whitespace runs counting as one and
// leading or trailing whitespace not at all (so blank nodes count zero).
void count_text(std::string_view text, std::int32_t& chars, std::int32_t& commas) {
  bool pending_space = false;
  bool seen_text = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = detail::next_code_point(text, pos);
    if (is_space_cp(cp)) {
      pending_space = seen_text;
      continue;
    }
    chars += pending_space ? 2 : 1;
    pending_space = false;
    seen_text = true;
    if (is_comma(cp)) ++commas;
  }
}

}  // namespace

std::string_view Dom::attr(NodeId id, std::string_view name) const {
  for (const auto& [key, value] : (*this)[id].attributes) {
    if (key == name) return value;
  }
  return {};
}

bool Dom::has_attr(NodeId id, std::string_view name) const {
  const auto& attrs = (*this)[id].attributes;
  return std::any_of(attrs.begin(), attrs.end(), [&](const auto& a) { return a.first == name; });
}

NodeId Dom::find_first(std::string_view tag) const {
  for (NodeId id = 0; id < static_cast<NodeId>(size()); ++id) {
    if (is(id, tag)) return id;
  }
  return kNoNode;
}

NodeId Dom::ancestor(NodeId id, std::string_view tag, int max_levels) const {
  int level = 0;
  for (NodeId p = (*this)[id].parent; p != kNoNode; p = (*this)[p].parent) {
    if (max_levels > 0 && ++level > max_levels) break;
    if (is(p, tag)) return p;
  }
  return kNoNode;
}

NodeId Dom::subtree_end(NodeId id) const {
  while (!(*this)[id].children.empty()) id = (*this)[id].children.back();
  return id + 1;
}

std::string class_and_id(const Dom& dom, NodeId id) {
  return detail::to_lower_ascii(std::string(dom.attr(id, "class")) + " " +
                                std::string(dom.attr(id, "id")));
}

std::string inner_text(const Dom& dom, NodeId id) {
  std::string raw;
  const NodeId end = dom.subtree_end(id);
  for (NodeId n = id; n < end; ++n) {
    const Node& node = dom[n];
    if (node.is_text) {
      raw += node.text;
    } else if (node.is_block || node.name == "br") {
      raw += ' ';
    }
  }
  return detail::collapse_whitespace(raw);
}

bool is_block_tag(std::string_view tag) {
  return std::find(kBlockTags.begin(), kBlockTags.end(), tag) != kBlockTags.end();
}

std::vector<bool> block_descendants(const Dom& dom) {
  std::vector<bool> has_block(dom.size(), false);
  for (std::size_t i = dom.size(); i-- > 0;) {
    const Node& node = dom[static_cast<NodeId>(i)];
    if (node.parent == kNoNode) continue;
    if (has_block[i] || node.is_block || node.name == "br") {
      has_block[static_cast<std::size_t>(node.parent)] = true;
    }
  }
  return has_block;
}

void TextStats::compute(const Dom& dom, const std::vector<bool>& dropped) {
  const std::size_t n = dom.size();
  chars.assign(n, 0);
  link_chars.assign(n, 0);
  commas.assign(n, 0);
  for (std::size_t i = n; i-- > 0;) {
    if (!dropped.empty() && dropped[i]) continue;
    const Node& node = dom[static_cast<NodeId>(i)];
    if (node.is_text) count_text(node.text, chars[i], commas[i]);
    if (!node.is_text && node.name == "a") {
      // In-page links (#footnote) weigh less, as in Readability's link density.
      const bool in_page = dom.attr(static_cast<NodeId>(i), "href").starts_with('#');
      link_chars[i] = in_page ? chars[i] * 3 / 10 : chars[i];
    }
    if (node.parent != kNoNode) {
      const auto p = static_cast<std::size_t>(node.parent);
      chars[p] += chars[i];
      link_chars[p] += link_chars[i];
      commas[p] += commas[i];
    }
  }
}

}  // namespace galley::html
