#include "scholarly_metadata.hpp"

#include <algorithm>
#include <cctype>

#include <galley/recover.hpp>

#include "content_hints.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley::html {
namespace {

// Bounds on what one page may put in the model: far above real papers (the longest
// author lists, of large physics collaborations, run to about 3,000 names), low enough
// that a hostile page cannot make the metadata cost more than its markup.
constexpr std::size_t kMaxPeople = 5'000;
constexpr std::size_t kMaxAffiliations = 5'000;
constexpr std::size_t kMaxReferences = 5'000;
constexpr std::size_t kMaxKeywords = 200;
constexpr std::size_t kMaxFieldChars = 2'000;      ///< a name, title, affiliation or keyword
constexpr std::size_t kMaxAbstractChars = 50'000;  ///< about 8,000 words
constexpr std::size_t kMaxAbstractSiblings = 50;   ///< blocks after an "Abstract" heading
constexpr int kMaxPartOfDepth = 4;                 ///< issue -> volume -> periodical

// `text` cut to at most `max` bytes, at a code point boundary.
std::string bounded(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

std::string field(std::string_view text) {
  return bounded(detail::collapse_whitespace(text), kMaxFieldChars);
}

void set(std::optional<std::string>& target, const std::string& value) {
  if (!target && !value.empty()) target = value;
}

// citation_* tags are only for papers (Google Scholar's inclusion guidelines); PRISM
// is used by news sites too (prism.section, prism.aggregationtype), so only its tags
// that cite a publication count.
bool is_scholarly_key(std::string_view key) {
  if (key.starts_with("citation_")) return true;
  for (std::string_view prism : {"prism.doi", "prism.publicationname", "prism.volume",
                                 "prism.number", "prism.startingpage", "prism.issn"}) {
    if (key == prism) return true;
  }
  return false;
}

// The values of the first key in `keys` that the page has, in document order.
std::vector<std::string> values_of(const MetaList& tags,
                                   std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    std::vector<std::string> values;
    for (const auto& [k, v] : tags) {
      if (k == key) values.push_back(v);
    }
    if (!values.empty()) return values;
  }
  return {};
}

std::string first_value(const MetaList& tags, std::initializer_list<std::string_view> keys) {
  std::vector<std::string> values = values_of(tags, keys);
  return values.empty() ? std::string() : field(values.front());
}

// "first–last" as journals print a page range; the first page alone when there is no last.
std::string page_range(const std::string& first, const std::string& last) {
  if (first.empty() || last.empty() || first == last) return first;
  return first + "\u2013" + last;
}

// The bare ORCID iD ("0000-0002-1825-0097") in a value that may carry the resolver
// ("https://orcid.org/0000-..."); "" when it does not end in one.
std::string bare_orcid(std::string_view value) {
  value = detail::trim(value);
  while (!value.empty() && value.back() == '/') value.remove_suffix(1);
  if (value.size() < 19) return {};
  const std::string_view id = value.substr(value.size() - 19);
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = i % 5 == 4 ? c == '-'
                               : std::isdigit(static_cast<unsigned char>(c)) != 0 ||
                                     (i == 18 && (c == 'X' || c == 'x'));
    if (!ok) return {};
  }
  const std::string_view before = value.substr(0, value.size() - 19);
  if (!before.empty() && before.find("orcid.org") == std::string_view::npos) return {};
  return std::string(id);
}

// The index of `name` in the affiliation list, added when new (printed once each).
std::optional<int> affiliation_index(std::vector<std::string>& affiliations,
                                     const std::string& name) {
  if (name.empty()) return std::nullopt;
  const auto at = std::find(affiliations.begin(), affiliations.end(), name);
  if (at != affiliations.end()) return static_cast<int>(at - affiliations.begin());
  if (affiliations.size() >= kMaxAffiliations) return std::nullopt;
  affiliations.push_back(name);
  return static_cast<int>(affiliations.size() - 1);
}

void add_affiliation(Person& person, std::vector<std::string>& affiliations,
                     const std::string& name) {
  const std::optional<int> index = affiliation_index(affiliations, name);
  if (index && std::find(person.affiliations.begin(), person.affiliations.end(), *index) ==
                   person.affiliations.end()) {
    person.affiliations.push_back(*index);
  }
}

