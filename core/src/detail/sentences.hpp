// Whether one piece of running text goes on in the next: the test that joins
// paragraphs split by a page or column break (passes/join_paragraphs.cpp), shared
// with readers that meet a paragraph interrupted by something else.
#pragma once

#include <string_view>

namespace galley::detail {

/// Whether `next` continues the sentence `first` stops in the middle of: `first` has
/// six words or more and ends no sentence, and `next` starts in lower case, or
/// `first` stops mid-phrase ("and", "the", "right-wing") and `next` starts with a
/// letter, digit or opening quote (rules 2, 3 and 5 of join_split_paragraphs).
bool continues_sentence(std::string_view first, std::string_view next);

}  // namespace galley::detail
