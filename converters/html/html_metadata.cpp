#include "html_metadata.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <galley/recover.hpp>

#include "content_hints.hpp"
#include "detail/iso_date.hpp"
#include "detail/names.hpp"
#include "detail/prose.hpp"
#include "detail/text.hpp"
#include "detail/url.hpp"
#include "json_ld.hpp"
#include "passes/date_scan.hpp"
#include "scholarly_metadata.hpp"

namespace galley::html {
namespace {

using MetaTags = std::map<std::string, std::string, std::less<>>;

constexpr std::size_t kMaxBylineChars = 100;
// How far from the headline a dateline is looked for, in characters of text: news and
// blog templates print it within the first lines after the h1 (before or just after
// the lead paragraph), and sometimes in a line or two above it.
constexpr std::size_t kDatelineReachAfter = 1500;
constexpr int kDatelineParagraphs = 3;
constexpr std::size_t kDatelineReachBefore = 300;
// Class and id words of page parts that carry other pages' or readers' dates. Not
// Readability's whole unlikely list: an article's own "entry-header" holds its dateline.
constexpr std::array<std::string_view, 11> kChromeWords = {
    "nav",   "menu",    "sidebar", "widget", "comment",   "comments",
    "reply", "related", "teaser",  "footer", "breadcrumb"};
constexpr std::array<std::string_view, 5> kOtherItemWords = {"comment", "comments", "reply",
                                                             "related", "teaser"};

// Class and id words of page parts that list other articles' bylines.
constexpr std::array<std::string_view, 7> kSidebarWords = {
    "sidebar", "menu", "teaser", "related", "comment", "comments", "reply"};

std::string clean(std::string_view text) { return detail::collapse_whitespace(text); }

// The most nodes an element holding one line (a dateline) has. Only such small elements
// are read whole, so that a page of many nested ones costs one pass over them.
constexpr NodeId kMaxLineNodes = 32;

// A page may repeat a tag (citation_author) thousands of times, but not without bound.
constexpr std::size_t kMaxMetaTags = 100'000;

// <meta property|name|itemprop=... content=...> in document order, keys lower-cased.
MetaList collect_meta_list(const Dom& dom) {
  MetaList tags;
  for (NodeId id = 0; id < static_cast<NodeId>(dom.size()) && tags.size() < kMaxMetaTags; ++id) {
    if (!dom.is(id, "meta")) continue;
    const std::string content = clean(dom.attr(id, "content"));
    if (content.empty()) continue;
    for (std::string_view key_attr : {"property", "name", "itemprop", "http-equiv"}) {
      // A property attribute may list several names ("og:title twitter:title").
      std::string_view keys = dom.attr(id, key_attr);
      std::size_t pos = 0;
      while (pos < keys.size()) {
        const std::size_t end = std::min(keys.find(' ', pos), keys.size());
        if (end > pos)
          tags.emplace_back(detail::to_lower_ascii(keys.substr(pos, end - pos)), content);
        pos = end + 1;
      }
    }
  }
  return tags;
}

// The same tags by key; the first of a repeated key wins.
MetaTags collect_meta(const MetaList& list) { return MetaTags(list.begin(), list.end()); }

std::string first_of(const MetaTags& tags, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (auto it = tags.find(key); it != tags.end()) return it->second;
  }
  return {};
}

std::string join_names(const std::vector<Person>& people) {
  std::string out;
  for (const Person& p : people) {
    if (!out.empty()) out += ", ";
    out += p.name;
  }
  return out;
}

// Readability's _getArticleTitle over the document <title>: drops the site part after
// (or before) a separator unless that leaves too few words.
std::string title_from_document(const Dom& dom, const std::string& original) {
  std::string title = original;
  bool hierarchical = false;
  if (const detail::TitleSeparator last = detail::last_title_separator(original)) {
    hierarchical = last.hierarchical;
    title = original.substr(0, last.at);
    if (detail::word_count(title) < 3) {
      title = original.substr(detail::first_title_separator(original).end());
    }
  } else if (const std::size_t colon = original.find(": "); colon != std::string::npos) {
    bool heading_matches = false;
    for (NodeId id = 0; id < static_cast<NodeId>(dom.size()) && !heading_matches; ++id) {
      heading_matches = (dom.is(id, "h1") || dom.is(id, "h2")) && inner_text(dom, id) == original;
    }
    if (!heading_matches) {
      title = clean(original.substr(original.rfind(':') + 1));
      if (detail::word_count(title) < 3) {
        title = clean(original.substr(colon + 1));
      } else if (detail::word_count(original.substr(0, colon)) > 5) {
        title = original;
      }
    }
  } else if (original.size() > 150 || original.size() < 15) {
    NodeId only_h1 = kNoNode;
    int h1_count = 0;
    for (NodeId id = 0; id < static_cast<NodeId>(dom.size()); ++id) {
      if (dom.is(id, "h1")) {
        ++h1_count;
        only_h1 = id;
      }
    }
    if (h1_count == 1) title = inner_text(dom, only_h1);
  }
  title = clean(title);
  const std::size_t words = detail::word_count(title);
  if (words <= 4) {
    std::string bare = original;
    while (const detail::TitleSeparator separator = detail::first_title_separator(bare)) {
      bare.replace(separator.at, separator.length, " ");
    }
    if (!hierarchical || words != detail::word_count(bare) - 1) title = original;
  }
  return title;
}

// A name's letters and digits, in lower case, for comparing two spellings of it:
// punctuation goes, typographic punctuation too (’ “ ” – — … « »), so "It’s" is "It's".
std::string name_key(std::string_view s) {
  std::string out;
  const std::string lower = detail::to_lower_ascii(s);
  for (std::size_t i = 0; i < lower.size(); ++i) {
    const auto c = static_cast<unsigned char>(lower[i]);
    const auto next = i + 1 < lower.size() ? static_cast<unsigned char>(lower[i + 1]) : 0;
    if (c == 0xE2 && (next == 0x80 || next == 0x81) && i + 2 < lower.size()) {
      i += 2;  // U+2000..U+207F, general punctuation
    } else if (c == 0xC2 && (next == 0xAB || next == 0xBB)) {
      i += 1;  // « »
    } else if (std::isalnum(c) || (c & 0x80) != 0) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  const std::string ka = name_key(a);
  return !ka.empty() && ka == name_key(b);
}

// Words that make a meta author an organisation or a staff credit, not a person.
constexpr std::string_view kOrganisationWords =
    " staff inc ltd llc gmbh corp plc team desk editors editorial newsroom redaktion "
    "redaccion rédaction media news press magazine online ";

// The labels of an address's host, for telling an outlet's name: "weekly.ascii.jp"
// -> weekly, ascii, jp.
std::vector<std::string> host_labels(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, std::min(host.find_first_of("/?#:"), host.size()));
  std::vector<std::string> labels;
  for (std::size_t at = 0; at <= host.size();) {
    const std::size_t dot = std::min(host.find('.', at), host.size());
    if (dot > at) labels.push_back(detail::to_lower_ascii(host.substr(at, dot - at)));
    at = dot + 1;
  }
  return labels;
}

// True for a credit that names the outlet: its site name or a label of its address
// ("ASCII" on weekly.ascii.jp, "ITmedia" on www.itmedia.co.jp).
bool names_outlet(std::string_view author, std::string_view site_name,
                  const std::vector<std::string>& host) {
  if (!site_name.empty() && same_name(author, site_name)) return true;
  const std::string key = name_key(author);
  return !key.empty() && std::find(host.begin(), host.end(), key) != host.end();
}

// True for a meta author that names the outlet ("Condé Nast" aside: a person's name
// and a company's read alike), a staff credit ("Us Weekly Staff") or a company
// ("mediagene Inc.").
bool names_organisation(std::string_view author, std::string_view site_name,
                        const std::vector<std::string>& host) {
  if (names_outlet(author, site_name, host)) return true;
  for (const std::string_view word : detail::split_whitespace(author)) {
    std::string key = detail::to_lower_ascii(word);
    std::erase_if(key, [](char c) { return c == '.' || c == ','; });
    if (kOrganisationWords.find(" " + key + " ") != std::string_view::npos) return true;
  }
  return false;
}

// The marks that set a site's, section's or edition's name apart from a headline.
constexpr std::array<std::string_view, 13> kTitleMarks = {
    "|", "-",      "\u2013", "\u2014", ":",      "\uFF1A", "\u00B7",
    "/", "\u00BB", "(",      ")",      "\uFF08", "\uFF09"};

bool ends_with_separator(std::string_view text) {
  return std::any_of(kTitleMarks.begin(), kTitleMarks.end(),
                     [&](std::string_view mark) { return text.ends_with(mark); });
}

// Typographic quotes as ASCII ones, for comparing two printings of a headline.
std::string with_plain_quotes(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\u2018", "'"}, {"\u2019", "'"}, {"\u201C", "\""}, {"\u201D", "\""}};
  std::string out(text);
  for (const auto& [typographic, plain] : kQuotes) detail::replace_all(out, typographic, plain);
  return out;
}

