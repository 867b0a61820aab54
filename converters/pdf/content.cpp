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

struct Run {
  std::size_t begin = 0, end = 0;
  double words = 0;  ///< the running total at its peak
};

// Where the running total from `begin` peaks, up to the first long run of
// blocks that are not prose: a comment form or a "Recommended" rail, after which
// teasers can add up to more prose than the article had.
Run article_run(const std::vector<TextBlock>& blocks, std::size_t begin) {
  Run run{begin, begin, 0};
  double sum = 0;
  std::size_t chrome_run = 0;
  for (std::size_t i = begin; i < blocks.size() && chrome_run < kMaxChromeRun; ++i) {
    chrome_run = blocks[i].prose ? 0 : chrome_run + 1;
    sum += weight(blocks[i]);
    if (sum >= run.words) {
      run.words = sum;
      run.end = i + 1;
    }
  }
  return run;
}

// The article after the title. A web page can print its headline more than once
// (a sticky bar, a teaser, then over the article): a later heading repeating the
// marked title opens the article instead when more running text follows it, and
// is marked as the title too. (A photo caption repeating it is no heading.)
Run run_after_title(std::vector<TextBlock>& blocks, std::size_t first) {
  std::size_t after = first;
  std::string title;
  while (after < blocks.size() && blocks[after].title) title += plain_text(blocks[after++].block);
  title = fold_text(title);
  Run best = article_run(blocks, after);
  std::size_t best_repeat = first;
  double between = 0;  // weight of the blocks from the title to block i
  for (std::size_t i = after; i < blocks.size(); between += weight(blocks[i++])) {
    if (between > 0 || blocks[i].title || !std::holds_alternative<Heading>(blocks[i].block.node) ||
        fold_text(plain_text(blocks[i].block)) != title) {
      continue;
    }
    const Run run = article_run(blocks, i + 1);
    if (run.words > best.words) {
      best = run;
      best_repeat = i;
    }
  }
  blocks[best_repeat].title = true;
  return best;
}

}  // namespace

Selection select_article(std::vector<TextBlock> blocks) {
  const auto title =
      std::find_if(blocks.begin(), blocks.end(), [](const TextBlock& b) { return b.title; });
  const Run run = title != blocks.end()
                      ? run_after_title(blocks, static_cast<std::size_t>(title - blocks.begin()))
                      : article_run(blocks, densest_run(blocks).first);
  Selection selection;
  const auto at = [&](std::size_t i) { return std::make_move_iterator(blocks.begin() + i); };
  selection.before.assign(at(0), at(run.begin));
  std::erase_if(selection.before, [](const TextBlock& b) { return b.title; });
  selection.body.assign(at(run.begin), at(run.end));
  selection.after.assign(at(run.end), at(blocks.size()));
  return selection;
}

Blocks to_model(std::vector<TextBlock>&& blocks) {
  Blocks out;
  out.reserve(blocks.size());
  for (TextBlock& b : blocks) out.push_back(std::move(b.block));
  return out;
}

}  // namespace galley::pdf