// citation_author tags in order; the institution, e-mail and ORCID tags that follow an
// author belong to it (the Highwire convention), so they are read in document order.
std::vector<Person> citation_authors(const MetaList& tags, std::vector<std::string>& affiliations) {
  std::vector<Person> people;
  for (const auto& [key, value] : tags) {
    if (key == "citation_author") {
      if (people.size() >= kMaxPeople) break;
      const std::string name = field(value);
      if (!name.empty()) people.push_back(Person{name});
      continue;
    }
    if (people.empty()) continue;
    Person& last = people.back();
    if (key == "citation_author_institution") {
      add_affiliation(last, affiliations, field(value));
    } else if (key == "citation_author_email" && !last.email) {
      last.email = field(value);
    } else if (key == "citation_author_orcid" && !last.orcid) {
      const std::string orcid = bare_orcid(value);
      if (!orcid.empty()) last.orcid = orcid;
    }
  }
  return people;
}

// Calls `visit` for a JSON-LD value that is one item or a list of them.
template <class Visit>
void for_each_item(const Json& value, std::size_t limit, Visit visit) {
  if (!value.is_array()) {
    if (!value.is_null()) visit(value);
    return;
  }
  std::size_t count = 0;
  for (const Json& item : value) {
    if (count++ >= limit) break;
    visit(item);
  }
}

std::string json_text(const Json& value) {
  if (value.is_string()) return field(value.get<std::string>());
  if (value.is_number()) return field(value.dump());
  return {};
}

// A schema.org identifier: "doi:10.1/x", a URL, or a PropertyValue {propertyID, value}.
std::optional<std::string> json_doi(const Json& value) {
  std::optional<std::string> doi;
  for_each_item(value, kMaxKeywords, [&](const Json& item) {
    if (doi) return;
    const std::string text = item.is_object() ? json_text(json_member(item, "value")) + " " +
                                                    json_text(json_member(item, "@id"))
                                              : json_text(item);
    doi = find_doi(text);
  });
  return doi;
}

void add_json_person_details(const Json& person, Person& out,
                             std::vector<std::string>& affiliations) {
  for_each_item(json_member(person, "affiliation"), kMaxAffiliations, [&](const Json& a) {
    add_affiliation(out, affiliations, a.is_object() ? json_string(a, "name") : json_text(a));
  });
  if (const std::string email = json_string(person, "email"); !email.empty()) {
    out.email = detail::starts_with_icase(email, "mailto:") ? email.substr(7) : email;
  }
  for (std::string_view key : {"identifier", "sameAs", "@id"}) {
    for_each_item(json_member(person, key), kMaxKeywords, [&](const Json& id) {
      const std::string orcid =
          bare_orcid(id.is_object() ? json_string(id, "value") : json_text(id));
      if (!out.orcid && !orcid.empty()) out.orcid = orcid;
    });
  }
}

// Keywords as one list ("a; b, c") or repeated values, each kept once in order.
void add_keywords(std::vector<std::string>& keywords, const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    const char separator = value.find(';') != std::string::npos ? ';' : ',';
    std::size_t pos = 0;
    while (pos <= value.size() && keywords.size() < kMaxKeywords) {
      const std::size_t end = std::min(value.find(separator, pos), value.size());
      const std::string keyword = field(std::string_view(value).substr(pos, end - pos));
      if (!keyword.empty() &&
          std::find(keywords.begin(), keywords.end(), keyword) == keywords.end()) {
        keywords.push_back(keyword);
      }
      pos = end + 1;
    }
  }
}

std::vector<std::string> json_values(const Json& value) {
  std::vector<std::string> out;
  for_each_item(value, kMaxKeywords, [&](const Json& item) {
    const std::string text = item.is_object() ? json_string(item, "name") : json_text(item);
    if (!text.empty()) out.push_back(text);
  });
  return out;
}

void add_identifier(Metadata& m, std::string type, const std::string& value) {
  if (value.empty()) return;
  Identifier id{std::move(type), value};
  if (std::find(m.identifiers.begin(), m.identifiers.end(), id) == m.identifiers.end()) {
    m.identifiers.push_back(std::move(id));
  }
}

