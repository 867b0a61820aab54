// JATS 1.3 writer (Journal Archiving and Interchange tag set): front matter from the
// metadata (journal-meta from the container's title, or else the site name, ISSNs and
// the publisher; article-meta with the article ids, title, authors with their ORCID,
// affiliations and e-mail, publication date, volume, issue, pages, licence, source
// URL, the abstract (the description beside it as a summary, or in its place) and
// keywords), the body as nested sec elements built from the heading levels, and in
// back the references (printed text in a mixed-citation, the recognised fields in an
// element-citation beside it), the notes in fn-group and the footer in notes titled
// "Footer". The output is valid against the DTD its DOCTYPE names.
//
// Drops: thematic breaks (JATS has none), line breaks (written as a newline), links
// other than http(s) and mailto (text kept), images whose src has another scheme,
// references to missing notes or affiliations, characters XML cannot carry. Blocks
// where JATS allows only paragraphs (footnotes, list items) are wrapped in a p;
// headings outside the section tree become a bold paragraph. An unknown language is
// written as "und".
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include <galley/registry.hpp>

#include "detail/citations.hpp"
#include "detail/iso_date.hpp"
#include "detail/language.hpp"
#include "detail/notes.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "detail/xml.hpp"
#include "jats_names.hpp"

namespace galley::jats {
namespace {

using detail::append_xml_escaped;
using detail::xml_escape;

constexpr std::string_view kWriterName = "<jats>";
constexpr std::string_view kPrologue =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange "
    "DTD v1.3 20210610//EN\" \"JATS-archivearticle1-3.dtd\">\n";

// Where a block is written decides what JATS allows there.
enum class Context {
  Section,   ///< body, sec, notes, disp-quote: every display element
  ParaOnly,  ///< fn, list-item, table cell: p and list only, the rest wrapped in a p
};

// An image reference worth keeping: data: URIs, http(s) URLs, relative paths.
std::optional<std::string> graphic_href(const std::string& src) {
  const std::string_view s = detail::trim(src);
  if (s.empty()) return std::nullopt;
  if (detail::starts_with_icase(s, "data:")) return std::string(s);
  if (auto url = detail::safe_link_url(s)) return url;
  const std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && s.find_first_of("/?#") > colon) return std::nullopt;
  return std::string(s);
}

class JatsRenderer {
 public:
  JatsRenderer(const Article& article, Diagnostics& diag)
      : article_(article), diag_(diag), notes_(article.notes), references_(article.references) {}

  std::string render() {
    const std::string lang =
        detail::normalize_language_tag(article_.metadata.lang.value_or("")).value_or("und");
    out_ = kPrologue;
    out_ +=
        "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" dtd-version=\"1.3\" "
        "article-type=\"other\" xml:lang=\"" +
        lang + "\">\n";
    front();
    if (!article_.body.empty()) {
      out_ += "<body>\n";
      section_tree(article_.body);
      out_ += "</body>\n";
    }
    back();
    out_ += "</article>\n";
    return std::move(out_);
  }

 private:
  void front() {
    out_ += "<front>\n";
    journal_meta();
    out_ += "<article-meta>\n";
    article_ids();
    const Metadata& meta = article_.metadata;
    if (detail::has_xml_text(meta.title)) {
      out_ += "<title-group>\n<article-title>" + xml_escape(*meta.title) + "</article-title>\n";
      if (detail::has_xml_text(meta.subtitle))
        out_ += "<subtitle>" + xml_escape(*meta.subtitle) + "</subtitle>\n";
      out_ += "</title-group>\n";
    }
    contributors();
    affiliations();
    pub_date();
    container_parts();
    permissions();
    if (meta.url) {
      if (const auto url = detail::safe_link_url(*meta.url)) {
        out_ += "<self-uri xlink:href=\"" + xml_escape(*url) + "\">" + xml_escape(*url) +
                "</self-uri>\n";
      }
    }
    abstracts();
    keywords();
    out_ += "</article-meta>\n</front>\n";
  }

