// A tokenizer that follows libxml2 2.9.14's HTML parser (htmlParseContentInternal and
// the functions it calls, with HTML_PARSE_RECOVER) closely enough to find every start
// tag it parses. Exactness matters where libxml2 skips text: a comment, a literal or a
// script that this reading ends later than libxml2 would hide the tags after it.
// tests/converters/html/markup_limits_test.cpp checks the reading against libxml2 itself.
#include "markup_limits.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/chvalid.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "detail/text.hpp"

namespace galley::html {
namespace {

constexpr std::size_t kNone = std::string_view::npos;
// libxml2's HTML_PARSER_BUFFER_SIZE: longer tag and attribute names are cut, and the
// rest of the name is read as the next attribute.
constexpr std::size_t kNameLength = 100;

// IS_BLANK_CH: form feed is not a blank to libxml2.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// htmlParseHTMLName, which reads tag and attribute names.
bool starts_html_name(char c) { return is_ascii_letter(c) || c == '_' || c == ':' || c == '.'; }
bool in_html_name(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || c == ':' || c == '-' || c == '_' || c == '.';
}

// htmlParseName, which reads DOCTYPE and processing-instruction names: XML 1.0 name
// characters, with libxml2's own tables for the non-ASCII ones.
bool starts_xml_name(char32_t c) {
  return xmlIsBaseCharQ(c) || xmlIsIdeographicQ(c) || c == '_' || c == ':';
}
bool in_xml_name(char32_t c) {
  return starts_xml_name(c) || xmlIsDigitQ(c) || c == '.' || c == '-' || xmlIsCombiningQ(c) ||
         xmlIsExtenderQ(c);
}
bool in_ascii_xml_name(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || c == '_' || c == '-' || c == ':' || c == '.';
}

// Whether a start tag `tag` makes libxml2 close an open `raw` element: its table has
// <body> and <frameset> end <style>. htmlAutoCloseTag asks that table about a node
// without children.
bool start_closes(std::string_view tag, std::string_view raw) {
  const std::string tag_name = detail::to_lower_ascii(tag);
  const std::string raw_name(raw);
  xmlNode node{};
  node.type = XML_ELEMENT_NODE;
  node.name = reinterpret_cast<const xmlChar*>(tag_name.c_str());
  return htmlAutoCloseTag(nullptr, reinterpret_cast<const xmlChar*>(raw_name.c_str()), &node) == 1;
}

// Whether `name` is `lower` (lower case) in any case.
bool is_name(std::string_view name, std::string_view lower) {
  return name.size() == lower.size() && detail::starts_with_icase(name, lower);
}

// A change to the page: `erase` bytes removed at `at`, or a space inserted there.
struct Edit {
  std::size_t at = 0;
  std::size_t erase = 0;
};

class Scanner {
 public:
  Scanner(std::string_view html, const MarkupLimits& limits) : s_(html), limits_(limits) {}

  void run() {
    while (pos_ < s_.size() && count_.nodes <= limits_.nodes) {
      if (!raw_.empty()) {
        raw_text();
        continue;
      }
      const std::size_t open = s_.find('<', pos_);
      if (open == kNone) break;
      if (in_prologue_ && s_.find_first_not_of(" \t\n\r", pos_) < open) in_prologue_ = false;
      pos_ = open;
      markup();
    }
  }

  const MarkupCount& count() const noexcept { return count_; }
  const std::vector<Edit>& edits() const noexcept { return edits_; }

 private:
  char at(std::size_t i) const noexcept { return i < s_.size() ? s_[i] : '\0'; }
  bool at_text(std::size_t i, std::string_view text) const noexcept {
    return s_.substr(std::min(i, s_.size())).starts_with(text);
  }
  bool at_text_icase(std::size_t i, std::string_view text) const noexcept {
    return detail::starts_with_icase(s_.substr(std::min(i, s_.size())), text);
  }
  void skip_blanks() noexcept {
    while (is_blank(at(pos_))) ++pos_;
  }
  void skip_past(char c) noexcept {
    pos_ = s_.find(c, pos_);
    pos_ = pos_ == kNone ? s_.size() : pos_ + 1;
  }

  // At '<', in the order htmlParseContentInternal tries them.
  void markup() {
    const char next = at(pos_ + 1);
    if (next == '/') {
      in_prologue_ = false;
      end_tag();
    } else if (is_ascii_letter(next)) {
      in_prologue_ = false;
      start_tag();
    } else if (at_text_icase(pos_, "<!doctype")) {
      doctype();
    } else if (at_text(pos_, "<!--")) {
      comment();
    } else if (next == '?') {
      processing_instruction();
    } else {
      in_prologue_ = false;
      ++pos_;  // a '<' that starts nothing is text
    }
  }

