// Finding the article among the other text of a printed page.
//
// Only a browser's print of a web page carries site chrome: a paper, a report or a
// book is all reading text once its page furniture is gone, figures, tables and
// contents pages included, so nothing of it is cut. A browser prints a raw web
// page with its menus, teasers, sign-up forms and
// comments. The article is the stretch of running text after its title: each
// prose paragraph counts for its words, every other block (a menu entry, a teaser
// headline, a "Share" button) counts against, and the article ends where the
// running total peaks. Without a title in the body, the start is where the densest
// stretch of prose begins (the maximum-sum run, as in Finn et al.'s Body Text
// Extraction). A clean article is all prose and keeps everything.
#include <algorithm>
#include <iterator>

#include <galley/recover.hpp>

#include "detail/prose.hpp"
#include "pdf_layout.hpp"

namespace galley::pdf {
namespace {

// What a block that is not prose weighs against the article: a menu of twenty
// entries outweighs a paragraph, a subheading does not.
constexpr double kChromePenalty = 6;
// This many blocks in a row without prose end the article, unless running text
// follows them.
constexpr std::size_t kMaxChromeRun = 13;
// Running text is this many prose blocks in a row: an article's paragraphs follow
// each other, a teaser's blurb stands alone between headlines and buttons.
constexpr std::size_t kRunningBlocks = 3;

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

// Whether each block is running text: prose among kRunningBlocks prose blocks in a row.
std::vector<bool> running_text(const std::vector<TextBlock>& blocks) {
  std::vector<bool> running(blocks.size(), false);
  std::size_t streak = 0;
  for (std::size_t i = 0; i <= blocks.size(); ++i) {
    if (i < blocks.size() && blocks[i].prose) {
      ++streak;
      continue;
    }
    if (streak >= kRunningBlocks)
      std::fill_n(running.begin() + static_cast<long>(i - streak), streak, true);
    streak = 0;
  }
  return running;
}

// Whether a block opens the page's comments or its links to other articles.
bool ends_article(const TextBlock& block) {
  if (block.words > 6) return false;
  const std::string text = plain_text(block.block);
  return opens_comments(text) || opens_related(text);
}

// Where running text resumes after the long run of blocks that are not prose from
// `from`: within kMaxChromeRun more blocks, none of them opening comments or links to
// other articles. None (blocks.size()) when it does not.
std::size_t resumption(const std::vector<TextBlock>& blocks, const std::vector<bool>& running,
                       std::size_t from) {
  const std::size_t last = std::min(blocks.size(), from + kMaxChromeRun);
  for (std::size_t i = from; i < last; ++i) {
    if (running[i]) return i;
    if (ends_article(blocks[i])) break;
  }
  return blocks.size();
}

// Where the article's last paragraph before the long run of blocks that are not
// prose from `from` goes on, later on its page: a float set beside the text (a web
// page's infobox) interrupted it mid-sentence, and the sentence resumes after the
// float's lines. None (blocks.size()) when it does not.
std::size_t continuation(const std::vector<TextBlock>& blocks, std::size_t last, std::size_t from) {
  const TextBlock& before = blocks[last];
  if (!std::holds_alternative<Paragraph>(before.block.node)) return blocks.size();
  const std::string text = plain_text(before.block);
  for (std::size_t i = from; i < blocks.size() && blocks[i].page == before.page; ++i) {
    if (ends_article(blocks[i])) break;
    if (blocks[i].prose && detail::continues_sentence(text, plain_text(blocks[i].block))) return i;
  }
  return blocks.size();
}

// Where the running total from `begin` peaks. A long run of blocks that are not
// prose ends the article (a comment form or a "Recommended" rail, after which
// teasers can add up to more prose than the article had) unless running text soon
// follows it, or the article's last paragraph goes on after it: then it was a
// contents list, a figure's labels or a float inside the article, and the count goes
// on from the peak.
Run article_run(const std::vector<TextBlock>& blocks, const std::vector<bool>& running,
                std::size_t begin) {
  Run run{begin, begin, 0};
  double sum = 0;
  std::size_t chrome_run = 0;
  for (std::size_t i = begin; i < blocks.size(); ++i) {
    if (chrome_run == kMaxChromeRun) {
      const bool marked = std::any_of(blocks.begin() + static_cast<long>(i - chrome_run),
                                      blocks.begin() + static_cast<long>(i), ends_article);
      // Menus ahead of the article's first prose are no figure inside it.
      if (run.words > 0 && !marked) {
        const std::size_t resumed = resumption(blocks, running, i);
        i = resumed < blocks.size() ? resumed : continuation(blocks, run.end - 1, i);
      } else {
        i = blocks.size();
      }
      if (i == blocks.size()) break;
      sum = run.words;
    }
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
Run run_after_title(std::vector<TextBlock>& blocks, const std::vector<bool>& running,
                    std::size_t first) {
  std::size_t after = first;
  std::string title;
  while (after < blocks.size() && blocks[after].title) title += plain_text(blocks[after++].block);
  title = fold_text(title);
  Run best = article_run(blocks, running, after);
  std::size_t best_repeat = first;
  double between = 0;  // weight of the blocks from the title to block i
  for (std::size_t i = after; i < blocks.size(); between += weight(blocks[i++])) {
    if (between > 0 || blocks[i].title || !std::holds_alternative<Heading>(blocks[i].block.node) ||
        fold_text(plain_text(blocks[i].block)) != title) {
      continue;
    }
    const Run run = article_run(blocks, running, i + 1);
    if (run.words > best.words) {
      best = run;
      best_repeat = i;
    }
  }
  blocks[best_repeat].title = true;
  return best;
}

// The words of running text in blocks [begin, end).
std::size_t running_words(const std::vector<TextBlock>& blocks, const std::vector<bool>& running,
                          std::size_t begin, std::size_t end) {
  std::size_t words = 0;
  for (std::size_t i = begin; i < end; ++i) words += running[i] ? blocks[i].words : 0;
  return words;
}

// The first block after the title's lines; 0 when no title was found.
std::size_t after_title(const std::vector<TextBlock>& blocks, std::size_t title) {
  if (title == blocks.size()) return 0;
  while (title < blocks.size() && blocks[title].title) ++title;
  return title;
}

// The article among a web page's other text. When the cut would leave most of the
// running text out (a toolbar taken for the article, a page with no title and two
// stories), everything from the title on is kept instead.
Run web_article(std::vector<TextBlock>& blocks, std::size_t title, bool& kept_all) {
  const std::vector<bool> running = running_text(blocks);
  const Run run = title != blocks.size() ? run_after_title(blocks, running, title)
                                         : article_run(blocks, running, densest_run(blocks).first);
  const std::size_t kept = running_words(blocks, running, run.begin, run.end);
  const std::size_t first = after_title(blocks, title);
  kept_all = (run.begin == run.end && first < blocks.size()) ||
             2 * kept < running_words(blocks, running, 0, blocks.size());
  return kept_all ? Run{first, blocks.size(), 0} : run;
}

}  // namespace

Layout layout_of(const PrintMarks& marks) {
  return marks.stamp_pages > 0 ? Layout::WebPrint : Layout::Document;
}

Selection select_article(std::vector<TextBlock> blocks, Layout layout) {
  const auto is_title = [](const TextBlock& b) { return b.title; };
  const auto title = static_cast<std::size_t>(std::find_if(blocks.begin(), blocks.end(), is_title) -
                                              blocks.begin());
  Selection selection;
  const Run run = layout == Layout::WebPrint ? web_article(blocks, title, selection.kept_all)
                                             : Run{after_title(blocks, title), blocks.size(), 0};
  const auto at = [&](std::size_t i) { return std::make_move_iterator(blocks.begin() + i); };
  selection.before.assign(at(0), at(run.begin));
  std::erase_if(selection.before, is_title);
  selection.body.assign(at(run.begin), at(run.end));
  std::erase_if(selection.body, is_title);
  selection.after.assign(at(run.end), at(blocks.size()));
  if (title < blocks.size()) selection.title_page = blocks[title].page;
  return selection;
}

void keep_reading_text_before_title(Selection& selection) {
  constexpr std::size_t kMastheadBlocks = 4;
  constexpr std::size_t kMastheadWords = 12;
  constexpr std::size_t kMastheadChars = 80;
  const auto is_masthead = [&](const TextBlock& block) {
    return block.page == selection.title_page && block.words <= kMastheadWords &&
           plain_text(block.block).size() <= kMastheadChars;
  };
  std::vector<TextBlock>& before = selection.before;
  auto first = before.end();
  while (first != before.begin() && before.end() - first < static_cast<long>(kMastheadBlocks) &&
         is_masthead(*(first - 1))) {
    --first;
  }
  selection.body.insert(selection.body.begin(), std::make_move_iterator(before.begin()),
                        std::make_move_iterator(first));
  before.erase(before.begin(), first);
}

Blocks to_model(std::vector<TextBlock>&& blocks) {
  Blocks out;
  out.reserve(blocks.size());
  for (TextBlock& b : blocks) out.push_back(std::move(b.block));
  return out;
}

}  // namespace galley::pdf
