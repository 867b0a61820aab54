// Inline CommonMark: escaping of literal text, and emphasis delimiters that parse back.
//
// Escaping is minimal but safe: characters that always can start markup (`*`, `[`,
// `]`, backtick, `~` for GFM readers) are escaped; `_`, `\`, `<`, `&` and `!` only
// where the following or surrounding characters could make them markup. Emphasis
// uses `*`/`**` when CommonMark's flanking rules make the opening run able only to
// open and the closing run able only to close, so they cannot pair with anything but
// each other; otherwise (intraword `a<em>b</em>c`, `a<em>"b"</em>c`, directly nested
// emphasis, characters whose Unicode class we cannot tell) it falls back to
// <em>/<strong> raw HTML, which CommonMark renders the same way. Adjacent code spans
// are written as one, since their fences would merge.
#include "markdown_inlines.hpp"

#include <algorithm>
#include <cctype>

#include "detail/text.hpp"
#include "detail/url.hpp"

namespace galley::markdown {
namespace {

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_punct(char32_t c) { return c < 0x80 && c > 0x20 && c != 0x7F && !is_ascii_alnum(c); }

// How a character next to an emphasis delimiter counts in CommonMark's flanking rules.
enum class Flank {
  Space,  ///< whitespace, or the start/end of the line
  Punct,  ///< ASCII punctuation
  Word,   ///< ASCII alphanumeric or a letter of a script we know
  Other,  ///< any other character: we cannot tell punctuation from not
  Star,   ///< '*': another delimiter run would merge with ours
};

bool is_known_letter(char32_t c) {
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||           // Latin
         (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||        // Greek
         (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) ||      // Cyrillic
         (c >= 0x5D0 && c <= 0x5EA) ||                                    // Hebrew
         (c >= 0x620 && c <= 0x64A) ||                                    // Arabic
         (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||  // kana
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);    // CJK, Hangul
}

bool is_unicode_space(char32_t c) {
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

Flank classify(char32_t c) {
  if (c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return Flank::Space;
  }
  if (c == '*') return Flank::Star;
  if (is_ascii_punct(c)) return Flank::Punct;
  if (is_ascii_alnum(c) || is_known_letter(c)) return Flank::Word;
  if (is_unicode_space(c)) return Flank::Space;
  return Flank::Other;
}

char32_t first_code_point(std::string_view s) {
  std::size_t pos = 0;
  return s.empty() ? 0 : detail::next_code_point(s, pos);
}

char32_t last_code_point(std::string_view s) {
  std::size_t end = s.size();
  return s.empty() ? 0 : detail::previous_code_point(s, end);
}

// An `&` that starts something CommonMark would read as an entity (`&amp;`, `&#38;`).
bool starts_entity(std::string_view text, std::size_t amp) {
  std::size_t i = amp + 1;
  while (i < text.size() && i - amp <= 32 &&
         (is_ascii_alnum(static_cast<unsigned char>(text[i])) || text[i] == '#')) {
    ++i;
  }
  return i > amp + 1 && i < text.size() && text[i] == ';';
}

bool escape_here(std::string_view text, std::size_t i, bool before_link, bool table_cell) {
  const char c = text[i];
  const bool last = i + 1 == text.size();
  const char next = last ? '\0' : text[i + 1];
  switch (c) {
    case '*':
    case '[':
    case ']':
    case '`':
    case '~':
      return true;
    case '|':
      return table_cell;
    case '_':  // only intraword underscores can never delimit emphasis
      return i == 0 || last || !is_ascii_alnum(static_cast<unsigned char>(text[i - 1])) ||
             !is_ascii_alnum(static_cast<unsigned char>(next));
    case '\\':  // CommonMark needs it only before punctuation or at a line's end, but
                // pandoc's Markdown reads "\path" as TeX and "\ " as a fixed space
      return true;
    case '<':  // could open a tag, comment or autolink
      return last || next == '/' || next == '?' || next == '!' ||
             std::isalpha(static_cast<unsigned char>(next));
    case '&':
      return starts_entity(text, i);
    case '!':  // "![" would turn a following link into an image
      return last && before_link;
    default:
      return false;
  }
}

// Literal text: newlines become spaces (lines break only at hard breaks).
std::string escape_text(std::string_view text, bool before_link, bool table_cell) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (escape_here(text, i, before_link, table_cell)) out += '\\';
    out += text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
  }
  return out;
}

// A run of backticks longer than any inside `text`, with padding where CommonMark
// would otherwise strip a space or merge a backtick into the fence.
std::string code_span(std::string_view raw) {
  std::string text(raw);
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool all_spaces = text.find_first_not_of(' ') == std::string::npos;
  const bool pad = text.front() == '`' || text.back() == '`' ||
                   (!all_spaces && text.front() == ' ' && text.back() == ' ');
  return pad ? fence + ' ' + text + ' ' + fence : fence + text + fence;
}

// A link destination that reads back byte for byte: <...> form when it holds spaces
// or parentheses, with `<`, `>`, `\` escaped and entity-like `&` written as `&amp;`.
std::string link_destination(std::string_view url) {
  const bool pointy = url.empty() || url.find_first_of(" ()\t") != std::string_view::npos;
  std::string out = pointy ? "<" : "";
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '\n' || c == '\r') {
      out += c == '\n' ? "%0A" : "%0D";
      continue;
    }
    if (c == '&' && starts_entity(url, i)) {
      out += "&amp;";  // cmark decodes entities in destinations before backslash escapes
      continue;
    }
    if (c == '<' || c == '>' || c == '\\') out += '\\';
    out += c;
  }
  if (pointy) out += '>';
  return out;
}

