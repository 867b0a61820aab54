#include "html_convert.hpp"

#include <algorithm>

#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley::html {
namespace {

// Recursion is bounded by the Dom's depth bound; this is a second guard.
constexpr int kMaxRecursion = 600;

bool is_space_byte(char c) { return detail::is_ascii_space(c); }

bool is_heading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

bool is_list(std::string_view tag) {
  return tag == "ul" || tag == "ol" || tag == "menu" || tag == "dir";
}

bool is_emphasis(std::string_view tag) {
  return tag == "em" || tag == "i" || tag == "cite" || tag == "dfn";
}

bool is_code_span(std::string_view tag) {
  return tag == "code" || tag == "kbd" || tag == "samp" || tag == "tt";
}

// Elements whose content is not text a reader reads (embedded players, controls).
bool is_ignored(std::string_view tag) {
  return tag == "iframe" || tag == "video" || tag == "audio" || tag == "object" || tag == "embed" ||
         tag == "canvas" || tag == "input" || tag == "head" || tag == "title" || tag == "meta" ||
         tag == "link" || tag == "base" || tag == "map" || tag == "area" || tag == "source" ||
         tag == "track" || tag == "param";
}

void append_text(Inlines& inlines, std::string_view text) {
  if (!inlines.empty()) {
    if (auto* t = std::get_if<Text>(&inlines.back().node)) {
      t->text += text;
      return;
    }
  }
  inlines.push_back(Inline{Text{std::string(text)}});
}

// The image of a paragraph that holds nothing else (possibly inside a link), or null.
const Image* only_image(const Inlines& inlines) {
  if (inlines.size() != 1) return nullptr;
  if (const auto* link = std::get_if<Link>(&inlines.front().node))
    return only_image(link->children);
  return std::get_if<Image>(&inlines.front().node);
}

std::string language_of(std::string_view cls) {
  for (std::string_view prefix : {"language-", "lang-"}) {
    const std::size_t at = cls.find(prefix);
    if (at == std::string_view::npos) continue;
    std::string_view rest = cls.substr(at + prefix.size());
    return std::string(rest.substr(0, rest.find(' ')));
  }
  return {};
}

class Builder {
 public:
  Builder(const Dom& dom, const ConvertOptions& options, const std::vector<bool>& has_block)
      : dom_(dom), options_(options), has_block_(has_block) {}

  Blocks take() {
    flush();
    return std::move(out_);
  }

  void visit_children(NodeId id, int depth) {
    for (NodeId child : dom_[id].children) visit(child, depth + 1);
  }

  void visit(NodeId id, int depth) {
    if (!options_.skipped.empty() && options_.skipped[static_cast<std::size_t>(id)]) return;
    const Node& node = dom_[id];
    if (node.is_text) {
      add_text(node.text);
      return;
    }
    if (depth > kMaxRecursion) {
      add_text(" " + inner_text(dom_, id) + " ");
      return;
    }
    const std::string_view tag = node.name;
    if (is_ignored(tag)) return;
    if (tag == "br") return line_break();
    if (tag == "img") return add_image(id);
    if (inline_only_ > 0 && node.is_block) {
      pending_space_ = true;
      visit_children(id, depth);
      pending_space_ = true;
      return;
    }
    if (is_heading(tag)) return heading(id, tag[1] - '0', depth);
    if (is_list(tag)) return list(id, tag == "ol", depth);
    if (tag == "blockquote") return quote(id, depth);
    if (tag == "pre") return code_block(id);
    if (tag == "hr") {
      flush();
      out_.push_back(Block{Rule{}});
      return;
    }
    if (tag == "table" && is_data_table(dom_, id)) return table(id, depth);
    if (tag == "figure") return figure(id, depth);
    if (tag == "figcaption" && in_figure_ > 0) return;
    if (tag == "a") return link(id, depth);
    if (is_emphasis(tag)) return wrap<Emphasis>(id, depth);
    if (tag == "strong" || tag == "b") return wrap<Strong>(id, depth);
    if (is_code_span(tag) && !has_block_[static_cast<std::size_t>(id)]) {
      return code_span(id);
    }
    if (node.is_block) {
      flush();
      visit_children(id, depth);
      flush();
      return;
    }
    visit_children(id, depth);
  }

