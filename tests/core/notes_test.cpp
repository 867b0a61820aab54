#include "detail/notes.hpp"

#include <gtest/gtest.h>

namespace galley::detail {
namespace {

TEST(NoteIndex, NumbersNotesInOrderAndKeepsTheFirstOfARepeatedId) {
  const std::vector<Note> notes = {{"a", {}}, {"b", {}}, {"a", {}}, {"c", {}}};
  const NoteIndex index(notes);
  EXPECT_EQ(index.number("a"), 1);
  EXPECT_EQ(index.number("b"), 2);
  EXPECT_EQ(index.number("c"), 3);
  EXPECT_EQ(index.number("missing"), 0);
  ASSERT_EQ(index.unique().size(), 3u);
  EXPECT_EQ(index.unique()[0], &notes[0]);
  EXPECT_EQ(index.unique()[2], &notes[3]);
}

}  // namespace
}  // namespace galley::detail
