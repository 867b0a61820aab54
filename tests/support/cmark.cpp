#include "support/cmark.hpp"

#include <algorithm>
#include <cstdlib>

#include <gtest/gtest.h>

#include "detail/text.hpp"
#include "support/process.hpp"

namespace galley::test {

std::optional<std::filesystem::path> find_program(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    const std::filesystem::path candidate =
        std::filesystem::path(std::string(dirs.substr(0, colon))) / std::string(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::string_view strip_front_matter(std::string_view markdown) {
  if (markdown.substr(0, 4) != "---\n") return markdown;
  const std::size_t end = markdown.find("\n---\n", 3);
  return end == std::string_view::npos ? markdown : markdown.substr(end + 5);
}

std::string cmark_html(const std::string& markdown) {
  const auto cmark = find_program("cmark");
  if (!cmark) {
    ADD_FAILURE() << "cmark is not on PATH";
    return {};
  }
  galley::testing::TempDir dir;
  const auto input = dir.write("in.md", std::string(strip_front_matter(markdown)));
  const auto result = galley::testing::run_process(cmark->string(), {"--unsafe"}, input);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  return result.out;
}

std::vector<std::string> elements(std::string_view html, std::string_view tag) {
  std::vector<std::string> out;
  const std::string open = "<" + std::string(tag);
  const std::string close = "</" + std::string(tag) + ">";
  std::size_t pos = 0;
  while ((pos = html.find(open, pos)) != std::string_view::npos) {
    const std::size_t after = pos + open.size();
    if (after >= html.size() || (html[after] != '>' && html[after] != ' ')) {
      pos = after;
      continue;
    }
    const std::size_t start = html.find('>', after) + 1;
    const std::size_t end = html.find(close, start);
    if (end == std::string_view::npos) break;
    out.emplace_back(html.substr(start, end - start));
    pos = end + close.size();
  }
  return out;
}

std::string text_content(std::string_view html) {
  std::string text;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.substr(i, 5) == "<sup>") {
      const std::size_t end = html.find("</sup>", i);
      i = end == std::string_view::npos ? html.size() : end + 5;
    } else if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end;
    } else if (html[i] == '&') {
      static const std::pair<std::string_view, char> entities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (const auto& [name, c] : entities) {
        if (html.substr(i, name.size()) == name) {
          text += c;
          i += name.size() - 1;
          decoded = true;
          break;
        }
      }
      if (!decoded) text += '&';
    } else {
      text += html[i];
    }
  }
  return detail::collapse_whitespace(text);
}

std::optional<std::string> html_after_footer_rule(std::string_view html, const Blocks& footer) {
  const auto own_rules = std::count_if(footer.begin(), footer.end(), [](const Block& b) {
    return std::holds_alternative<Rule>(b.node);
  });
  std::size_t at = html.size();
  for (std::ptrdiff_t i = 0; i <= own_rules; ++i) {
    if (at == 0) return std::nullopt;
    at = html.rfind("<hr", at - 1);
    if (at == std::string_view::npos) return std::nullopt;
  }
  return std::string(html.substr(at));
}

}  // namespace galley::test