  // The container's title names the journal; the site name stands in for it when
  // the input names no container (a web page).
  void journal_meta() {
    const Metadata& meta = article_.metadata;
    const std::optional<std::string> container_title =
        meta.container ? meta.container->title : std::nullopt;
    const std::optional<std::string>& title =
        detail::has_xml_text(container_title) ? container_title : meta.site_name;
    std::string issns;
    for (const Identifier& id : meta.identifiers) {
      if (id.type == "issn" && detail::has_xml_text(id.value))
        issns += "<issn>" + xml_escape(id.value) + "</issn>\n";
    }
    if (!detail::has_xml_text(title) && !detail::has_xml_text(meta.publisher) && issns.empty())
      return;
    out_ += "<journal-meta>\n";
    if (detail::has_xml_text(title)) {
      out_ += "<journal-title-group><journal-title>" + xml_escape(*title) +
              "</journal-title></journal-title-group>\n";
    }
    out_ += issns;
    if (detail::has_xml_text(meta.publisher)) {
      out_ += "<publisher><publisher-name>" + xml_escape(*meta.publisher) +
              "</publisher-name></publisher>\n";
    }
    out_ += "</journal-meta>\n";
  }

  // The identifier types JATS names as article ids; ISBN and ISSN have elements of
  // their own (isbn in article-meta, issn in journal-meta).
  void article_ids() {
    static constexpr std::array<std::string_view, 4> kArticleIdTypes = {"doi", "pmid", "pmcid",
                                                                        "arxiv"};
    for (const Identifier& id : article_.metadata.identifiers) {
      const bool known = std::find(kArticleIdTypes.begin(), kArticleIdTypes.end(), id.type) !=
                         kArticleIdTypes.end();
      if (!known || !detail::has_xml_text(id.value)) continue;
      out_ +=
          "<article-id pub-id-type=\"" + id.type + "\">" + xml_escape(id.value) + "</article-id>\n";
    }
  }

  void contributors() {
    std::string contribs;
    for (const Person& person : article_.metadata.authors) {
      if (!detail::has_xml_text(person.name)) continue;
      contribs += "<contrib contrib-type=\"author\">";
      if (detail::has_xml_text(person.orcid)) {
        contribs += "<contrib-id contrib-id-type=\"orcid\">https://orcid.org/" +
                    xml_escape(*person.orcid) + "</contrib-id>";
      }
      if (const auto split = split_name(person.name)) {
        contribs += "<name name-style=\"western\"><surname>" + xml_escape(split->surname) +
                    "</surname><given-names>" + xml_escape(split->given_names) +
                    "</given-names></name>";
      } else {
        // A name whose split is not sure is whole in <surname>: readers of JATS (pandoc,
        // NCBI's preview) show a <name> but not a bare <string-name>.
        contribs += "<name><surname>" + xml_escape(detail::collapse_whitespace(person.name)) +
                    "</surname></name>";
      }
      for (const int index : person.affiliations) {
        if (affiliation_written(index))
          contribs += "<xref ref-type=\"aff\" rid=\"aff" + std::to_string(index + 1) + "\"/>";
      }
      if (detail::has_xml_text(person.email))
        contribs += "<email>" + xml_escape(*person.email) + "</email>";
      contribs += "</contrib>\n";
    }
    if (!contribs.empty()) out_ += "<contrib-group>\n" + contribs + "</contrib-group>\n";
  }

  bool affiliation_written(int index) const {
    const auto& list = article_.metadata.affiliations;
    return index >= 0 && static_cast<std::size_t>(index) < list.size() &&
           detail::has_xml_text(list[static_cast<std::size_t>(index)]);
  }