  std::string_view html_name() {
    if (!starts_html_name(at(pos_))) return {};
    const std::size_t start = pos_;
    while (pos_ < s_.size() && pos_ - start < kNameLength && in_html_name(s_[pos_])) ++pos_;
    return s_.substr(start, pos_ - start);
  }

  // htmlParseName; false, with nothing read, when no name starts here.
  bool xml_name() {
    std::size_t end = pos_;
    if (is_ascii_letter(at(end)) || at(end) == '_' || at(end) == ':') {
      while (in_ascii_xml_name(at(end))) ++end;
      // A name running to the end of the page is no name to libxml2.
      if (end == s_.size()) return false;
      if (static_cast<unsigned char>(s_[end]) < 0x80) {
        pos_ = end;
        return true;
      }
    }
    // Past ASCII, libxml2 reads the whole name again character by character.
    end = pos_;
    std::size_t next = end;
    char32_t c = end < s_.size() ? detail::next_code_point(s_, next) : 0;
    if (!starts_xml_name(c)) return false;
    while (c != 0 && in_xml_name(c)) {
      end = next;
      c = end < s_.size() ? detail::next_code_point(s_, next) : 0;
    }
    pos_ = end;
    return true;
  }

  void end_tag() {
    pos_ += 2;
    if (html_name().empty()) return;  // "</" is dropped and what follows read as text
    skip_blanks();
    skip_past('>');
  }

  // htmlParseStartTag, then the end of htmlParseElementInternal.
  void start_tag() {
    ++count_.nodes;
    ++pos_;
    const std::string_view name = html_name();
    skip_blanks();
    std::size_t attributes = 0;
    std::size_t drop_from = kNone;
    while (pos_ < s_.size() && !at_tag_end()) {
      const std::size_t start = pos_;
      if (!attribute()) {
        bogus_attribute();
      } else if (attributes++ < limits_.attributes_per_element &&
                 count_.attributes < limits_.attributes) {
        ++count_.attributes;
      } else {
        ++count_.dropped;
        if (drop_from == kNone) drop_from = start;
      }
      skip_blanks();
    }
    count_.most_attributes = std::max(count_.most_attributes, attributes);
    // What follows the last kept attribute is the tag's end, so nothing new is joined.
    if (drop_from != kNone) edits_.push_back({drop_from, pos_ - drop_from});
    if (at(pos_) == '>') {
      ++pos_;
      enter_raw_text(name);
    } else if (pos_ < s_.size()) {
      pos_ += 2;  // "/>" closes the element at once
    }
  }

  bool at_tag_end() const noexcept {
    return at(pos_) == '>' || (at(pos_) == '/' && at(pos_ + 1) == '>');
  }

  // htmlParseAttribute; false, with nothing read, when no name starts here.
  bool attribute() {
    if (html_name().empty()) return false;
    skip_blanks();
    if (at(pos_) != '=') return true;
    ++pos_;
    skip_blanks();
    const char quote = at(pos_);
    if (quote == '"' || quote == '\'') {
      pos_ = s_.find(quote, pos_ + 1);
      pos_ = pos_ == kNone ? s_.size() : pos_ + 1;
    } else {
      while (pos_ < s_.size() && !is_blank(s_[pos_]) && s_[pos_] != '>') ++pos_;
    }
    return true;
  }

  // libxml2 skips what is not an attribute up to a blank or the tag's end.
  void bogus_attribute() {
    while (pos_ < s_.size() && !is_blank(s_[pos_]) && !at_tag_end()) ++pos_;
  }

  // htmlParseDocTypeDecl: name, SYSTEM or PUBLIC literals, then anything up to '>'.
  // One at the start of the page (after blanks, comments and processing instructions
  // only) is read by htmlParseDocument. Any other is "misplaced": the content loop reads
  // what follows it without a new turn, so an end tag or another DOCTYPE right after it
  // starts with a '<' that is text.
  void doctype() {
    const bool misplaced = !in_prologue_;
    in_prologue_ = false;
    read_doctype();
    if (misplaced && at(pos_) == '<' && (at(pos_ + 1) == '/' || at_text_icase(pos_, "<!doctype"))) {
      ++pos_;
    }
  }

