#include "content_score.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "content_hints.hpp"
#include "detail/text.hpp"
#include "html_convert.hpp"

namespace galley::html {
namespace {

constexpr std::int32_t kPromoLineChars = 300;
constexpr std::size_t kConfirmPrefix = 60;
constexpr double kConfirmedGain = 2.0;
constexpr std::size_t kFullArticleBody = 500;
constexpr int kTopCandidates = 5;
constexpr int kCharThreshold = 500;
constexpr int kLaxerAttemptGain = 8;  // tenths: an earlier attempt within 80% is kept

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

class Scorer {
 public:
  Scorer(const Dom& dom, const ContentHints& hints, Flags flags, const std::vector<bool>& has_block)
      : dom_(dom),
        hints_(hints),
        flags_(flags),
        has_block_(has_block),
        article_body_(detail::collapse_whitespace(hints.json_ld_body)) {}

  Content run(NodeId body) {
    const std::size_t n = dom_.size();
    dropped_.assign(n, false);
    collapsed_.assign(n, false);
    score_.assign(n, 0.0);
    initialized_.assign(n, false);
    for (NodeId id : hints_.excluded) dropped_[static_cast<std::size_t>(id)] = true;
    stats_.compute(dom_, dropped_);
    prune(body);
    stats_.compute(dom_, dropped_);
    score_paragraphs(body);
    const NodeId top = choose_top(body);
    Content content;
    content.found = top != body;
    content.roots = top == body ? std::vector<NodeId>{body} : merge_siblings(top);
    content.skipped = dropped_;
    clean(content);
    return content;
  }

  int weight(NodeId id) const { return flags_.weight_classes ? class_weight(dom_, id) : 0; }

  // Characters of text in `content`, skipped nodes excluded.
  std::int32_t length_of(const Content& content) const {
    std::int32_t total = 0;
    for (NodeId root : content.roots) total += stats_.chars[static_cast<std::size_t>(root)];
    return total;
  }

 private:
  bool is_dropped(NodeId id) const { return dropped_[static_cast<std::size_t>(id)]; }
  std::int32_t chars(NodeId id) const { return stats_.chars[static_cast<std::size_t>(id)]; }

  bool unlikely(NodeId id) const {
    const std::string_view tag = dom_[id].name;
    const std::string_view role = dom_.attr(id, "role");
    if (is_unlikely_role(role)) {
      return true;
    }
    if (tag == "body" || tag == "a") return false;
    const std::string match = class_and_id(dom_, id);
    if (!is_unlikely_match(match)) return false;
    return dom_.ancestor(id, "table") == kNoNode && dom_.ancestor(id, "code") == kNoNode;
  }

  bool without_content(NodeId id) const {
    if (chars(id) > 0) return false;
    return std::all_of(dom_[id].children.begin(), dom_[id].children.end(), [&](NodeId c) {
      return dom_[c].is_text || dom_.is(c, "br") || dom_.is(c, "hr");
    });
  }

  // Drops unlikely candidates, empty containers and the heading repeating the title.
  void prune(NodeId body) {
    bool title_heading_removed = hints_.title.empty();
    const NodeId end = dom_.subtree_end(body);
    for (NodeId id = body + 1; id < end; ++id) {
      const Node& node = dom_[id];
      if (node.is_text) continue;
      bool drop = is_dropped(id) || node.name == "dialog" || dom_.attr(id, "aria-modal") == "true";
      if (!drop && !title_heading_removed && (node.name == "h1" || node.name == "h2") &&
          text_similarity(hints_.title, inner_text(dom_, id)) > 0.75) {
        title_heading_removed = drop = true;
      }
      drop = drop || (flags_.strip_unlikely && unlikely(id));
      const std::string_view tag = node.name;
      drop =
          drop || ((tag == "div" || tag == "section" || tag == "header" || is_heading_tag(tag)) &&
                   without_content(id));
      if (drop) {
        const NodeId stop = dom_.subtree_end(id);
        for (NodeId d = id; d < stop; ++d) dropped_[static_cast<std::size_t>(d)] = true;
        id = stop - 1;
      }
    }
  }

  bool single_paragraph_wrapper(NodeId div) const {
    NodeId only = kNoNode;
    for (NodeId c : dom_[div].children) {
      if (is_dropped(c)) continue;
      if (dom_[c].is_text) {
        if (!detail::trim(dom_[c].text).empty()) return false;
        continue;
      }
      if (only != kNoNode) return false;
      only = c;
    }
    return only != kNoNode && dom_.is(only, "p") && stats_.link_density(div) < 0.25;
  }

