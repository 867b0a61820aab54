// The XHTML content document: the headline block, the abstract, the body, the
// references, the notes as EPUB 3 footnotes and the footer in a section of its own.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "detail/citations.hpp"
#include "detail/iso_date.hpp"
#include "detail/notes.hpp"
#include "detail/resources.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "detail/xml.hpp"
#include "epub.hpp"

namespace galley::epub {
namespace {

using detail::append_xml_escaped;

// True when `list` holds an image at any depth.
bool has_image(const Inlines& list) {
  return std::any_of(list.begin(), list.end(), [](const Inline& i) {
    return std::visit(overloaded{
                          [](const Image&) { return true; },
                          [](const Emphasis& e) { return has_image(e.children); },
                          [](const Strong& s) { return has_image(s.children); },
                          [](const Link& l) { return has_image(l.children); },
                          [](const auto&) { return false; },
                      },
                      i.node);
  });
}

class XhtmlRenderer {
 public:
  XhtmlRenderer(const Article& article, const Chapter& chapter, Diagnostics& diag)
      : article_(article),
        chapter_(chapter),
        diag_(diag),
        notes_(article.notes),
        references_(article.references) {}

  Content render(const BookMeta& book) {
    content_.id = chapter_.id;
    content_.href = chapter_.href;
    // Without a headline the sections (abstract, references, notes) and the body's top
    // headings are h1, so no level is skipped.
    section_level_ = book.titled ? 2 : 1;
    content_.toc.push_back({chapter_.toc_label.empty() ? book.title : chapter_.toc_label,
                            book.titled ? target("title") : chapter_.href, 0});
    out_ = xhtml_prologue(book);
    out_ += "<head>\n<meta charset=\"UTF-8\"/>\n<title>";
    append_xml_escaped(out_, book.title);
    out_ += "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n";
    out_ += "</head>\n<body>\n<article epub:type=\"bodymatter\">\n";
    headline(book);
    abstract();
    begin_part(article_.body, section_level_);
    blocks(article_.body);
    out_ += "</article>\n";
    references();
    notes();
    footer();
    out_ += "</body>\n</html>\n";
    content_.xhtml = std::move(out_);
    return std::move(content_);
  }

 private:
  std::string target(const std::string& fragment) const { return chapter_.href + "#" + fragment; }

  // The title, subtitle, byline and date, those the article has: an untitled article
  // gets no heading made up for it.
  void headline(const BookMeta& book) {
    const Metadata& meta = article_.metadata;
    const std::size_t start = out_.size();
    out_ += "<header class=\"headline\">\n";
    const std::size_t empty = out_.size();
    if (book.titled) {
      out_ += "<h1 id=\"title\">";
      append_xml_escaped(out_, book.title);
      out_ += "</h1>\n";
    }
    if (detail::has_xml_text(meta.subtitle)) {
      out_ += "<p class=\"subtitle\">";
      append_xml_escaped(out_, *meta.subtitle);
      out_ += "</p>\n";
    }
    const std::string byline = byline_text();
    if (detail::has_xml_text(byline)) {
      out_ += "<p class=\"byline\">";
      append_xml_escaped(out_, byline);
      out_ += "</p>\n";
    }
    if (const auto date = detail::writable_publication_date(meta.date, meta.datetime)) {
      out_ += "<p class=\"date\"><time datetime=\"" + *date + "\">" + *date + "</time></p>\n";
    }
    if (out_.size() == empty) {
      out_.resize(start);
    } else {
      out_ += "</header>\n";
    }
  }

  std::string byline_text() const {
    const Metadata& meta = article_.metadata;
    if (detail::has_xml_text(meta.byline)) return *meta.byline;
    std::string names;
    for (const Person& person : meta.authors) {
      if (!detail::has_xml_text(person.name)) continue;
      if (!names.empty()) names += ", ";
      names += person.name;
    }
    return names;
  }

  // Under its own heading, so the abstract's headings sit one level below it.
  void abstract() {
    if (article_.abstract.empty()) return;
    content_.toc.push_back({"Abstract", target("abstract"), chapter_.toc_depth});
    out_ +=
        "<section id=\"abstract\" class=\"abstract\" epub:type=\"abstract\" "
        "role=\"doc-abstract\">\n" +
        section_heading("Abstract");
    ++section_depth_;
    begin_part(article_.abstract, section_level_ + 1);
    blocks(article_.abstract);
    --section_depth_;
    out_ += "</section>\n";
  }