  // Every affiliation is written, referred to by an author or not: it was printed.
  void affiliations() {
    const auto& list = article_.metadata.affiliations;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!affiliation_written(static_cast<int>(i))) continue;
      out_ += "<aff id=\"aff" + std::to_string(i + 1) + "\">" + xml_escape(list[i]) + "</aff>\n";
    }
  }

  // The date as precisely as it is known: a paper dated by its meeting has a month and
  // year, one dated by its copyright line a year only.
  void pub_date() {
    const Metadata& meta = article_.metadata;
    const auto iso = detail::writable_publication_date(meta.date, meta.datetime);
    if (!iso) return;
    out_ += "<pub-date publication-format=\"electronic\" date-type=\"pub\" iso-8601-date=\"" +
            *iso + "\">";
    if (iso->size() == 10) out_ += "<day>" + iso->substr(8, 2) + "</day>";
    if (iso->size() >= 7) out_ += "<month>" + iso->substr(5, 2) + "</month>";
    out_ += "<year>" + iso->substr(0, 4) + "</year></pub-date>\n";
  }

  void container_parts() {
    const Metadata& meta = article_.metadata;
    if (meta.container) {
      element("volume", meta.container->volume);
      element("issue", meta.container->issue);
    }
    for (const Identifier& id : meta.identifiers) {
      if (id.type == "isbn") element("isbn", id.value);
    }
    if (meta.container && meta.container->pages && pages(*meta.container->pages)) out_ += '\n';
  }

  // <tag>value</tag> on a line of its own when the value has text.
  void element(const char* tag, const std::optional<std::string>& value) {
    if (!detail::has_xml_text(value)) return;
    out_ += std::string("<") + tag + ">" + xml_escape(*value) + "</" + tag + ">\n";
  }

  // Writes the page elements of printed pages; false when there were none to write.
  bool pages(const std::string& printed) {
    const std::optional<PageSpan> span = split_pages(printed);
    if (!span || !detail::has_xml_text(span->first)) return false;
    switch (span->kind) {
      case PageSpan::Kind::Pages:
        out_ += "<fpage>" + xml_escape(span->first) + "</fpage>";
        if (!span->last.empty()) out_ += "<lpage>" + xml_escape(span->last) + "</lpage>";
        break;
      case PageSpan::Kind::ElocationId:
        out_ += "<elocation-id>" + xml_escape(span->first) + "</elocation-id>";
        break;
      case PageSpan::Kind::PageRange:
        out_ += "<page-range>" + xml_escape(span->first) + "</page-range>";
        break;
    }
    return true;
  }

  void permissions() {
    const std::optional<License>& license = article_.metadata.license;
    if (!license || !detail::has_xml_text(license->text)) return;
    out_ += "<permissions><license";
    if (license->url) {
      if (const auto url = detail::safe_link_url(*license->url))
        out_ += " xlink:href=\"" + xml_escape(*url) + "\"";
    }
    out_ += "><license-p>" + xml_escape(license->text) + "</license-p></license></permissions>\n";
  }

  // The abstract, then the description: as the only abstract when the article has
  // none, else as a summary beside it.
  void abstracts() {
    const Metadata& meta = article_.metadata;
    if (!article_.abstract.empty()) {
      out_ += "<abstract>\n";
      section_tree(article_.abstract);
      out_ += "</abstract>\n";
    }
    if (detail::has_xml_text(meta.description)) {
      out_ += article_.abstract.empty() ? "<abstract>" : "<abstract abstract-type=\"summary\">";
      out_ += "\n<p>" + xml_escape(*meta.description) + "</p>\n</abstract>\n";
    }
  }

  void keywords() {
    std::string kwds;
    for (const std::string& keyword : article_.metadata.keywords) {
      if (detail::has_xml_text(keyword)) kwds += "<kwd>" + xml_escape(keyword) + "</kwd>\n";
    }
    if (!kwds.empty()) out_ += "<kwd-group>\n" + kwds + "</kwd-group>\n";
  }

  void back() {
    std::string saved = std::move(out_);
    out_.clear();
    references();
    footnotes();
    if (!article_.footer.empty()) {
      // Titled like the reference list, so previews (NCBI's, pandoc's) set it apart.
      out_ += "<notes notes-type=\"footer\">\n<title>Footer</title>\n";
      section_tree(article_.footer);
      out_ += "</notes>\n";
    }
    if (!out_.empty())
      out_ = saved + "<back>\n" + out_ + "</back>\n";
    else
      out_ = std::move(saved);
  }

  // Each reference keeps its printed text in a mixed-citation; the fields recognised
  // in it go beside it in an element-citation, the two forms of one citation.
  void references() {
    if (article_.references.empty()) return;
    out_ += "<ref-list>\n<title>References</title>\n";
    for (std::size_t i = 0; i < article_.references.size(); ++i) {
      const Reference& ref = article_.references[i];
      out_ += "<ref id=\"ref" + std::to_string(i + 1) + "\">";
      if (detail::has_xml_text(ref.label)) out_ += "<label>" + xml_escape(ref.label) + "</label>";
      const std::string fields = citation_fields(ref);
      if (!fields.empty()) out_ += "<citation-alternatives>\n" + fields;
      out_ += "<mixed-citation>" + xml_escape(ref.text) + "</mixed-citation>\n";
      if (!fields.empty()) out_ += "</citation-alternatives>\n";
      out_ += "</ref>\n";
    }
    out_ += "</ref-list>\n";
  }

  // The fields recognised in a reference as an element-citation, or "" when none was.
  std::string citation_fields(const Reference& ref) {
    std::string saved = std::move(out_);
    out_.clear();
    std::string names;
    for (const std::string& author : ref.authors) {
      if (detail::has_xml_text(author))
        names += "<string-name>" + xml_escape(author) + "</string-name>";
    }
    if (!names.empty())
      out_ += "<person-group person-group-type=\"author\">" + names + "</person-group>";
    const auto field = [&](const char* tag, const std::optional<std::string>& value) {
      if (detail::has_xml_text(value))
        out_ += std::string("<") + tag + ">" + xml_escape(*value) + "</" + tag + ">";
    };
    field("year", ref.year);
    field("article-title", ref.title);
    field("source", ref.container);
    field("volume", ref.volume);
    field("issue", ref.issue);
    if (ref.pages) pages(*ref.pages);
    if (detail::has_xml_text(ref.doi))
      out_ += "<pub-id pub-id-type=\"doi\">" + xml_escape(*ref.doi) + "</pub-id>";
    if (ref.url) {
      if (const auto url = detail::safe_link_url(*ref.url)) {
        out_ += "<ext-link ext-link-type=\"uri\" xlink:href=\"" + xml_escape(*url) + "\">" +
                xml_escape(*url) + "</ext-link>";
      }
    }
    std::string fields =
        out_.empty() ? std::string() : "<element-citation>" + out_ + "</element-citation>\n";
    out_ = std::move(saved);
    return fields;
  }

  void footnotes() {
    if (article_.notes.empty()) return;
    out_ += "<fn-group>\n";
    for (std::size_t i = 0; i < notes_.unique().size(); ++i) {
      const Note& note = *notes_.unique()[i];
      const std::string n = std::to_string(i + 1);
      out_ += "<fn id=\"fn" + n + "\"><label>" + n + "</label>\n";
      if (note.blocks.empty()) out_ += "<p/>\n";
      blocks(note.blocks, Context::ParaOnly);
      out_ += "</fn>\n";
    }
    out_ += "</fn-group>\n";
  }

  // Headings open nested sec elements: a heading closes every open section of its
  // level or deeper, so the blocks after it belong to it until the next heading.
  void section_tree(const Blocks& list) {
    std::vector<int> open;
    for (const Block& b : list) {
      const auto* h = std::get_if<Heading>(&b.node);
      if (!h) {
        block(b, Context::Section);
        continue;
      }
      const int level = std::clamp(h->level, 1, 6);
      while (!open.empty() && open.back() >= level) {
        out_ += "</sec>\n";
        open.pop_back();
      }
      out_ += "<sec>\n<title>";
      inlines(h->inlines);
      out_ += "</title>\n";
      open.push_back(level);
    }
    for (std::size_t i = 0; i < open.size(); ++i) out_ += "</sec>\n";
  }

  void blocks(const Blocks& list, Context context) {
    for (const Block& b : list) block(b, context);
  }

  void block(const Block& b, Context context) {
    const bool direct = context == Context::Section || std::holds_alternative<Paragraph>(b.node) ||
                        std::holds_alternative<List>(b.node) ||
                        std::holds_alternative<Heading>(b.node);
    if (!direct) out_ += "<p>";
    std::visit(overloaded{
                   [&](const Heading& h) {
                     out_ += "<p><bold>";
                     inlines(h.inlines);
                     out_ += "</bold></p>\n";
                   },
                   [&](const Paragraph& p) {
                     out_ += "<p>";
                     inlines(p.inlines);
                     out_ += "</p>\n";
                   },
                   [&](const List& l) { list(l); },
                   [&](const Quote& q) {
                     out_ += "<disp-quote>\n";
                     blocks(q.blocks, Context::Section);
                     out_ += "</disp-quote>\n";
                   },
                   [&](const CodeBlock& c) {
                     out_ += "<preformat preformat-type=\"code\">";
                     append_xml_escaped(out_, c.text);
                     out_ += "</preformat>\n";
                   },
                   [&](const Figure& f) { figure(f); },
                   [&](const Table& t) { table(t); },
                   [&](const Rule&) {},
               },
               b.node);
    if (!direct) out_ += "</p>\n";
  }

  void list(const List& l) {
    if (l.items.empty()) return;
    out_ += l.ordered ? "<list list-type=\"order\">\n" : "<list list-type=\"bullet\">\n";
    for (const Blocks& item : l.items) {
      out_ += "<list-item>";
      if (item.empty()) out_ += "<p/>";
      blocks(item, Context::ParaOnly);
      out_ += "</list-item>\n";
    }
    out_ += "</list>\n";
  }

  void figure(const Figure& f) {
    out_ += "<fig>\n";
    if (!f.caption.empty()) {
      out_ += "<caption><p>";
      inlines(f.caption);
      out_ += "</p></caption>\n";
    }
    if (const auto href = graphic_href(f.image.src)) {
      out_ += "<graphic xlink:href=\"" + xml_escape(*href) + "\">";
      if (detail::has_xml_text(f.image.alt))
        out_ += "<alt-text>" + xml_escape(f.image.alt) + "</alt-text>";
      out_ += "</graphic>\n";
    }
    out_ += "</fig>\n";
  }

  // XHTML table model: a thead needs a body row after it, so a table of header rows
  // only keeps its th cells in the tbody.
  void table(const Table& t) {
    std::vector<const std::vector<Blocks>*> rows;
    std::vector<bool> header;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (t.rows[r].empty()) continue;
      rows.push_back(&t.rows[r]);
      header.push_back(static_cast<int>(r) < t.header_rows);
    }
    if (rows.empty()) return;
    const std::size_t head = header.back() ? 0 : std::count(header.begin(), header.end(), true);
    out_ += "<table-wrap>\n<table>\n";
    if (head > 0) out_ += "<thead>\n";
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (r == head) out_ += "<tbody>\n";
      row(*rows[r], header[r] ? "th" : "td");
      if (r + 1 == head) out_ += "</thead>\n";
    }
    out_ += "</tbody>\n</table>\n</table-wrap>\n";
  }

  void row(const std::vector<Blocks>& cells, const std::string& tag) {
    out_ += "<tr>";
    for (const Blocks& cell : cells) {
      out_ += "<" + tag + ">";
      if (cell.size() == 1 && std::holds_alternative<Paragraph>(cell.front().node)) {
        inlines(std::get<Paragraph>(cell.front().node).inlines);
      } else {
        blocks(cell, Context::ParaOnly);
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
                   [&](const Emphasis& e) { wrap("italic", e.children); },
                   [&](const Strong& s) { wrap("bold", s.children); },
                   [&](const Code& c) {
                     out_ += "<monospace>";
                     append_xml_escaped(out_, c.text);
                     out_ += "</monospace>";
                   },
                   [&](const Link& l) { link(l); },
                   [&](const Image& img) { inline_graphic(img); },
                   [&](const LineBreak&) { out_ += '\n'; },
                   [&](const NoteRef& r) { note_ref(r); },
               },
               i.node);
  }

  // An inline image with its alt text; with no usable source, the alt text alone
  // keeps the sentence whole.
  void inline_graphic(const Image& img) {
    const auto href = graphic_href(img.src);
    if (!href) {
      append_xml_escaped(out_, img.alt);
      return;
    }
    out_ += "<inline-graphic xlink:href=\"" + xml_escape(*href) + "\"";
    if (!detail::has_xml_text(img.alt)) {
      out_ += "/>";
      return;
    }
    out_ += "><alt-text>" + xml_escape(img.alt) + "</alt-text></inline-graphic>";
  }

  void wrap(const char* tag, const Inlines& children) {
    out_ += std::string("<") + tag + ">";
    inlines(children);
    out_ += std::string("</") + tag + ">";
  }

  // A link inside a link keeps only its text, as in the EPUB writer. A citation of
  // the reference list is a cross-reference to its entry.
  void link(const Link& l) {
    if (const int cited = references_.cited(l.url); cited != 0 && !in_link_) {
      in_link_ = true;
      out_ += "<xref ref-type=\"bibr\" rid=\"ref" + std::to_string(cited) + "\">";
      inlines(l.children);
      out_ += "</xref>";
      in_link_ = false;
      return;
    }
    const std::optional<std::string> url = detail::safe_link_url(l.url);
    if (!url || in_link_) {
      inlines(l.children);
      return;
    }
    in_link_ = true;
    out_ += "<ext-link ext-link-type=\"uri\" xlink:href=\"" + xml_escape(*url) + "\">";
    inlines(l.children);
    out_ += "</ext-link>";
    in_link_ = false;
  }

  void note_ref(const NoteRef& r) {
    const int number = notes_.number(r.id);
    if (number == 0) {
      diag_.warn(
          {std::string(kWriterName), {}, "reference to a missing note '" + r.id + "' dropped"});
      return;
    }
    const std::string n = std::to_string(number);
    out_ += "<xref ref-type=\"fn\" rid=\"fn" + n + "\">" + n + "</xref>";
  }

  const Article& article_;
  Diagnostics& diag_;
  std::string out_;
  detail::NoteIndex notes_;
  detail::ReferenceIndex references_;
  bool in_link_ = false;
};

class JatsWriter final : public Writer {
 public:
  void write(const Article& article, const WriteOptions&, Sink& out,
             Diagnostics& diag) const override {
    out.write(JatsRenderer(article, diag).render());
  }
};

}  // namespace

void register_format(Registry& registry) {
  // ".jats" names the format; ".xml" is taken by JATS too, the one XML format galley
  // writes, so "article.jats.xml" and "article.xml" both work.
  // Graphics are referred to by their addresses, not embedded.
  registry.add_writer(FormatInfo{.name = "jats",
                                 .description = "JATS 1.3 XML (Archiving and Interchange)",
                                 .extensions = {".jats", ".xml"},
                                 .media_types = {"application/jats+xml"},
                                 .writes_resources = false},
                      std::make_shared<JatsWriter>());
}

}  // namespace galley::jats
