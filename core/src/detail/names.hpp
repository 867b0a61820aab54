// What people's names are made of, for the passes that read bylines, reference lists
// and citations. Internal to galley.
#pragma once

#include <string>
#include <string_view>

namespace galley::detail {

/// A lower-case particle inside or at the start of a surname: "Ludwig van Beethoven",
/// "Maria de la Cruz", "van der Berg, J.".
inline bool is_name_particle(std::string_view word) {
  constexpr std::string_view kParticles =
      " van von der den de del della di da la le du dos das do bin ibn al el y ter ten ben zu ";
  return !word.empty() && word.find(' ') == std::string_view::npos &&
         kParticles.find(" " + std::string(word) + " ") != std::string_view::npos;
}

}  // namespace galley::detail
