// Text helpers every reader and writer needs: UTF-8 checks, decoding of legacy
// encodings, whitespace handling and ASCII case folding. Internal to galley.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <galley/error.hpp>

namespace galley::detail {

/// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values > U+10FFFF).
bool is_valid_utf8(std::string_view bytes) noexcept;

/// Appends the UTF-8 encoding of `cp` (U+FFFD for invalid code points).
void append_utf8(std::string& out, char32_t cp);

/// Decodes one code point at `pos`, advancing it; invalid bytes give U+FFFD and advance one.
char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept;

/// Decodes the code point that ends before `pos` (0 < pos <= text.size()), moving `pos`
/// back to the byte that is no continuation byte (stray continuation bytes go with the
/// character before them) and decoding from there as next_code_point does.
char32_t previous_code_point(std::string_view text, std::size_t& pos) noexcept;

/// Windows-1252 (a superset of Latin-1's printable range) to UTF-8.
std::string windows1252_to_utf8(std::string_view bytes);

/// UTF-16 (without BOM) to UTF-8; unpaired surrogates become U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian);

enum class Encoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };

/// The detected encoding of text bytes: a BOM wins, then valid UTF-8, else Windows-1252.
Encoding detect_encoding(std::string_view bytes) noexcept;

/// Decodes text bytes to UTF-8 using detect_encoding (BOM removed).
std::string decode_text(std::string_view bytes, Encoding encoding);

/// Replaces invalid UTF-8 sequences with U+FFFD and drops C0 controls other than
/// tab, line feed and carriage return (and DEL), so the text is safe for every writer.
std::string sanitize_utf8(std::string_view text);
/// The same for text the caller gives up: returned as it is, without a copy, when
/// nothing needs replacing or dropping (a long output or a whole input, usually).
std::string sanitize_utf8(std::string&& text);

/// Whitespace as the model understands it: ASCII space, tab, CR, LF, FF, VT and NBSP
/// (U+00A0) and other Unicode spaces are folded by collapse_whitespace.
bool is_ascii_space(char c) noexcept;

/// Trims ASCII whitespace from both ends.
std::string_view trim(std::string_view text) noexcept;

/// Collapses runs of whitespace (ASCII and Unicode spaces such as U+00A0) to one
/// ASCII space and trims both ends.
std::string collapse_whitespace(std::string_view text);

/// The same, moving each of `offsets` (ascending offsets into `text`) to its place in
/// the result; one inside a run of whitespace or at its end goes to where the run
/// starts, right after the text before it.
std::string collapse_whitespace(std::string_view text, std::span<std::size_t> offsets);

/// ASCII lower case; other bytes unchanged.
std::string to_lower_ascii(std::string_view text);

bool starts_with_icase(std::string_view text, std::string_view prefix) noexcept;

/// Equal ignoring ASCII case: header and parameter names.
bool equals_icase(std::string_view a, std::string_view b) noexcept;

/// The runs of `text` between ASCII whitespace, as views into it.
std::vector<std::string_view> split_whitespace(std::string_view text);

/// Replaces every `from` in `text` with `to`, left to right.
void replace_all(std::string& text, std::string_view from, std::string_view to);

/// Whether a word list, its words space-separated and the whole padded with a space at
/// each end (" van von der "), holds `word` (one word, not empty).
bool in_word_list(std::string_view list, std::string_view word) noexcept;

/// The words of `text` in ASCII lower case, for comparing wordings: runs of ASCII
/// letters and digits and of non-ASCII bytes, split at everything else.
std::vector<std::string> lower_words(std::string_view text);

/// The lower-cased extension of a file name, with the dot (".html"), or "".
std::string extension_of(std::string_view name);

}  // namespace galley::detail
