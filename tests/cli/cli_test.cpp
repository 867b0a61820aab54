// The galley executable: exit codes, messages and atomic output.
#include <cstdlib>
#include <set>

#include <gtest/gtest.h>

#include "support/archives.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/unzip.hpp"

namespace galley::testing {
namespace {

ProcessResult galley(const std::vector<std::string>& args,
                     const std::filesystem::path& stdin_file = {}) {
  return run_process(GALLEY_CLI_PATH, args, stdin_file);
}

TEST(Cli, PrintsVersion) {
  const auto r = galley({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("galley ", 0), 0u) << r.out;
}

// A conversion loads only the libraries it uses: Poppler, and the two dozen libraries
// it brings, only to read a PDF; libzip, with libcrypto, only to write a zip archive
// (zip input is read through minizip); CLD2, with the shared C++ runtime, only when a document does
// not say its language. A command linked with its libraries' archives loads none of libxml2, ICU,
// cmark or libyaml. The dynamic loader lists what it loads.
TEST(Cli, LoadsOnlyTheLibrariesAConversionUses) {
#if !GALLEY_COMMAND_MODULES
  GTEST_SKIP() << "a shared libgalley loads its libraries itself";
#endif
  TempDir dir;
  const auto loaded = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"LD_DEBUG=files", GALLEY_CLI_PATH});
    const auto r = run_process("/usr/bin/env", args);
    EXPECT_EQ(r.exit_code, 0) << args[2] << ": " << r.err.substr(r.err.size() - 500);
    std::set<std::string> libraries;
    for (const std::string library : {"libpoppler", "libzip", "libcld2", "libstdc++", "libxml2",
                                      "libicu", "libcmark", "libyaml"}) {
      if (r.err.find(library) != std::string::npos) libraries.insert(library);
    }
    return libraries;
  };
  const auto convert = [&](const std::string& fixture, const std::string& format) {
    return loaded({"convert", std::string(GALLEY_SOURCE_DIR) + fixture, "-o",
                   (dir.path() / ("out." + format)).string()});
  };
  using Set = std::set<std::string>;
  // What a command linked with the shared libraries loads whatever it converts.
  const Set always = GALLEY_COMMAND_IS_STATIC
                         ? Set{}
                         : Set{"libstdc++", "libxml2", "libicu", "libcmark", "libyaml"};
  const auto with = [&](Set libraries) {
    libraries.insert(always.begin(), always.end());
    return libraries;
  };
  EXPECT_EQ(loaded({"--version"}), always);
  EXPECT_EQ(convert("/fixtures/text/markdown_front_matter/input.txt", "md"),
            always);                                                                 // lang: en-GB
  EXPECT_EQ(convert("/fixtures/html/footer_split_off/input.html", "json"), always);  // lang="en"
  EXPECT_EQ(convert("/fixtures/html/no_article/input.html", "md"), with({"libcld2", "libstdc++"}));
  EXPECT_EQ(convert("/fixtures/text/seed/input.txt", "json"), with({"libcld2", "libstdc++"}));
  EXPECT_EQ(convert("/fixtures/pdf/two_column/input.pdf", "json"),
            with({"libpoppler", "libcld2", "libstdc++"}));
  EXPECT_EQ(convert("/fixtures/html/footer_split_off/input.html", "epub"), with({"libzip"}));
  const std::filesystem::path pages = dir.path() / "pages.zip";
  make_zip(pages, {{"a/page.html", slurp(std::string(GALLEY_SOURCE_DIR) +
                                         "/fixtures/html/footer_split_off/input.html")}});
  EXPECT_EQ(loaded({"batch", pages.string(), "-o", (dir.path() / "pages").string(), "-t", "md"}),
            always);
}

// The command copied to dir/bin/, away from its lib/galley/.
std::filesystem::path copy_without_modules(const TempDir& dir) {
  const std::filesystem::path alone = dir.path() / "bin" / "galley";
  std::filesystem::create_directories(alone.parent_path());
  std::filesystem::copy_file(GALLEY_CLI_PATH, alone);
  return alone;
}

