#include <galley/recover.hpp>

namespace galley {

// The order matters: the title must be gone before the byline under it is looked
// for, and the footer must be split off before paragraphs are joined, so a body
// paragraph is never glued to a contact line.
void recover(Article& article, const RecoverOptions& options, Diagnostics& diag) {
  recover_title(article, options, diag);
  recover_byline_and_date(article, options, diag);
  recover_footer(article, options, diag);
  join_split_paragraphs(article, options, diag);
  link_citations(article, options, diag);    // after joining: a citation split by a page break
  recover_language(article, options, diag);  // last: judges the body as it will be read
}

}  // namespace galley
