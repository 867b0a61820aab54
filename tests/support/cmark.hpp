// Runs the reference CommonMark implementation (the `cmark` program) on the Markdown
// writer's output and pulls text back out of its HTML, for round-trip checks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>

namespace galley::test {

/// The full path of `name` found on PATH, or nullopt.
std::optional<std::filesystem::path> find_program(std::string_view name);

/// HTML from `cmark --unsafe` (raw HTML kept) for `markdown`, without front matter.
/// Call only when find_program("cmark") succeeded; fails the test if cmark fails.
std::string cmark_html(const std::string& markdown);

/// The Markdown after its front matter block ("---" ... "---"), if any.
std::string_view strip_front_matter(std::string_view markdown);

/// The inner HTML of every <tag>...</tag> (or <tag attr...>) in document order;
/// `tag` must not nest within itself in `html`.
std::vector<std::string> elements(std::string_view html, std::string_view tag);

/// Text content of an HTML fragment: <sup> elements (note links) dropped, other tags
/// removed, the entities cmark writes decoded, whitespace collapsed.
std::string text_content(std::string_view html);

/// The HTML after the rule that the Markdown writer sets before `footer`: the last
/// `<hr` but for the rules among the footer's own blocks; nullopt when there is none.
std::optional<std::string> html_after_footer_rule(std::string_view html, const Blocks& footer);

}  // namespace galley::test
