// CommonMark rendering of inline content, shared by the Markdown writer's blocks.
#pragma once

#include <map>
#include <string>

#include <galley/article.hpp>
#include <galley/error.hpp>

#include "detail/citations.hpp"

namespace galley::markdown {

struct InlineContext {
  /// Note ids to their 1-based numbers, for NoteRef links to "#note-N".
  const std::map<std::string, int>* note_numbers = nullptr;
  /// The reference list, for citation links to its "#ref-N" anchors.
  const detail::ReferenceIndex* references = nullptr;
  /// Headings and pipe-table cells hold one line: hard breaks become spaces.
  bool single_line = false;
  /// Pipe-table cells also escape '|'.
  bool table_cell = false;
  /// Where a reference to a missing note is reported; it is dropped, as by the other
  /// writers.
  Diagnostics* diag = nullptr;
};

/// The inlines as CommonMark text that parses back to the same inline structure and
/// text. Lines are split only at hard breaks; callers add block prefixes.
std::string render_inlines(const Inlines& inlines, const InlineContext& context);

}  // namespace galley::markdown
