// The scholarly metadata of a journal's landing or full-text page, from the tags
// indexers read: Highwire/Google Scholar citation_*, Dublin Core (dc.*, dcterms.*),
// PRISM (prism.*) and schema.org ScholarlyArticle JSON-LD.
//
//   authors       citation_author in order, each followed by its citation_author_institution,
//                 _email and _orcid tags; else the JSON-LD authors with their affiliation
//   identifiers   citation_doi, prism.doi, a DOI in dc.identifier or the JSON-LD identifier
//                 or sameAs; citation_pmid, citation_arxiv_id, citation_isbn, citation_issn
//   container     citation_journal_title (or _conference_title, prism.publicationName, the
//                 JSON-LD isPartOf chain), volume, issue, first and last page
//   keywords      citation_keywords (one list or repeated), else JSON-LD keywords, else
//                 dc.subject
//   license       dc.rights / dcterms.rights, <link rel=license>, JSON-LD license
//   abstract      JSON-LD abstract, citation_abstract, dc.description (a scholarly page's)
//   references    citation_reference (key=value parts or free text), else JSON-LD citation
//
// citation_* comes first where sources compete: it is what Google Scholar and the
// other indexers read, so publishers keep it complete (every author, the pages),
// while JSON-LD and Dublin Core are often partial. Title, date, publisher and language
// are read with the other sources of their field in html_metadata.cpp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <galley/article.hpp>

#include "dom.hpp"
#include "html_convert.hpp"
#include "json_ld.hpp"

namespace galley::html {

/// A page's <meta> tags in document order, keys lower-cased, repeats kept.
using MetaList = std::vector<std::pair<std::string, std::string>>;

struct ScholarlyMetadata {
  /// The page describes a paper: it has citation_* tags, PRISM tags that cite a
  /// publication (prism.doi, prism.volume...), or its JSON-LD is a ScholarlyArticle or
  /// an article with a citation list or part of a journal issue, volume or periodical. Only such
  /// pages get the abstract set apart.
  bool found = false;
  std::string abstract;  ///< the abstract the tags give, for a page that does not print it
  std::vector<Reference> references;
};

/// Reads the fields above into `metadata` (authors, affiliations, identifiers,
/// container, keywords, license) and returns the rest. Fields already set are kept.
/// `license_url` is the page's <link rel=license>, "" when it has none.
ScholarlyMetadata read_scholarly(const MetaList& tags, const Json& article,
                                 const std::string& license_url, Metadata& metadata);

/// JSON-LD people: "Name", {"name": ...}, or a list of either (names that are URLs
/// left out). With `affiliations`, each person's affiliation (a string or Organization,
/// or a list) is added there once and indexed, and the e-mail and ORCID are kept.
std::vector<Person> json_people(const Json& value, std::vector<std::string>* affiliations);

/// The elements that print a scholarly page's abstract: the first element with
/// role=doc-abstract or "abstract" among its class/id words, else a heading "Abstract"
/// and the siblings after it up to the next heading. Empty when the page shows none.
std::vector<NodeId> find_abstract_nodes(const Dom& dom);

/// The blocks of the abstract elements, without their "Abstract" heading.
Blocks convert_abstract(const Dom& dom, const std::vector<NodeId>& nodes,
                        const ConvertOptions& options);

}  // namespace galley::html
