// Finding the article among the other text of a printed page.
//
// A browser prints a raw web page with its menus, teasers, sign-up forms and
// comments. The article is the stretch of running text after its title: each
// prose paragraph counts for its words, every other block (a menu entry, a teaser
// headline, a "Share" button) counts against, and the article ends where the
// running total peaks. Without a title in the body, the start is where the densest
// stretch of prose begins (the maximum-sum run, as in Finn et al.'s Body Text
// Extraction). A clean article is all prose and keeps everything.
#include <algorithm>
#include <iterator>

#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// What a block that is not prose weighs against the article: a menu of twenty
// entries outweighs a paragraph, a subheading does not.
constexpr double kChromePenalty = 6;
// This many blocks in a row without prose end the article.
constexpr std::size_t kMaxChromeRun = 13;

double weight(const TextBlock& block) {
  if (block.prose) return static_cast<double>(block.words);
  return -std::max(kChromePenalty, static_cast<double>(block.words) / 2);
}

// The maximum-sum run of blocks [begin, end).
std::pair<std::size_t, std::size_t> densest_run(const std::vector<TextBlock>& blocks) {
  double best = 0, sum = 0;
  std::size_t begin = 0, best_begin = 0, best_end = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (sum <= 0) {
      sum = 0;
      begin = i;
    }
    sum += weight(blocks[i]);
    if (sum > best) {
      best = sum;
      best_begin = begin;
      best_end = i + 1;
    }
  }
  return {best_begin, best_end};
}

// Where the running total from `begin` peaks, up to the first long run of
// blocks that are not prose: a comment form or a "Recommended" rail, after which
// teasers can add up to more prose than the article had.
std::size_t article_end(const std::vector<TextBlock>& blocks, std::size_t begin) {
  double best = 0, sum = 0;
  std::size_t end = begin, chrome_run = 0;
  for (std::size_t i = begin; i < blocks.size() && chrome_run < kMaxChromeRun; ++i) {
    chrome_run = blocks[i].prose ? 0 : chrome_run + 1;
    sum += weight(blocks[i]);
    if (sum >= best) {
      best = sum;
      end = i + 1;
    }
  }
  return end;
}

}  // namespace

Selection select_article(std::vector<TextBlock> blocks) {
  const auto title =
      std::find_if(blocks.begin(), blocks.end(), [](const TextBlock& b) { return b.title; });
  std::size_t begin = 0;
  if (title != blocks.end()) {
    auto after = title;
    while (after != blocks.end() && after->title) ++after;
    begin = static_cast<std::size_t>(after - blocks.begin());
  } else {
    begin = densest_run(blocks).first;
  }
  const std::size_t end = article_end(blocks, begin);
  Selection selection;
  const auto at = [&](std::size_t i) { return std::make_move_iterator(blocks.begin() + i); };
  selection.before.assign(at(0), at(begin));
  std::erase_if(selection.before, [](const TextBlock& b) { return b.title; });
  selection.body.assign(at(begin), at(end));
  selection.after.assign(at(end), at(blocks.size()));
  return selection;
}

Blocks to_model(std::vector<TextBlock>&& blocks) {
  Blocks out;
  out.reserve(blocks.size());
  for (TextBlock& b : blocks) out.push_back(std::move(b.block));
  return out;
}

}  // namespace galley::pdf