 private:
  // Browser whitespace: runs collapse to one space, dropped at paragraph edges and
  // around line breaks. A pending space is written before the next visible text.
  void add_text(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t nbsp = 0;
      if (is_space_byte(text[pos]) || (nbsp = text.compare(pos, 2, "\xC2\xA0") == 0 ? 2 : 0) != 0) {
        pending_space_ = true;
        pos += nbsp != 0 ? nbsp : 1;
        continue;
      }
      std::size_t end = pos;
      while (end < text.size() && !is_space_byte(text[end]) &&
             text.compare(end, 2, "\xC2\xA0") != 0) {
        ++end;
      }
      write_space();
      append_text(*target_, text.substr(pos, end - pos));
      para_has_text_ = true;
      pos = end;
    }
  }

  void write_space() {
    if (pending_space_ && para_has_text_) append_text(*target_, " ");
    pending_space_ = false;
  }

  void line_break() {
    if (!para_has_text_) return;
    if (!target_->empty() && std::holds_alternative<LineBreak>(target_->back().node) &&
        target_ == &para_) {
      // Two breaks in a row separate paragraphs, as they read on screen.
      target_->pop_back();
      flush();
      return;
    }
    target_->push_back(Inline{LineBreak{}});
    pending_space_ = false;
  }

  void add_image(NodeId id) {
    std::string src = image_source(dom_, id);
    if (src.empty()) return;
    // A page saved with its images refers to them relatively; such a file is embedded
    // under its own path, and any other relative source is resolved as a URL.
    if (auto local = options_.images ? options_.images->image(src) : std::nullopt) {
      src = std::move(*local);
    } else if (!src.starts_with("data:")) {
      src = detail::resolve_url(options_.base_url, src);
    }
    write_space();
    target_->push_back(Inline{Image{std::move(src), std::string(dom_.attr(id, "alt"))}});
    para_has_text_ = true;
  }

  template <class Wrapper>
  void wrap(NodeId id, int depth) {
    if (has_block_[static_cast<std::size_t>(id)]) return visit_children(id, depth);
    Wrapper w;
    collect_into(w.children, id, depth);
    if (!w.children.empty()) target_->push_back(Inline{std::move(w)});
  }

  void link(NodeId id, int depth) {
    std::string_view href = detail::trim(dom_.attr(id, "href"));
    const bool usable = !href.empty() && !detail::is_script_or_data_url(href);
    if (!usable || has_block_[static_cast<std::size_t>(id)]) return visit_children(id, depth);
    Link l;
    l.url = href.front() == '#' ? std::string(href) : detail::resolve_url(options_.base_url, href);
    collect_into(l.children, id, depth);
    if (!l.children.empty()) target_->push_back(Inline{std::move(l)});
  }

  // Builds `id`'s children into `into`; a space before the wrapper stays outside it.
  void collect_into(Inlines& into, NodeId id, int depth) {
    Inlines* saved = target_;
    target_ = &into;
    visit_children(id, depth);
    target_ = saved;
    while (!into.empty() && std::holds_alternative<LineBreak>(into.back().node)) into.pop_back();
    if (into.empty()) return;
    if (auto* first = std::get_if<Text>(&into.front().node);
        first && first->text.starts_with(' ')) {
      first->text.erase(0, 1);
      if (first->text.empty()) into.erase(into.begin());
      append_text(*target_, " ");
    }
  }

  void code_span(NodeId id) {
    std::string text = detail::collapse_whitespace(inner_text(dom_, id));
    if (text.empty()) return;
    write_space();
    target_->push_back(Inline{Code{std::move(text)}});
    para_has_text_ = true;
  }

