// Plain text both ways: the reader of plain and Markdown-flavoured text (format
// "text", text_reader.cpp) and the writer of an article's clean plain text (format
// "txt", text_writer.cpp), registered together by register_format (text_format.cpp).
#pragma once

#include <galley/registry.hpp>

namespace galley::text {

/// Registers both, as builtin.cpp calls it for every format folder.
void register_format(Registry& registry);

void register_reader(Registry& registry);
void register_writer(Registry& registry);

}  // namespace galley::text