void read_identifiers(const MetaList& tags, const Json& article, Metadata& m) {
  std::optional<std::string> doi;
  for (const std::string& value : values_of(tags, {"citation_doi", "prism.doi", "dc.identifier",
                                                   "dcterms.identifier", "dc:identifier"})) {
    if ((doi = find_doi(value))) break;
  }
  if (!doi) doi = json_doi(json_member(article, "identifier"));
  if (!doi) doi = json_doi(json_member(article, "sameAs"));
  if (doi) add_identifier(m, "doi", *doi);
  add_identifier(m, "pmid", first_value(tags, {"citation_pmid"}));
  add_identifier(m, "arxiv", first_value(tags, {"citation_arxiv_id"}));
  add_identifier(m, "isbn", first_value(tags, {"citation_isbn"}));
  // A journal may give its print and its electronic ISSN: both are kept.
  for (const std::string& issn : values_of(tags, {"citation_issn", "prism.issn"})) {
    if (m.identifiers.size() >= kMaxKeywords) break;
    add_identifier(m, "issn", field(issn));
  }
}

// schema.org's isPartOf chain: PublicationIssue (issueNumber) -> PublicationVolume
// (volumeNumber) -> Periodical (name), each level optional.
void read_json_container(const Json& article, Container& c) {
  const Json* part = &article;
  for (int depth = 0; depth < kMaxPartOfDepth; ++depth) {
    part = &json_member(*part, "isPartOf");
    if (part->is_array() && !part->empty()) part = &part->front();
    if (!part->is_object()) break;
    set(c.issue, json_text(json_member(*part, "issueNumber")));
    set(c.volume, json_text(json_member(*part, "volumeNumber")));
    if (has_json_type(*part, {"Periodical", "Journal", "Book", "BookSeries", "CreativeWorkSeries",
                              "Newspaper"})) {
      set(c.title, json_string(*part, "name"));
    }
  }
  set(c.pages, json_text(json_member(article, "pagination")));
  set(c.pages, page_range(json_text(json_member(article, "pageStart")),
                          json_text(json_member(article, "pageEnd"))));
}

void read_container(const MetaList& tags, const Json& article, Metadata& m) {
  Container c;
  set(c.title, first_value(tags, {"citation_journal_title", "citation_conference_title",
                                  "citation_inbook_title", "prism.publicationname"}));
  set(c.volume, first_value(tags, {"citation_volume", "prism.volume"}));
  set(c.issue, first_value(tags, {"citation_issue", "prism.number", "prism.issueidentifier"}));
  set(c.pages, page_range(first_value(tags, {"citation_firstpage", "prism.startingpage"}),
                          first_value(tags, {"citation_lastpage", "prism.endingpage"})));
  read_json_container(article, c);
  if (c != Container{} && !m.container) m.container = std::move(c);
}

void read_license(const MetaList& tags, const Json& article, const std::string& link_url,
                  Metadata& m) {
  if (m.license) return;
  std::string text = first_value(
      tags, {"dc.rights", "dcterms.rights", "dc:rights", "dcterms.license", "prism.copyright"});
  std::string url = link_url;
  if (url.empty()) url = json_string(article, "license");
  if (!text.empty() && detail::has_url_scheme(text) && url.empty()) url = text;
  if (text.empty()) text = url;
  if (text.empty()) return;
  m.license = License{text, url.empty() ? std::nullopt : std::optional<std::string>(url)};
}

