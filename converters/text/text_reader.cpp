// The plain-text reader: text files and Markdown-flavoured text into an article.
//
// Reads UTF-8 (with or without BOM), UTF-16 with a BOM, and falls back to
// Windows-1252 for bytes that are not UTF-8 (with a warning); CRLF and CR line
// endings become LF and a form feed (page break) a paragraph break. The text is
// parsed as CommonMark (headings, emphasis, strong, code, links, lists, quotes,
// fenced code, rules, hard breaks, backslash escapes), with the plain-text guards of
// markdown_model.cpp. Hard-wrapped lines join into one paragraph. The title, byline,
// date and footer are left to the shared recovery passes. Dropped: control
// characters, raw HTML as markup (kept as literal text), links to unsafe URLs.
// Refused: binary input (NUL bytes or many control characters), empty input.
#include <galley/registry.hpp>

#include <algorithm>

#include "detail/text.hpp"
#include "front_matter.hpp"
#include "markdown_model.hpp"
#include "text_format.hpp"

namespace galley::text {
namespace {

// Above this share of C0 control characters, bytes are binary, not text.
constexpr double kMaxControlShare = 0.05;

bool is_text_control(unsigned char c) {
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1B;
}

// What makes decoded text binary, or an empty string when it is text. `pos` receives
// where the first NUL byte is.
std::string binary_reason(std::string_view text, SourcePos& pos) {
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    const std::string_view before = text.substr(0, nul);
    const std::size_t line_start = before.rfind('\n');
    pos.line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
    pos.column =
        static_cast<int>(line_start == std::string_view::npos ? nul + 1 : nul - line_start);
    return "not text: it holds NUL bytes";
  }
  const auto controls = std::count_if(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && !is_text_control(c)) || c == 0x7F;
  });
  if (static_cast<double>(controls) > kMaxControlShare * static_cast<double>(text.size())) {
    return "not text: " + std::to_string(controls) + " of its " + std::to_string(text.size()) +
           " bytes are control characters";
  }
  return {};
}

// UTF-16 is decoded before the binary check, since its ASCII has NUL high bytes.
std::string decode(const Input& input, Diagnostics& diag) {
  const detail::Encoding encoding = detail::detect_encoding(input.bytes);
  const bool utf16 = encoding == detail::Encoding::Utf16Le || encoding == detail::Encoding::Utf16Be;
  std::string text = utf16 ? detail::decode_text(input.bytes, encoding) : std::string();
  SourcePos pos;
  const std::string reason = binary_reason(utf16 ? std::string_view(text) : input.bytes, pos);
  if (!reason.empty()) throw Error(ErrorCode::Malformed, input.name, pos, reason);
  if (utf16) return text;
  if (encoding == detail::Encoding::Windows1252) {
    diag.warn({input.name, {}, "not valid UTF-8; read as Windows-1252"});
  }
  return detail::decode_text(input.bytes, encoding);
}

// LF line endings; a form feed is a page break, so a paragraph break.
std::string normalize_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\f') {
      out += "\n\n";
    } else {
      out += c;
    }
  }
  return out;
}

int sniff(std::string_view head) {
  const detail::Encoding encoding = detail::detect_encoding(head);
  const bool utf16 = encoding == detail::Encoding::Utf16Le || encoding == detail::Encoding::Utf16Be;
  const std::string decoded = utf16 ? detail::decode_text(head, encoding) : std::string();
  SourcePos pos;
  // Any text at all may be plain text: a low bid that every richer format outbids.
  return binary_reason(utf16 ? std::string_view(decoded) : head, pos).empty() ? 10 : 0;
}

class TextReader final : public Reader {
 public:
  Article read(const Input& input, const ReadOptions& options, Diagnostics& diag) const override {
    const Budget budget(options, input.name);
    const std::string text = detail::sanitize_utf8(normalize_breaks(decode(input, diag)));
    if (detail::collapse_whitespace(text).empty()) {
      throw Error(ErrorCode::Malformed, input.name, {}, "empty document");
    }
    budget.check();
    Article article;
    detail::ResourceCollector images(options, input.name, diag);
    std::string_view body = text;
    if (auto front = read_front_matter(text, input.name, options, diag)) {
      article.metadata = std::move(front->metadata);
      article.abstract = markdown_to_blocks(front->abstract, input.name, diag, images);
      body = front->rest;
      budget.check();
    }
    article.body = markdown_to_blocks(body, input.name, diag, images);
    article.resources = std::move(images).take();
    return article;
  }
};

}  // namespace

void register_reader(Registry& registry) {
  registry.add_reader(
      FormatInfo{"text",
                 "Plain text and Markdown-flavoured text (UTF-8, UTF-16 with BOM, Windows-1252)",
                 {".txt", ".text", ".md", ".markdown"},
                 {"text/plain", "text/markdown"},
                 &sniff},
      std::make_shared<TextReader>());
}

}  // namespace galley::text
