#include <galley/recover.hpp>
namespace galley {
void recover_title(Article&, const RecoverOptions&, Diagnostics&) {}
void recover_byline_and_date(Article&, const RecoverOptions&, Diagnostics&) {}
void recover_footer(Article&, const RecoverOptions&, Diagnostics&) {}
void join_split_paragraphs(Article&, const RecoverOptions&, Diagnostics&) {}
}  // namespace galley
