// The language an article is written in, when its source did not say: Compact
// Language Detector 2 (Debian: libcld2-dev, called in detail/language_detector.cpp)
// over the article's own text.
#include <galley/recover.hpp>

#include "detail/language.hpp"
#include "detail/language_detector.hpp"
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
  return text;  // guess() cuts it to kSampleBytes and mends invalid UTF-8
}

// CLD2 names a few languages by their withdrawn ISO 639 codes.
std::string_view bcp47_of(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  return code;
}

// CLD2's guess at the first kSampleBytes of `text`, with invalid UTF-8 mended.
detail::LanguageGuess guess(std::string_view text) {
  return detail::guess_language(detail::sanitize_utf8(text.substr(0, kSampleBytes)));
}

std::optional<std::string> language_tag(const detail::LanguageGuess& guess) {
  if (guess.code.empty()) return std::nullopt;
  return detail::normalize_language_tag(bcp47_of(guess.code));
}

}  // namespace

std::optional<std::string> detect_language(std::string_view text) {
  return language_tag(guess(text));
}

void recover_language(Article& article, const RecoverOptions&, Diagnostics& diag) {
  if (article.metadata.lang) return;
  const detail::LanguageGuess guessed = guess(sample_of(article));
  if (!guessed.missing.empty()) {
    diag.warn({{}, {}, "language not detected: the detector is not installed: " + guessed.missing});
  }
  article.metadata.lang = language_tag(guessed);
}

}  // namespace galley