  void read_doctype() {
    pos_ += 9;
    skip_blanks();
    xml_name();
    skip_blanks();
    if (at_text_icase(pos_, "system")) {
      pos_ += 6;
      skip_blanks();
      literal();
    } else if (at_text_icase(pos_, "public")) {
      pos_ += 6;
      skip_blanks();
      literal();
      skip_blanks();
      literal();
    }
    skip_past('>');
  }

  void literal() {
    const char quote = at(pos_);
    if (quote != '"' && quote != '\'') return;
    pos_ = s_.find(quote, pos_ + 1);
    pos_ = pos_ == kNone ? s_.size() : pos_ + 1;
  }

  // htmlParseComment ends at the first "-->" or "--!>" after "<!--" (2.9.14 has no
  // "<!-->" shortcut), or at the end of the page.
  void comment() {
    ++count_.nodes;
    for (std::size_t dashes = s_.find("--", pos_ + 4); dashes != kNone;
         dashes = s_.find("--", dashes + 1)) {
      if (at(dashes + 2) == '>') {
        pos_ = dashes + 3;
        return;
      }
      if (at(dashes + 2) == '!' && at(dashes + 3) == '>') {
        pos_ = dashes + 4;
        return;
      }
    }
    pos_ = s_.size();
  }

  // htmlParsePI: with a target name, up to '>'; without one only "<?" is dropped.
  void processing_instruction() {
    pos_ += 2;
    if (!xml_name()) return;
    ++count_.nodes;
    skip_past('>');
  }

  void enter_raw_text(std::string_view tag) {
    for (std::string_view raw : {"script", "style"}) {
      if (is_name(tag, raw)) {
        raw_ = raw;
        raw_start_ = true;
      }
    }
  }

  // Script and style content, which htmlParseScript reads as text up to "</" and the
  // element's name. Before it starts, and again after an end tag with no name, libxml2
  // treats "</x" and "<x" as markup.
  void raw_text() {
    if (raw_start_ && at(pos_) == '<') {
      if (at(pos_ + 1) == '/') {
        raw_end_tag();
        return;
      }
      if (is_ascii_letter(at(pos_ + 1)) && start_closes(tag_name_at(pos_ + 1), raw_)) {
        raw_ = {};
        return;
      }
    }
    raw_start_ = false;
    std::size_t close = s_.find("</", pos_);
    while (close != kNone && !at_text_icase(close + 2, raw_)) close = s_.find("</", close + 1);
    if (close == kNone) {
      pos_ = s_.size();
      return;
    }
    pos_ = close;
    raw_end_tag();
  }

  // At "</" in script or style content. The element's own end tag closes it; any other
  // name would be looked up among libxml2's open elements, which this reading does not
  // follow, so a space after "</" makes it text.
  void raw_end_tag() {
    const std::size_t open = pos_;
    pos_ += 2;
    const std::string_view name = html_name();
    if (is_name(name, raw_)) {
      raw_ = {};
      skip_blanks();
      skip_past('>');
      return;
    }
    if (!name.empty()) edits_.push_back({open + 2, 0});
    pos_ = open + 2;
    raw_start_ = name.empty();  // libxml2 dropped the "</" and looks at markup again
  }

  // htmlParseHTMLName_nonInvasive, which names a start tag before it is read.
  std::string_view tag_name_at(std::size_t start) const {
    std::size_t end = start;
    while (end < s_.size() && end - start < kNameLength && in_html_name(s_[end]) &&
           s_[end] != '.') {
      ++end;
    }
    return s_.substr(start, end - start);
  }

  std::string_view s_;
  const MarkupLimits& limits_;
  std::size_t pos_ = 0;
  bool in_prologue_ = true;  // only blanks, comments and processing instructions so far
  std::string_view raw_;     // "script" or "style" while in one
  bool raw_start_ = false;
  MarkupCount count_;
  std::vector<Edit> edits_;
};

std::string apply_edits(std::string_view html, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(html.size() + edits.size());
  std::size_t done = 0;
  for (const Edit& edit : edits) {
    out.append(html.substr(done, edit.at - done));
    if (edit.erase == 0) out += ' ';
    done = edit.at + edit.erase;
  }
  out.append(html.substr(done));
  return out;
}

}  // namespace

MarkupCount limit_markup(std::string& html, const MarkupLimits& limits) {
  Scanner scanner(html, limits);
  scanner.run();
  if (!scanner.edits().empty()) html = apply_edits(html, scanner.edits());
  return scanner.count();
}

}  // namespace galley::html