  // One paragraph per reference: its label in brackets, then its text as printed.
  void references() {
    if (article_.references.empty()) return;
    content_.toc.push_back({"References", target("references"), chapter_.toc_depth});
    out_ +=
        "<section id=\"references\" class=\"references\" epub:type=\"bibliography\" "
        "role=\"doc-bibliography\">\n" +
        section_heading("References");
    for (std::size_t i = 0; i < article_.references.size(); ++i) {
      const Reference& ref = article_.references[i];
      out_ += "<p id=\"ref" + std::to_string(i + 1) + "\">";
      if (detail::has_xml_text(ref.label)) {
        out_ += "<span class=\"ref-label\">[";
        append_xml_escaped(out_, ref.label);
        out_ += "]</span> ";
      }
      append_xml_escaped(out_, ref.text);
      out_ += "</p>\n";
    }
    out_ += "</section>\n";
  }

  // Reading systems pop EPUB footnotes up; assistive technology reads the ARIA role
  // that goes with each epub:type (doc-footnote, doc-noteref).
  void notes() {
    if (article_.notes.empty()) return;
    content_.toc.push_back({"Notes", target("notes"), chapter_.toc_depth});
    out_ += "<section id=\"notes\" class=\"notes\" epub:type=\"footnotes\">\n" +
            section_heading("Notes");
    for (std::size_t i = 0; i < notes_.unique().size(); ++i) {
      const Note& note = *notes_.unique()[i];
      const int number = static_cast<int>(i) + 1;
      const std::string id = "fn" + std::to_string(number);
      // Reading systems hide a footnote until its reference is followed, so a note
      // that nothing links to is written as an ordinary aside, where it can be read.
      out_ += "<aside id=\"" + id + "\"" +
              (noted_.contains(number) ? " epub:type=\"footnote\" role=\"doc-footnote\"" : "") +
              ">\n";
      out_ += "<p class=\"note-label\">" + std::to_string(number) + "</p>\n";
      begin_part(note.blocks, section_level_ + 1);
      blocks(note.blocks);
      out_ += "</aside>\n";
    }
    out_ += "</section>\n";
  }

  // Not in the contents: the footer is what the site printed around the article.
  void footer() {
    if (article_.footer.empty()) return;
    out_ += "<section id=\"footer\" class=\"site-footer\" epub:type=\"backmatter\">\n";
    begin_part(article_.footer, section_level_);
    blocks(article_.footer);
    out_ += "</section>\n";
  }

  void blocks(const Blocks& list) {
    for (const Block& b : list) block(b);
  }

  void block(const Block& b) {
    std::visit(overloaded{
                   [&](const Heading& h) { heading(h); },
                   [&](const Paragraph& p) { paragraph(p); },
                   [&](const List& l) { list(l); },
                   [&](const Quote& q) {
                     out_ += "<blockquote>\n";
                     blocks(q.blocks);
                     out_ += "</blockquote>\n";
                   },
                   [&](const CodeBlock& c) {
                     out_ += "<pre><code>";
                     append_xml_escaped(out_, c.text);
                     out_ += "</code></pre>\n";
                   },
                   [&](const Figure& f) { figure(f); },
                   [&](const Table& t) { table(t); },
                   [&](const Rule&) { out_ += "<hr/>\n"; },
               },
               b.node);
  }

  std::string section_heading(const char* label) const {
    const std::string tag = "h" + std::to_string(section_level_);
    return "<" + tag + ">" + label + "</" + tag + ">\n";
  }

  // The blocks that follow have their top headings at `base`.
  void begin_part(const Blocks& blocks, int base) {
    top_level_ = 6;
    for (const Block& b : blocks) {
      if (const auto* h = std::get_if<Heading>(&b.node))
        top_level_ = std::min(top_level_, h->level);
    }
    base_level_ = base;
    last_level_ = base - 1;
  }

  // The part's top heading level becomes its base; deeper ones follow, but never more
  // than one below the heading before (a page's h2 after its h4-only sidebar), so the
  // outline has no gaps that assistive technology would report.
  // A heading with neither text that XML can carry nor an image is left out: it would
  // be announced as a heading that says nothing.
  void heading(const Heading& h) {
    const std::string label = plain_text(h.inlines);
    const bool has_text = !detail::trim(detail::xml_escape(label)).empty();
    if (!has_text && !has_image(h.inlines)) return;
    const int wanted = base_level_ + std::max(h.level - top_level_, 0);
    const int level = std::clamp(std::min(wanted, last_level_ + 1), base_level_, 6);
    last_level_ = level;
    const std::string id = "sec-" + std::to_string(++heading_count_);
    const std::string tag = "h" + std::to_string(level);
    if (has_text) content_.toc.push_back({label, target(id), chapter_.toc_depth + section_depth_});
    out_ += "<" + tag + " id=\"" + id + "\">";
    inlines(h.inlines);
    out_ += "</" + tag + ">\n";
  }

