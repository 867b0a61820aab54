// SHA-1 and name-based (version 5) UUIDs, for identifiers that must be stable across
// runs (EPUB's dc:identifier). Not for security: SHA-1 is used because RFC 4122's
// version 5 UUIDs are defined on it. Internal to galley.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace galley::detail {

using Sha1Digest = std::array<unsigned char, 20>;

/// The SHA-1 digest (FIPS 180-4) of `bytes`.
Sha1Digest sha1(std::string_view bytes);

/// Lower-case hexadecimal of a digest.
std::string to_hex(const Sha1Digest& digest);

/// The RFC 4122 version 5 UUID of `name` in the URL namespace
/// (6ba7b811-9dad-11d1-80b4-00c04fd430c8), lower case, without "urn:uuid:".
std::string url_uuid_v5(std::string_view name);

}  // namespace galley::detail
