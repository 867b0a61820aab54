#include "detail/markers.hpp"

#include <array>
#include <cctype>

#include "detail/text.hpp"

namespace galley::detail {
namespace {

// Marker symbols, each with the one spelling markers are compared in.
struct Symbol {
  std::string_view printed, spelled;
};
constexpr std::array<Symbol, 19> kSymbols = {{{"*", "*"},
                                              {"\u2217", "*"},
                                              {"\u2020", "\u2020"},
                                              {"\u2021", "\u2021"},
                                              {"\u00A7", "\u00A7"},
                                              {"\u00B6", "\u00B6"},
                                              {"#", "#"},
                                              {"\u262F", "\u262F"},
                                              {"\u00B9", "1"},
                                              {"\u00B2", "2"},
                                              {"\u00B3", "3"},
                                              {"\u2070", "0"},
                                              {"\u2074", "4"},
                                              {"\u2075", "5"},
                                              {"\u2076", "6"},
                                              {"\u2077", "7"},
                                              {"\u2078", "8"},
                                              {"\u2079", "9"},
                                              {"\u2016", "\u2016"}}};

const Symbol* symbol_at(std::string_view text, std::size_t pos) {
  for (const Symbol& symbol : kSymbols) {
    if (text.substr(pos, symbol.printed.size()) == symbol.printed) return &symbol;
  }
  return nullptr;
}

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

// The marker at `pos`, spelled for comparing, and its end; nullopt when there is none.
// A letter is one when no letter follows it ("a," but not "and").
std::optional<std::pair<std::string, std::size_t>> marker_at(std::string_view text,
                                                             std::size_t pos) {
  if (const Symbol* symbol = symbol_at(text, pos)) {
    return std::pair{std::string(symbol->spelled), pos + symbol->printed.size()};
  }
  if (const std::size_t end = marker_unit_end(text, pos); end != pos) {
    return std::pair{std::string(text.substr(pos, end - pos)), end};
  }
  if (is_lower_ascii(text[pos]) &&
      (pos + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[pos + 1])))) {
    return std::pair{std::string(1, text[pos]), pos + 1};
  }
  return std::nullopt;
}

}  // namespace

std::size_t marker_symbol_length(std::string_view text, std::size_t pos) {
  const Symbol* symbol = symbol_at(text, pos);
  return symbol ? symbol->printed.size() : 0;
}

std::size_t marker_unit_end(std::string_view text, std::size_t pos) {
  if (const std::size_t n = marker_symbol_length(text, pos)) return pos + n;
  std::size_t end = pos;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return end - pos <= 2 ? end : pos;
}

std::optional<std::vector<std::string>> read_markers(std::string_view run) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < run.size();) {
    if (run[pos] == ',' || is_ascii_space(run[pos])) {
      ++pos;
      continue;
    }
    auto marker = marker_at(run, pos);
    if (!marker) return std::nullopt;
    out.push_back(std::move(marker->first));
    pos = marker->second;
  }
  return out;
}

std::optional<std::vector<PrintedName>> find_printed_names(std::string_view line,
                                                           const std::vector<Person>& names) {
  std::vector<PrintedName> out;
  std::size_t from = 0;
  for (const Person& person : names) {
    const std::size_t at =
        person.name.empty() ? std::string_view::npos : line.find(person.name, from);
    if (at == std::string_view::npos) return std::nullopt;
    out.push_back({at, at + person.name.size(), std::nullopt});
    from = at + person.name.size();
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t next = k + 1 < out.size() ? out[k + 1].begin : line.size();
    std::string run;
    for (std::string_view word : split_whitespace(line.substr(out[k].end, next - out[k].end))) {
      while (!word.empty() && (word.back() == ';' || word.back() == ',')) word.remove_suffix(1);
      if (word != "and" && word != "&") run += std::string(word) + " ";
    }
    out[k].markers = read_markers(run);
  }
  return out;
}

std::optional<std::pair<std::vector<std::string>, std::size_t>> leading_markers(
    std::string_view text) {
  std::vector<std::string> markers;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ',' && !markers.empty()) {
      ++pos;
      continue;
    }
    auto marker = marker_at(text, pos);
    // A letter marker is set apart from the name it opens ("a School"), or the name's
    // first letter would be read as one.
    if (!marker || (is_lower_ascii(text[pos]) && marker->second < text.size() &&
                    text[marker->second] != ' ')) {
      break;
    }
    markers.push_back(std::move(marker->first));
    pos = marker->second;
  }
  while (pos < text.size() && is_ascii_space(text[pos])) ++pos;
  if (markers.empty() || pos >= text.size() || !std::isupper(static_cast<unsigned char>(text[pos])))
    return std::nullopt;
  return std::pair{std::move(markers), pos};
}

}  // namespace galley::detail