  void list(const List& l) {
    if (l.items.empty()) return;
    const char* tag = l.ordered ? "ol" : "ul";
    out_ += std::string("<") + tag + ">\n";
    for (const Blocks& item : l.items) {
      out_ += "<li>";
      // A single paragraph renders inline so short items stay compact.
      if (item.size() == 1 && std::holds_alternative<Paragraph>(item.front().node)) {
        inlines(std::get<Paragraph>(item.front().node).inlines);
      } else {
        out_ += '\n';
        blocks(item);
      }
      out_ += "</li>\n";
    }
    out_ += std::string("</") + tag + ">\n";
  }

  // A paragraph left with no text (its images all dropped, none with alt text) is
  // not written: an empty <p> reads as a blank to a screen reader.
  void paragraph(const Paragraph& p) {
    const std::size_t start = out_.size();
    out_ += "<p>";
    inlines(p.inlines);
    if (out_.find_first_not_of(" \t\n", start + 3) == std::string::npos) {
      out_.resize(start);
      return;
    }
    out_ += "</p>\n";
  }

  void figure(const Figure& f) {
    const std::optional<std::string> href = image_href(f.image);
    const bool alt = detail::has_xml_text(f.image.alt);
    if (!href && !alt && f.caption.empty()) return;
    out_ += "<figure>\n";
    if (href) {
      image_element(*href, f.image.alt);
    } else if (alt) {
      out_ += "<p class=\"image-alt\">";
      append_xml_escaped(out_, f.image.alt);
      out_ += "</p>\n";
    }
    if (!f.caption.empty()) {
      out_ += "<figcaption>";
      inlines(f.caption);
      out_ += "</figcaption>\n";
    }
    out_ += "</figure>\n";
  }

  void table(const Table& t) {
    if (t.rows.empty()) return;
    out_ += "<table>\n";
    const std::size_t header_rows =
        std::min(t.rows.size(), static_cast<std::size_t>(std::max(t.header_rows, 0)));
    if (header_rows > 0) {
      out_ += "<thead>\n";
      for (std::size_t r = 0; r < header_rows; ++r) row(t.rows[r], "th");
      out_ += "</thead>\n";
    }
    if (header_rows < t.rows.size()) {
      out_ += "<tbody>\n";
      for (std::size_t r = header_rows; r < t.rows.size(); ++r) row(t.rows[r], "td");
      out_ += "</tbody>\n";
    }
    out_ += "</table>\n";
  }

  // An empty cell is a data cell even in a header row (the corner above a column of row
  // names): a th with nothing in it would be announced as heading its column.
  void row(const std::vector<Blocks>& cells, const std::string& cell_tag) {
    out_ += "<tr>";
    for (const Blocks& cell : cells) {
      const std::string tag = cell.empty() ? "td" : cell_tag;
      out_ += "<" + tag + ">";
      if (cell.size() == 1 && std::holds_alternative<Paragraph>(cell.front().node)) {
        inlines(std::get<Paragraph>(cell.front().node).inlines);
      } else {
        blocks(cell);
      }
      out_ += "</" + tag + ">";
    }
    out_ += "</tr>\n";
  }

  void inlines(const Inlines& list) {
    for (const Inline& i : list) inline_node(i);
  }

  void inline_node(const Inline& i) {
    std::visit(overloaded{
                   [&](const Text& t) { append_xml_escaped(out_, t.text); },
                   [&](const Emphasis& e) { wrap("em", e.children); },
                   [&](const Strong& s) { wrap("strong", s.children); },
                   [&](const Code& c) {
                     out_ += "<code>";
                     append_xml_escaped(out_, c.text);
                     out_ += "</code>";
                   },
                   [&](const Link& l) { link(l); },
                   [&](const Image& img) { inline_image(img); },
                   [&](const LineBreak&) { out_ += "<br/>"; },
                   [&](const NoteRef& r) { note_ref(r); },
               },
               i.node);
  }

  void wrap(const char* tag, const Inlines& children) {
    out_ += std::string("<") + tag + ">";
    inlines(children);
    out_ += std::string("</") + tag + ">";
  }

