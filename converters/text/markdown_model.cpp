// cmark's tree to galley's model, guarding the quirks of plain text read as Markdown:
//  - an indented code block in a text file is almost always an indented paragraph, so
//    indented (unfenced) code is dedented and read again as text; only fenced code
//    becomes a CodeBlock (fixtures/text/indented_paragraphs);
//  - a line opening with a year and a full stop ("1984. It was ...") is text, not an
//    ordered list starting at 1984: lists numbered from 1000 on are turned back into
//    paragraphs with their number;
//  - raw HTML is kept as literal text, never interpreted;
//  - links to javascript:, vbscript: and data: URLs keep their text and lose the link;
//  - nesting deeper than kMaxDepth (block quotes in block quotes, emphasis in emphasis)
//    is flattened to text, so no walk over the model can exhaust the stack.
#include "markdown_model.hpp"

#define CMARK_NO_SHORT_NAMES 1
#include <cmark.h>

#include <memory>
#include <vector>

#include "detail/inlines.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley::text {
namespace {

constexpr int kMaxDepth = 48;
// Ordered lists starting here or above are years opening a line, not lists.
constexpr int kFirstYearNumber = 1000;

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

std::string str(const char* text) { return text ? text : ""; }
std::string literal(cmark_node* node) { return str(cmark_node_get_literal(node)); }

// All the text under a node, without recursion: what is kept of too-deep nesting.
std::string flatten(cmark_node* root) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER &&
        (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK ||
         type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      out += literal(node);
    }
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ||
        (event == CMARK_EVENT_EXIT && type < CMARK_NODE_FIRST_INLINE)) {
      out += ' ';
    }
  }
  cmark_iter_free(iter);
  return detail::collapse_whitespace(out);
}

// Removes all leading whitespace from every line: an indented paragraph read again.
std::string dedent(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == ' ' || c == '\t')) continue;
    out += c;
    line_start = c == '\n';
  }
  return out;
}

class Converter {
 public:
  Converter(std::string_view source, const std::string& name, Diagnostics& diag, int depth,
            detail::ResourceCollector& images, bool& warned_depth)
      : source_(source),
        name_(name),
        diag_(diag),
        depth_(depth),
        images_(images),
        warned_depth_(warned_depth) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  Blocks document() {
    const NodePtr root(cmark_parse_document(source_.data(), source_.size(), CMARK_OPT_DEFAULT));
    if (!root) throw Error(ErrorCode::Malformed, name_, {}, "cannot parse the text");
    Blocks out;
    blocks(root.get(), depth_, out);
    return out;
  }

 private:
  // The source from a node's start position to the end of its line.
  std::string_view source_at(cmark_node* node) const {
    const int line = cmark_node_get_start_line(node);
    const int column = cmark_node_get_start_column(node);
    if (line < 1 || column < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
    const std::size_t begin = line_starts_[line - 1] + static_cast<std::size_t>(column) - 1;
    if (begin >= source_.size()) return {};
    const std::size_t end = std::min(source_.find('\n', begin), source_.size());
    return source_.substr(begin, end - begin);
  }

  bool is_fenced(cmark_node* code) const {
    const std::string_view at = source_at(code);
    return at.starts_with("```") || at.starts_with("~~~");
  }

  bool too_deep(int depth) {
    if (depth < kMaxDepth) return false;
    if (!warned_depth_) {
      diag_.warn(
          {name_,
           {},
           "nesting deeper than " + std::to_string(kMaxDepth) + " levels was flattened to text"});
      warned_depth_ = true;
    }
    return true;
  }

  void blocks(cmark_node* parent, int depth, Blocks& out) {
    for (cmark_node* child = cmark_node_first_child(parent); child;
         child = cmark_node_next(child)) {
      block(child, depth + 1, out);
    }
  }

  void block(cmark_node* node, int depth, Blocks& out) {
    if (too_deep(depth)) {
      std::string text = flatten(node);
      if (!text.empty()) out.push_back(Block{Paragraph{{Inline{Text{std::move(text)}}}}});
      return;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        return paragraph(node, depth, out);
      case CMARK_NODE_HEADING: {
        Inlines content = inlines(node, depth);
        if (!content.empty()) {
          out.push_back(Block{Heading{cmark_node_get_heading_level(node), std::move(content)}});
        }
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: {
        Quote quote;
        blocks(node, depth, quote.blocks);
        if (!quote.blocks.empty()) out.push_back(Block{std::move(quote)});
        return;
      }
      case CMARK_NODE_LIST:
        return list(node, depth, out);
      case CMARK_NODE_CODE_BLOCK:
        return code_block(node, depth, out);
      case CMARK_NODE_HTML_BLOCK: {
        Inlines text{Inline{Text{literal(node)}}};
        detail::normalize_inlines(text);
        if (!text.empty()) out.push_back(Block{Paragraph{std::move(text)}});
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        out.push_back(Block{Rule{}});
        return;
      default:
        blocks(node, depth, out);
    }
  }

  // A paragraph holding one image alone is a figure.
  void paragraph(cmark_node* node, int depth, Blocks& out) {
    Inlines content = inlines(node, depth);
    if (content.empty()) return;
    if (content.size() == 1) {
      if (const auto* image = std::get_if<Image>(&content.front().node)) {
        cmark_node* image_node = cmark_node_first_child(node);
        const std::string title = str(cmark_node_get_title(image_node));
        Inlines caption;
        if (!title.empty()) caption.push_back(Inline{Text{title}});
        out.push_back(Block{Figure{*image, std::move(caption)}});
        return;
      }
    }
    out.push_back(Block{Paragraph{std::move(content)}});
  }

  void list(cmark_node* node, int depth, Blocks& out) {
    const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    if (ordered && cmark_node_get_list_start(node) >= kFirstYearNumber) {
      return year_lines(node, depth, out);
    }
    List list{ordered, {}};
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      Blocks item_blocks;
      blocks(item, depth, item_blocks);
      list.items.push_back(std::move(item_blocks));
    }
    out.push_back(Block{std::move(list)});
  }

  // "1984. It was ..." read back as a paragraph opening with its number as printed.
  void year_lines(cmark_node* node, int depth, Blocks& out) {
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      const std::string_view at = source_at(item);
      const std::string number(at.substr(0, at.find_first_not_of("0123456789") + 1));
      const std::size_t first = out.size();
      blocks(item, depth - 1, out);
      auto* lead = first < out.size() ? std::get_if<Paragraph>(&out[first].node) : nullptr;
      if (lead) {
        lead->inlines.insert(lead->inlines.begin(), Inline{Text{number + " "}});
        detail::normalize_inlines(lead->inlines);
      } else {
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(first),
                   Block{Paragraph{{Inline{Text{number}}}}});
      }
    }
  }

