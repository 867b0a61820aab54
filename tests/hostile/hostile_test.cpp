// The hostile-input suite: inputs made to hurt a converter, each run through the galley
// command as a user or a service would, under the same rules (SECURITY.md):
//   - it uses at most 20 s of CPU time (sanitizer builds: not checked) and never ends
//     by a signal; a wall-clock guard of several times that, so that a busy machine
//     cannot fail it, kills a hang;
//   - its peak memory stays under 1 GiB (not checked under sanitizers, whose shadow
//     memory is not the program's), and a case that promises to be quick stays under
//     kCpuCeilingSeconds of CPU (not checked under sanitizers either);
//   - refused input fails with exit 1 (batch: 3) and a message naming the file;
//   - nothing is written but the outputs asked for, and no output carries a file the
//     input did not (a canary next to the input folder must never appear).

#include <random>

#include <gtest/gtest.h>

#include "detail/text.hpp"
#include "support/archives.hpp"
#include "support/pdfs.hpp"
#include "support/process.hpp"
#include "support/unzip.hpp"

namespace galley::testing {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr long kMemoryCeilingKib = 1L << 20;  // 1 GiB
// The promise is 20 s of CPU time for a release build; sanitizer builds run several
// times slower and check only that nothing crashes or hangs. The wall clock only
// catches a hang, generously, since other work may share the machine.
constexpr double kCpuSecondsLimit = 20;
constexpr std::chrono::seconds kHangGuard{kSanitized ? 600 : 180};
constexpr std::string_view kCanary = "CANARY-5e1f-not-for-outputs";
// Cases that promise to be quick (a second of CPU) are held to this, leaving room for a
// slow or busy machine.
constexpr double kCpuCeilingSeconds = 5;

class Hostile : public ::testing::Test {
 protected:
  // Runs galley with `args` and checks the rules every hostile case shares.
  ProcessResult run(const std::vector<std::string>& args) {
    ProcessResult r = run_process(GALLEY_CLI_PATH, args, {}, {}, kHangGuard);
    EXPECT_FALSE(r.timed_out) << "galley hung: not finished within " << kHangGuard.count() << " s";
    if (!kSanitized) {
      EXPECT_LT(r.cpu_seconds, kCpuSecondsLimit) << "CPU time over the promise";
    }
    EXPECT_LT(r.exit_code, 128) << "ended by signal " << r.exit_code - 128 << "\n" << r.err;
    EXPECT_NE(r.exit_code, 2) << "usage error: " << r.err;
    if (!kSanitized) {
      EXPECT_LT(r.peak_rss_kib, kMemoryCeilingKib);
    }
    return r;
  }

  // Converts `input` to `format` and returns the output (empty when refused); a refusal
  // must name the input.
  std::string convert(const fs::path& input, const std::string& format) {
    const fs::path out = dir_.path() / "out" / ("result." + format);
    fs::create_directories(out.parent_path());
    fs::remove(out);
    const ProcessResult r = run({"convert", input.string(), "-q", "-o", out.string()});
    if (r.exit_code != 0) {
      EXPECT_EQ(r.exit_code, 1);
      EXPECT_NE(r.err.find(input.filename().string()), std::string::npos) << r.err;
      EXPECT_FALSE(fs::exists(out)) << "a refused input left an output";
      return {};
    }
    std::string bytes = slurp(out);
    if (format == "epub") {  // look inside the archive too: deflated text hides a canary
      for (const test::ZipEntry& e : test::unzip_entries(bytes)) bytes += e.bytes;
    }
    EXPECT_EQ(bytes.find(kCanary), std::string::npos) << "the canary reached " << format;
    return bytes;
  }

  // Every text format of `input` must be valid UTF-8 (XML output is checked
  // well-formed by the validator tests over the same readers).
  void convert_to_all(const fs::path& input) {
    for (const char* format : {"md", "txt", "json", "jats.xml"}) {
      const std::string out = convert(input, format);
      EXPECT_TRUE(detail::is_valid_utf8(out)) << format;
    }
    convert(input, "epub");
  }

  fs::path write(const std::string& name, const std::string& bytes) {
    fs::create_directories((dir_.path() / name).parent_path());
    return dir_.write(name, bytes);
  }

  TempDir dir_;
};

const std::string kText = "BT /F1 12 Tf 72 700 Td (A line of the article.) Tj ET\n";

TEST_F(Hostile, HtmlNestedAHundredThousandDeep) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div><span>";
  page += "the text at the bottom</body></html>";
  EXPECT_NE(convert(write("deep.html", page), "md").find("the text at the bottom"),
            std::string::npos);
}