// The four digits of the year in a date such as "2019/05/01" or "May 2019".
std::optional<std::string> year_in(std::string_view date) {
  for (std::size_t i = 0; i + 4 <= date.size(); ++i) {
    const std::string_view four = date.substr(i, 4);
    const bool digits = std::all_of(four.begin(), four.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    const bool alone =
        (i == 0 || !std::isdigit(static_cast<unsigned char>(date[i - 1]))) &&
        (i + 4 == date.size() || !std::isdigit(static_cast<unsigned char>(date[i + 4])));
    if (digits && alone && (four.starts_with("1") || four.starts_with("2"))) {
      return std::string(four);
    }
  }
  return std::nullopt;
}

// A text for a reference the page gives only as fields: "Authors (year). Title.
// Container volume(issue): pages. doi:…", everything the fields hold, in the usual order.
std::string reference_text(const Reference& r) {
  std::string text;
  for (const std::string& author : r.authors) text += (text.empty() ? "" : ", ") + author;
  if (r.year) text += (text.empty() ? "(" : " (") + *r.year + ")";
  auto add = [&](const std::optional<std::string>& part, std::string_view before) {
    if (part) text += (text.empty() ? "" : std::string(before)) + *part;
  };
  add(r.title, ". ");
  add(r.container, ". ");
  add(r.volume, " ");
  if (r.issue) text += "(" + *r.issue + ")";
  add(r.pages, ": ");
  if (!text.empty()) text += ".";
  if (r.doi)
    text += (text.empty() ? "doi:" : " doi:") + *r.doi;
  else if (r.url)
    text += (text.empty() ? "" : " ") + *r.url;
  return text;
}

// Where the next "citation_key=" part of a citation_reference value starts: at the
// start or after a ';', so a ';' inside a title does not split it.
std::size_t next_part(std::string_view value, std::size_t from) {
  for (std::size_t at = value.find("citation_", from); at != std::string_view::npos;
       at = value.find("citation_", at + 1)) {
    std::size_t before = at;
    while (before > 0 && value[before - 1] == ' ') --before;
    if (before == 0 || value[before - 1] == ';') return at;
  }
  return std::string_view::npos;
}

void set_reference_field(Reference& r, std::string_view key, const std::string& value) {
  if (key == "author" || key == "authors") {
    if (r.authors.size() < kMaxPeople) r.authors.push_back(value);
  } else if (key == "title" || key == "article_title") {
    set(r.title, value);
  } else if (key == "journal_title" || key == "conference_title" || key == "book_title" ||
             key == "inbook_title" || key == "publisher") {
    set(r.container, value);
  } else if (key == "volume") {
    set(r.volume, value);
  } else if (key == "issue") {
    set(r.issue, value);
  } else if (key == "firstpage" || key == "pages") {
    set(r.pages, value);
  } else if (key == "lastpage" && r.pages) {
    r.pages = page_range(*r.pages, value);
  } else if (key == "year" || key == "publication_date" || key == "date") {
    if (!r.year) r.year = year_in(value);
  } else if (key == "doi") {
    if (!r.doi) r.doi = find_doi(value);
  } else if (key == "url" || key == "fulltext_html_url") {
    if (!r.url && detail::has_url_scheme(value)) r.url = value;
  }
}

// One citation_reference value: "citation_author=…; citation_title=…; …" parts, or a
// reference as printed, read by the shared parser of printed references.
Reference parse_citation_reference(std::string_view value) {
  std::size_t at = next_part(value, 0);
  if (at != 0) return parse_reference(field(value));
  Reference r;
  while (at != std::string_view::npos) {
    const std::size_t next = next_part(value, at + 1);
    std::string_view part = value.substr(at, next == std::string_view::npos ? next : next - at);
    while (!part.empty() && (part.back() == ';' || part.back() == ' ')) part.remove_suffix(1);
    const std::size_t equals = part.find('=');
    if (equals != std::string_view::npos) {
      const std::string key = detail::to_lower_ascii(part.substr(9, equals - 9));
      const std::string text = field(part.substr(equals + 1));
      if (!text.empty()) set_reference_field(r, key, text);
    }
    at = next;
  }
  r.text = reference_text(r);
  return r;
}

// A schema.org citation: a string as printed, or a CreativeWork with its fields.
Reference parse_json_citation(const Json& item) {
  if (!item.is_object()) return parse_reference(json_text(item));
  Reference r;
  for (const Person& p : json_people(json_member(item, "author"), nullptr)) {
    r.authors.push_back(p.name);
  }
  set(r.title, json_string(item, "headline"));
  set(r.title, json_string(item, "name"));
  r.year = year_in(json_string(item, "datePublished"));
  Container c;
  read_json_container(item, c);
  r.container = c.title;
  r.volume = c.volume;
  r.issue = c.issue;
  r.pages = c.pages;
  r.doi = json_doi(json_member(item, "identifier"));
  if (!r.doi) r.doi = json_doi(json_member(item, "sameAs"));
  if (!r.doi) r.doi = json_doi(json_member(item, "@id"));
  const std::string url = json_string(item, "url");
  if (detail::has_url_scheme(url)) r.url = url;
  r.text = reference_text(r);
  return r;
}

std::vector<Reference> read_references(const MetaList& tags, const Json& article) {
  std::vector<Reference> refs;
  for (const auto& [key, value] : tags) {
    if (key != "citation_reference") continue;
    if (refs.size() >= kMaxReferences) break;
    refs.push_back(parse_citation_reference(value));
  }
  if (refs.empty()) {
    for_each_item(json_member(article, "citation"), kMaxReferences,
                  [&](const Json& item) { refs.push_back(parse_json_citation(item)); });
  }
  std::erase_if(refs, [](const Reference& r) { return r.text.empty(); });
  for (std::size_t i = 0; i < refs.size(); ++i) refs[i].id = "ref-" + std::to_string(i + 1);
  return refs;
}

// An article of another schema.org type is a paper when it cites a reference list or
// names the journal issue it is part of; a news article's "abstract" alone (a summary,
// for some sites) does not make it one.
bool is_json_paper(const Json& article) {
  if (has_json_type(article, {"ScholarlyArticle", "MedicalScholarlyArticle"})) return true;
  if (!json_member(article, "citation").is_null()) return true;
  const Json& part = json_member(article, "isPartOf");
  return has_json_type(part.is_array() && !part.empty() ? part.front() : part,
                       {"Periodical", "PublicationIssue", "PublicationVolume"});
}

bool is_scholarly(const MetaList& tags, const Json& article) {
  return std::any_of(tags.begin(), tags.end(),
                     [](const auto& tag) { return is_scholarly_key(tag.first); }) ||
         is_json_paper(article);
}

// The abstract as the page's metadata gives it. dc.description is a Dublin Core page's
// abstract only on a scholarly page; elsewhere it is a teaser, read as the description.
std::string read_abstract(const MetaList& tags, const Json& article) {
  std::string text = json_string(article, "abstract");
  if (text.empty()) {
    std::vector<std::string> values =
        values_of(tags, {"citation_abstract", "dc.description", "dcterms.abstract"});
    if (!values.empty()) text = detail::collapse_whitespace(values.front());
  }
  return bounded(text, kMaxAbstractChars);
}

// "abstract" as one of the words of a class or id value ("article-abstract",
// "abstract_content", "Abstract"), not inside another word ("abstractions").
bool names_abstract(std::string_view value) {
  const std::string lower = detail::to_lower_ascii(value);
  for (std::size_t at = lower.find("abstract"); at != std::string::npos;
       at = lower.find("abstract", at + 1)) {
    const std::size_t end = at + 8;
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
    const bool ends =
        end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end])) ||
        (lower[end] == 's' &&
         (end + 1 == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end + 1]))));
    if (starts && ends) return true;
  }
  return false;
}