  void score_paragraphs(NodeId body) {
    const NodeId end = dom_.subtree_end(body);
    for (NodeId id = body + 1; id < end; ++id) {
      if (is_dropped(id) || dom_[id].is_text) continue;
      const std::string_view tag = dom_[id].name;
      const std::size_t i = static_cast<std::size_t>(id);
      if (tag == "p" || tag == "section" || tag == "td" || tag == "pre" ||
          (is_heading_tag(tag) && tag != "h1")) {
        add_paragraph(dom_[id].parent, stats_.chars[i], stats_.commas[i], confirmed(id));
      } else if (tag == "div") {
        if (single_paragraph_wrapper(id)) {
          collapsed_[i] = true;
        } else if (!has_block_[i]) {
          add_paragraph(dom_[id].parent, stats_.chars[i], stats_.commas[i], confirmed(id));
        } else {
          score_loose_runs(id);
        }
      }
    }
  }

  // Text and inline elements directly in a <div> that also holds blocks: Readability
  // wraps each run in a <p> and scores it with the div as its parent.
  void score_loose_runs(NodeId div) {
    std::int32_t run_chars = 0;
    std::int32_t run_commas = 0;
    auto end_run = [&] {
      if (run_chars > 0) add_paragraph(div, run_chars, run_commas);
      run_chars = run_commas = 0;
    };
    for (NodeId c : dom_[div].children) {
      if (is_dropped(c)) continue;
      const auto i = static_cast<std::size_t>(c);
      if (dom_[c].is_text || (!dom_[c].is_block && !has_block_[i])) {
        run_chars += stats_.chars[i];
        run_commas += stats_.commas[i];
      } else {
        end_run();
      }
    }
    end_run();
  }

  NodeId parent_of(NodeId id) const {
    NodeId p = dom_[id].parent;
    while (p != kNoNode && collapsed_[static_cast<std::size_t>(p)]) p = dom_[p].parent;
    return p;
  }

  void initialize(NodeId id) {
    const auto i = static_cast<std::size_t>(id);
    if (initialized_[i]) return;
    initialized_[i] = true;
    candidates_.push_back(id);
    const std::string_view tag = dom_[id].name;
    double base = 0;
    if (tag == "div") {
      base = 5;
    } else if (tag == "pre" || tag == "td" || tag == "blockquote") {
      base = 3;
    } else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
               tag == "dt" || tag == "li" || tag == "form") {
      base = -3;
    } else if (is_heading_tag(tag) || tag == "th") {
      base = -5;
    }
    score_[i] += base + weight(id);
  }

  // A paragraph the JSON-LD articleBody also holds is article text for sure: its
  // score counts double (ContentScore.JsonLdArticleBodyPicksTheCandidate).
  bool confirmed(NodeId id) const {
    if (article_body_.empty() || stats_.chars[static_cast<std::size_t>(id)] < 25) return false;
    const std::string text = inner_text(dom_, id);
    return article_body_.find(std::string_view(text).substr(0, kConfirmPrefix)) !=
           std::string::npos;
  }

  bool holds_confirmed(NodeId id) const {
    const NodeId end = dom_.subtree_end(id);
    for (NodeId d = id; d < end; ++d) {
      if ((dom_.is(d, "p") || d == id) && confirmed(d)) return true;
    }
    return false;
  }

  void add_paragraph(NodeId parent, std::int32_t length, std::int32_t commas,
                     bool confirmed = false) {
    if (parent == kNoNode || length < 25) return;
    const double score =
        (1.0 + (commas + 1) + std::min(length / 100, 3)) * (confirmed ? kConfirmedGain : 1.0);
    NodeId ancestor = parent;
    if (collapsed_[static_cast<std::size_t>(ancestor)]) ancestor = parent_of(ancestor);
    for (int level = 0; level < 5 && ancestor != kNoNode; ++level) {
      if (dom_[ancestor].parent == kNoNode) break;  // <html> is never a candidate
      initialize(ancestor);
      const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      score_[static_cast<std::size_t>(ancestor)] += score / divider;
      ancestor = parent_of(ancestor);
    }
  }

  double final_score(NodeId id) const { return score_[static_cast<std::size_t>(id)]; }

