// Article metadata from a page's markup, strongest evidence first.
//
//   title      JSON-LD name/headline, Dublin Core, og:title, <meta name=title>,
//              twitter:title (all as the publisher gives them), then <title>, whose
//              " | Site" / " - Site" part is cut (Readability's rules, and the site name)
//   byline     JSON-LD author (string, Person or list), dc:creator, <meta name=author>,
//              article:author (when not a URL), itemprop=author, rel=author, then a
//              visible element whose class/id says byline/author, read by parse_byline
//   date       JSON-LD datePublished, article:published_time, itemprop=datePublished,
//              <meta name=date|pubdate|dc.date...>, the modified time, <time datetime>,
//              then the byline's or a dateline's text read by find_date; the day is
//              taken as written, with no time-zone shift
//   lang       <html lang>, content-language, og:locale, JSON-LD inLanguage
//   site_name  og:site_name, application-name, JSON-LD publisher
//   url        <link rel=canonical>, og:url, JSON-LD url
//   publisher  citation_publisher, JSON-LD publisher, dc.publisher
// On a paper's page, citation_title comes first among the title tags, citation_author
// before all byline sources, and the citation_* dates after the page's publication
// stamps and before its modified times; the other scholarly fields are read by
// scholarly_metadata.hpp.
#pragma once

#include <string>
#include <vector>

#include <galley/article.hpp>
#include <galley/format.hpp>

#include "dom.hpp"
#include "scholarly_metadata.hpp"

namespace galley::html {

struct PageMetadata {
  Metadata metadata;
  std::vector<NodeId> byline_nodes;  ///< visible byline/dateline elements, kept out of the body
  std::string article_body;          ///< JSON-LD articleBody, when given
  std::string base_url;              ///< what relative links resolve against
  ScholarlyMetadata scholarly;       ///< a paper's abstract and references from its tags
};

PageMetadata extract_metadata(const Dom& dom, const ReadOptions& options);

/// Cuts the site name from a title: "Headline | Site" -> "Headline" (also "Site -
/// Headline") when that part names `site_name`; otherwise the title is kept whole.
std::string strip_site_suffix(const std::string& title, const std::string& site_name);

}  // namespace galley::html