  void heading(NodeId id, int level, int depth) {
    flush();
    ++inline_only_;
    visit_children(id, depth);
    --inline_only_;
    Inlines inlines = take_paragraph();
    if (!inlines.empty()) out_.push_back(Block{Heading{level, std::move(inlines)}});
  }

  Blocks convert_nested(NodeId id, int depth) {
    Builder nested(dom_, options_, has_block_);
    nested.in_figure_ = in_figure_;
    nested.visit_children(id, depth);
    return nested.take();
  }

  void list(NodeId id, bool ordered, int depth) {
    flush();
    List l;
    l.ordered = ordered;
    bool loose_content = false;  // text or elements outside any <li>
    for (NodeId child : dom_[id].children) {
      if (!options_.skipped.empty() && options_.skipped[static_cast<std::size_t>(child)]) continue;
      if (dom_.is(child, "li")) {
        Blocks item = convert_nested(child, depth + 1);
        if (!item.empty()) l.items.push_back(std::move(item));
        loose_content = false;
        continue;
      }
      Builder loose(dom_, options_, has_block_);
      loose.visit(child, depth + 1);
      Blocks blocks = loose.take();
      if (blocks.empty()) continue;
      if (loose_content && !l.items.empty()) {
        for (Block& b : blocks) l.items.back().push_back(std::move(b));
      } else {
        l.items.push_back(std::move(blocks));
      }
      loose_content = true;
    }
    if (!l.items.empty()) out_.push_back(Block{std::move(l)});
  }

  void quote(NodeId id, int depth) {
    flush();
    Blocks blocks = convert_nested(id, depth);
    if (!blocks.empty()) out_.push_back(Block{Quote{std::move(blocks)}});
  }

  void code_block(NodeId id) {
    flush();
    std::string text;
    const NodeId end = dom_.subtree_end(id);
    for (NodeId n = id; n < end; ++n) {
      if (!options_.skipped.empty() && options_.skipped[static_cast<std::size_t>(n)]) {
        n = dom_.subtree_end(n) - 1;
        continue;
      }
      if (dom_[n].is_text) text += dom_[n].text;
      if (dom_.is(n, "br")) text += '\n';
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    while (!text.empty() && text.front() == '\n') text.erase(0, 1);
    if (detail::trim(text).empty()) return;
    std::string language = language_of(dom_.attr(id, "class"));
    for (NodeId child : dom_[id].children) {
      if (language.empty() && dom_.is(child, "code"))
        language = language_of(dom_.attr(child, "class"));
    }
    out_.push_back(Block{CodeBlock{std::move(text), std::move(language)}});
  }

  void table(NodeId id, int depth) {
    flush();
    Table t;
    bool in_header = true;
    const NodeId end = dom_.subtree_end(id);
    for (NodeId n = id + 1; n < end; ++n) {
      if (dom_.is(n, "table")) {
        n = dom_.subtree_end(n) - 1;  // nested tables belong to their cell
        continue;
      }
      if (!dom_.is(n, "tr")) continue;
      std::vector<Blocks> row;
      bool all_th = true;
      for (NodeId cell : dom_[n].children) {
        if (!dom_.is(cell, "td") && !dom_.is(cell, "th")) continue;
        all_th = all_th && dom_.is(cell, "th");
        row.push_back(convert_nested(cell, depth + 1));
      }
      if (row.empty()) continue;
      const bool header = dom_.ancestor(n, "thead", 2) != kNoNode || all_th;
      if (in_header && header) {
        ++t.header_rows;
      } else {
        in_header = false;
      }
      t.rows.push_back(std::move(row));
    }
    if (!t.rows.empty()) out_.push_back(Block{std::move(t)});
  }

  void figure(NodeId id, int depth) {
    flush();
    const std::size_t first = out_.size();
    ++in_figure_;
    visit_children(id, depth);
    --in_figure_;
    flush();
    Inlines caption;
    for (NodeId n = id + 1; n < dom_.subtree_end(id) && caption.empty(); ++n) {
      if (dom_.is(n, "figcaption")) {
        Builder cap(dom_, options_, has_block_);
        ++cap.inline_only_;
        cap.visit_children(n, depth + 1);
        caption = cap.take_paragraph();
      }
    }
    if (caption.empty()) return;
    for (std::size_t i = out_.size(); i-- > first;) {
      if (auto* fig = std::get_if<Figure>(&out_[i].node)) {
        fig->caption = std::move(caption);
        return;
      }
    }
    out_.push_back(Block{Paragraph{std::move(caption)}});
  }

  Inlines take_paragraph() {
    while (!para_.empty() && std::holds_alternative<LineBreak>(para_.back().node)) para_.pop_back();
    if (!para_.empty()) {
      if (auto* last = std::get_if<Text>(&para_.back().node)) {
        while (!last->text.empty() && last->text.back() == ' ') last->text.pop_back();
        if (last->text.empty()) para_.pop_back();
      }
    }
    Inlines result = std::move(para_);
    para_.clear();
    para_has_text_ = false;
    pending_space_ = false;
    return result;
  }

  void flush() {
    if (target_ != &para_) return;
    Inlines inlines = take_paragraph();
    if (inlines.empty()) return;
    if (const Image* image = only_image(inlines)) {
      out_.push_back(Block{Figure{*image, {}}});
    } else {
      out_.push_back(Block{Paragraph{std::move(inlines)}});
    }
  }

  const Dom& dom_;
  const ConvertOptions& options_;
  const std::vector<bool>& has_block_;
  Blocks out_;
  Inlines para_;
  Inlines* target_ = &para_;
  bool pending_space_ = false;
  bool para_has_text_ = false;
  int inline_only_ = 0;
  int in_figure_ = 0;
};

bool is_placeholder(std::string_view src) {
  return src.empty() || (src.starts_with("data:") && src.size() < 200);
}

}  // namespace