  std::size_t element_children(NodeId id) const {
    return static_cast<std::size_t>(
        std::count_if(dom_[id].children.begin(), dom_[id].children.end(),
                      [&](NodeId c) { return !dom_[c].is_text && !is_dropped(c); }));
  }

  bool is_ancestor(NodeId ancestor, NodeId id) const {
    for (NodeId p = dom_[id].parent; p != kNoNode; p = dom_[p].parent) {
      if (p == ancestor) return true;
    }
    return false;
  }

  NodeId choose_top(NodeId body) {
    for (NodeId c : candidates_) {
      score_[static_cast<std::size_t>(c)] *= 1.0 - stats_.link_density(c);
    }
    std::vector<NodeId> top = candidates_;
    std::sort(top.begin(), top.end(),
              [&](NodeId a, NodeId b) { return final_score(a) > final_score(b); });
    if (top.size() > kTopCandidates) top.resize(kTopCandidates);
    if (top.empty() || top.front() == body) return body;
    NodeId best = top.front();
    // Several near-equal candidates under one ancestor: the ancestor is the article.
    std::vector<NodeId> alternatives;
    for (std::size_t i = 1; i < top.size(); ++i) {
      if (final_score(top[i]) / final_score(best) >= 0.75) alternatives.push_back(top[i]);
    }
    if (alternatives.size() >= 3) {
      for (NodeId p = dom_[best].parent; p != kNoNode && p != body; p = dom_[p].parent) {
        const auto holding = std::count_if(alternatives.begin(), alternatives.end(),
                                           [&](NodeId a) { return is_ancestor(p, a); });
        if (holding >= 3) {
          best = p;
          break;
        }
      }
    }
    initialize(best);
    // Climb while the parent scores higher: the article was split into several blocks.
    double last = final_score(best);
    const double threshold = last / 3;
    for (NodeId p = dom_[best].parent; p != kNoNode && p != body; p = dom_[p].parent) {
      if (!initialized_[static_cast<std::size_t>(p)]) continue;
      const double parent_score = final_score(p);
      if (parent_score < threshold) break;
      if (parent_score > last) {
        best = p;
        break;
      }
      last = parent_score;
    }
    for (NodeId p = dom_[best].parent; p != kNoNode && p != body && element_children(p) == 1;
         p = dom_[p].parent) {
      best = p;
    }
    return best;
  }

  std::vector<NodeId> merge_siblings(NodeId top) {
    const NodeId parent = dom_[top].parent;
    if (parent == kNoNode) return {top};
    const double top_score = final_score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string_view top_class = dom_.attr(top, "class");
    std::vector<NodeId> roots;
    for (NodeId s : dom_[parent].children) {
      if (dom_[s].is_text || is_dropped(s)) continue;
      bool append = s == top;
      if (!append) {
        const double bonus =
            !top_class.empty() && dom_.attr(s, "class") == top_class ? top_score * 0.2 : 0.0;
        const auto i = static_cast<std::size_t>(s);
        if (initialized_[i] && score_[i] + bonus >= threshold) {
          append = true;
        } else if (dom_.is(s, "p")) {
          const double density = stats_.link_density(s);
          const std::int32_t length = chars(s);
          const std::string text = inner_text(dom_, s);
          append = (length > 80 && density < 0.25) ||
                   (length < 80 && length > 0 && density == 0 &&
                    (text.find(". ") != std::string::npos || text.ends_with('.')));
        }
      }
      // A full JSON-LD articleBody says which blocks are the article.
      if (append && s != top && article_body_.size() >= kFullArticleBody && !holds_confirmed(s)) {
        append = false;
      }
      if (append) roots.push_back(s);
    }
    return roots;
  }

  void skip_subtree(Content& content, NodeId id) {
    const NodeId stop = dom_.subtree_end(id);
    for (NodeId d = id; d < stop; ++d) content.skipped[static_cast<std::size_t>(d)] = true;
    // Keep the sums true for the ancestors still being judged.
    const auto i = static_cast<std::size_t>(id);
    for (NodeId p = dom_[id].parent; p != kNoNode; p = dom_[p].parent) {
      const auto pi = static_cast<std::size_t>(p);
      stats_.chars[pi] -= stats_.chars[i];
      stats_.link_chars[pi] -= stats_.link_chars[i];
      stats_.commas[pi] -= stats_.commas[i];
    }
  }

  bool in_article_boilerplate(NodeId id) const {
    const std::string match = class_and_id(dom_, id);
    return is_in_article_boilerplate(match);
  }

