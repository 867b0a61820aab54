// Numbering an article's notes for writers that print note numbers (EPUB, JATS).
// Internal to galley.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <galley/article.hpp>

namespace galley::detail {

/// The notes numbered 1, 2, ... in order. A repeated id is a reader's mistake: the
/// first note with the id keeps it and the later ones are not written.
class NoteIndex {
 public:
  explicit NoteIndex(const std::vector<Note>& notes);
  /// The number of the note called `id`, or 0 when there is no such note.
  int number(const std::string& id) const;
  /// The notes to write, in order; the i-th has number i + 1.
  const std::vector<const Note*>& unique() const noexcept { return unique_; }

 private:
  std::map<std::string, int, std::less<>> numbers_;
  std::vector<const Note*> unique_;
};

}  // namespace galley::detail
