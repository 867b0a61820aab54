// Comparing texts as their words, for tests that read galley's output back through
// other programs: renderers set typographic quotes and dashes, entities and their own
// spacing, so only the letters and digits in order are compared.
#pragma once

#include <string>
#include <string_view>

#include <galley/article.hpp>

namespace galley::test {

/// Letters and digits of `text`, one space between runs; HTML entities count as
/// punctuation.
std::string words_of(std::string_view text);

/// The visible text of blocks, as a reader sees it: headings, paragraphs, list items,
/// quotes, code, figure captions and table cells, one space apart. Image alt text,
/// which is not shown, is left out.
std::string text_of(const Blocks& blocks);

}  // namespace galley::test
