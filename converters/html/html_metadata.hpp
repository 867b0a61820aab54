// Article metadata from a page's markup, strongest evidence first.
//
//   title      JSON-LD name/headline, Dublin Core, og:title, <meta name=title>,
//              twitter:title, then <title>; a trailing " | Site" / " - Site" part is
//              cut when it names the site
//   byline     JSON-LD author (string, Person or list), dc:creator, <meta name=author>,
//              article:author (when not a URL), itemprop=author, rel=author, then a
//              visible element whose class/id says byline/author, read by parse_byline
//   date       JSON-LD datePublished, article:published_time, itemprop=datePublished,
//              <meta name=date|pubdate|dc.date...>, <time datetime>, then the dateline
//              text read by find_date; the day is taken as written, no time-zone shift
//   lang       <html lang>, content-language, og:locale, JSON-LD inLanguage
//   site_name  og:site_name, JSON-LD publisher, application-name
//   url        <link rel=canonical>, og:url, JSON-LD url
#pragma once

#include <string>
#include <vector>

#include <galley/article.hpp>
#include <galley/format.hpp>

#include "dom.hpp"

namespace galley::html {

struct PageMetadata {
  Metadata metadata;
  std::vector<NodeId> byline_nodes;  ///< visible byline/dateline elements, kept out of the body
  std::string article_body;          ///< JSON-LD articleBody, when given
  std::string base_url;              ///< what relative links resolve against
};

PageMetadata extract_metadata(const Dom& dom, const ReadOptions& options);

/// Cuts the site name from a title: "Headline | Site" -> "Headline" (also "Site -
/// Headline") when that part names `site_name`; otherwise the title is kept whole.
std::string strip_site_suffix(const std::string& title, const std::string& site_name);

}  // namespace galley::html
