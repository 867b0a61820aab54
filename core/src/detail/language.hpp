// Language tags (BCP 47) as writers need them: cleaned for metadata and markup, and
// their writing direction. Internal to galley.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::detail {

/// `tag` as a well-formed BCP 47 tag ("en_US" -> "en-US", "EN" -> "en"), or nullopt
/// when it is not one. Grandfathered tags other than the well-formed ones are refused.
std::optional<std::string> normalize_language_tag(std::string_view tag);

/// True when text in `tag` is written right to left: its script subtag is a
/// right-to-left script (Arab, Hebr, Syrc, Thaa, Nkoo, Adlm, Rohg), or it has no script
/// subtag and its language is usually written in one (ar, he, fa, ur, yi, ps, sd, ug,
/// dv, ckb, syr, ...). "az-Arab" is right to left, "ku" and "az" are not.
bool is_rtl_language(std::string_view tag);

}  // namespace galley::detail