// Without its language-detector module the command still converts, and says why the
// document has no language.
TEST(Cli, WarnsWhenItsLanguageDetectorIsMissing) {
#if !GALLEY_COMMAND_MODULES
  GTEST_SKIP() << "a shared libgalley detects languages itself";
#endif
  TempDir dir;
  const std::filesystem::path alone = copy_without_modules(dir);
  const std::string text = std::string(GALLEY_SOURCE_DIR) + "/fixtures/text/seed/input.txt";
  const auto r = run_process(
      alone.string(), {"convert", text, "-t", "json", "-o", (dir.path() / "out.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(text + ": language not detected: the detector is not installed: "),
            std::string::npos)
      << r.err;
  EXPECT_NE(test::read_bytes(dir.path() / "out.json").find("\"lang\": null"), std::string::npos);
}

// A command copied away from its lib/galley/ says what is missing when given a PDF.
TEST(Cli, SaysSoWhenItsPdfModuleIsMissing) {
#if !GALLEY_COMMAND_MODULES
  GTEST_SKIP() << "a shared libgalley reads PDFs itself";
#endif
  TempDir dir;
  const std::filesystem::path alone = copy_without_modules(dir);
  const std::string pdf = std::string(GALLEY_SOURCE_DIR) + "/fixtures/pdf/two_column/input.pdf";
  const auto r =
      run_process(alone.string(), {"convert", pdf, "-o", (dir.path() / "out.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(pdf + ": PDF support is not installed: "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.txt"));
}

TEST(Cli, HelpShowsExamplesAndExitCodes) {
  const auto r = galley({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("galley convert story.html -o story.md"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(galley({}).exit_code, 2);
  EXPECT_EQ(galley({"convert"}).exit_code, 2);
  EXPECT_EQ(galley({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(galley({"convert", "a.txt", "--date-order", "sideways"}).exit_code, 2);
}

TEST(Cli, MissingFileIsNamedInTheError) {
  const auto r = galley({"convert", "/nonexistent/story.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "galley: error: /nonexistent/story.txt: cannot open: No such file or directory\n");
  EXPECT_EQ(r.out, "");
}

TEST(Cli, DirectoryIsNotAnInput) {
  TempDir dir;
  const auto r = galley({"convert", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a directory"), std::string::npos) << r.err;
}

TEST(Cli, AnArchiveIsPointedToBatch) {
  TempDir dir;
  const auto zip = dir.write("news.zip", "PK\x03\x04 cut short");
  const auto r = galley({"convert", zip.string(), "-o", (dir.path() / "news.md").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("news.zip: a zip archive holds many documents: convert them with galley "
                       "batch"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "news.md"));
}

TEST(Cli, UnknownFormatsAreRefused) {
  TempDir dir;
  const auto input = dir.write("story.txt", "Hello.\n");
  auto r = galley({"convert", input.string(), "-f", "nosuch"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("unknown input format 'nosuch'"), std::string::npos) << r.err;
  r = galley({"convert", input.string(), "-o", (dir.path() / "out.nosuch").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "out.nosuch"));
}

TEST(Cli, InputOverTheSizeLimitIsRefused) {
  TempDir dir;
  const auto input = dir.write("big.txt", std::string(5000, 'a'));
  const auto r = galley({"convert", input.string(), "--max-input-size", "1000"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("over the limit of 1000 bytes"), std::string::npos) << r.err;
}

const std::string kSeed = std::string(GALLEY_SOURCE_DIR) + "/fixtures/text/seed/input.txt";

TEST(Cli, ConvertsTheSeedToAFileChosenByExtension) {
  TempDir dir;
  const auto output = dir.path() / "seed.md";
  const auto r = galley({"convert", kSeed, "-o", output.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string markdown = slurp(output);
  EXPECT_TRUE(markdown.starts_with("---\ntitle: \"Chinese foreign minister")) << markdown;
}

TEST(Cli, DevStdoutIsWrittenThroughTheOpenDescriptor) {
  if (!std::filesystem::is_symlink("/dev/stdout")) GTEST_SKIP() << "no /dev/stdout link here";
  const auto r = galley({"convert", kSeed, "-t", "md", "-o", "/dev/stdout"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("---\ntitle: \"Chinese foreign minister")) << r.out;
  EXPECT_TRUE(std::filesystem::is_symlink("/dev/stdout"));
}

TEST(Cli, AFolderIsNotAnOutput) {
  TempDir dir;
  const auto r = galley({"convert", kSeed, "-t", "md", "-o", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "galley: error: " + dir.path().string() + ": is a folder, not a file\n");
  EXPECT_TRUE(std::filesystem::is_directory(dir.path()));
}

TEST(Cli, AFormatContradictingTheOutputsExtensionNeedsForce) {
  TempDir dir;
  const auto output = dir.path() / "story.md";
  const auto r = galley({"convert", kSeed, "-t", "epub", "-o", output.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("-t epub writes epub, but the output " + output.string() +
                       " has the extension .md of markdown"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(output));

  const auto forced = galley({"convert", kSeed, "-t", "epub", "-o", output.string(), "--force"});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(slurp(output).starts_with("PK"));
  // The extension's own writer by name, and an extension no writer claims, are fine.
  const auto same = dir.path() / "same.md", other = dir.path() / "story.book";
  EXPECT_EQ(galley({"convert", kSeed, "-t", "markdown", "-o", same.string()}).exit_code, 0);
  EXPECT_EQ(galley({"convert", kSeed, "-t", "epub", "-o", other.string()}).exit_code, 0);
}

TEST(Cli, WritesMarkdownToStandardOutputByDefault) {
  const auto r = galley({"convert", "-", "-f", "text"}, kSeed);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("*Financial Times*"), std::string::npos);
}

TEST(Cli, JsonModelReadsBackUnchanged) {
  TempDir dir;
  const auto first = dir.path() / "a.json";
  ASSERT_EQ(galley({"convert", kSeed, "-o", first.string()}).exit_code, 0);
  const auto again = galley({"convert", first.string(), "-t", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, slurp(first));  // source_format stays "text"; no pass runs twice
}

TEST(Cli, EpubIsReproducibleAndHonoursSourceDateEpoch) {
  TempDir dir;
  const auto a = dir.path() / "a.epub", b = dir.path() / "b.epub";
  ASSERT_EQ(galley({"convert", kSeed, "-o", a.string()}).exit_code, 0);
  ASSERT_EQ(galley({"convert", kSeed, "-o", b.string()}).exit_code, 0);
  EXPECT_EQ(slurp(a), slurp(b));
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  const auto with_epoch = galley({"convert", kSeed, "-t", "epub"});
  unsetenv("SOURCE_DATE_EPOCH");
  ASSERT_EQ(with_epoch.exit_code, 0) << with_epoch.err;
  EXPECT_NE(with_epoch.out, slurp(a));  // dcterms:modified 2023-11-14, not the article date
}

// The saved-page fixture: two images in input_files/, one reference outside the folder.
const std::string kSavedPage =
    std::string(GALLEY_SOURCE_DIR) + "/fixtures/html/saved_page_images/input.html";

std::vector<std::string> epub_images(const std::string& epub) {
  std::vector<std::string> names;
  for (const test::ZipEntry& e : test::unzip_entries(epub)) {
    if (e.name.starts_with("EPUB/images/")) names.push_back(e.name);
  }
  return names;
}

TEST(Cli, EmbedsImagesSavedNextToTheInputUnlessTold) {
  const auto r = galley({"convert", kSavedPage, "-t", "epub"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(epub_images(r.out),
            (std::vector<std::string>{"EPUB/images/img1.png", "EPUB/images/img2.gif"}));
  const auto without = galley({"convert", kSavedPage, "-t", "epub", "--no-local-images"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_TRUE(epub_images(without.out).empty());
  EXPECT_NE(without.err.find("input_files/harbour.png' dropped"), std::string::npos) << without.err;
}

TEST(Cli, LimitsOnPagesAndNestingAreOptions) {
  const std::string two_pages =
      std::string(GALLEY_SOURCE_DIR) + "/fixtures/pdf/paragraph_across_pages/input.pdf";
  const auto pages = galley({"convert", two_pages, "--max-pages", "1"});
  EXPECT_EQ(pages.exit_code, 1);
  EXPECT_NE(pages.err.find("over the limit of 1 (raise --max-pages)"), std::string::npos)
      << pages.err;
  EXPECT_EQ(galley({"convert", two_pages, "--max-pages", "2", "-q"}).exit_code, 0);
  // The library names ReadOptions fields; the command line names its options.
  const auto locked = galley(
      {"convert", std::string(GALLEY_SOURCE_DIR) + "/fixtures/errors/pdf_encrypted/input.pdf"});
  EXPECT_NE(locked.err.find("password required (give it with --password)"), std::string::npos)
      << locked.err;
  const auto unknown = galley({"convert", two_pages, "-t", "markdwn"});
  EXPECT_NE(unknown.err.find("unknown output format 'markdwn' (see 'galley formats')"),
            std::string::npos)
      << unknown.err;

  TempDir dir;
  std::string page = "<html><body>";
  for (int i = 0; i < 40; ++i) page += "<blockquote>";
  page += "<p>deep words</p></body></html>";
  const auto input = dir.write("deep.html", page);
  const auto shallow = galley({"convert", input.string(), "--max-depth", "10"});
  ASSERT_EQ(shallow.exit_code, 0) << shallow.err;
  EXPECT_NE(shallow.err.find("nested deeper than 10 levels"), std::string::npos) << shallow.err;
  EXPECT_NE(shallow.out.find("deep words"), std::string::npos);
  const auto deep = galley({"convert", input.string()});
  EXPECT_EQ(deep.err.find("nested deeper"), std::string::npos) << deep.err;
  EXPECT_EQ(galley({"convert", input.string(), "--max-depth", "5000"}).exit_code, 2);
}

TEST(Cli, FailedConversionLeavesExistingOutputUntouched) {
  TempDir dir;
  const auto input = dir.write("empty.txt", "");
  const auto output = dir.write("out.md", "previous content\n");
  const auto r = galley({"convert", input.string(), "-o", output.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(slurp(output), "previous content\n");
  // No temporary file is left beside the output either.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 2u);
}

}  // namespace
}  // namespace galley::testing
