#include "detail/inlines.hpp"

#include "detail/text.hpp"

namespace galley::detail {
namespace {

std::string collapse_ascii_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (const char c : text) {
    if (is_ascii_space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  if (in_space) out += ' ';
  return out;
}

Text* as_text(Inline& node) { return std::get_if<Text>(&node.node); }

void merge_texts(Inlines& inlines) {
  Inlines merged;
  merged.reserve(inlines.size());
  for (Inline& node : inlines) {
    std::visit(overloaded{
                   [](Emphasis& e) { merge_texts(e.children); },
                   [](Strong& s) { merge_texts(s.children); },
                   [](Link& l) { merge_texts(l.children); },
                   [](auto&) {},
               },
               node.node);
    Text* text = as_text(node);
    if (text && !merged.empty() && as_text(merged.back())) {
      as_text(merged.back())->text += text->text;
    } else {
      merged.push_back(std::move(node));
    }
  }
  for (Inline& node : merged) {
    if (Text* text = as_text(node)) text->text = collapse_ascii_space(text->text);
  }
  std::erase_if(merged, [](const Inline& node) {
    const Text* text = std::get_if<Text>(&node.node);
    return text && text->text.empty();
  });
  inlines = std::move(merged);
}

bool is_break(const Inlines& inlines, std::size_t i) {
  return i < inlines.size() && std::holds_alternative<LineBreak>(inlines[i].node);
}

}  // namespace

void normalize_inlines(Inlines& inlines) {
  merge_texts(inlines);
  for (std::size_t i = 0; i < inlines.size(); ++i) {
    Text* text = as_text(inlines[i]);
    if (!text) continue;
    if ((i == 0 || is_break(inlines, i - 1)) && text->text.starts_with(' ')) {
      text->text.erase(0, 1);
    }
    if ((i + 1 == inlines.size() || is_break(inlines, i + 1)) && text->text.ends_with(' ')) {
      text->text.pop_back();
    }
  }
  std::erase_if(inlines, [](const Inline& node) {
    const Text* text = std::get_if<Text>(&node.node);
    return text && text->text.empty();
  });
  // A line break at either end breaks nothing.
  while (!inlines.empty() && is_break(inlines, inlines.size() - 1)) inlines.pop_back();
  while (!inlines.empty() && is_break(inlines, 0)) inlines.erase(inlines.begin());
}

std::vector<Inlines> split_lines(const Inlines& inlines) {
  std::vector<Inlines> lines(1);
  for (const Inline& node : inlines) {
    if (std::holds_alternative<LineBreak>(node.node)) {
      lines.emplace_back();
    } else {
      lines.back().push_back(node);
    }
  }
  return lines;
}

}  // namespace galley::detail
