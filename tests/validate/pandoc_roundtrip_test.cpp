// pandoc reads back what galley writes: the EPUB, JATS and Markdown of every validation
// case give pandoc the article's title, authors, date and every word of its text (body,
// abstract, notes, references and footer), so a pandoc user converting galley's output
// further loses nothing.
//
// What pandoc's readers do not take in is left out of the comparison, each for a reason
// that lies in pandoc, not in the file:
// - JATS references: pandoc reads a reference list into metadata (for --citeproc) and
//   only from <element-citation>; the printed text of <mixed-citation> it skips.
// - JATS dates: pandoc before 2.19 (Debian 12 ships 2.17) does not read <pub-date>;
//   the date is checked where a probe shows that it does.
// - Markdown front matter: pandoc reads its strings as Markdown, so text that looks like
//   an HTML tag is raw HTML to it; the front matter is written for site generators,
//   which show strings as they are. Tag-like runs in the title and names are not compared.
// - Image alt text is not visible text: pandoc keeps it as an image description, which
//   its plain-text writer shows or not depending on the version.
// Renderers set typographic quotes and dashes, so texts are compared as their words.
//
// NCBI's JATS preview stylesheets (the other reader issue 16 names) are not run: neither
// Debian nor npm packages them, and the project vendors no third-party code. pandoc's
// JATS reader stands in as the consumer that must show title, authors and text.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include <galley/galley.hpp>

#include "detail/iso_date.hpp"
#include "detail/notes.hpp"
#include "detail/text.hpp"
#include "support/cmark.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/validation_cases.hpp"
#include "support/words.hpp"

namespace galley::test {
namespace {

namespace fs = std::filesystem;
using galley::testing::run_process;
using galley::testing::TempDir;

// pandoc's plain-text template for the fields compared, each after a marker line,
// since a field may run over several lines.
constexpr const char* kTemplate =
    "@@title\n$title$ $subtitle$\n"
    "$for(author)$\n@@author\n$author$\n$endfor$\n"
    "@@date\n$date$\n"
    "@@text\n$abstract$\n$body$\n";

// What pandoc made of one file.
struct Reading {
  std::string title;
  std::vector<std::string> authors;
  std::string date;
  std::string text;  ///< everything printed, metadata included
};

Reading parse_reading(const std::string& output) {
  Reading r;
  r.text = output;
  std::string* field = nullptr;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line == "@@title") {
      field = &r.title;
    } else if (line == "@@author") {
      field = &r.authors.emplace_back();
    } else if (line == "@@date") {
      field = &r.date;
    } else if (line == "@@text") {
      field = nullptr;
    } else if (field) {
      *field += (field->empty() ? "" : " ") + std::string(detail::trim(line));
    }
  }
  r.date = std::string(detail::trim(r.date));
  return r;
}

class Pandoc {
 public:
  static const Pandoc* instance() {
    static const std::optional<Pandoc> pandoc = find();
    return pandoc ? &*pandoc : nullptr;
  }

  Reading read(const fs::path& file, std::string_view format) const {
    const auto result =
        run_process(program_.string(), {"-f", std::string(format), "-t", "plain", "--wrap=none",
                                        "-s", "--template", template_.string(), file.string()});
    EXPECT_EQ(result.exit_code, 0) << file << ": " << result.err;
    return parse_reading(result.out);
  }

  bool reads_jats_dates() const { return reads_jats_dates_; }

 private:
  static std::optional<Pandoc> find() {
    const auto program = find_program("pandoc");
    if (!program) return std::nullopt;
    Pandoc p;
    p.program_ = *program;
    p.dir_ = std::make_shared<TempDir>();
    p.template_ = p.dir_->write("fields.plain", kTemplate);
    const fs::path probe = p.dir_->write(
        "probe.xml",
        "<article><front><article-meta><pub-date iso-8601-date=\"2010-06-15\"><year>2010</year>"
        "</pub-date></article-meta></front></article>");
    p.reads_jats_dates_ = p.read(probe, "jats").date == "2010-06-15";
    return p;
  }

  fs::path program_;
  std::shared_ptr<TempDir> dir_;  // holds the template for the whole run
  fs::path template_;
  bool reads_jats_dates_ = false;
};

// A person's name as a sorted list of its words: pandoc's JATS reader puts the given
// names first whatever the name's style.
std::string name_key(const std::string& name) {
  std::vector<std::string> words = detail::lower_words(words_of(name));
  std::sort(words.begin(), words.end());
  std::string key;
  for (const std::string& w : words) key += w + " ";
  return key;
}

std::multiset<std::string> name_keys(const std::vector<std::string>& names) {
  std::multiset<std::string> keys;
  for (const std::string& n : names) keys.insert(name_key(n));
  return keys;
}