bool is_heading(const Dom& dom, NodeId id) {
  return !dom[id].is_text && is_heading_tag(dom[id].name);
}

// "Abstract", "ABSTRACT", "Abstract:" as a heading prints it.
bool is_abstract_label(std::string_view text) {
  std::string lower = detail::to_lower_ascii(detail::trim(text));
  while (!lower.empty() && (lower.back() == ':' || lower.back() == '.')) lower.pop_back();
  return detail::trim(lower) == "abstract";
}

bool is_abstract_heading(const Dom& dom, NodeId id) {
  return is_heading(dom, id) && is_abstract_label(inner_text(dom, id));
}

bool holds_heading(const Dom& dom, NodeId id) {
  const NodeId end = dom.subtree_end(id);
  for (NodeId d = id + 1; d < end; ++d) {
    if (is_heading(dom, d)) return true;
  }
  return false;
}

// Enough text to be an abstract rather than a link or a tab labelled "Abstract", and
// not so much that it must be more: structured abstracts run to about 600 words, so an
// element with more text holds the article too ("abstract-and-fulltext").
constexpr std::size_t kMinAbstractChars = 80;
constexpr std::size_t kMaxShownAbstractChars = 10'000;
constexpr int kMaxLongCandidates = 8;

// An element that a class or id may name as the abstract: not the page's or article's
// own containers, whose class may mention the abstract of a landing page as a whole.
bool may_hold_abstract(const Dom& dom, NodeId id) {
  for (std::string_view tag : {"section", "div", "p", "aside", "blockquote"}) {
    if (dom.is(id, tag)) return true;
  }
  return false;
}

std::size_t text_chars(const Dom& dom, const std::vector<NodeId>& nodes) {
  std::size_t chars = 0;
  for (NodeId id : nodes) chars += inner_text(dom, id).size();
  return chars;
}