// Whether `title` is `headline` with a shorter label before it, set apart by a
// separator ("Opinion | Headline"), or with a note in brackets after it ("Headline
// (Published 2016)").
bool labels(std::string_view title, std::string_view headline) {
  const std::size_t at = title.find(headline);
  if (at == std::string_view::npos || headline.size() == title.size()) return false;
  const std::string_view before = detail::trim(title.substr(0, at));
  const std::string_view after = detail::trim(title.substr(at + headline.size()));
  if (before.size() + after.size() >= headline.size()) return false;
  if (after.empty()) return ends_with_separator(before);
  const bool bracketed = (after.starts_with("(") && after.ends_with(")")) ||
                         (after.starts_with("\uFF08") && after.ends_with("\uFF09"));
  return before.empty() && bracketed;
}

bool says_any(std::string_view text, std::initializer_list<std::string_view> labels) {
  const std::string lower = detail::to_lower_ascii(text);
  return std::any_of(labels.begin(), labels.end(), [&](std::string_view label) {
    return lower.find(label) != std::string::npos;
  });
}

// A date labelled as the day of a change, not of the publication.
bool says_updated(std::string_view text) {
  return says_any(text,
                  {"aktualisiert", "geändert", "updated", "modified", "mis à jour", "mise à jour",
                   "actualizado", "aggiornato", "bijgewerkt", "last edited", "bearbeitet"});
}

// Words that say a date is the publication's: "Erschienen am:", "Posted on", "Mise en
// ligne".
constexpr std::array<std::string_view, 13> kPublicationLabels = {
    "published",  "posted",        "veröffentlicht", "erschienen", "gespeichert",
    "gepostet",   "publié",        "publicado",      "pubblicato", "gepubliceerd",
    "publiziert", "mise en ligne", "online seit"};

// Where in `text` a publication label stands as a word, or npos.
std::size_t publication_label_at(std::string_view text) {
  const std::string lower = detail::to_lower_ascii(text);
  const auto word_edge = [&](std::size_t at) {
    return at == 0 || at >= lower.size() || !std::isalnum(static_cast<unsigned char>(lower[at]));
  };
  for (const std::string_view label : kPublicationLabels) {
    for (std::size_t at = lower.find(label); at != std::string::npos;
         at = lower.find(label, at + 1)) {
      if ((at == 0 || word_edge(at - 1)) && word_edge(at + label.size())) return at;
    }
  }
  return std::string::npos;
}

bool says_published(std::string_view text) {
  return publication_label_at(text) != std::string::npos;
}

// How long a label before a date may be: "Erschienen am:", "Veröffentlicht am".
constexpr std::size_t kMaxLabelChars = 40;

// A clock or a member's joining day, which forums and portals print with a date: "Aktuelle
// Zeit: 14.10.2020", "Registriert: 18.09.2008", "Member since May 2019".
bool tells_the_time(std::string_view text) {
  return says_any(text,
                  {"aktuelle zeit", "current time", "it is currently", "heute ist", "today is",
                   "registriert", "joined", "member since", "mitglied seit", "dabei seit"});
}

// A user name given as the author: one lower-case token ("mikecason").
bool is_user_name(std::string_view author) {
  author = detail::trim(author);
  return !author.empty() && author.find(' ') == std::string_view::npos &&
         std::none_of(author.begin(), author.end(), [](char c) {
           return (c & 0x80) != 0 || std::isupper(static_cast<unsigned char>(c));
         });
}

// A name that metadata writes surname first, "Gillman, Steve", in reading order; other
// text as it is. Only two one-word parts, as such a name has, the particles of the
// surname aside ("Jong, Michiel de"): "Jane Doe, Reuters" is a name and an agency.
std::string in_reading_order(std::string_view author) {
  const std::string text = clean(author);
  const std::size_t comma = text.find(", ");
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos) return text;
  const std::string surname = text.substr(0, comma);
  const std::string given = text.substr(comma + 2);
  const auto given_words = detail::split_whitespace(given);
  // The given name may end with the surname's particles: "Jong, Michiel de".
  const bool one_given_name =
      !given_words.empty() &&
      std::all_of(given_words.begin() + 1, given_words.end(),
                  [](std::string_view w) { return detail::is_name_particle(w); });
  if (surname.find(' ') != std::string::npos || !one_given_name) return text;
  return given + " " + surname;
}

// Whether `credit` names `person`.
bool names_person(const Byline& credit, const Person& person) {
  return std::any_of(credit.authors.begin(), credit.authors.end(),
                     [&](const Person& named) { return same_name(named.name, person.name); });
}

// Whether two credits name a person in common.
bool share_a_person(const Byline& a, const Byline& b) {
  return std::any_of(a.authors.begin(), a.authors.end(),
                     [&](const Person& p) { return names_person(b, p); });
}

// Whether two credits name the same people.
bool same_people(const Byline& a, const Byline& b) {
  const auto all_in = [](const Byline& x, const Byline& y) {
    return std::all_of(x.authors.begin(), x.authors.end(),
                       [&](const Person& p) { return names_person(y, p); });
  };
  return all_in(a, b) && all_in(b, a);
}

