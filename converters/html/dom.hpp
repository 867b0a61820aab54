// A compact, read-only DOM for the HTML reader, built once from libxml2's tree.
//
// Nodes live in one vector in document (pre-)order, so a parent always precedes its
// children: bottom-up sums (text length, link text) are one reverse pass, and no walk
// needs recursion however deep the page is nested. Scripts, styles, comments and
// hidden elements never enter it; JSON-LD blocks are kept aside for the metadata.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::html {

using NodeId = int;
constexpr NodeId kNoNode = -1;

struct Node {
  bool is_text = false;
  bool is_block = false;  ///< a block-level element (see is_block_tag)
  std::string name;       ///< lower-case tag name; empty for text
  std::string text;       ///< text nodes only, UTF-8 as in the page
  std::vector<std::pair<std::string, std::string>> attributes;  ///< lower-case names
  NodeId parent = kNoNode;
  std::vector<NodeId> children;
};

/// The most bytes of <script type=application/json> a Dom keeps.
constexpr std::size_t kMaxScriptData = 1 << 20;

struct Dom {
  std::vector<Node> nodes;
  NodeId root = kNoNode;             ///< the <html> element
  std::vector<std::string> json_ld;  ///< contents of <script type=application/ld+json>
  /// Contents of <script type=application/json>: the state a page rendered by script
  /// keeps its dates in, up to kMaxScriptData bytes in all.
  std::vector<std::string> script_data;

  const Node& operator[](NodeId id) const { return nodes[static_cast<std::size_t>(id)]; }
  Node& operator[](NodeId id) { return nodes[static_cast<std::size_t>(id)]; }
  std::size_t size() const noexcept { return nodes.size(); }

  /// The attribute's value, or "" when absent.
  std::string_view attr(NodeId id, std::string_view name) const;
  bool has_attr(NodeId id, std::string_view name) const;
  bool is(NodeId id, std::string_view tag) const {
    return !(*this)[id].is_text && (*this)[id].name == tag;
  }
  /// The first element called `tag` in document order, or kNoNode.
  NodeId find_first(std::string_view tag) const;
  /// The nearest ancestor (not `id` itself) called `tag`, up to `max_levels` up (0 = any).
  NodeId ancestor(NodeId id, std::string_view tag, int max_levels = 0) const;
  /// One past the last node of `id`'s subtree: descendants are the ids in (id, end).
  NodeId subtree_end(NodeId id) const;
};

/// The text of a subtree with whitespace collapsed; block boundaries become spaces.
std::string inner_text(const Dom& dom, NodeId id);

/// An element's class and id, lower-cased and joined by a space, for matching the words
/// that hint at what it holds ("byline", "sidebar", "comment").
std::string class_and_id(const Dom& dom, NodeId id);

/// True for elements that start a new block (p, div, h1, li, table...).
bool is_block_tag(std::string_view tag);

/// For each node, whether a block-level element (or <br>) is among its descendants.
std::vector<bool> block_descendants(const Dom& dom);

/// Per-node sums over each subtree, computed in one reverse pass and recomputed after
/// nodes are dropped, so scoring never re-reads text (the cost of Readability's
/// repeated innerText calls).
struct TextStats {
  std::vector<std::int32_t> chars;       ///< code points of collapsed text
  std::vector<std::int32_t> link_chars;  ///< of which inside <a>
  std::vector<std::int32_t> commas;      ///< commas of any script
  /// Computes the sums over nodes not flagged in `dropped` (may be empty).
  void compute(const Dom& dom, const std::vector<bool>& dropped);
  double link_density(NodeId id) const {
    const auto i = static_cast<std::size_t>(id);
    return chars[i] == 0 ? 0.0 : static_cast<double>(link_chars[i]) / chars[i];
  }
};

}  // namespace galley::html