// libxml2 checks each attribute against every earlier one of its element: 50,000 on one
// element took 8 s of CPU that no --timeout could stop. They are cut to 256 before it reads them.
TEST_F(Hostile, HtmlElementWithFiftyThousandAttributes) {
  std::string page = "<html><body><p";
  for (int i = 0; i < 50000; ++i) page += " a" + std::to_string(i);
  page += ">the text after them</p></body></html>";
  const fs::path input = write("attributes.html", page);
  const fs::path out = dir_.path() / "attributes.md";
  const ProcessResult r = run({"convert", input.string(), "-o", out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("dropped 49744 attributes"), std::string::npos) << r.err;
  EXPECT_NE(slurp(out).find("the text after them"), std::string::npos);
  if (!kSanitized) {
    EXPECT_LT(r.cpu_seconds, kCpuCeilingSeconds);
  }
}

// Deep nesting with end tags that close nothing makes libxml2 search every open element
// for each end tag (minutes of CPU at this size): the search is bounded, and --timeout
// ends the parse while it reads the start tags, before that bound.
TEST_F(Hostile, HtmlEndTagsThatCloseNothingInDeepNesting) {
  std::string page = "<html><body>";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  for (int i = 0; i < 200000; ++i) page += "</span>";
  const fs::path input = write("slow.html", page + "</body></html>");
  const std::string out = (dir_.path() / "slow.md").string();
  const ProcessResult bounded = run({"convert", input.string(), "-o", out});
  EXPECT_EQ(bounded.exit_code, 1) << bounded.err;
  EXPECT_NE(bounded.err.find("slow.html: end tags that close nothing, in nesting this deep"),
            std::string::npos)
      << bounded.err;
  const ProcessResult timed = run({"convert", input.string(), "--timeout", "0.01", "-o", out});
  EXPECT_EQ(timed.exit_code, 1) << timed.err;
  EXPECT_NE(timed.err.find("slow.html: took longer than the time budget of 10 ms"),
            std::string::npos)
      << timed.err;
  if (!kSanitized) {
    EXPECT_LT(bounded.cpu_seconds, kCpuCeilingSeconds);
    EXPECT_LT(timed.cpu_seconds, kCpuCeilingSeconds);
  }
}

TEST_F(Hostile, EntityExpansionBomb) {
  // "Billion laughs": each entity is ten of the one before, k is 10^10 a's.
  std::string page = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n<!ENTITY a \"aaaaaaaaaa\">\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string ten;
    for (int i = 0; i < 10; ++i) ten += std::string("&") + static_cast<char>(c - 1) + ";";
    page += std::string("<!ENTITY ") + c + " \"" + ten + "\">\n";
  }
  page += "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&k;&k;&k;</p></body></html>";
  const std::string out = convert(write("bomb.xhtml", page), "txt");
  EXPECT_LT(out.size(), std::size_t{1} << 20);
}