// The heading and its following siblings up to the next heading (or an element that
// holds one: the next section).
std::vector<NodeId> heading_section(const Dom& dom, NodeId heading) {
  std::vector<NodeId> nodes{heading};
  const NodeId parent = dom[heading].parent;
  if (parent == kNoNode) return nodes;
  const std::vector<NodeId>& siblings = dom[parent].children;
  auto it = std::find(siblings.begin(), siblings.end(), heading);
  for (++it; it != siblings.end() && nodes.size() <= kMaxAbstractSiblings; ++it) {
    if (dom[*it].is_text) continue;
    if (is_heading(dom, *it) || holds_heading(dom, *it)) break;
    nodes.push_back(*it);
  }
  return nodes;
}

}  // namespace

std::vector<Person> json_people(const Json& value, std::vector<std::string>* affiliations) {
  std::vector<Person> people;
  for_each_item(value, kMaxPeople, [&](const Json& a) {
    std::string name = a.is_string() ? field(a.get<std::string>()) : json_string(a, "name");
    if (name.empty() || detail::has_url_scheme(name)) return;
    Person person{bounded(name, kMaxFieldChars)};
    if (affiliations != nullptr && a.is_object()) {
      add_json_person_details(a, person, *affiliations);
    }
    people.push_back(std::move(person));
  });
  return people;
}

ScholarlyMetadata read_scholarly(const MetaList& tags, const Json& article,
                                 const std::string& license_url, Metadata& m) {
  ScholarlyMetadata result;
  result.found = is_scholarly(tags, article);
  if (!result.found) return result;
  if (m.authors.empty()) m.authors = citation_authors(tags, m.affiliations);
  if (m.authors.empty()) m.authors = json_people(json_member(article, "author"), &m.affiliations);
  read_identifiers(tags, article, m);
  read_container(tags, article, m);
  if (m.keywords.empty()) add_keywords(m.keywords, values_of(tags, {"citation_keywords"}));
  if (m.keywords.empty()) add_keywords(m.keywords, json_values(json_member(article, "keywords")));
  if (m.keywords.empty())
    add_keywords(m.keywords, values_of(tags, {"dc.subject", "dcterms.subject"}));
  read_license(tags, article, license_url, m);
  result.abstract = read_abstract(tags, article);
  result.references = read_references(tags, article);
  return result;
}

std::vector<NodeId> find_abstract_nodes(const Dom& dom) {
  const NodeId body = dom.find_first("body");
  if (body == kNoNode) return {};
  const NodeId end = dom.subtree_end(body);
  int long_candidates = 0;
  for (NodeId id = body + 1; id < end; ++id) {
    if (dom[id].is_text || !dom[id].is_block) continue;
    std::vector<NodeId> nodes;
    if (dom.attr(id, "role") == "doc-abstract" ||
        (may_hold_abstract(dom, id) &&
         (names_abstract(dom.attr(id, "class")) || names_abstract(dom.attr(id, "id"))))) {
      nodes = {id};
    } else if (is_abstract_heading(dom, id)) {
      nodes = heading_section(dom, id);
    }
    if (nodes.empty()) continue;
    const std::size_t chars = text_chars(dom, nodes);
    if (chars >= kMinAbstractChars && chars <= kMaxShownAbstractChars) return nodes;
    // What is too short here holds nothing longer: its subtree is not searched again,
    // so nested candidates cost one pass over the page. A candidate too long may hold
    // the abstract further down, but each costs a count of its text: a few are read.
    if (chars < kMinAbstractChars) id = dom.subtree_end(nodes.back()) - 1;
    if (chars > kMaxShownAbstractChars && ++long_candidates > kMaxLongCandidates) break;
  }
  return {};
}

Blocks convert_abstract(const Dom& dom, const std::vector<NodeId>& nodes,
                        const ConvertOptions& options) {
  Blocks blocks = convert_blocks(dom, nodes, options);
  if (!blocks.empty()) {
    const auto* heading = std::get_if<Heading>(&blocks.front().node);
    if (heading != nullptr && is_abstract_label(plain_text(heading->inlines))) {
      blocks.erase(blocks.begin());
    }
  }
  return blocks;
}

}  // namespace galley::html
