#include "text_format.hpp"

namespace galley::text {

void register_format(Registry& registry) {
  register_reader(registry);
  register_writer(registry);
}

}  // namespace galley::text
