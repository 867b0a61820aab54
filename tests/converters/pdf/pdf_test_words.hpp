// Words as Poppler gives them, for the PDF reader's layout tests.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "../../../converters/pdf/pdf_layout.hpp"

namespace galley::pdf::test {

// Words of one line of ten-point type, five points per letter and space, from `x`.
inline std::vector<Word> line_words(const std::string& text, double x, double y, double size = 10) {
  std::vector<Word> words;
  std::istringstream in(text);
  for (std::string t; in >> t;) {
    Word w;
    w.box = {x, y, x + 5 * static_cast<double>(t.size()), y + size};
    w.text = std::move(t);
    w.size = size;
    w.space_after = true;
    x = w.box.x1 + 5;
    words.push_back(std::move(w));
  }
  words.back().space_after = false;
  return words;
}

}  // namespace galley::pdf::test
