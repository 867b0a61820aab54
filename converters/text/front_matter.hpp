// YAML front matter of a Markdown text, as pandoc, Hugo and Jekyll write and read it: a
// "---" line at the very start, a YAML mapping, and a "---" or "..." line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <galley/article.hpp>
#include <galley/error.hpp>
#include <galley/format.hpp>

namespace galley::text {

struct FrontMatter {
  Metadata metadata;
  std::string abstract;   ///< the `abstract` value, Markdown, for the caller to parse
  std::string_view rest;  ///< the text after the closing line
};

/// Reads the front matter opening `text` into the metadata fields it names (title,
/// subtitle, author, date, lang, description, publisher, site_name, canonical_url or
/// url, keywords, abstract; author-details as galley's Markdown writer writes them);
/// other keys are ignored. nullopt when the text opens with none; a block that is not a
/// YAML mapping stays text, with a warning naming `input_name`.
std::optional<FrontMatter> read_front_matter(std::string_view text, const std::string& input_name,
                                             const ReadOptions& options, Diagnostics& diag);

}  // namespace galley::text