TEST_F(Hostile, ExternalEntitiesAndPathsNeverReachALocalFile) {
  write("secret/canary.txt", std::string(kCanary) + "\n");
  // A real PNG with the canary in its tail: only a path check can keep it out.
  write("secret/canary.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(kCanary));
  const std::string canary = (dir_.path() / "secret" / "canary.txt").string();
  const fs::path page = write("site/page.html",
                              "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "
                              "\"file://" +
                                  canary +
                                  "\">]>\n<html><body><article><h1>Title</h1>"
                                  "<p>Entity: &xxe; and words enough to be an article body.</p>"
                                  "<img src=\"../secret/canary.png\" alt=\"up\">"
                                  "<img src=\"file://" +
                                  canary +
                                  "\" alt=\"url\">"
                                  "<img src=\"" +
                                  canary +
                                  "\" alt=\"absolute\">"
                                  "<iframe src=\"file://" +
                                  canary +
                                  "\"></iframe>"
                                  "<a href=\"file://" +
                                  canary +
                                  "\">a file link</a>"
                                  "</article></body></html>");
  fs::create_symlink(dir_.path() / "secret" / "canary.png", dir_.path() / "site" / "link.png");
  write("site/notes.md",
        "# Notes\n\n![x](link.png) ![y](../secret/canary.png)\n\n[z](" + canary + ")\n");
  convert_to_all(page);
  convert_to_all(dir_.path() / "site" / "notes.md");
}

TEST_F(Hostile, ArchivesThatReachOutsideOrInflateTooFar) {
  make_zip(dir_.path() / "evil.zip",
           {{"../../escape.html", "<p>out</p>"},
            {"/abs.html", "<p>abs</p>"},
            {"link.html", "/etc/passwd", true},
            {"bomb.txt", std::string(64 << 20, 'z')},
            {"good.html", "<html><body><p>" + std::string(300, 'g') + "</p></body></html>"}});
  write("overlap.zip", overlapping_zip());
  const ProcessResult r =
      run({"batch", (dir_.path() / "evil.zip").string(), (dir_.path() / "overlap.zip").string(),
           "-o", (dir_.path() / "out").string(), "-t", "txt", "-q"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  std::vector<std::string> made;
  for (const auto& e : fs::recursive_directory_iterator(dir_.path())) {
    if (e.is_regular_file()) made.push_back(fs::relative(e.path(), dir_.path()).string());
  }
  std::sort(made.begin(), made.end());
  EXPECT_EQ(made, (std::vector<std::string>{"evil.zip", "out/good.txt", "overlap.zip"}));
}

// An entry that declares fewer bytes than it holds is inflated no further than it
// declares and then refused by its checksum, so neither the declared size nor the
// bytes behind it can take more memory than the limits allow.
TEST_F(Hostile, ArchiveEntryThatLiesAboutItsSize) {
  std::mt19937 random(11);
  std::string text;
  for (int i = 0; i < (4 << 20); ++i) text += "0123456789abcdef"[random() % 16];
  make_zip(dir_.path() / "liar.zip", {{"liar.txt", text}});
  std::string zip = slurp(dir_.path() / "liar.zip");
  // Declared uncompressed size: 100 bytes, in the local header (offset 22) and in the
  // central directory entry (20 bytes past its signature + 4).
  const std::string small("\x64\0\0\0", 4);
  zip.replace(22, 4, small);
  zip.replace(zip.find("PK\x01\x02") + 24, 4, small);
  write("liar.zip", zip);
  const ProcessResult r =
      run({"batch", (dir_.path() / "liar.zip").string(), "-o", (dir_.path() / "out").string(), "-t",
           "txt", "--max-input-size", "1000000"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("liar.zip!liar.txt: the entry's bytes do not match its checksum"),
            std::string::npos)
      << r.err;
}

TEST_F(Hostile, PdfsThatLieBreakOrFlood) {
  const fs::path errors = fs::path(GALLEY_SOURCE_DIR) / "fixtures" / "errors";
  for (const char* name : {"pdf_encrypted", "pdf_truncated", "pdf_garbage_after_header",
                           "pdf_page_tree_loop", "pdf_image_only"}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(convert(errors / name / "input.pdf", "md"), "");
  }
  convert(write("lying_count.pdf", make_pdf({.content = kText, .claimed_pages = 2000000000})),
          "md");
  std::string spaces = kText;
  spaces.append(std::size_t{256} << 20, ' ');
  convert(write("inflates.pdf", make_pdf({.content = spaces, .flate = true})), "md");
  std::string flood;
  for (int i = 0; i < 200000; ++i) flood += "1 0 0 1 0 0 cm ";
  for (int i = 0; i < 20000; ++i) {
    flood += "BT /F1 9 Tf " + std::to_string(i % 500) + " " + std::to_string(i % 700) + " Td (w" +
             std::to_string(i) + ") Tj ET\n";
  }
  convert(write("flood.pdf", make_pdf({.content = flood, .flate = true})), "md");
}

TEST_F(Hostile, TextInAnyEncodingOrNone) {
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("Title\n\nA paragraph in UTF-16.\n")) {
    utf16 += c;
    utf16 += '\0';
  }
  utf16 += std::string("\x00\xD8", 2);  // an unpaired surrogate
  convert_to_all(write("utf16.txt", utf16));
  convert_to_all(write("invalid.txt", "Title\n\nBad bytes \xC3\x28 \xF0\x28\x8C\x28 end\n"));
  convert_to_all(write("invalid.html", "<p>Bad \xED\xA0\x80 bytes \xFF here</p>"));
}

TEST_F(Hostile, EmptyAndBinaryInputForEveryReader) {
  std::mt19937 random(7);
  std::string noise(1 << 16, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  for (const char* extension : {".txt", ".md", ".html", ".pdf", ".json"}) {
    SCOPED_TRACE(extension);
    convert(write(std::string("empty") + extension, ""), "md");
    convert(write(std::string("noise") + extension, noise), "md");
  }
}

TEST_F(Hostile, JsonNestedAHundredThousandDeep) {
  const fs::path input =
      write("deep.json", "{\"schema\":\"galley-article/1\",\"body\":" + std::string(100000, '[') +
                             std::string(100000, ']') + "}");
  EXPECT_EQ(convert(input, "md"), "");
}

}  // namespace
}  // namespace galley::testing
