// Inline helpers the readers and the recovery passes share: tidying a run of inlines
// after it was built or spliced, splitting it into printed lines.
#pragma once

#include <vector>

#include <galley/article.hpp>

namespace galley::detail {

/// Merges adjacent Text nodes (also inside emphasis, strong and links), collapses runs
/// of ASCII whitespace inside them to one space, drops empty Text nodes, and trims
/// whitespace at both ends and next to line breaks. No-break spaces are kept.
void normalize_inlines(Inlines& inlines);

/// Splits inlines at their top-level LineBreak nodes: the lines as printed.
std::vector<Inlines> split_lines(const Inlines& inlines);

}  // namespace galley::detail
