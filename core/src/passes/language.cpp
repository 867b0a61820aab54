// The language an article is written in, when its source did not say: Compact
// Language Detector 2 (Debian: libcld2-dev) over the article's own text.
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <galley/recover.hpp>

#include "detail/language.hpp"
#include "detail/text.hpp"

namespace galley {
namespace {

// Enough text for a confident answer on any article; more only costs time.
constexpr std::size_t kSampleBytes = 64 * 1024;

// The article's reading text, up to kSampleBytes: what its reader would judge the
// language by. Footer and furniture are left out (a site's chrome is often English
// around an article that is not).
std::string sample_of(const Article& article) {
  std::string text = article.metadata.title.value_or("");
  for (const Blocks* blocks : {&article.abstract, &article.body}) {
    for (const Block& block : *blocks) {
      if (text.size() >= kSampleBytes) break;
      if (std::holds_alternative<CodeBlock>(block.node)) continue;
      text += '\n';
      text += plain_text(block);
    }
  }
  return text;  // detect_language cuts it to kSampleBytes and mends invalid UTF-8
}

// CLD2 names a few languages by their withdrawn ISO 639 codes.
std::string_view bcp47_of(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  return code;
}

}  // namespace

std::optional<std::string> detect_language(std::string_view text) {
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const std::string_view sample = text.substr(0, kSampleBytes);
  const std::string valid = detail::sanitize_utf8(sample);
  const CLD2::Language language = CLD2::DetectLanguageSummary(
      valid.data(), static_cast<int>(valid.size()), true, top3, percent3, &text_bytes, &reliable);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return std::nullopt;
  }
  return detail::normalize_language_tag(bcp47_of(CLD2::LanguageCode(language)));
}

void recover_language(Article& article, const RecoverOptions&, Diagnostics&) {
  if (article.metadata.lang) return;
  article.metadata.lang = detect_language(sample_of(article));
}

}  // namespace galley
