// The checks every archive's reading makes on the bytes it has actually inflated, since
// the sizes an archive declares can lie: the ratio of one compressed piece (a zip
// entry, a gzip member) and the total of the archive (galley::ArchiveLimits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <galley/inputs.hpp>

namespace galley::detail {

/// Throws Error{LimitExceeded} naming `input` when `inflated` bytes came from
/// `compressed` at more than limits.max_ratio to 1, once past the first MiB (small
/// pieces of repetitive text compress that well honestly). `kind` names the bomb in
/// the message: "zip", "gzip".
void check_ratio(const ArchiveLimits& limits, std::uint64_t inflated, std::uint64_t compressed,
                 const std::string& input, std::string_view kind);

/// Throws Error{LimitExceeded} naming `input` once `total` inflated bytes of one archive
/// pass limits.max_total_bytes.
void check_total(const ArchiveLimits& limits, std::uint64_t total, const std::string& input);

}  // namespace galley::detail
