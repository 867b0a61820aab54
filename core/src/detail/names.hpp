// What people's names are made of, for the passes that read bylines, reference lists
// and citations. Internal to galley.
#pragma once

#include <string>
#include <string_view>

#include "detail/text.hpp"

namespace galley::detail {

/// A lower-case particle inside or at the start of a surname: "Ludwig van Beethoven",
/// "Maria de la Cruz", "van der Berg, J.".
inline bool is_name_particle(std::string_view word) {
  constexpr std::string_view kParticles =
      " van von der den de del della di da la le du dos das do bin ibn al el y ter ten ben zu ";
  return in_word_list(kParticles, word);
}

/// A label for other work than the writing, which ends the authors' names when it
/// follows them: "著者 お米ゴハン イラスト 汐街コナ" (author ..., illustration ...).
inline bool is_other_credit(std::string_view word) {
  constexpr std::string_view kOtherCredits =
      " イラスト 写真 撮影 編集 編集者 翻訳 翻訳者 訳者 監修 構成 絵 訳 ";
  return in_word_list(kOtherCredits, word);
}

}  // namespace galley::detail
