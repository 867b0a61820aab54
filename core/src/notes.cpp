#include "detail/notes.hpp"

namespace galley::detail {

NoteIndex::NoteIndex(const std::vector<Note>& notes) {
  for (const Note& note : notes) {
    const int next = static_cast<int>(unique_.size()) + 1;
    if (numbers_.try_emplace(note.id, next).second) unique_.push_back(&note);
  }
}

int NoteIndex::number(const std::string& id) const {
  const auto it = numbers_.find(id);
  return it == numbers_.end() ? 0 : it->second;
}

}  // namespace galley::detail