  // Photo credits, and captions of galleries and image widgets outside a <figure>'s
  // <figcaption> (which stays, as the figure's caption).
  bool is_loose_caption(NodeId id) const {
    const std::string cls = detail::to_lower_ascii(dom_.attr(id, "class"));
    return cls.find("caption") != std::string::npos || cls.find("credit") != std::string::npos;
  }

  // "Related: ...", "READ MORE: ...", "Don't miss ...": a short paragraph pointing
  // at another page.
  bool is_promo_line(NodeId id) const {
    const std::string_view tag = dom_[id].name;
    const auto i = static_cast<std::size_t>(id);
    if ((tag != "p" && tag != "div") || has_block_[i] || stats_.link_chars[i] == 0 ||
        stats_.chars[i] > kPromoLineChars) {
      return false;
    }
    const std::string text = detail::to_lower_ascii(inner_text(dom_, id));
    return starts_with_promo_label(text);
  }

  void clean(Content& content);
  bool clean_conditionally(const Content& content, NodeId id);

  const Dom& dom_;
  const ContentHints& hints_;
  Flags flags_;
  const std::vector<bool>& has_block_;
  std::string article_body_;
  std::vector<bool> dropped_;
  std::vector<bool> collapsed_;
  std::vector<double> score_;
  std::vector<bool> initialized_;
  std::vector<NodeId> candidates_;
  TextStats stats_;
};

// The tallies Readability's _cleanConditionally weighs, over a subtree.
struct Tally {
  int paragraphs = 0;
  int images = 0;
  int list_items = 0;
  int inputs = 0;
  bool keep = false;  ///< holds a data table or an allowed video
  std::int32_t heading_chars = 0;
  std::int32_t textish_chars = 0;
  std::int32_t list_chars = 0;
};

void Scorer::clean(Content& content) {
  for (NodeId root : content.roots) {
    const NodeId end = dom_.subtree_end(root);
    for (NodeId id = root; id < end; ++id) {
      if (content.skipped[static_cast<std::size_t>(id)] || dom_[id].is_text) continue;
      const std::string_view tag = dom_[id].name;
      bool remove = tag == "footer" || tag == "aside" || tag == "nav";
      if (tag == "object" || tag == "embed" || tag == "iframe") {
        remove =
            !is_allowed_video(dom_.attr(id, "src")) && !is_allowed_video(dom_.attr(id, "data"));
      }
      if (id != root && chars(id) < 500) {
        const std::string match = class_and_id(dom_, id);
        remove = remove || has_word(match, "share") || has_word(match, "sharedaddy");
      }
      remove = remove || ((tag == "h1" || tag == "h2") && weight(id) < 0);
      remove = remove || (id != root && chars(id) * 5 < chars(root) && in_article_boilerplate(id));
      // A paragraph that is one link is a "related story" line, not article text.
      remove = remove || (tag == "p" && stats_.link_density(id) >= 0.9);
      remove = remove || (tag != "figcaption" && is_loose_caption(id));
      remove = remove || is_promo_line(id);
      if (remove) {
        skip_subtree(content, id);
        id = dom_.subtree_end(id) - 1;
      }
    }
  }
  if (!flags_.clean_conditionally) return;
  // Cells of layout tables are judged like divs (fixtures/html/nested_tables_layout).
  for (std::string_view tag : {"form", "fieldset", "table", "ul", "div", "td"}) {
    std::vector<NodeId> nodes;
    for (NodeId root : content.roots) {
      const NodeId end = dom_.subtree_end(root);
      for (NodeId id = root; id < end; ++id) {
        if (!content.skipped[static_cast<std::size_t>(id)] && dom_.is(id, tag)) {
          nodes.push_back(id);
        }
      }
    }
    // Innermost first, as Readability removes them, so outer blocks are judged on
    // what is left inside.
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
      if (!content.skipped[static_cast<std::size_t>(*it)] && clean_conditionally(content, *it)) {
        skip_subtree(content, *it);
      }
    }
  }
}