std::optional<std::chrono::year_month_day> date_of(std::string_view text, DateOrder order) {
  if (auto date = parse_date(text, order)) return date;
  // Machine-readable stamps ("2021-03-04T10:00:00+01:00"): the day as written.
  const std::string_view trimmed = detail::trim(text);
  if (trimmed.size() >= 10) return detail::parse_iso_date(trimmed.substr(0, 10));
  return std::nullopt;
}

// True for a machine stamp with a time in UTC: "2023-11-09T03:28:35Z", "…+00:00".
bool is_utc_stamp(std::string_view stamp) {
  stamp = detail::trim(stamp);
  if (stamp.size() < 17 || (stamp[10] != 'T' && stamp[10] != ' ')) return false;
  return stamp.ends_with('Z') || stamp.ends_with("+00:00") || stamp.ends_with("+0000");
}

// The day in an address's path, as news sites and blogs write it: ".../2023/11/08/story",
// the last evidence of a date.
std::optional<std::chrono::year_month_day> date_in_address(std::string_view url) {
  for (std::size_t at = url.find('/'); at != std::string_view::npos; at = url.find('/', at + 1)) {
    const std::string_view rest = url.substr(at + 1);
    if (rest.size() < 10 || rest[4] != '/' || rest[7] != '/') continue;
    if (rest.size() > 10 && rest[10] != '/') continue;
    const std::string iso = std::string(rest.substr(0, 4)) + "-" + std::string(rest.substr(5, 2)) +
                            "-" + std::string(rest.substr(8, 2));
    if (auto date = detail::parse_iso_date(iso)) return date;
  }
  return std::nullopt;
}

// rel=author or itemprop=author: markup that says the element names the author.
bool is_author_markup(const Dom& dom, NodeId id) {
  return dom.attr(id, "rel") == "author" ||
         dom.attr(id, "itemprop").find("author") != std::string_view::npos;
}

bool matches_byline_hint(const Dom& dom, NodeId id) {
  if (is_author_markup(dom, id)) return true;
  const std::string match = class_and_id(dom, id);
  for (std::string_view hint : {"byline", "author", "dateline", "writtenby", "p-author"}) {
    if (match.find(hint) != std::string::npos) return true;
  }
  return false;
}

bool matches_date_hint(const Dom& dom, NodeId id) {
  const std::string match =
      class_and_id(dom, id) + " " + detail::to_lower_ascii(dom.attr(id, "itemprop"));
  for (std::string_view hint : {"date", "time", "published", "posted", "datum", "lastmod"}) {
    if (match.find(hint) != std::string::npos) return true;
  }
  return false;
}

class Extractor {
 public:
  Extractor(const Dom& dom, const ReadOptions& options) : dom_(dom), options_(options) {}

  PageMetadata run() {
    meta_list_ = collect_meta_list(dom_);
    meta_ = collect_meta(meta_list_);
    article_ = find_article_json(dom_.json_ld);
    Metadata& m = result_.metadata;
    set(m.site_name, first_of(meta_, {"og:site_name", "application-name"}));
    if (!m.site_name) set(m.site_name, json_string(article_, "publisher"));
    // The publisher a paper's indexing tags name (citation_publisher) is the one
    // indexers show; JSON-LD's comes next, Dublin Core's last, as for the other fields.
    set(m.publisher, first_of(meta_, {"citation_publisher"}));
    set(m.publisher, json_string(article_, "publisher"));
    set(m.publisher, first_of(meta_, {"dc.publisher", "dcterms.publisher"}));
    set(m.description, first_of(meta_, {"description", "og:description", "dc.description",
                                        "dc:description", "twitter:description"}));
    if (!m.description) set(m.description, json_string(article_, "description"));
    find_url();
    result_.scholarly = read_scholarly(meta_list_, article_, license_link(), m);
    find_lang();
    find_title();
    find_byline();
    find_date();
    result_.article_body = json_string(article_, "articleBody");
    return std::move(result_);
  }

 private:
  static void set(std::optional<std::string>& field, const std::string& value) {
    if (!field && !value.empty()) field = value;
  }