  // HTML forbids a link inside a link, so a nested link keeps only its text. A
  // citation of the reference list links to its entry.
  void link(const Link& l) {
    const int cited = references_.cited(l.url);
    const std::optional<std::string> url =
        cited != 0 ? std::optional("#ref" + std::to_string(cited)) : detail::safe_link_url(l.url);
    if (!url || in_link_) {
      inlines(l.children);
      return;
    }
    in_link_ = true;
    out_ += "<a href=\"";
    append_xml_escaped(out_, *url);
    out_ += cited != 0 ? "\" role=\"doc-biblioref\">" : "\">";
    inlines(l.children);
    out_ += "</a>";
    in_link_ = false;
  }

  void note_ref(const NoteRef& r) {
    const int n = notes_.number(r.id);
    if (n == 0) {
      diag_.warn(
          {std::string(kWriterName), {}, "reference to a missing note '" + r.id + "' dropped"});
      return;
    }
    const std::string number = std::to_string(n);
    if (in_link_) {
      out_ += "<sup>" + number + "</sup>";
      return;
    }
    out_ += "<sup><a epub:type=\"noteref\" role=\"doc-noteref\" href=\"#fn" + number + "\">" +
            number + "</a></sup>";
    noted_.insert(n);
  }

  // An image that cannot be embedded keeps its meaning: its alt text stays in the
  // sentence ("The tariff is E = 3 × T per tonne").
  void inline_image(const Image& img) {
    if (auto href = image_href(img)) {
      image_element(*href, img.alt);
    } else {
      append_xml_escaped(out_, img.alt);
    }
  }

  void image_element(const std::string& href, const std::string& alt) {
    out_ += "<img src=\"" + href + "\" alt=\"";
    append_xml_escaped(out_, alt);
    out_ += "\"/>";
  }

  // The href of the embedded copy of `image`, embedding it on first use; nullopt
  // (with a warning) when it cannot be embedded. The bytes come from a data: URI or
  // from the resource the reader loaded for the image's path. SVG and WebP are not
  // embedded: SVG would have to pass epubcheck's schema, and WebP is not a core media
  // type before EPUB 3.3.
  std::optional<std::string> image_href(const Image& image) {
    if (const auto it = image_hrefs_.find(image.src); it != image_hrefs_.end()) return it->second;
    std::optional<std::string> href;
    std::optional<std::string> bytes = image_bytes(image.src);
    const auto type = bytes ? detail::sniff_image(*bytes) : std::nullopt;
    if (type) {
      const std::string id = "img" + std::to_string(chapter_.first_image + content_.images.size());
      href = "images/" + id + "." + std::string(type->extension);
      content_.images.push_back({id, *href, std::string(type->media_type), std::move(*bytes),
                                 detail::has_xml_text(image.alt)});
    } else {
      diag_.warn({std::string(kWriterName), {}, image_warning(image.src, bytes.has_value())});
    }
    image_hrefs_.emplace(image.src, href);
    return href;
  }

  std::optional<std::string> image_bytes(const std::string& src) const {
    if (auto data = detail::parse_data_uri(src)) return std::move(data->data);
    for (const Resource& resource : article_.resources) {
      if (resource.path == src) return resource.data;
    }
    return std::nullopt;
  }

  static std::string image_warning(const std::string& src, bool has_bytes) {
    const std::string shown = src.size() > 80 ? src.substr(0, 77) + "..." : src;
    if (has_bytes) return "image '" + shown + "' dropped: not a PNG, JPEG or GIF image";
    return "image '" + shown + "' dropped: the input does not carry it (images are never " +
           "fetched from the network)";
  }

  const Article& article_;
  const Chapter& chapter_;
  Diagnostics& diag_;
  Content content_;
  std::string out_;
  detail::NoteIndex notes_;
  std::set<int> noted_;  // numbers of the notes a noteref links to so far
  detail::ReferenceIndex references_;
  std::map<std::string, std::optional<std::string>> image_hrefs_;
  int heading_count_ = 0;
  int section_depth_ = 0;  ///< 1 inside the abstract, for its headings' depth in the toc
  int section_level_ = 2;  ///< of the abstract's, references' and notes' headings
  int top_level_ = 1;      ///< the smallest model heading level of the current part
  int base_level_ = 2;     ///< the HTML level its top headings get
  int last_level_ = 1;     ///< the HTML level of the heading before
  bool in_link_ = false;
};

}  // namespace

Content render_content(const Article& article, const BookMeta& book, const Chapter& chapter,
                       Diagnostics& diag) {
  return XhtmlRenderer(article, chapter, diag).render(book);
}

}  // namespace galley::epub
