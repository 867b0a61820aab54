// Articles shared by the writer and validator tests: each exercises a different
// hazard, and every writer must turn each of them into valid output.
#pragma once

#include <string>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

/// A 1x1 PNG as a data: URI.
extern const char* const kPngDataUri;

/// Every block and inline kind, full metadata, notes, a footer, an embedded image.
Article rich_article();

/// Text full of XML hazards: &, <, quotes, C0 controls, U+FFFE, invalid UTF-8,
/// encoded surrogates, script links, a link inside a link, a missing note.
Article hostile_article();

/// An Arabic article (right to left) with a region-tagged language.
Article rtl_article();

/// A journal paper: abstract (with a heading), keywords, authors with affiliations
/// (one index out of range), e-mail and ORCID, identifiers, container, licence (its
/// URL a script), and references with every field, text only, and XML hazards.
Article scholarly_article();

/// Nothing known: no title, no metadata, an empty body.
Article empty_article();

struct NamedArticle {
  std::string name;
  Article article;
};

/// All of the above with snake_case names.
std::vector<NamedArticle> sample_articles();

}  // namespace galley::test
