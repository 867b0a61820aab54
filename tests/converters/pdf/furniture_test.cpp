#include <gtest/gtest.h>

#include "../../../converters/pdf/pdf_layout.hpp"
#include "pdf_test_words.hpp"

namespace galley::pdf {
namespace {

constexpr double kHeight = 842;

// Words of one line in type of `size`, five points per letter and space, from x = 60.
void add_line(std::vector<Word>& words, const std::string& text, double y, double size) {
  const std::vector<Word> line = test::line_words(text, 60, y, size);
  words.insert(words.end(), line.begin(), line.end());
}

// A dvips page on A4: its running head a sixth of the way down, then body text.
Page page_of(int number, const std::string& head, double head_size) {
  std::vector<Word> words;
  add_line(words, head, 145, head_size);
  for (int i = 0; i < 20; ++i) {
    add_line(words, "body text of page " + std::to_string(number) + " line " + std::to_string(i),
             172 + 12 * i, 10);
  }
  return Page{number, 595, kHeight, build_lines(std::move(words), number)};
}

std::vector<Page> filter(std::vector<Page> pages, std::vector<Furniture>& found) {
  FurnitureFilter filter;
  std::vector<Page> out;
  for (Page& page : pages) {
    for (Page& decided : filter.push(std::move(page), found)) out.push_back(std::move(decided));
  }
  for (Page& decided : filter.finish(found)) out.push_back(std::move(decided));
  return out;
}

// The page's topmost line repeats as a running head wherever the margins put it.
TEST(FurnitureFilter, TakesARunningHeadBelowTheTopBandOut) {
  std::vector<Page> pages;
  for (int n = 1; n <= 4; ++n) {
    pages.push_back(
        page_of(n, "Approximation Algorithms for Data Placement " + std::to_string(n), 9));
  }
  std::vector<Furniture> found;
  const std::vector<Page> kept = filter(std::move(pages), found);
  EXPECT_EQ(found.size(), 4u);
  for (const Page& page : kept) {
    EXPECT_TRUE(page.lines.front().text.starts_with("body text")) << page.lines.front().text;
  }
}

// A title set larger than the text, which the running heads repeat, stays.
TEST(FurnitureFilter, KeepsATitleTheRunningHeadsRepeat) {
  std::vector<Page> pages = {page_of(1, "Logs of OLAP Queries", 14.5)};
  for (int n = 2; n <= 4; ++n) pages.push_back(page_of(n, "Logs of OLAP Queries", 10));
  std::vector<Furniture> found;
  const std::vector<Page> kept = filter(std::move(pages), found);
  EXPECT_EQ(found.size(), 3u);
  EXPECT_EQ(kept.front().lines.front().text, "Logs of OLAP Queries");
}

}  // namespace
}  // namespace galley::pdf