std::string image_source(const Dom& dom, NodeId img) {
  std::string_view src = detail::trim(dom.attr(img, "src"));
  if (is_placeholder(src)) {
    for (std::string_view lazy : {"data-src", "data-original", "data-lazy-src", "data-url",
                                  "data-hi-res-src", "data-srcset", "srcset"}) {
      std::string_view value = detail::trim(dom.attr(img, lazy));
      if (value.empty()) continue;
      if (lazy.ends_with("srcset")) value = value.substr(0, value.find_first_of(" ,"));
      return std::string(value);
    }
  }
  return std::string(src);
}

bool is_data_table(const Dom& dom, NodeId table) {
  if (dom.attr(table, "role") == "presentation" || dom.attr(table, "datatable") == "0") {
    return false;
  }
  if (!dom.attr(table, "summary").empty()) return true;
  int rows = 0;
  int columns = 0;
  const NodeId end = dom.subtree_end(table);
  for (NodeId n = table + 1; n < end; ++n) {
    const Node& node = dom[n];
    if (node.is_text) continue;
    if (node.name == "table") return false;
    if (node.name == "caption" && !inner_text(dom, n).empty()) return true;
    if (node.name == "th" || node.name == "thead" || node.name == "tfoot" ||
        node.name == "colgroup") {
      return true;
    }
    if (node.name == "tr") {
      ++rows;
      int cells = 0;
      for (NodeId c : node.children) cells += dom.is(c, "td") || dom.is(c, "th") ? 1 : 0;
      columns = std::max(columns, cells);
    }
  }
  if (rows == 1 || columns == 1) return false;
  return rows >= 10 || rows * columns > 10;
}

Blocks convert_blocks(const Dom& dom, const std::vector<NodeId>& roots,
                      const ConvertOptions& options) {
  std::vector<bool> has_block = block_descendants(dom);
  Builder builder(dom, options, has_block);
  for (NodeId root : roots) builder.visit(root, 0);
  return builder.take();
}

}  // namespace galley::html
