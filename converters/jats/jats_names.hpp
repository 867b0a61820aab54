// Splitting a person's name into JATS given names and surname, and printed pages into
// JATS page elements. Internal to the JATS writer.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::jats {

struct SplitName {
  std::string given_names;
  std::string surname;
};

/// Splits `name` when the split is unambiguous, else nullopt (written as string-name).
/// Unambiguous means: two or more space-separated tokens, each made of Latin letters
/// (ASCII and U+00C0..U+024F, U+1E00..U+1EFF) with inner hyphens or apostrophes and at
/// most a final period (an initial, "J."); every token capitalised (so no particle
/// such as "van", "de", "bin"); no suffix (Jr, Sr, II, III, IV, PhD, MD); the last
/// token not an initial. The surname is the last token, the given names the rest.
/// Names in other scripts, or with commas, are never split: their order is not known.
std::optional<SplitName> split_name(std::string_view name);

/// Printed pages as JATS tags them: a first and optional last page (fpage, lpage), an
/// article number (elocation-id), or text kept as printed (page-range).
struct PageSpan {
  enum class Kind { Pages, ElocationId, PageRange };
  Kind kind = Kind::PageRange;
  std::string first;  ///< the first page, the article number or the printed text
  std::string last;   ///< the last page; empty when only one page is printed
};

/// Reads "305–313" or "305-313" as pages, "305" as one page, a single token that is
/// not a number ("e118") as an article number, anything else as printed text.
/// Empty `pages` gives nullopt.
std::optional<PageSpan> split_pages(std::string_view pages);

}  // namespace galley::jats