// Every word of the article's text; references only where the format's reader takes
// them in as text. Of notes sharing an id the writers keep the first.
std::set<std::string> article_words(const Article& a, bool with_references) {
  std::string text = a.metadata.title.value_or("") + " " + a.metadata.subtitle.value_or("") +
                     text_of(a.abstract) + text_of(a.body) + text_of(a.footer);
  const detail::NoteIndex notes(a.notes);
  for (const Note* note : notes.unique()) text += text_of(note->blocks);
  if (with_references) {
    for (const Reference& ref : a.references) text += " " + ref.label + " " + ref.text;
  }
  const auto words = detail::lower_words(words_of(text));
  return {words.begin(), words.end()};
}

// Whether `word` was read: as itself, or with a note's number glued to it, as pandoc's
// plain text writes a reference ("countries1").
bool was_read(const std::string& word, const std::set<std::string>& have) {
  for (auto it = have.lower_bound(word); it != have.end() && it->starts_with(word); ++it) {
    if (std::all_of(it->begin() + static_cast<std::ptrdiff_t>(word.size()), it->end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      return true;
    }
  }
  return false;
}

std::string missing_words(const std::set<std::string>& want, const std::string& text) {
  const auto have_list = detail::lower_words(words_of(text));
  const std::set<std::string> have(have_list.begin(), have_list.end());
  std::string missing;
  for (const std::string& w : want) {
    if (!was_read(w, have)) missing += w + " ";
  }
  return missing;
}

// `text` without anything shaped like an HTML tag, and without the content of script
// and style elements, which HTML never shows.
std::string without_tags(const std::string& text) {
  static const std::regex hidden(R"(<(script|style)\b[^>]*>[\s\S]*?</\1>)", std::regex::icase);
  static const std::regex tag("<[A-Za-z/!?][^<>]*>");
  return std::regex_replace(std::regex_replace(text, hidden, " "), tag, " ");
}

struct Format {
  std::string writer;      ///< galley's writer name
  std::string reader;      ///< pandoc's reader name
  std::string extension;   ///< of the file pandoc reads
  bool dates;              ///< whether pandoc reads a date from it
  bool references;         ///< whether pandoc reads the references as text
  bool partial_dates;      ///< whether galley writes a date known to the month or year
  bool markdown_metadata;  ///< whether pandoc reads the metadata strings as Markdown
};

void expect_round_trip(const Format& format) {
  const Pandoc* pandoc = Pandoc::instance();
  if (!pandoc) GTEST_SKIP() << "pandoc is not on PATH (apt-get install pandoc)";
  TempDir dir;
  for (const ValidationCase& c : validation_cases()) {
    Article article = c.load();
    if (format.markdown_metadata) {
      Metadata& m = article.metadata;
      if (m.title) m.title = without_tags(*m.title);
      for (Person& p : m.authors) p.name = without_tags(p.name);
    }
    const fs::path file =
        dir.write(c.name + "." + format.extension, write_as(c.load(), format.writer));
    const Reading got = pandoc->read(file, format.reader);
    const Metadata& m = article.metadata;
    // The subtitle is not read from every format; its words are in the text.
    if (m.title) {
      EXPECT_TRUE(words_of(got.title).starts_with(words_of(*m.title))) << c.name;
    }
    std::vector<std::string> names;
    for (const Person& p : m.authors) {
      if (!words_of(p.name).empty()) names.push_back(p.name);
    }
    EXPECT_EQ(name_keys(got.authors), name_keys(names)) << c.name;
    if (format.dates) {
      const auto date = format.partial_dates ? detail::writable_publication_date(m.date, m.datetime)
                                             : detail::writable_iso_date(m.date);
      EXPECT_EQ(got.date, date.value_or("")) << c.name;
    }
    EXPECT_EQ(missing_words(article_words(article, format.references), got.text), "")
        << c.name << " as read by pandoc -f " << format.reader << ":\n"
        << got.text;
  }
}

TEST(PandocRoundTrip, ReadsBackEveryCaseFromEpub) {
  expect_round_trip({"epub", "epub", "epub", true, true, true, false});
}

TEST(PandocRoundTrip, ReadsBackEveryCaseFromJats) {
  const Pandoc* pandoc = Pandoc::instance();
  const bool dates = pandoc && pandoc->reads_jats_dates();
  if (pandoc && !dates) std::cout << "pandoc reads no JATS <pub-date>: dates not compared\n";
  expect_round_trip({"jats", "jats", "xml", dates, false, true, false});
}

TEST(PandocRoundTrip, ReadsBackEveryCaseFromMarkdown) {
  expect_round_trip({"markdown", "markdown", "md", true, true, false, true});
}

}  // namespace
}  // namespace galley::test