  void code_block(cmark_node* node, int depth, Blocks& out) {
    if (!is_fenced(node)) {
      const std::string text = dedent(literal(node));
      Converter again(text, name_, diag_, depth, images_, warned_depth_);
      for (Block& block : again.document()) out.push_back(std::move(block));
      return;
    }
    std::string text = literal(node);
    if (text.ends_with('\n')) text.pop_back();
    const std::string info = str(cmark_node_get_fence_info(node));
    out.push_back(Block{CodeBlock{std::move(text), info.substr(0, info.find(' '))}});
  }

  Inlines inlines(cmark_node* parent, int depth) {
    Inlines out;
    for (cmark_node* child = cmark_node_first_child(parent); child;
         child = cmark_node_next(child)) {
      inline_node(child, depth + 1, out);
    }
    detail::normalize_inlines(out);
    return out;
  }

  void inline_node(cmark_node* node, int depth, Inlines& out) {
    if (too_deep(depth)) {
      out.push_back(Inline{Text{flatten(node)}});
      return;
    }
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_HTML_INLINE:
        out.push_back(Inline{Text{literal(node)}});
        return;
      case CMARK_NODE_SOFTBREAK:
        out.push_back(Inline{Text{" "}});
        return;
      case CMARK_NODE_LINEBREAK:
        out.push_back(Inline{LineBreak{}});
        return;
      case CMARK_NODE_CODE:
        out.push_back(Inline{Code{literal(node)}});
        return;
      case CMARK_NODE_EMPH:
        out.push_back(Inline{Emphasis{inlines(node, depth)}});
        return;
      case CMARK_NODE_STRONG:
        out.push_back(Inline{Strong{inlines(node, depth)}});
        return;
      case CMARK_NODE_LINK:
        return link(node, depth, out);
      case CMARK_NODE_IMAGE: {
        std::string src = str(cmark_node_get_url(node));
        if (auto local = images_.image(src)) src = std::move(*local);
        out.push_back(Inline{Image{std::move(src), flatten(node)}});
        return;
      }
      default:
        for (Inline& child : inlines(node, depth)) out.push_back(std::move(child));
    }
  }

  void link(cmark_node* node, int depth, Inlines& out) {
    const std::string url = str(cmark_node_get_url(node));
    Inlines children = inlines(node, depth);
    if (!detail::is_script_or_data_url(url)) {
      out.push_back(Inline{Link{std::move(children), url}});
      return;
    }
    diag_.warn({name_, {}, "dropped a link to an unsafe URL (" + url.substr(0, 40) + ")"});
    for (Inline& child : children) out.push_back(std::move(child));
  }

  std::string_view source_;
  const std::string& name_;
  Diagnostics& diag_;
  int depth_;
  detail::ResourceCollector& images_;
  std::vector<std::size_t> line_starts_;
  bool& warned_depth_;  // one warning per document, shared with nested conversions
};

}  // namespace

Blocks markdown_to_blocks(std::string_view source, const std::string& input_name, Diagnostics& diag,
                          detail::ResourceCollector& images) {
  bool warned_depth = false;
  return Converter(source, input_name, diag, 0, images, warned_depth).document();
}

}  // namespace galley::text
