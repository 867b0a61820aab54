// Affiliation and footnote markers as papers print them: after each author's name
// ("Jane Doe1,2, John Roe2*", "Lanea,c,*") and before each affiliation ("1 Department
// of ...", "†Department of ...", "a School of ..."), so that the readers can tell which
// affiliations are whose. Internal to galley.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>

namespace galley::detail {

/// The length of the marker symbol at `pos` (* ∗ † ‡ § ¶ # ☯ or a superscript digit),
/// or 0 when there is none.
std::size_t marker_symbol_length(std::string_view text, std::size_t pos);

/// The end of the one marker at `pos`, a number of one or two digits or a marker
/// symbol, or `pos` when there is none.
std::size_t marker_unit_end(std::string_view text, std::size_t pos);

/// The markers of a run printed together: numbers of one or two digits, single
/// lower-case letters and marker symbols, one after another or separated by commas and
/// spaces: "1,2" -> {"1", "2"}; "a,c,*" -> {"a", "c", "*"}; "2\u2217" -> {"2", "*"}.
/// Each is spelled one way (superscript digits as digits, ∗ as *), so that an author's
/// and an affiliation's compare equal. Nullopt when the run holds anything else.
std::optional<std::vector<std::string>> read_markers(std::string_view run);

/// Where a name of an author list is printed and the markers printed after it.
struct PrintedName {
  std::size_t begin = 0;  ///< byte range of the name in the line
  std::size_t end = 0;
  /// What stands between the name and the next one (or the line's end), separators
  /// and "and" left out, read as markers; nullopt when it is something else (a degree).
  std::optional<std::vector<std::string>> markers;
};

/// The names of an author list (split_author_list's, in order) as printed in `line`:
/// "Jane Doe1,2, John Roe2*" -> [0, 8) {1, 2}, [13, 21) {2, *}. Nullopt when a name is
/// not found in the line, after the one before it.
std::optional<std::vector<PrintedName>> find_printed_names(std::string_view line,
                                                           const std::vector<Person>& names);

/// The markers opening an affiliation ("1 Department of ...", "†Department of ...",
/// "a School of ..."; the name starts with a capital) and where the name starts;
/// nullopt when it opens with none.
std::optional<std::pair<std::vector<std::string>, std::size_t>> leading_markers(
    std::string_view text);

}  // namespace galley::detail