bool Scorer::clean_conditionally(const Content& content, NodeId id) {
  const std::string_view tag = dom_[id].name;
  if (tag == "div" && !has_block_[static_cast<std::size_t>(id)]) return false;  // a paragraph
  if (tag == "table" && is_data_table(dom_, id)) return false;
  if (dom_.ancestor(id, "code") != kNoNode) return false;
  for (NodeId t = dom_.ancestor(id, "table"); t != kNoNode; t = dom_.ancestor(t, "table")) {
    if (is_data_table(dom_, t)) return false;
  }
  const int w = weight(id);
  if (w < 0) return true;
  if (stats_.commas[static_cast<std::size_t>(id)] >= 10) return false;
  Tally tally;
  const NodeId end = dom_.subtree_end(id);
  for (NodeId d = id + 1; d < end; ++d) {
    if (content.skipped[static_cast<std::size_t>(d)]) {
      d = dom_.subtree_end(d) - 1;
      continue;
    }
    const Node& node = dom_[d];
    if (node.is_text) {
      if (node.parent == id) tally.textish_chars += chars(d);
      continue;
    }
    const std::string_view t = node.name;
    const bool as_paragraph = t == "div" && !has_block_[static_cast<std::size_t>(d)];
    tally.paragraphs += t == "p" || as_paragraph ? 1 : 0;
    tally.images += t == "img" ? 1 : 0;
    tally.list_items += t == "li" ? 1 : 0;
    tally.inputs += t == "input" ? 1 : 0;
    // Embeds other than known video players were removed before.
    if (t == "object" || t == "embed" || t == "iframe") return false;
    if (t == "table" && is_data_table(dom_, d)) return false;
    if (is_heading_tag(t)) tally.heading_chars += chars(d);
    if (is_textish(t)) tally.textish_chars += chars(d);
    if (t == "ul" || t == "ol") tally.list_chars += chars(d);
  }
  const std::int32_t length = chars(id);
  bool is_list = tag == "ul" || tag == "ol";
  if (!is_list && length > 0) is_list = static_cast<double>(tally.list_chars) / length > 0.9;
  // Small placeholders only: reading the text of every big, nearly empty wrapper
  // would make deeply nested pages quadratic.
  if (length < 40 && end - id < 64 && is_ad_or_loading(inner_text(dom_, id))) return true;
  const double link_density = stats_.link_density(id);
  const double heading_density =
      length == 0 ? 0.0 : static_cast<double>(tally.heading_chars) / length;
  const double text_density = length == 0 ? 0.0 : static_cast<double>(tally.textish_chars) / length;
  const bool in_figure = dom_.ancestor(id, "figure") != kNoNode;
  const int p = tally.paragraphs;
  const int img = tally.images;
  const bool remove = (!in_figure && img > 1 && static_cast<double>(p) / img < 0.5) ||
                      (!is_list && tally.list_items - 100 > p) || (tally.inputs > p / 3) ||
                      (!is_list && !in_figure && heading_density < 0.9 && length < 25 &&
                       (img == 0 || img > 2) && link_density > 0) ||
                      (!is_list && w < 25 && link_density > 0.2) ||
                      (w >= 25 && link_density > 0.5) || (img == 0 && text_density == 0);
  if (is_list && remove) {
    // A list of images (a gallery) stays.
    for (NodeId c : dom_[id].children) {
      if (!dom_[c].is_text && element_children(c) > 1) return true;
    }
    return img != tally.list_items;
  }
  return remove;
}

}  // namespace

int class_weight(const Dom& dom, NodeId id) {
  return hint_weight(dom.attr(id, "class")) + hint_weight(dom.attr(id, "id"));
}

Content select_content(const Dom& dom, const ContentHints& hints) {
  if (dom.root == kNoNode) return {};
  NodeId body = dom.find_first("body");
  if (body == kNoNode) body = dom.root;
  const std::vector<bool> has_block = block_descendants(dom);
  // Readability's retries: each pass relaxes one rule when too little text survived.
  const std::array<Flags, 4> attempts = {Flags{true, true, true}, Flags{false, true, true},
                                         Flags{false, false, true}, Flags{false, false, false}};
  // Readability keeps the longest attempt; a later, laxer attempt must be clearly
  // longer to win, so a short article keeps its cleaning (fixtures/html/nested_tables_layout).
  std::vector<std::pair<Content, std::int32_t>> tried;
  for (const Flags& flags : attempts) {
    Scorer scorer(dom, hints, flags, has_block);
    Content content = scorer.run(body);
    const std::int32_t length = scorer.length_of(content);
    if (length >= kCharThreshold) return content;
    tried.emplace_back(std::move(content), length);
  }
  std::int32_t longest = 0;
  for (const auto& t : tried) longest = std::max(longest, t.second);
  for (auto& t : tried) {
    if (t.second * 10 >= longest * kLaxerAttemptGain) return std::move(t.first);
  }
  return {};
}

}  // namespace galley::html
