// The HTML reader: a saved web page in, the article it carries out.
//
// Reads HTML and XHTML with libxml2's HTML parser (recovering, no network, no
// entities), picks the main content the way Readability does (content_score.cpp),
// takes the metadata from JSON-LD, meta tags and visible bylines (html_metadata.cpp)
// and converts the content to blocks (html_convert.cpp). The page's site footer goes to
// Article::footer. Dropped: scripts, styles, templates, SVG, form controls, embedded
// players, hidden elements, and the navigation, share bars, related links, comments
// and other boilerplate around the article.
// Refused: a page with no text, title or footer at all ("empty document", as for text),
// and one with more markup than markup_limits.hpp allows.
#include <galley/registry.hpp>

#include <algorithm>
#include <memory>

#include "content_score.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "html_convert.hpp"
#include "html_metadata.hpp"
#include "html_parse.hpp"
#include "scholarly_metadata.hpp"

namespace galley::html {
namespace {

// Share of a block's text that is link text: footers' link lists are navigation.
double link_share(const Inlines& inlines) {
  std::size_t total = 0;
  std::size_t linked = 0;
  for (const Inline& i : inlines) {
    const std::size_t length = plain_text(Inlines{i}).size();
    total += length;
    if (std::holds_alternative<Link>(i.node)) linked += length;
  }
  return total == 0 ? 1.0 : static_cast<double>(linked) / static_cast<double>(total);
}

bool is_site_footer(const Dom& dom, NodeId id) {
  if (dom.is(id, "footer") || dom.attr(id, "role") == "contentinfo") return true;
  const std::string id_attr = detail::to_lower_ascii(dom.attr(id, "id"));
  return id_attr == "footer" || id_attr == "site-footer" || id_attr == "page-footer";
}

bool inside_any(const Dom& dom, NodeId id, const std::vector<NodeId>& roots) {
  for (NodeId root : roots) {
    if (id >= root && id < dom.subtree_end(root)) return true;
    if (root > id && root < dom.subtree_end(id)) return true;
  }
  return false;
}

// The page's site footer (<footer>, role=contentinfo, id=footer) outside the
// article, its prose lines only (fixtures/html/footer_split_off).
Blocks site_footer(const Dom& dom, const std::vector<NodeId>& roots, ConvertOptions options) {
  const NodeId body = dom.find_first("body");
  if (body == kNoNode) return {};
  std::vector<NodeId> footers;
  for (NodeId id = body + 1; id < dom.subtree_end(body); ++id) {
    if (dom[id].is_text || !is_site_footer(dom, id) || inside_any(dom, id, roots)) continue;
    if (dom.ancestor(id, "article") != kNoNode) continue;
    footers.push_back(id);
    id = dom.subtree_end(id) - 1;
  }
  Blocks kept;
  for (Block& block : convert_blocks(dom, footers, options)) {
    const auto* paragraph = std::get_if<Paragraph>(&block.node);
    if (paragraph != nullptr && link_share(paragraph->inlines) < 0.5) {
      kept.push_back(std::move(block));
    }
  }
  return kept;
}

// True when the body already prints `text` (its opening words: a page may split the
// rest into paragraphs), so an abstract from the tags would repeat it.
bool shows_text(const Blocks& body, const std::string& text) {
  if (text.empty()) return true;
  constexpr std::size_t kCompared = 100;
  std::string body_text;
  for (const Block& block : body) body_text += plain_text(block) + " ";
  return body_text.find(text.substr(0, std::min(text.size(), kCompared))) != std::string::npos;
}

// Tag text has no markup: the abstract is one paragraph, as the tag gives it.
Blocks paragraphs_of(const std::string& text) {
  if (text.empty()) return {};
  return {Block{Paragraph{{Inline{Text{text}}}}}};
}

// As the text reader words it: a page with nothing to read, whatever its markup.
Error empty_document(const Input& input) {
  return Error(ErrorCode::Malformed, input.name, {}, "empty document");
}

class HtmlReader final : public Reader {
 public:
  Article read(const Input& input, const ReadOptions& options, Diagnostics& diag) const override {
    // The parse asks the budget as it goes; each later step walks the whole page.
    const Budget budget(options, input.name);
    budget.check();
    Article article;
    const Dom dom = parse_html(input.bytes, input.name, options, diag,
                               detail::media_type_parameter(input.media_type, "charset"));
    if (dom.root == kNoNode) throw empty_document(input);
    PageMetadata page = extract_metadata(dom, options);
    budget.check();
    // A paper's abstract printed on the page leaves the body for Article::abstract.
    const std::vector<NodeId> abstract_nodes =
        page.scholarly.found ? find_abstract_nodes(dom) : std::vector<NodeId>{};
    std::vector<NodeId> excluded = page.byline_nodes;
    excluded.insert(excluded.end(), abstract_nodes.begin(), abstract_nodes.end());
    const Content content = select_content(
        dom, ContentHints{page.metadata.title.value_or(""), excluded, page.article_body});
    if (!content.found) {
      diag.warn({input.name, {}, "no article found in the page; kept the whole page"});
    }
    budget.check();
    article.metadata = std::move(page.metadata);
    detail::ResourceCollector images(options, input.name, diag);
    article.abstract =
        convert_abstract(dom, abstract_nodes, ConvertOptions{page.base_url, {}, &images});
    article.body =
        convert_blocks(dom, content.roots, ConvertOptions{page.base_url, content.skipped, &images});
    if (article.abstract.empty() && !shows_text(article.body, page.scholarly.abstract)) {
      article.abstract = paragraphs_of(page.scholarly.abstract);
    }
    article.references = std::move(page.scholarly.references);
    article.footer = site_footer(dom, content.roots, ConvertOptions{page.base_url, {}, &images});
    article.resources = std::move(images).take();
    if (article.body.empty()) {
      // A title or a footer alone is still something to write; nothing at all is not.
      if (!article.metadata.title && article.footer.empty()) throw empty_document(input);
      diag.warn({input.name, {}, "the page has no readable text"});
    }
    return article;
  }
};

// Confidence that the first bytes are HTML: a doctype or one of the document tags.
int sniff_html(std::string_view head) {
  std::string lower = detail::to_lower_ascii(head.substr(0, 1024));
  const std::string_view text = detail::trim(lower);
  if (text.starts_with("<!doctype html")) return 100;
  for (std::string_view tag : {"<html", "<head", "<body"}) {
    if (lower.find(tag) != std::string::npos) return 80;
  }
  if (text.starts_with("<?xml") && lower.find("xhtml") != std::string::npos) return 70;
  for (std::string_view tag : {"<title", "<meta", "<div", "<p>", "<article"}) {
    if (lower.find(tag) != std::string::npos) return 30;
  }
  return 0;
}

}  // namespace

void register_format(Registry& registry) {
  registry.add_reader(FormatInfo{"html",
                                 "HTML and XHTML web pages: the main article, its metadata and "
                                 "footer",
                                 {".html", ".htm", ".xhtml"},
                                 {"text/html", "application/xhtml+xml"},
                                 sniff_html},
                      std::make_shared<HtmlReader>());
}

}  // namespace galley::html