// Inline output is built as pieces so that an emphasis piece can see the characters
// on both sides of its delimiters before choosing them.
struct Piece {
  std::string text;              ///< literal markup, or the emphasis content
  const char* marker = nullptr;  ///< "*" or "**" for emphasis pieces
  const char* tag = nullptr;     ///< "em" or "strong": the fallback
  std::string lead, trail;       ///< whitespace moved outside the delimiters
};

Piece literal(std::string text) {
  Piece p;
  p.text = std::move(text);
  return p;
}

// Adjacent code spans would merge their backtick fences; one span reads the same.
Inlines merge_code_spans(const Inlines& list) {
  Inlines out;
  for (const Inline& i : list) {
    const auto* code = std::get_if<Code>(&i.node);
    auto* previous = out.empty() ? nullptr : std::get_if<Code>(&out.back().node);
    if (code && previous) {
      previous->text += code->text;
    } else {
      out.push_back(i);
    }
  }
  return out;
}

class Renderer {
 public:
  explicit Renderer(const InlineContext& context) : context_(context) {}

  // `edge` is what surrounds the inlines: the line's start and end at the top, and
  // punctuation (`*`, `<em>`, `[`...) around the content of emphasis and links.
  std::string inlines(const Inlines& raw, Flank edge = Flank::Punct) {
    const Inlines list = merge_code_spans(raw);
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const bool before_link =
          i + 1 < list.size() && std::holds_alternative<Link>(list[i + 1].node);
      pieces.push_back(piece(list[i], before_link));
    }
    return join(pieces, edge);
  }

 private:
  Piece piece(const Inline& node, bool before_link) {
    return std::visit(
        overloaded{
            [&](const Text& t) {
              return literal(escape_text(t.text, before_link, context_.table_cell));
            },
            [&](const Emphasis& e) { return delimited(e.children, "*", "em"); },
            [&](const Strong& s) { return delimited(s.children, "**", "strong"); },
            [&](const Code& c) { return literal(c.text.empty() ? "" : code_span(c.text)); },
            [&](const Link& l) {
              // CommonMark links cannot nest: an inner link keeps only its text, as does
              // a link that would run script or carry a data: payload.
              if (in_link_ || detail::is_script_or_data_url(l.url)) {
                return literal(inlines(l.children));
              }
              in_link_ = true;
              const int cited = context_.references ? context_.references->cited(l.url) : 0;
              const std::string url = cited != 0 ? "#ref-" + std::to_string(cited) : l.url;
              std::string text = "[" + inlines(l.children) + "](" + link_destination(url) + ")";
              in_link_ = false;
              return literal(std::move(text));
            },
            [&](const Image& i) {
              return literal("![" + escape_text(i.alt, false, context_.table_cell) + "](" +
                             link_destination(i.src) + ")");
            },
            [&](const LineBreak&) { return literal(context_.single_line ? " " : "\\\n"); },
            [&](const NoteRef& n) { return literal(note_ref(n.id)); },
        },
        node.node);
  }

  // A superscript number linking to the note's anchor in the Notes list.
  std::string note_ref(const std::string& id) const {
    const auto* numbers = context_.note_numbers;
    const auto found = numbers ? numbers->find(id) : std::map<std::string, int>::const_iterator{};
    if (!numbers || found == numbers->end()) {
      if (context_.diag) {
        context_.diag->warn({"markdown", {}, "reference to a missing note '" + id + "' dropped"});
      }
      return {};
    }
    const std::string n = std::to_string(found->second);
    return in_link_ ? "<sup>" + n + "</sup>" : "<sup>[" + n + "](#note-" + n + ")</sup>";
  }

  Piece delimited(const Inlines& children, const char* marker, const char* tag) {
    Piece p = literal(inlines(children));
    p.marker = marker;
    p.tag = tag;
    const std::size_t begin = p.text.find_first_not_of(" \t");
    if (begin == std::string::npos) return literal(std::move(p.text));  // nothing to stress
    const std::size_t end = p.text.find_last_not_of(" \t") + 1;
    p.lead = p.text.substr(0, begin);
    p.trail = p.text.substr(end);
    p.text = p.text.substr(begin, end - begin);
    return p;
  }

  // CommonMark's flanking rules for a `*` run between `before` and `after`, which
  // must hold whether an Other character is punctuation or not.
  static bool always(Flank before, Flank after, bool (*rule)(bool, bool, bool, bool)) {
    const auto options = [](Flank f) {
      return f == Flank::Other ? std::vector<Flank>{Flank::Punct, Flank::Word}
                               : std::vector<Flank>{f};
    };
    for (Flank b : options(before)) {
      for (Flank a : options(after)) {
        if (!rule(b == Flank::Space, b == Flank::Punct, a == Flank::Space, a == Flank::Punct)) {
          return false;
        }
      }
    }
    return true;
  }

  static bool left_flanking(bool before_space, bool before_punct, bool after_space,
                            bool after_punct) {
    return !after_space && (!after_punct || before_space || before_punct);
  }

  static bool right_flanking(bool before_space, bool before_punct, bool after_space,
                             bool after_punct) {
    return !before_space && (!before_punct || after_space || after_punct);
  }

  // Our delimiters may only open (resp. close): a run that could do both might close an
  // enclosing `*` across raw HTML, or pair by the rule of three.
  static bool opens_only(Flank before, Flank inside) {
    if (before == Flank::Star || inside == Flank::Star) return false;
    return always(before, inside, left_flanking) &&
           always(before, inside, [](bool bs, bool bp, bool as, bool ap) {
             return !right_flanking(bs, bp, as, ap);
           });
  }

  static bool closes_only(Flank inside, Flank after) {
    if (inside == Flank::Star || after == Flank::Star) return false;
    return always(inside, after, right_flanking) &&
           always(inside, after, [](bool bs, bool bp, bool as, bool ap) {
             return !left_flanking(bs, bp, as, ap);
           });
  }

  // The class of the first character the piece at `i` (or a later one) will print.
  static Flank next_flank(const std::vector<Piece>& pieces, std::size_t i, Flank edge) {
    for (; i < pieces.size(); ++i) {
      const Piece& p = pieces[i];
      if (!p.lead.empty()) return classify(first_code_point(p.lead));
      if (p.marker) return Flank::Punct;  // '*' or '<'; a '*' never follows ours
      if (!p.text.empty()) return classify(first_code_point(p.text));
    }
    return edge;
  }

  static std::string join(const std::vector<Piece>& pieces, Flank edge) {
    std::string out;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const Piece& p = pieces[i];
      out += p.lead;
      if (!p.marker) {
        out += p.text;
        continue;
      }
      const Flank before = out.empty() ? edge : classify(last_code_point(out));
      const Flank after = p.trail.empty() ? next_flank(pieces, i + 1, edge) : Flank::Space;
      if (opens_only(before, classify(first_code_point(p.text))) &&
          closes_only(classify(last_code_point(p.text)), after)) {
        out += p.marker + p.text + p.marker;
      } else {
        out += std::string("<") + p.tag + ">" + p.text + "</" + p.tag + ">";
      }
      out += p.trail;
    }
    return out;
  }

  const InlineContext& context_;
  bool in_link_ = false;
};

}  // namespace

std::string render_inlines(const Inlines& inlines, const InlineContext& context) {
  return Renderer(context).inlines(inlines, Flank::Space);
}

}  // namespace galley::markdown