  void find_url() {
    Metadata& m = result_.metadata;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()) && !m.url; ++id) {
      if (dom_.is(id, "link") && detail::to_lower_ascii(dom_.attr(id, "rel")) == "canonical") {
        set(m.url, std::string(detail::trim(dom_.attr(id, "href"))));
      }
    }
    set(m.url, first_of(meta_, {"og:url"}));
    set(m.url, json_string(article_, "url"));
    if (m.url && !options_.base_url.empty()) m.url = detail::resolve_url(options_.base_url, *m.url);
    if (m.url && !detail::has_url_scheme(*m.url)) m.url.reset();
    std::string page = !options_.base_url.empty() ? options_.base_url : m.url.value_or("");
    const NodeId base = dom_.find_first("base");
    const std::string_view href = base == kNoNode ? "" : detail::trim(dom_.attr(base, "href"));
    result_.base_url = href.empty() ? page : detail::resolve_url(page, href);
  }

  // <link rel=license> or <a rel=license>: the URL of the terms the page is under.
  std::string license_link() const {
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_.is(id, "link") && !dom_.is(id, "a")) continue;
      const std::vector<std::string> rel = detail::lower_words(dom_.attr(id, "rel"));
      if (std::find(rel.begin(), rel.end(), "license") == rel.end()) continue;
      const std::string href{detail::trim(dom_.attr(id, "href"))};
      const std::string url =
          result_.base_url.empty() ? href : detail::resolve_url(result_.base_url, href);
      if (detail::has_url_scheme(url)) return url;
    }
    return {};
  }

  void find_lang() {
    Metadata& m = result_.metadata;
    if (dom_.root != kNoNode) set(m.lang, clean(dom_.attr(dom_.root, "lang")));
    if (dom_.root != kNoNode) set(m.lang, clean(dom_.attr(dom_.root, "xml:lang")));
    set(m.lang, first_of(meta_, {"content-language", "language", "dc.language", "citation_language",
                                 "dcterms.language"}));
    std::string locale = first_of(meta_, {"og:locale"});
    std::replace(locale.begin(), locale.end(), '_', '-');
    set(m.lang, locale);
    set(m.lang, json_string(article_, "inLanguage"));
  }

  void find_title() {
    Metadata& m = result_.metadata;
    const NodeId title_node = dom_.find_first("title");
    const std::string document_title = title_node == kNoNode ? "" : inner_text(dom_, title_node);
    std::string title = json_title(document_title);
    if (title.empty()) {
      // citation_title before the others: on a paper's page it is the title indexers
      // show, where og:title may carry the journal's name or a shortened title.
      title = first_of(meta_, {"citation_title", "dc:title", "dcterm:title", "dc.title", "og:title",
                               "weibo:article:title", "weibo:webpage:title", "title",
                               "twitter:title", "parsely-title"});
    }
    // Publishers' own titles are kept as given; only <title> carries a site part to cut.
    if (title.empty() && !document_title.empty()) {
      title =
          strip_site_suffix(title_from_document(dom_, document_title), m.site_name.value_or(""));
    }
    if (const std::string printed = printed_headline_in(title); !printed.empty()) title = printed;
    if (!title.empty()) m.title = title;
  }

  // The headline the page prints (an h1) when the metadata's title adds a section's
  // label before it or an edition's note in brackets after it: "Opinion | Enough
  // platitudes", "r/Showerthoughts - Vanilla ...", "... Bombings (Published 2016)".
  // A site's name after the headline ("Headline | Site") is kept as the publisher gives
  // it, as Readability keeps it; the title of Postlight's test pages leaves it out, so
  // the two conventions cannot both be met (see issue 19's notes).
  std::string printed_headline_in(const std::string& title) const {
    const std::string folded = with_plain_quotes(title);
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()) && !title.empty(); ++id) {
      if (!dom_.is(id, "h1")) continue;
      const std::string heading = inner_text(dom_, id);
      if (same_name(heading, title)) return {};
      if (!heading.empty() && labels(folded, with_plain_quotes(heading))) return heading;
    }
    return {};
  }

  // JSON-LD may give both a name and a headline; prefer the one like the page title.
  std::string json_title(const std::string& document_title) {
    const std::string name = json_string(article_, "name");
    const std::string headline = json_string(article_, "headline");
    if (!name.empty() && !headline.empty() && name != headline) {
      const std::string reference = title_from_document(dom_, document_title);
      const bool headline_matches = reference.find(headline) != std::string::npos;
      const bool name_matches = reference.find(name) != std::string::npos;
      return headline_matches && !name_matches ? headline : name;
    }
    return name.empty() ? headline : name;
  }

  void find_byline() {
    Metadata& m = result_.metadata;
    host_ = host_labels(m.url.value_or(options_.base_url));
    // Authors read from a paper's citation_author tags (read_scholarly) are complete and
    // in order, as indexers read them: they stand, and only the byline is written.
    if (!m.authors.empty()) m.byline = join_names(m.authors);
    std::vector<Person> people =
        m.byline ? std::vector<Person>{} : json_people(json_member(article_, "author"), nullptr);
    if (!people.empty()) {
      m.byline = join_names(people);
      m.authors = std::move(people);
    }
    const std::optional<Byline> shown = visible_byline();
    if (!m.byline) {
      if (const std::optional<Byline> credit = meta_credit(shown)) {
        m.byline = credit->text;
        m.authors = credit->authors;
      }
    }
    if (!m.byline && shown) {
      m.byline = shown->text;
      m.authors = shown->authors;
    }
  }

  // The meta tags that name the writer, in this order and each in the page's order.
  static constexpr std::array<std::string_view, 11> kCreditKeys = {
      "dc:creator",        "dcterm:creator", "dc.creator",        "author", "parsely-author",
      "sailthru.author",   "article:author", "og:article:author", "byl",    "byline",
      "cxenseparse:author"};

  // The credit the meta tags give: the first that names a person the page's byline
  // names too, else the first that names a person at all. CMSs fill the first tags with
  // the outlet ("Condé Nast"), a user name or a company ("mediagene Inc.") and the
  // writer's name comes in a later one; addresses, user names and outlets are passed
  // over. A credit that names no one stands only when the page prints no byline.
  std::optional<Byline> meta_credit(const std::optional<Byline>& shown) const {
    std::vector<Byline> credits;
    for (const std::string_view key : kCreditKeys) {
      std::vector<Byline> values;
      for (const auto& [name, value] : meta_list_) {
        if (name != key || detail::has_url_scheme(value) || is_user_name(value) ||
            names_organisation(value, result_.metadata.site_name.value_or(""), host_)) {
          continue;
        }
        values.push_back(read_credit(in_reading_order(value)));
      }
      if (auto coauthors = one_person_each(values)) values.insert(values.begin(), *coauthors);
      credits.insert(credits.end(), values.begin(), values.end());
    }
    const auto names_someone = [](const Byline& credit) { return !credit.authors.empty(); };
    if (shown) {
      for (const Byline& credit : credits) {
        if (share_a_person(credit, *shown)) return credit;
      }
    }
    const auto named = std::find_if(credits.begin(), credits.end(), names_someone);
    if (named != credits.end()) return *named;
    if (!credits.empty() && !shown) return credits.front();
    return std::nullopt;
  }

  // A tag repeated for each author, as Dublin Core's creator is ("Kooman, F.", "Jong,
  // Michiel de"), names the co-authors together; nullopt unless each value names one
  // person and two of them differ (a page may repeat the same tag with the same name).
  static std::optional<Byline> one_person_each(const std::vector<Byline>& values) {
    Byline together;
    for (const Byline& value : values) {
      if (value.authors.size() != 1) return std::nullopt;
      if (!names_person(together, value.authors.front())) {
        together.authors.push_back(value.authors.front());
      }
    }
    if (together.authors.size() < 2) return std::nullopt;
    together.text = join_names(together.authors);
    together.marked = true;
    return together;
  }

  // A credit's names; a meta tag or marked-up element says it holds names, so one
  // that does not read as a byline is split as a list of them.
  Byline read_credit(std::string_view text) const {
    Byline credit;
    if (auto byline = parse_byline(text)) {
      credit = std::move(*byline);
    } else {
      credit = Byline{std::string(detail::trim(text)), split_authors(text), true};
    }
    std::erase_if(credit.authors, [&](const Person& person) {
      return names_outlet(person.name, result_.metadata.site_name.value_or(""), host_);
    });
    return credit;
  }

  // The byline printed on the page: the first element hinted as one (rel=author,
  // itemprop=author, class "byline") outside sidebars, teasers and comments, else a
  // marked line ("By ...") around a link to an author's page. It leaves the body
  // either way: the metadata carries it.
  std::optional<Byline> visible_byline() {
    const NodeId body = dom_.find_first("body");
    if (body == kNoNode) return std::nullopt;
    const NodeId end = dom_.subtree_end(body);
    for (NodeId id = body + 1; id < end; ++id) {
      if (dom_[id].is_text || !matches_byline_hint(dom_, id) || in_sidebar(id)) continue;
      if (auto byline = read_byline_element(id)) return byline;
    }
    for (NodeId id = body + 1; id < end; ++id) {
      if (!dom_.is(id, "a") || !links_to_author_page(id) || in_sidebar(id)) continue;
      const NodeId line = dom_[id].parent;
      if (dom_.subtree_end(line) - line > kMaxLineNodes) continue;
      auto byline = parse_byline(inner_text(dom_, line));
      if (byline && byline->marked && !byline->authors.empty()) {
        result_.byline_nodes.push_back(line);
        return byline;
      }
    }
    return std::nullopt;
  }

  std::optional<Byline> read_byline_element(NodeId id) {
    const std::string text = inner_text(dom_, id);
    if (text.size() > kMaxBylineChars) return std::nullopt;
    // The line as printed, when it names the people its markup names ("By Jane Doe,
    // MA <br> WebMD News"); else the names marked up one by one.
    std::optional<Byline> byline = parse_byline(text);
    if (const std::string names = marked_names(id); !names.empty()) {
      Byline marked = read_credit(names);
      if (!byline || !same_people(*byline, marked)) byline = std::move(marked);
    } else if (!byline && marked_as_credit(id)) {
      byline = read_credit(text);
    }
    if (!byline || byline->authors.empty()) return std::nullopt;
    if (!visible_date_) visible_date_ = find_date_in(text);
    result_.byline_nodes.push_back(id);
    return byline;
  }

  // rel=author and itemprop=author say what they hold, as does an id or class "byline".
  bool marked_as_credit(NodeId id) const {
    return is_author_markup(dom_, id) || has_word(class_and_id(dom_, id), "byline");
  }

  // Whether an element holds one name: rel=author, itemprop=name, class "name".
  bool holds_a_name(NodeId id) const {
    return dom_.attr(id, "rel") == "author" || dom_.attr(id, "itemprop") == "name" ||
           has_word(detail::to_lower_ascii(dom_.attr(id, "class")), "name");
  }

  // The names a byline element marks up one by one, joined by commas: its name
  // children ("By <a rel=author>A</a> and <a rel=author>B</a>"), or, for a name
  // element, its siblings' too, up to a label for other work ("翻訳者", translator).
  // Empty when it marks none. The markup keeps the names apart from the icons, titles
  // and links around them ("Andrew HusbandTwitterNews").
  std::string marked_names(NodeId id) const {
    NodeId scope = id;
    if (holds_a_name(id) && dom_[id].parent != kNoNode &&
        dom_.subtree_end(dom_[id].parent) - dom_[id].parent <= kMaxLineNodes) {
      scope = dom_[id].parent;
    }
    std::vector<std::string> names;
    const NodeId end = dom_.subtree_end(scope);
    for (NodeId d = scope + 1; d < end; ++d) {
      if (dom_[d].is_text && detail::is_other_credit(detail::trim(dom_[d].text))) break;
      if (dom_[d].is_text || !holds_a_name(d)) continue;
      // Without the comma that joins it to the next: "<span>Steven Lee Myers, </span>".
      std::string name(detail::trim(inner_text(dom_, d)));
      while (!name.empty() && (name.back() == ',' || name.back() == ';')) name.pop_back();
      if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
      d = dom_.subtree_end(d) - 1;
    }
    std::string joined;
    for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
    return joined.size() > kMaxBylineChars ? std::string() : joined;
  }

  // A link to the page of one of the site's writers: ".../author/jane-doe".
  bool links_to_author_page(NodeId id) const {
    const std::string href = detail::to_lower_ascii(dom_.attr(id, "href"));
    for (const std::string_view folder : {"/author/", "/authors/", "/autor/", "/auteur/"}) {
      if (href.find(folder) != std::string::npos) return true;
    }
    return false;
  }

  std::optional<std::chrono::year_month_day> find_date_in(std::string_view text) const {
    return galley::find_date(text, options_.date_order);
  }

  void find_date() {
    Metadata& m = result_.metadata;
    std::string stamp = json_string(article_, "datePublished");
    if (stamp.empty() && article_.is_null()) {
      stamp = json_string(find_page_json(dom_.json_ld), "datePublished");
    }
    if (stamp.empty()) {
      stamp = first_of(meta_, {"article:published_time", "og:published_time", "datepublished",
                               "parsely-pub-date", "sailthru.date", "article.published",
                               "published-date", "publish-date", "pubdate"});
    }
    const auto generic_stamp = [&] {
      return first_of(meta_, {"date", "dc.date.issued", "dc.date", "dcterms.created",
                              "dcterms.date", "dc:date"});
    };
    // A paper's page: its Dublin Core date, then its indexing tags (paper_date_stamp).
    if (const std::string paper = paper_date_stamp(); stamp.empty() && !paper.empty()) {
      stamp = generic_stamp();
      if (stamp.empty()) stamp = paper;
    }
    // Elsewhere the article's own <time>, marked as its date, comes before a page's
    // generic stamps, which CMSs fill with the day the page last changed or the print
    // edition's; so does a date the page prints, marked as one.
    if (stamp.empty()) stamp = time_element_stamp(true);
    const std::optional<MarkedDate> marked =
        stamp.empty() ? marked_dateline() : std::optional<MarkedDate>();
    const bool printed = marked.has_value();
    if (stamp.empty() && !printed) stamp = generic_stamp();
    if (stamp.empty() && !printed) {  // published before modified
      stamp = first_of(meta_, {"article:modified_time", "datemodified"});
    }
    // Weaker still: JSON-LD's creation date and the first <time> of all, which may be an
    // embedded post's; never over a printed dateline.
    if (stamp.empty() && !printed) stamp = json_string(article_, "dateCreated");
    if (stamp.empty() && !printed) stamp = time_element_stamp(false);
    if (stamp.empty() && !printed) stamp = site_specific_stamp();
    if (stamp.empty() && !printed) stamp = script_state_stamp();
    if (!stamp.empty()) {
      if (auto date = date_of(stamp, options_.date_order)) {
        m.date = day_of_stamp(detail::trim(stamp), *date);
        m.datetime = stamp;
        return;
      }
    }
    if (visible_date_) {
      m.date = visible_date_;
      return;
    }
    // Looked for again when a stamp was found but did not read as a date.
    if (const auto shown = marked ? marked : marked_dateline()) {
      m.date = shown->date;
      if (shown->whole) result_.byline_nodes.push_back(shown->node);
      return;
    }
    m.date = dateline_near_headline();
    if (!m.date) m.date = labelled_publication_line();
    if (!m.date) m.date = date_on_a_link_to_the_page();
    if (!m.date) m.date = date_in_title();
    if (!m.date) m.date = date_in_address(m.url.value_or(options_.base_url));
  }

  // The last of the stamps: a site's own meta tag that says what it dates in its last
  // part, "five_hundred_pixels:uploaded", "app.published_at".
  std::string site_specific_stamp() const {
    static constexpr std::array<std::string_view, 9> kLastParts = {
        "uploaded",         "published",    "created",    "pub_date",   "publish_date",
        "publication_date", "published_at", "created_at", "uploaded_at"};
    for (const auto& [key, value] : meta_list_) {
      const std::size_t cut = key.find_last_of(":.");
      const std::string_view last =
          cut == std::string::npos ? std::string_view() : std::string_view(key).substr(cut + 1);
      if (std::find(kLastParts.begin(), kLastParts.end(), last) != kLastParts.end() &&
          date_of(value, options_.date_order)) {
        return value;
      }
    }
    return {};
  }

  // A page rendered by script keeps its date in its state, not in its markup:
  // <script id="__NEXT_DATA__" type="application/json">{… "publicationDate": "…"}.
  std::string script_state_stamp() const {
    std::string stamp = find_json_value(
        dom_.script_data, {"datePublished", "publicationDate", "publishedDate", "publishDate",
                           "publishedAt", "published_at", "firstPublishedAt"});
    return date_of(stamp, options_.date_order) ? stamp : std::string();
  }

  // The date on a link to this very page, as a list of the site's latest articles
  // shows it beside the article: <a href="/menschenrechte-achten"><div
  // class="authored">10.11.2021</div><h2>Menschenrechte achten</h2>…</a>.
  std::optional<std::chrono::year_month_day> date_on_a_link_to_the_page() const {
    const std::string page = without_trailing_slash(result_.metadata.url.value_or(""));
    if (page.empty()) return std::nullopt;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_.is(id, "a") || dom_.subtree_end(id) - id > kMaxLineNodes) continue;
      const std::string_view href = detail::trim(dom_.attr(id, "href"));
      if (href.empty() || href.find('#') != std::string_view::npos) continue;
      const std::string target = detail::resolve_url(page, href);
      if (without_trailing_slash(target) != page) continue;
      if (auto date = find_date_in(spaced_text(id))) return date;
    }
    return std::nullopt;
  }

  static std::string without_trailing_slash(std::string url) {
    while (url.ends_with('/')) url.pop_back();
    return url;
  }

  // A date the title opens or ends with, set apart from it: "08.11.2021 | Online-Fachtag
  // zum Intersex Day of Remembrance".
  std::optional<std::chrono::year_month_day> date_in_title() const {
    const NodeId title_node = dom_.find_first("title");
    for (const std::string& title : {first_of(meta_, {"og:title"}),
                                     title_node == kNoNode ? "" : inner_text(dom_, title_node)}) {
      const detail::TitleSeparator first = detail::first_title_separator(title);
      const detail::TitleSeparator last = detail::last_title_separator(title);
      if (!first) continue;
      if (auto date = parse_date(title.substr(0, first.at), options_.date_order)) return date;
      if (auto date = parse_date(title.substr(last.end()), options_.date_order)) return date;
    }
    return std::nullopt;
  }

  // The last resort: a short line anywhere in the page, not another item's, that says
  // it gives the publication: "Erschienen am: 01.11.2023", "Dieser Beitrag wurde am
  // Samstag, 3. Dezember 2011 veröffentlicht", "Posted on 3 May 2019 by Ann". Blog and
  // CMS templates print it after the text, where the search near the headline ends.
  std::optional<std::chrono::year_month_day> labelled_publication_line() const {
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (dom_[id].is_text || dom_.subtree_end(id) - id > kMaxLineNodes) continue;
      const std::string text = inner_text(dom_, id);
      if (text.size() > kMaxBylineChars || !says_published(text)) continue;
      if (in_other_item(id + 1)) continue;  // its first node: the element itself counts
      if (auto date = find_date_in(text)) return date;
    }
    return labelled_date_in_a_line();
  }

  // A publication label beside a date in a line of a longer block, as blog templates
  // print one under the post: "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um
  // 18:44 Uhr veröffentlicht und ist unter … abgelegt", "Letzte Änderung: 31.10.2023
  // <br> Erschienen am: 01.11.2023". The date must stand next to the label.
  std::optional<std::chrono::year_month_day> labelled_date_in_a_line() const {
    constexpr std::size_t kMaxLineChars = 400;
    constexpr std::size_t kMaxGap = 40;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_[id].is_text || dom_[id].text.size() > kMaxLineChars) continue;
      const std::string_view text = dom_[id].text;
      const std::size_t label = publication_label_at(text);
      if (label == std::string::npos || in_other_item(id)) continue;
      const auto span = detail::find_date_span(text.substr(label), options_.date_order);
      if (span && span->begin <= kMaxGap) return span->date;
      const std::size_t from = label > kMaxGap * 3 ? label - kMaxGap * 3 : 0;
      const auto before =
          detail::find_date_span(text.substr(from, label - from), options_.date_order);
      if (before && label - from - before->end <= kMaxGap) return before->date;
    }
    return std::nullopt;
  }

  // The day a stamp names as the page's readers see it: in the publisher's zone for a
  // UTC stamp (local_day); in the order the page prints a slashed stamp ("11/01/2023"
  // read month first where the page prints 01.11.2023); and the day printed under the
  // headline when another of the page's stamps names that day too, as when a CMS fills
  // JSON-LD with the draft's day while its meta tags and the page give the day the
  // article went out. An update printed under the headline ("Aktualisiert: …") is
  // not the publication.
  std::chrono::year_month_day day_of_stamp(std::string_view stamp,
                                           std::chrono::year_month_day date) const {
    if (is_utc_stamp(stamp)) date = local_day(stamp, date);
    if (const auto other = date_of(stamp, DateOrder::MonthFirst);
        is_slashed(stamp) && other && *other != date && prints_day(*other) && !prints_day(date)) {
      date = *other;
    }
    const std::optional<PrintedDate> header = dateline_after_headline();
    if (header && !header->update && header->date != date && a_stamp_names(header->date)) {
      return header->date;
    }
    return date;
  }

  // Whether a stamp is written "NN/NN/YYYY", in an order only the page can tell.
  static bool is_slashed(std::string_view stamp) {
    return stamp.size() >= 10 && (stamp[1] == '/' || stamp[2] == '/');
  }

  // Whether the page prints `day` in a short text.
  bool prints_day(std::chrono::year_month_day day) const {
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_[id].is_text || dom_[id].text.size() > kMaxBylineChars) continue;
      if (find_date_in(dom_[id].text) == day) return true;
    }
    return false;
  }

  // Whether one of the page's stamps (a meta tag about a date or time, JSON-LD's
  // dates) names `day`, read as written.
  bool a_stamp_names(std::chrono::year_month_day day) const {
    const auto names = [&](std::string_view value) {
      return value.size() >= 8 && date_of(value, options_.date_order) == day;
    };
    for (const auto& [key, value] : meta_list_) {
      const bool about_dates =
          key.find("date") != std::string::npos || key.find("time") != std::string::npos ||
          key.find("published") != std::string::npos || key.find("modified") != std::string::npos;
      if (about_dates && names(value)) return true;
    }
    const Json page = find_page_json(dom_.json_ld);
    for (const char* key : {"datePublished", "dateModified", "dateCreated", "uploadDate"}) {
      if (names(json_string(article_, key)) || names(json_string(page, key))) return true;
    }
    return false;
  }

  // A stamp in UTC ("…T02:11:03Z") gives the day in Greenwich, not where the page was
  // published: a New York evening story is stamped the next day. The publisher's day
  // comes from the same moment written in local time: a stamp with the page's offset
  // ("2023-11-08T21:11:03-05:00"), or without a zone but to the same minute and second
  // a whole number of quarter hours away ("2023-11-08 18:09:55" in a <time> or in
  // sailthru.date); or from the day the <time> holding the stamp prints ("02 Novembre
  // 2023" for 2023-11-01T23:01:00Z). Nothing less sure moves the day: test sets
  // disagree on which day a bare UTC stamp names (htmldate's the local one,
  // Postlight's the stamp's).
  std::chrono::year_month_day local_day(std::string_view stamp,
                                        std::chrono::year_month_day utc) const {
    const auto instant = detail::parse_iso_instant(stamp);
    if (!instant) return utc;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_.is(id, "time") || in_other_item(id)) continue;
      const std::string other = clean(dom_.attr(id, "datetime"));
      if (auto day = day_of_same_moment(other, *instant)) return *day;
      if (other == stamp) {
        const auto printed = find_date_in(inner_text(dom_, id));
        const auto apart = printed ? std::chrono::sys_days(*printed) - std::chrono::sys_days(utc)
                                   : std::chrono::days(0);
        if (apart == std::chrono::days(1) || apart == std::chrono::days(-1)) return *printed;
      }
    }
    for (const auto& [key, value] : meta_list_) {
      if (auto day = day_of_same_moment(value, *instant)) return *day;
    }
    return utc;
  }

  // The day of `local` when it names `instant` in another zone than UTC.
  std::optional<std::chrono::year_month_day> day_of_same_moment(
      std::string_view local, std::chrono::sys_seconds instant) const {
    if (local.empty() || is_utc_stamp(local)) return std::nullopt;
    bool same = detail::parse_iso_instant(local) == instant;
    if (const auto clock = detail::parse_iso_local_time(local)) {
      const auto offset = *clock - instant;
      same = offset != std::chrono::seconds(0) && abs(offset) <= std::chrono::hours(14) &&
             offset % std::chrono::minutes(15) == std::chrono::seconds(0);
    }
    return same ? date_of(local, options_.date_order) : std::nullopt;
  }

  // The headline as the page prints it: the first heading whose text is the title,
  // else the page's only h1, else the longest heading that the title begins or ends
  // with, when it is most of the title (the rest a site name or a place: "Rails for a
  // cottage, Thailand", "Gregory's Home | Rails for a cottage").
  NodeId headline() const {
    if (!headline_) headline_ = find_headline();
    return *headline_;
  }

  NodeId find_headline() const {
    const std::string title = name_key(result_.metadata.title.value_or(""));
    NodeId only = kNoNode, part = kNoNode;
    int count = 0;
    std::size_t part_size = std::max<std::size_t>(12, title.size() / 2) - 1;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (dom_[id].is_text || !is_heading_tag(dom_[id].name)) continue;
      const std::string heading = name_key(inner_text(dom_, id));
      if (!title.empty() && heading == title) return id;
      if (dom_.is(id, "h1")) {
        only = id;
        ++count;
      }
      if (heading.size() > part_size && (title.starts_with(heading) || title.ends_with(heading))) {
        part = id;
        part_size = heading.size();
      }
    }
    return count == 1 ? only : part;
  }

  // Whether `id` sits in what is not the article: navigation, a sidebar, comments,
  // teasers of other pages, the site footer. A <footer> or <aside> inside an <article>
  // is that article's own (its date and author line); the body's classes describe the
  // layout of the whole page ("one-sidebar"), not a part of it, and the words of the
  // headline's own boxes mark nothing either. `words`: the class and id words that mark
  // such parts.
  template <std::size_t N>
  bool in_page_chrome(NodeId id, const std::array<std::string_view, N>& words) const {
    bool chrome_tag = false;  // passed on the way up, with no <article> above it yet
    for (NodeId at = dom_[id].parent; at != kNoNode; at = dom_[at].parent) {
      const Node& node = dom_[at];
      if (node.name == "body") break;
      if (node.name == "article" && chrome_tag) chrome_tag = false;
      if (node.name == "nav") return true;
      if (node.name == "aside" || node.name == "footer") chrome_tag = true;
      const std::string match = class_and_id(dom_, at);
      for (std::string_view word : words) {
        if (has_word(match, word) && !is_layout_word(word)) return true;
      }
    }
    return chrome_tag;
  }

  // Whether the page's template uses `word` for the article's own boxes: a class of what
  // holds the headline ("teaser-body" around the h1 of a page that lays out its article
  // as a teaser, and its dateline as "teaser_text_meta").
  bool is_layout_word(std::string_view word) const {
    if (!layout_words_) {
      layout_words_.emplace();
      const NodeId h1 = headline();
      for (NodeId at = h1 == kNoNode ? kNoNode : dom_[h1].parent;
           at != kNoNode && !dom_.is(at, "body"); at = dom_[at].parent) {
        const std::string match = class_and_id(dom_, at);
        for (std::string_view chrome : kChromeWords) {
          if (has_word(match, chrome)) layout_words_->emplace_back(chrome);
        }
      }
    }
    return std::find(layout_words_->begin(), layout_words_->end(), word) != layout_words_->end();
  }
  bool in_page_chrome(NodeId id) const { return in_page_chrome(id, kChromeWords); }

  // Whether `id` sits where other articles' bylines are listed: a sidebar, a menu, a
  // teaser, a comment, another <article> than the headline's. Not <nav> or <aside>
  // as such: some templates print the article's own author line in them.
  bool in_sidebar(NodeId id) const {
    const NodeId h1 = headline();
    for (NodeId at = dom_[id].parent; at != kNoNode && !dom_.is(at, "body"); at = dom_[at].parent) {
      if (dom_.is(at, "article")) {  // when the headline is in an <article> of its own
        const bool outside = h1 < at || h1 >= dom_.subtree_end(at);
        return h1 != kNoNode && outside && dom_.ancestor(h1, "article") != kNoNode;
      }
      const std::string match = class_and_id(dom_, at);
      for (std::string_view word : kSidebarWords) {
        if (has_word(match, word)) return true;
      }
    }
    return false;
  }

  // Whether `id` belongs to another item than the article: a comment, a reply, a
  // teaser or a related story. Layout words (widget, sidebar) are left out, as some
  // sites wrap the article itself in them (Blogger's "widget Blog").
  bool in_other_item(NodeId id) const { return in_page_chrome(id, kOtherItemWords); }

  // The dateline printed beside the headline without markup that says so ("Datum:
  // 03.02.2022", "Peter Grimm / 07.11.2023 / 09:30", "Posted on September 21, 2020"):
  // the first date in a short text among the lines after the h1, up to where the running
  // text has begun, else in the few lines just above it.
  std::optional<std::chrono::year_month_day> dateline_near_headline() const {
    const auto after = dateline_after_headline();
    if (after && !after->update) return after->date;
    const NodeId h1 = headline();
    if (h1 == kNoNode) return std::nullopt;
    std::size_t seen = 0;
    const NodeId body = dom_.find_first("body");
    for (NodeId id = h1 - 1; id > body && seen <= kDatelineReachBefore; --id) {
      if (!dom_[id].is_text) continue;
      if (auto date = date_in_line(id)) return date;
      seen += detail::trim(dom_[id].text).size();
    }
    if (after) return after->date;  // the update, when no other date is printed
    return std::nullopt;
  }

  // The first date in a short text among the lines after the headline, up to where the
  // running text has begun; `update` when it is labelled as the day of a change.
  struct PrintedDate {
    std::chrono::year_month_day date;
    bool update = false;
  };
  std::optional<PrintedDate> dateline_after_headline() const {
    if (!dateline_after_headline_) dateline_after_headline_ = find_dateline_after_headline();
    return *dateline_after_headline_;
  }

  std::optional<PrintedDate> find_dateline_after_headline() const {
    const NodeId h1 = headline();
    if (h1 == kNoNode) return std::nullopt;
    std::size_t seen = 0;
    int paragraphs = 0;
    std::optional<PrintedDate> update;  // "Aktualisiert: …", when nothing else is printed
    for (NodeId id = dom_.subtree_end(h1); id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_[id].is_text) {
        // A date a script shows: <div data-date="18. März 2020" class="timeline__arrow">.
        const std::string_view shown = dom_.attr(id, "data-date");
        if (auto date = shown.empty() ? std::nullopt : date_of(shown, options_.date_order);
            date && !in_page_chrome(id)) {
          return PrintedDate{*date, false};
        }
        continue;
      }
      const std::size_t length = detail::trim(dom_[id].text).size();
      if (auto date = date_in_line(id)) {
        if (!says_updated(dom_[id].text) && !says_updated(text_before(id))) {
          return PrintedDate{*date, false};
        }
        if (!update) update = PrintedDate{*date, true};
      }
      seen += length;
      if (length > kMaxBylineChars) ++paragraphs;
      if (seen > kDatelineReachAfter || paragraphs >= kDatelineParagraphs) break;
    }
    return update;
  }

  // The date in a short text node outside the page's chrome, a year-less one included
  // ("14.10." under a headline of this year's page), or in the small line holding it
  // when the date is split between elements ("8.<a>Dezember 2010</a> um 09:43").
  std::optional<std::chrono::year_month_day> date_in_line(NodeId id) const {
    const Node& node = dom_[id];
    if (!node.is_text) return {};
    const std::string_view text = detail::trim(node.text);
    if (text.size() > kMaxBylineChars || in_page_chrome(id) || tells_the_time(text)) return {};
    if (auto date = find_date_in(text)) return date;
    if (auto date = detail::find_short_year_date(text)) return date;
    const NodeId line = node.parent;
    if (line == kNoNode || dom_.subtree_end(line) - line > kMaxLineNodes) return {};
    const std::string whole = spaced_text(line);
    if (whole.size() > kMaxBylineChars || tells_the_time(whole)) return {};
    // Only a date in parts: a whole one in another node is read there, with its label.
    for (NodeId d = line + 1; d < dom_.subtree_end(line); ++d) {
      if (dom_[d].is_text && find_date_in(dom_[d].text)) return {};
    }
    return find_date_in(whole);
  }

  // The text of a small element with its text nodes set apart by spaces, as a date
  // printed in parts reads: <span>Apr</span><span>04</span><span>2013</span>.
  std::string spaced_text(NodeId id) const {
    std::string out;
    for (NodeId d = id + 1; d < dom_.subtree_end(id); ++d) {
      if (dom_[d].is_text) out += std::string(dom_[d].text) + " ";
    }
    return clean(out);
  }

  // The text just before node `id`, which labels it: "Aktualisiert:", "Erschienen am".
  std::string_view text_before(NodeId id) const {
    constexpr NodeId kReach = 12;
    for (NodeId at = id - 1; at > 0 && id - at < kReach; --at) {
      if (!dom_[at].is_text) continue;
      if (const std::string_view text = detail::trim(dom_[at].text); !text.empty()) return text;
    }
    return {};
  }

  // A paper's publication date as its indexing tags give it: the date, else the
  // date first online. They come where citation_publication_date always stood, after the
  // page's own publication stamps (Dublin Core's among them), which on journal sites agree
  // with them or are more precise: bioRxiv gives citation_publication_date 2019/01/01 and
  // DC.Date 2019-07-11 for a preprint posted on 11 July. They come before the modified
  // times. A tag that is no full date ("2019") gives way to the next.
  std::string paper_date_stamp() const {
    for (std::string_view key :
         {"citation_publication_date", "citation_date", "prism.publicationdate", "prism.coverdate",
          "citation_online_date", "prism.onlinedate"}) {
      if (auto it = meta_.find(key);
          it != meta_.end() && date_of(it->second, options_.date_order)) {
        return it->second;
      }
    }
    return {};
  }

  // <time datetime> with pubdate or inside a date-hinted element, else the first one
  // (unless `marked_only`); never another item's.
  std::string time_element_stamp(bool marked_only = false) const {
    std::string first;
    for (NodeId id = 0; id < static_cast<NodeId>(dom_.size()); ++id) {
      if (!dom_.is(id, "time")) continue;
      const std::string stamp = clean(dom_.attr(id, "datetime"));
      if (stamp.empty() || in_other_item(id)) continue;  // a comment's, a teaser's
      if (dom_.has_attr(id, "pubdate") || matches_date_hint(dom_, id) ||
          (dom_[id].parent != kNoNode && matches_date_hint(dom_, dom_[id].parent))) {
        return stamp;
      }
      if (first.empty() && !marked_only) first = stamp;
    }
    return first;
  }

  // A date in a short element marked as one (class, id or itemprop "date", "time",
  // "published"…), not another item's; `whole` when the element is nothing but it.
  struct MarkedDate {
    std::chrono::year_month_day date;
    NodeId node = kNoNode;
    bool whole = false;
  };
  // A dateline labelled as a change ("Zuletzt geändert am: 15.10.2021") is taken only
  // when no other is printed; a wiki's "last modified" line (id "footer-info-lastmod")
  // counts as its date, and so does an element right after a publication label
  // ("Erschienen am:" <h2>13.10.2021</h2>).
  std::optional<MarkedDate> marked_dateline() const {
    const NodeId body = dom_.find_first("body");
    if (body == kNoNode) return std::nullopt;
    const NodeId end = dom_.subtree_end(body);
    std::optional<MarkedDate> update;
    for (NodeId id = body + 1; id < end; ++id) {
      if (dom_[id].is_text || dom_.subtree_end(id) - id > kMaxLineNodes) continue;
      const std::string_view label = text_before(id);
      const bool labelled = label.size() <= kMaxLabelChars && says_published(label);
      if (!labelled && !matches_date_hint(dom_, id)) continue;
      const std::string text = inner_text(dom_, id);
      if (text.empty() || text.size() > kMaxBylineChars || tells_the_time(text)) continue;
      auto date = find_date_in(text);
      if (!date) date = find_date_in(spaced_text(id));
      if (date && !in_other_item(id)) {
        const MarkedDate found{*date, id, parse_date(text, options_.date_order).has_value()};
        const bool changed = says_updated(text) || (!labelled && says_updated(label));
        if (!changed) return found;
        if (!update) update = found;
      }
    }
    return update;
  }

  const Dom& dom_;
  const ReadOptions& options_;
  MetaList meta_list_;
  MetaTags meta_;
  Json article_;
  PageMetadata result_;
  std::optional<std::chrono::year_month_day> visible_date_;
  std::vector<std::string> host_;           ///< the labels of the page's host name
  mutable std::optional<NodeId> headline_;  ///< found once the title is known
  mutable std::optional<std::vector<std::string_view>> layout_words_;
  mutable std::optional<std::optional<PrintedDate>> dateline_after_headline_;
};

}  // namespace

std::string strip_site_suffix(const std::string& title, const std::string& site_name) {
  const detail::TitleSeparator last = detail::last_title_separator(title);
  if (!last || last.at == 0) return title;
  const std::string_view suffix = std::string_view(title).substr(last.end());
  if (!site_name.empty() && same_name(suffix, site_name)) return clean(title.substr(0, last.at));
  const detail::TitleSeparator first = detail::first_title_separator(title);
  const std::string_view prefix = std::string_view(title).substr(0, first.at);
  if (!site_name.empty() && same_name(prefix, site_name)) {
    return clean(title.substr(first.end()));
  }
  return title;
}

PageMetadata extract_metadata(const Dom& dom, const ReadOptions& options) {
  return Extractor(dom, options).run();
}

}  // namespace galley::html
