// `galley batch`: inputs from folders and archives, outputs to folders and archives,
// reports, resume, shards and hostile archives.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/archives.hpp"
#include "support/process.hpp"
#include "support/unzip.hpp"

namespace galley::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string article_json(const std::string& title) {
  return R"({"schema":"galley-article/1","metadata":{"title":")" + title +
         R"(","subtitle":null,"authors":[],"byline":null,"date":null,"datetime":null,)"
         R"("site_name":null,"publisher":null,"lang":null,"url":null,"description":null,)"
         R"("source_format":"json"},"body":[],"footer":[],"furniture":[]})";
}

std::vector<std::string> zip_names(const fs::path& path) {
  int code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &code);
  std::vector<std::string> names;
  if (!z) return names;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    names.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  }
  zip_discard(z);
  return names;
}

std::vector<Json> report_lines(const fs::path& path) {
  std::vector<Json> lines;
  std::istringstream in(slurp(path));
  for (std::string line; std::getline(in, line);) lines.push_back(Json::parse(line));
  return lines;
}

std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files.insert(e.path().lexically_relative(root).generic_string());
  }
  return files;
}

ProcessResult galley(const std::vector<std::string>& args) {
  return run_process(GALLEY_CLI_PATH, args);
}

class Batch : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(in() / "sub");
    dir_.write("in/one.json", article_json("One"));
    dir_.write("in/sub/two.json", article_json("Two"));
  }
  fs::path in() const { return dir_.path() / "in"; }
  fs::path at(const std::string& name) const { return dir_.path() / name; }
  TempDir dir_;
};

TEST_F(Batch, MirrorsAFolderIntoAFolderWithAReport) {
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "--report",
                         at("report.jsonl").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"one.json", "sub/two.json"}));
  const auto lines = report_lines(at("report.jsonl"));
  ASSERT_EQ(lines.size(), 3u);
  // Lines come in the order conversions finish; find each input's own.
  const Json& one = lines[0]["title"] == "One" ? lines[0] : lines[1];
  EXPECT_EQ(one["status"], "ok");
  EXPECT_EQ(one["input"], (in() / "one.json").string());
  EXPECT_EQ(one["outputs"], Json::array({"one.json"}));
  EXPECT_EQ(lines[2]["summary"]["ok"], 2);
  EXPECT_EQ(lines[2]["summary"]["interrupted"], false);
}

// The inputs are not listed before the run, yet the progress line ends with how many
// of how many (a plain line on a stream that is not a terminal).
TEST_F(Batch, TheProgressLineSaysHowManyOfHowMany) {
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("[2/2] "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("galley: 2 converted, 0 failed, 0 skipped of 2"), std::string::npos)
      << r.err;
}

// Each line carries its document's warnings, worded as convert prints them.
TEST_F(Batch, TheReportCarriesEachDocumentsWarnings) {
  dir_.write("in/latin.txt", "Caf\xe9 au lait, a paragraph of text.\n");
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "--report",
                         at("report.jsonl").string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const Json& line : report_lines(at("report.jsonl"))) {
    if (line.contains("summary")) continue;
    const bool latin = line["input"] == (in() / "latin.txt").string();
    EXPECT_EQ(line["warnings"], latin ? Json::array({(in() / "latin.txt").string() +
                                                     ": not valid UTF-8; read as Windows-1252"})
                                      : Json::array())
        << line.dump();
  }
}

// batch and bundle take every reading option convert takes, from one binder.
TEST_F(Batch, TakesEveryReadingOptionThatConvertTakes) {
  fs::create_directories(at("dated"));
  dir_.write("dated/story.txt",
             "River levels rise again\n\nBy Ann Lee\n03/04/2022\n\nThe river rose by a metre "
             "overnight, and the town closed the lower road until the water falls.\n");
  const fs::path dated = at("dated");
  const auto day_first = galley({"batch", dated.string(), "-o", at("day").string(), "-t", "json",
                                 "--date-order", "day-first", "-q"});
  ASSERT_EQ(day_first.exit_code, 0) << day_first.err;
  const auto day = nlohmann::json::parse(slurp(at("day") / "story.json"));
  EXPECT_EQ(day["metadata"]["date"], "2022-04-03");
  const auto raw = galley({"batch", dated.string(), "-o", at("raw").string(), "-t", "json",
                           "--date-order", "month-first", "--no-recover", "-q"});
  ASSERT_EQ(raw.exit_code, 0) << raw.err;
  EXPECT_TRUE(
      nlohmann::json::parse(slurp(at("raw") / "story.json"))["metadata"]["byline"].is_null());
  const auto book = galley({"bundle", dated.string(), "-o", at("book.epub").string(),
                            "--date-order", "month-first", "-q"});
  ASSERT_EQ(book.exit_code, 0) << book.err;
  std::string package;
  for (const auto& e : test::unzip_entries(slurp(at("book.epub")))) {
    if (e.name == "EPUB/package.opf") package = e.bytes;
  }
  EXPECT_NE(package.find("<dc:date>2022-03-04</dc:date>"), std::string::npos) << package;
  // The password reaches the PDF reader: a wrong one is not a missing one.
  fs::create_directories(at("locked"));
  fs::copy_file(fs::path(GALLEY_SOURCE_DIR) / "fixtures/errors/pdf_encrypted/input.pdf",
                at("locked") / "locked.pdf");
  const auto locked = galley({"batch", at("locked").string(), "-o", at("unlocked").string(),
                              "--password", "not it", "--base-url", "https://example.org/"});
  EXPECT_EQ(locked.exit_code, 1);
  EXPECT_NE(locked.err.find("the password is wrong"), std::string::npos) << locked.err;
}

TEST_F(Batch, ReadsAnArchiveAndWritesAnArchive) {
  make_zip(at("news.zip"), {{"a/x.json", article_json("X")},
                            {"y.json", article_json("Y")},
                            {"notes/readme.bin", "ignored: not an article format"}});
  const auto r =
      galley({"batch", at("news.zip").string(), "-o", at("out.zip").string(), "-t", "json", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(zip_names(at("out.zip")), (std::vector<std::string>{"a/x.json", "y.json"}));
  // Nothing but the archive is left beside it (no staging folder).
  EXPECT_EQ(files_under(dir_.path()).count("out.zip"), 1u);
  for (const auto& f : files_under(dir_.path()))
    EXPECT_EQ(f.find("staging"), std::string::npos) << f;
}

TEST_F(Batch, AnArchiveOutputFollowsSymlinksAndRefusesFolders) {
  fs::create_directory(at("real"));
  fs::create_symlink(at("real") / "archive.zip", at("out.zip"));  // dangling until written
  auto r = galley({"batch", in().string(), "-o", at("out.zip").string(), "-t", "json", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(at("out.zip")));
  EXPECT_EQ(zip_names(at("real/archive.zip")),
            (std::vector<std::string>{"one.json", "sub/two.json"}));
  EXPECT_EQ(files_under(at("real")), (std::set<std::string>{"archive.zip"}));  // no staging

  if (fs::is_symlink("/dev/stdout")) {  // a device or descriptor gets the archive's bytes
    fs::create_symlink("/dev/stdout", at("stdout.zip"));
    r = galley({"batch", in().string(), "-o", at("stdout.zip").string(), "-t", "json", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("PK")) << r.out.size();
    EXPECT_TRUE(fs::is_symlink(at("stdout.zip")));
  }

  fs::create_directory(at("folder.zip"));
  r = galley({"batch", in().string(), "-o", at("folder.zip").string(), "-q"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("folder.zip: is a folder, not a file"), std::string::npos) << r.err;
}

TEST_F(Batch, JobsMustBeAPositiveWholeNumber) {
  for (const std::string jobs : {"0", "-1", "two", "1.5"}) {
    const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-j", jobs});
    EXPECT_EQ(r.exit_code, 2) << jobs << ": " << r.err;
    const auto b = galley({"bundle", in().string(), "-o", at("book.epub").string(), "-j", jobs});
    EXPECT_EQ(b.exit_code, 2) << jobs << ": " << b.err;
  }
  const auto zero = galley({"batch", in().string(), "-o", at("out").string(), "-j", "0"});
  EXPECT_NE(zero.err.find("must be a positive whole number, not '0'"), std::string::npos)
      << zero.err;
  EXPECT_FALSE(fs::exists(at("out")));
  EXPECT_FALSE(fs::exists(at("book.epub")));
}

TEST_F(Batch, TooManyJobsAreCutWithAWarning) {
  const auto r =
      galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "-j", "100000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("galley: warning: --jobs 100000 is more than this machine can run"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"one.json", "sub/two.json"}));
  const auto b = galley({"bundle", in().string(), "-o", at("book.epub").string(), "-j", "100000"});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.err.find("--jobs 100000 is more than"), std::string::npos) << b.err;
}

// Under a limit of six processes (threads count against it) a huge --jobs runs three
// workers. Where the limit binds (not for root) and the user's other processes leave
// too few, starting a worker fails: that is an error saying so, not a hang.
TEST_F(Batch, TooManyJobsStayUnderTheProcessLimit) {
  const auto r =
      run_process("/usr/bin/prlimit", {"--nproc=6", GALLEY_CLI_PATH, "batch", in().string(), "-o",
                                       at("out").string(), "-t", "json", "-j", "100000"});
  EXPECT_NE(r.err.find("--jobs 100000 is more than this machine can run at once; running 3"),
            std::string::npos)
      << r.err;
  if (r.exit_code == 0) {
    EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"one.json", "sub/two.json"}));
  } else {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("cannot start worker thread"), std::string::npos) << r.err;
  }
}

// A user whose process limit leaves no thread to start gets an error that says which
// thread and why, and no output. The limit does not bind root, so the test runs the
// command as nobody, which only root can do. Under a limit of one the Ctrl-C watcher
// cannot start; under two the watcher holds the last place for the whole run, so the
// worker cannot either. (Under three, whether the worker starts depends on whether the
// short-lived thread that counts inputs has ended yet.)
TEST_F(Batch, NoRoomForThreadsIsAnErrorThatSaysSo) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root, to run the command as nobody";
#if GALLEY_SANITIZED
  GTEST_SKIP() << "a sanitizer's runtime needs threads of its own";
#endif
  fs::permissions(dir_.path(), fs::perms::all);
  for (const char* limit : {"--nproc=1", "--nproc=2"}) {
    const auto r = run_process(
        "/usr/bin/setpriv", {"--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/prlimit",
                             limit, GALLEY_CLI_PATH, "batch", in().string(), "-o",
                             at("out").string(), "-t", "json", "-j", "4"});
    EXPECT_EQ(r.exit_code, 1) << limit << ": " << r.err;
    EXPECT_NE(r.err.find("galley: error: cannot start "), std::string::npos)
        << limit << ": " << r.err;
    EXPECT_TRUE(!fs::exists(at("out")) || files_under(at("out")).empty()) << limit;
  }
}

TEST_F(Batch, ReportsEveryInputOfAMixedArchiveAndExitsWithThree) {
  make_zip(at("mixed.zip"),
           {{"good.json", article_json("Good")}, {"bad.json", "{not json"}, {"empty.json", ""}});
  const auto r = galley({"batch", at("mixed.zip").string(), "-o", at("out").string(), "-t", "json",
                         "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(r.exit_code, 3);
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_EQ(lines.size(), 4u);
  std::map<std::string, std::string> status;
  for (std::size_t i = 0; i < 3; ++i) status[lines[i]["input"]] = lines[i]["status"];
  const std::string zip = at("mixed.zip").string();
  EXPECT_EQ(status[zip + "!good.json"], "ok");
  EXPECT_EQ(status[zip + "!bad.json"], "failed");
  EXPECT_EQ(status[zip + "!empty.json"], "failed");
  EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"good.json"}));
}

TEST_F(Batch, NothingConvertedExitsWithOne) {
  dir_.write("bad/a.json", "{");
  const auto r =
      galley({"batch", at("bad").string(), "-o", at("out").string(), "-t", "json", "-q"});
  EXPECT_EQ(r.exit_code, 1);
}

TEST_F(Batch, RefusesTraversalAbsoluteNamesAndSymlinks) {
  make_zip(at("evil.zip"), {{"../escape.json", article_json("E")},
                            {"/abs.json", article_json("A")},
                            {"c:/drive.json", article_json("D")},
                            {"back\\slash.json", article_json("B")},
                            {"link.json", "/etc/passwd", true},
                            {"fine.json", article_json("F")}});
  const auto r = galley({"batch", at("evil.zip").string(), "-o", at("out").string(), "-t", "json",
                         "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"fine.json"}));
  EXPECT_FALSE(fs::exists(dir_.path() / "escape.json"));
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_EQ(lines.size(), 7u);
  std::size_t refused = 0;
  for (const auto& line : lines) {
    if (line.contains("status") && line["status"] == "failed") ++refused;
  }
  EXPECT_EQ(refused, 5u);
}

TEST_F(Batch, EmbedsImagesFromTheEntrysFolderInTheArchive) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  const std::string page = "<html><body><article><h1>Quay</h1><p>" + std::string(300, 'w') +
                           "</p><img src='img/a.png' alt='a'><img src='../secret.png' alt='s'>"
                           "</article></body></html>";
  make_zip(at("site.zip"), {{"news/story.html", page},
                            {"news/img/a.png", png},
                            {"secret.png", png},
                            {"news/img/link.png", "../../secret.png", true}});
  const auto r =
      galley({"batch", at("site.zip").string(), "-o", at("out").string(), "-t", "epub", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> images;
  for (const auto& e : test::unzip_entries(slurp(at("out") / "news" / "story.epub"))) {
    if (e.name.starts_with("EPUB/images/")) images.push_back(e.name + ":" + e.bytes);
  }
  EXPECT_EQ(images, (std::vector<std::string>{"EPUB/images/img1.png:" + png}));
}

TEST_F(Batch, RefusesEntriesThatShareBytes) {
  dir_.write("overlap.zip", overlapping_zip());
  make_zip(at("fine.zip"), {{"x.html", "<p>x</p>"}, {"b/c.html", "<p>c</p>"}});
  const auto r =
      galley({"batch", at("overlap.zip").string(), at("fine.zip").string(), "-o",
              at("out").string(), "-t", "txt", "-q", "--report", at("r.jsonl").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(files_under(at("out")), (std::set<std::string>{"x.txt", "b/c.txt"}));
  std::size_t refused = 0;
  for (const auto& line : report_lines(at("r.jsonl"))) {
    if (!line.contains("error") || line["error"].is_null()) continue;
    refused += line["error"].get<std::string>().find("overlapping zip bomb") != std::string::npos;
  }
  EXPECT_EQ(refused, 2u);
}

TEST_F(Batch, StopsAZipBombWithAClearError) {
  make_zip(at("bomb.zip"), {{"bomb.json", std::string(20 << 20, ' ')}});
  const auto r = galley({"batch", at("bomb.zip").string(), "-o", at("out").string(), "-t", "json",
                         "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(r.exit_code, 1);
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0]["error"].get<std::string>().find("compression ratio"), std::string::npos)
      << lines[0];
}

TEST_F(Batch, ResolvesDuplicateOutputNamesDeterministically) {
  dir_.write("in/one.JSON", article_json("Upper"));  // sorts before one.json
  const auto r = galley(
      {"batch", in().string(), at("in/one.json").string(), "-o", at("out").string(), "-t", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_under(at("out")),
            (std::set<std::string>{"one.json", "one.json.json", "sub/two.json", "one.2.json"}));
  EXPECT_NE(r.err.find("output one.json is taken"), std::string::npos) << r.err;
}

TEST_F(Batch, ResumeConvertsOnlyWhatIsMissing) {
  const std::vector<std::string> args = {"batch", in().string(), "-o",       at("out").string(),
                                         "-t",    "json",        "--report", at("r.jsonl").string(),
                                         "-q"};
  ASSERT_EQ(galley(args).exit_code, 0);
  fs::remove(at("out/sub/two.json"));  // as if the first run stopped before it
  auto resumed = args;
  resumed.push_back("--resume");
  ASSERT_EQ(galley(resumed).exit_code, 0);
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["status"], "skipped");
  EXPECT_EQ(lines[0]["title"], "One");
  EXPECT_EQ(lines[1]["status"], "ok");
  EXPECT_EQ(lines[2]["summary"]["skipped"], 1);
  EXPECT_TRUE(fs::exists(at("out/sub/two.json")));
}

TEST_F(Batch, InterruptLeavesCompleteOutputsAndSaysWhereItStopped) {
  for (int i = 0; i < 3000; ++i) {
    dir_.write("in/n" + std::to_string(i) + ".json", article_json(std::string(2000, 'x')));
  }
  const auto report = at("r.jsonl");
  const auto r =
      run_process(GALLEY_CLI_PATH,
                  {"batch", in().string(), "-o", at("out").string(), "-t", "json,md", "-j", "1",
                   "--report", report.string(), "-q"},
                  {}, [&](pid_t pid) {
                    // Interrupt once the first inputs are done, as a user pressing Ctrl-C would;
                    // the limit only guards a hang, as a busy machine may take seconds to get
                    // there.
                    for (int tries = 0; tries < 120000 && slurp(report).size() < 2000; ++tries) {
                      usleep(1000);
                    }
                    kill(pid, SIGINT);
                  });
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const auto lines = report_lines(report);
  ASSERT_GE(lines.size(), 2u);
  const Json& summary = lines.back()["summary"];
  ASSERT_TRUE(summary.is_object()) << lines.back();
  EXPECT_EQ(summary["interrupted"], true);
  EXPECT_TRUE(summary["stopped_before"].is_string());
  EXPECT_LT(summary["ok"].get<int>(), 3002);
  // The conversion in progress finished: nothing is reported failed, the rest not started.
  EXPECT_EQ(summary["failed"], 0);
  EXPECT_EQ(summary["ok"].get<int>() + summary["not_started"].get<int>(), 3002);
  EXPECT_NE(r.err.find("run again with --resume"), std::string::npos) << r.err;
  // Every output present is complete and listed in the report; no temporaries remain.
  std::set<std::string> reported;
  for (const auto& line : lines) {
    if (!line.contains("outputs")) continue;
    for (const auto& o : line["outputs"]) reported.insert(o.get<std::string>());
  }
  EXPECT_EQ(files_under(at("out")), reported);
  for (const auto& name : reported) {
    if (name.ends_with(".json")) {
      EXPECT_TRUE(Json::accept(slurp(at("out") / name))) << name;
    }
  }
}

TEST_F(Batch, ASecondInterruptAbandonsConversionsInProgress) {
  // Documents big enough that a conversion is likely in progress when the signals come;
  // whatever the timing, nothing may be reported failed or left half written.
  std::string text = "Title\n\n";
  for (int i = 0; i < 40000; ++i)
    text += "A sentence of a long paragraph, number " + std::to_string(i) + ".\n\n";
  fs::create_directory(at("big"));
  for (int i = 0; i < 4; ++i) dir_.write("big/doc" + std::to_string(i) + ".txt", text);
  const auto report = at("r.jsonl");
  const auto r = run_process(GALLEY_CLI_PATH,
                             {"batch", at("big").string(), "-o", at("out").string(), "-t", "md",
                              "-j", "1", "--report", report.string(), "-q"},
                             {}, [&](pid_t pid) {
                               // The report appears once signals are watched.
                               for (int tries = 0; tries < 120000 && !fs::exists(report); ++tries) {
                                 usleep(1000);
                               }
                               usleep(100000);
                               kill(pid, SIGINT);
                               usleep(20000);
                               kill(pid, SIGINT);
                             });
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const auto lines = report_lines(report);
  ASSERT_FALSE(lines.empty());
  const Json& summary = lines.back()["summary"];
  ASSERT_TRUE(summary.is_object()) << lines.back();
  EXPECT_EQ(summary["interrupted"], true);
  EXPECT_EQ(summary["failed"], 0);
  EXPECT_EQ(summary["ok"].get<int>() + summary["not_started"].get<int>(), 4);
  const std::set<std::string> written =
      fs::exists(at("out")) ? files_under(at("out")) : std::set<std::string>{};
  EXPECT_EQ(written.size(), summary["ok"].get<std::size_t>());
}

TEST_F(Batch, RemovesTheTemporariesAKilledRunLeftAndNothingElse) {
  fs::create_directories(at("out/sub"));
  dir_.write("out/.one.json.galley-Ab12Cd", "");             // a killed write of one.json
  dir_.write("out/sub/.two.json.galley-Zz9876", "{\"half");  // and of sub/two.json
  dir_.write("out/.notes.txt.galley-Ab12Cd", "not ours");    // no output of this run
  dir_.write("out/.one.json.galley-keep", "not a temporary name");
  dir_.write(".r.jsonl.galley-Qw3Er5", "");  // the report's own
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "--report",
                         at("r.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("removed 3 temporary file(s)"), std::string::npos) << r.err;
  EXPECT_EQ(files_under(at("out")),
            (std::set<std::string>{"one.json", "sub/two.json", ".notes.txt.galley-Ab12Cd",
                                   ".one.json.galley-keep"}));
  EXPECT_FALSE(fs::exists(at(".r.jsonl.galley-Qw3Er5")));
}

TEST_F(Batch, KilledRunsThenResumeConvertEveryInputOnce) {
  for (int i = 0; i < 400; ++i) {
    dir_.write("in/n" + std::to_string(i) + ".json", article_json(std::string(3000, 'x')));
  }
  const auto report = at("r.jsonl");
  std::vector<std::string> args = {"batch",    in().string(),   "-o", at("out").string(),
                                   "-t",       "json,md",       "-j", "2",
                                   "--report", report.string(), "-q"};
  for (const std::size_t kill_at : {3000u, 20000u, 60000u}) {
    const auto r = run_process(GALLEY_CLI_PATH, args, {}, [&](pid_t pid) {
      for (int tries = 0; tries < 5000 && slurp(report).size() < kill_at; ++tries) usleep(1000);
      kill(pid, SIGKILL);
    });
    if (args.back() != "--resume") args.push_back("--resume");
    if (r.exit_code != 128 + SIGKILL) break;  // it finished before the kill
  }
  const auto r = galley(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = report_lines(report);
  ASSERT_EQ(lines.size(), 403u);
  std::set<std::string> inputs;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    EXPECT_TRUE(inputs.insert(lines[i]["input"].get<std::string>()).second) << lines[i];
  }
  const Json& summary = lines.back()["summary"];
  EXPECT_EQ(summary["ok"].get<int>() + summary["skipped"].get<int>(), 402);
  const auto files = files_under(at("out"));
  EXPECT_EQ(files.size(), 2u * 402u);
  for (const auto& name : files) {
    EXPECT_EQ(name.find(".galley-"), std::string::npos) << name;
    if (name.ends_with(".json")) {
      EXPECT_TRUE(Json::accept(slurp(at("out") / name))) << name;
    }
  }
}

TEST_F(Batch, ResumesAnArchiveOutputAndClearsStagingLeftBehind) {
  fs::create_directory(at(".out.zip.staging-Ab12Cd"));
  dir_.write(".out.zip.staging-Ab12Cd/one.json", "left by a killed run");
  dir_.write(".out.zip.staging-Ab12Cd.zip", "PK");
  const std::vector<std::string> args = {"batch", in().string(), "-o",       at("out.zip").string(),
                                         "-t",    "json",        "--report", at("r.jsonl").string(),
                                         "-q"};
  ASSERT_EQ(galley(args).exit_code, 0);
  EXPECT_EQ(files_under(dir_.path()).count(".out.zip.staging-Ab12Cd.zip"), 0u);
  EXPECT_FALSE(fs::exists(at(".out.zip.staging-Ab12Cd")));
  const std::string first = slurp(at("out.zip"));

  dir_.write("in/three.json", article_json("Three"));
  auto resumed = args;
  resumed.push_back("--resume");
  const auto r = galley(resumed);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[3]["summary"]["skipped"], 2);
  EXPECT_EQ(lines[3]["summary"]["ok"], 1);
  EXPECT_EQ(zip_names(at("out.zip")),
            (std::vector<std::string>{"one.json", "sub/two.json", "three.json"}));
  // An entry carried over keeps its bytes.
  for (const auto& e : test::unzip_entries(slurp(at("out.zip")))) {
    if (e.name == "one.json") {
      EXPECT_NE(e.bytes.find("\"One\""), std::string::npos);
    }
  }
  EXPECT_NE(first, slurp(at("out.zip")));
}

TEST_F(Batch, AReportToStandardOutputIsAppendedNotTruncated) {
  const std::string command = "echo first > " + at("log").string() + " && exec " + GALLEY_CLI_PATH +
                              " batch " + in().string() + " -o " + at("out").string() +
                              " -t json -q --report /dev/stdout >> " + at("log").string();
  const auto r = run_process("/bin/sh", {"-c", command});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string log = slurp(at("log"));
  EXPECT_TRUE(log.starts_with("first\n{\"input\"")) << log;
  EXPECT_NE(log.find("{\"summary\""), std::string::npos) << log;
}

TEST_F(Batch, AReportThatCannotBeWrittenIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "-q",
                         "--report", "/dev/full"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("/dev/full: cannot write: No space left on device"), std::string::npos)
      << r.err;
  EXPECT_EQ(files_under(at("out")).size(), 2u);  // the outputs themselves are fine
}

// A real full disk: a 128 KiB tmpfs mounted in a user and mount namespace of the test's
// own (no root needed), filled by the outputs. Every input is reported, those that did
// not fit as failed with the reason, and the disk holds only the outputs of the inputs
// reported converted: no half of a pair, no temporary file.
TEST_F(Batch, OnAFullDiskEveryInputIsReportedAndNoPartialOutputIsLeft) {
  const std::string paragraph(1500, 'x');
  fs::create_directories(at("many"));
  for (int i = 0; i < 200; ++i) {
    dir_.write("many/doc" + std::to_string(1000 + i) + ".txt",
               "Title " + std::to_string(i) + "\n\n" + paragraph + "\n");
  }
  fs::create_directories(at("disk"));
  const std::string disk = at("disk").string();
  const std::string script = "mount -t tmpfs -o size=128k tmpfs '" + disk + "' || exit 99\n" + "'" +
                             GALLEY_CLI_PATH + "' batch '" + at("many").string() + "' -o '" + disk +
                             "/out' -t md,json -q -j 2 --report '" + at("report.jsonl").string() +
                             "'\n" + "echo \"exit=$?\"\n" + "cd '" + disk +
                             "/out' && find . -type f | sort\n";
  const auto r = run_process("/usr/bin/unshare",
                             {"--user", "--map-root-user", "--mount", "/bin/sh", "-c", script});
  if (r.exit_code != 0 || r.out.find("exit=") == std::string::npos) {
    GTEST_SKIP() << "cannot mount a tmpfs in a user namespace here: " << r.err;
  }
  EXPECT_NE(r.out.find("exit=3\n"), std::string::npos) << r.out << r.err;

  std::set<std::string> expected;
  std::size_t ok = 0, failed = 0;
  const std::vector<Json> lines = report_lines(at("report.jsonl"));
  ASSERT_EQ(lines.size(), 201u);  // a line per input and the summary
  for (const Json& line : lines) {
    if (line.contains("summary")) continue;
    if (line["status"] == "ok") {
      ++ok;
      for (const auto& output : line["outputs"]) expected.insert("./" + output.get<std::string>());
    } else {
      ++failed;
      EXPECT_NE(line["error"].get<std::string>().find("No space left on device"), std::string::npos)
          << line.dump();
    }
  }
  EXPECT_GT(ok, 0u);
  EXPECT_GT(failed, 0u);
  EXPECT_EQ(lines.back()["summary"]["failed"], failed);
  std::set<std::string> on_disk;
  std::istringstream listing(r.out.substr(r.out.find('\n', r.out.find("exit=")) + 1));
  for (std::string file; std::getline(listing, file);) on_disk.insert(file);
  EXPECT_EQ(on_disk, expected);
}

TEST_F(Batch, AnInputWhoseSecondOutputFailsKeepsNone) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::create_directories(at("out"));
  fs::create_symlink("/dev/full", at("out/one.json"));
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "md,json",
                         "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_FALSE(fs::exists(at("out/one.md")));
  EXPECT_TRUE(fs::is_symlink(at("out/one.json")));
  EXPECT_TRUE(fs::exists(at("out/sub/two.md")));
  EXPECT_TRUE(fs::exists(at("out/sub/two.json")));
  for (const auto& line : report_lines(at("r.jsonl"))) {
    if (line.value("input", "") != (in() / "one.json").string()) continue;
    EXPECT_EQ(line["status"], "failed");
    EXPECT_EQ(line["outputs"], Json::array());
    EXPECT_NE(line["error"].get<std::string>().find("one.json: cannot write"), std::string::npos)
        << line;
  }
}

TEST_F(Batch, AnInputGivenTwiceIsResumedExactly) {
  const std::string one = (in() / "one.json").string();
  std::vector<std::string> args = {
      "batch", one, one, "-o", at("out").string(), "-t", "json", "--report", at("r.jsonl").string(),
      "-q"};
  ASSERT_EQ(galley(args).exit_code, 0);
  args.push_back("--resume");
  ASSERT_EQ(galley(args).exit_code, 0);
  const auto lines = report_lines(at("r.jsonl"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2]["summary"]["skipped"], 2);
  EXPECT_EQ(lines[2]["summary"]["ok"], 0);
}

TEST_F(Batch, ShardsDoNotDependOnHowThePathIsSpelled) {
  for (int i = 0; i < 30; ++i) dir_.write("in/n" + std::to_string(i) + ".json", article_json("N"));
  make_zip(at("a.zip"), {{"x/p.json", article_json("P")}, {"q.json", article_json("Q")}});
  fs::create_directory_symlink(in(), at("mount"));  // the same data, mounted elsewhere
  const auto shard_of = [&](const fs::path& folder, const std::string& archive, int k) {
    const auto r =
        galley({"batch", folder.string(), archive, "--list", "--shard", std::to_string(k) + "/3"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::set<std::string> names;  // each input by its path below what was given
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      const auto bang = line.find('!');
      names.insert(bang != std::string::npos
                       ? line.substr(bang)
                       : fs::path(line).lexically_relative(folder).generic_string());
    }
    return names;
  };
  const fs::path relative = fs::relative(in(), fs::current_path());
  const std::string other_archive = (at("sub-dir") / ".." / "a.zip").string();
  fs::create_directory(at("sub-dir"));
  for (int k = 1; k <= 3; ++k) {
    const auto here = shard_of(in(), at("a.zip").string(), k);
    EXPECT_EQ(shard_of(at("mount"), other_archive, k), here) << k;
    EXPECT_EQ(shard_of(relative, at("a.zip").string(), k), here) << k;
  }
}

TEST_F(Batch, EntriesOfOneNameAreEachConverted) {
  dir_.write("dup.zip", stored_zip({{"a.json", article_json("First")},
                                    {"a.json", article_json("Second")},
                                    {"b.json", article_json("Third")}}));
  const auto r = galley({"batch", at("dup.zip").string(), "-o", at("out").string(), "-t", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("output a.json is taken; writing a.json.json"), std::string::npos) << r.err;
  EXPECT_NE(slurp(at("out/a.json")).find("\"First\""), std::string::npos);
  EXPECT_NE(slurp(at("out/a.json.json")).find("\"Second\""), std::string::npos);
  EXPECT_TRUE(fs::exists(at("out/b.json")));
}

// Past the first thousand names given, names taken are still found: each of 700 pairs
// of inputs wants one output name, and the second of each pair is renamed.
TEST_F(Batch, ManyOutputNamesAreKeptApart) {
  for (int i = 0; i < 700; ++i) {
    const std::string stem = "in/n" + std::to_string(i);
    dir_.write(stem + ".md", "# Note " + std::to_string(i) + "\n\nA line of text.\n");
    dir_.write(stem + ".txt", "Note " + std::to_string(i) + "\n\nA line of text.\n");
  }
  const auto r = galley({"batch", in().string(), "-o", at("out").string(), "-t", "json", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto outputs = files_under(at("out"));
  for (int i = 0; i < 700; ++i) {
    const std::string stem = "n" + std::to_string(i);
    EXPECT_TRUE(outputs.count(stem + ".json") && outputs.count(stem + ".txt.json")) << stem;
  }
}

TEST_F(Batch, ReadsImagesOnlyForFormatsThatEmbedThem) {
  // What stands beside the page as x.png is not an image: a format that embeds images
  // reads it and warns, one that only refers to images by address never opens it.
  dir_.write("page.html",
             "<html><head><title>Page</title></head><body><article><p>A paragraph long enough "
             "to be the body of the article, with words.</p><img src=\"x.png\" alt=\"x\">"
             "</article></body></html>");
  dir_.write("x.png", "not an image");
  const auto md = galley({"convert", at("page.html").string(), "-o", at("page.md").string()});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.err.find("x.png"), std::string::npos) << md.err;
  const auto json = galley({"convert", at("page.html").string(), "-o", at("page.json").string()});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.err.find("'x.png' not embedded"), std::string::npos) << json.err;
}

TEST_F(Batch, ShardsPartitionTheInputs) {
  for (int i = 0; i < 40; ++i) dir_.write("in/n" + std::to_string(i) + ".json", article_json("N"));
  const auto all = galley({"batch", in().string(), "--list"});
  ASSERT_EQ(all.exit_code, 0);
  std::multiset<std::string> together;
  for (int k = 1; k <= 3; ++k) {
    const auto shard =
        galley({"batch", in().string(), "--list", "--shard", std::to_string(k) + "/3"});
    ASSERT_EQ(shard.exit_code, 0);
    std::istringstream lines(shard.out);
    for (std::string line; std::getline(lines, line);) together.insert(line);
  }
  std::multiset<std::string> expected;
  std::istringstream lines(all.out);
  for (std::string line; std::getline(lines, line);) expected.insert(line);
  EXPECT_EQ(expected.size(), 42u);
  EXPECT_EQ(together, expected);
  EXPECT_EQ(galley({"batch", in().string(), "--list", "--shard", "4/3"}).exit_code, 2);
}

TEST_F(Batch, CorruptArchiveIsReportedAndTheRestConverted) {
  dir_.write("broken.zip", "PK\x03\x04 this is not really a zip");
  const auto r =
      galley({"batch", at("broken.zip").string(), in().string(), "-o", at("out").string(), "-t",
              "json", "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(files_under(at("out")).size(), 2u);
  // Report lines come in the order conversions finish: find the archive's own.
  const auto lines = report_lines(at("r.jsonl"));
  const auto broken = std::find_if(lines.begin(), lines.end(), [&](const Json& line) {
    return line.value("input", "") == at("broken.zip").string();
  });
  ASSERT_NE(broken, lines.end());
  EXPECT_EQ((*broken)["status"], "failed");
  EXPECT_NE((*broken)["error"].get<std::string>().find("not a readable zip archive"),
            std::string::npos);
}

}  // namespace
}  // namespace galley::testing

namespace galley::testing {
namespace {

std::string dated_json(const std::string& title, const std::string& date) {
  std::string json = article_json(title);
  json.replace(json.find("\"date\":null"), 11, "\"date\":\"" + date + "\"");
  return json;
}

std::vector<std::string> chapter_titles(const fs::path& epub) {
  std::vector<std::string> titles;
  for (const auto& e : test::unzip_entries(slurp(epub))) {
    if (!e.name.starts_with("EPUB/chapter-")) continue;
    const std::size_t at = e.bytes.find("<h1 id=\"title\">") + 15;
    titles.push_back(e.bytes.substr(at, e.bytes.find("</h1>", at) - at));
  }
  return titles;
}

class Bundle : public Batch {};

TEST_F(Bundle, CollectsArticlesInDateOrderAndLeavesOutTheUnreadable) {
  dir_.write("in/three.json", dated_json("Three", "2024-01-03"));
  dir_.write("in/one.json", dated_json("One", "2024-01-01"));  // replaces the undated one
  dir_.write("in/broken.json", "{");
  const auto r = galley({"bundle", in().string(), "-o", at("digest.epub").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("broken.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 of 4 articles"), std::string::npos) << r.err;
  EXPECT_EQ(chapter_titles(at("digest.epub")), (std::vector<std::string>{"One", "Three", "Two"}));
  const std::string opf = test::unzip_entries(slurp(at("digest.epub")))[2].bytes;
  EXPECT_NE(opf.find("<dc:title>Digest, 2024-01-01 to 2024-01-03</dc:title>"), std::string::npos);

  const auto in_order = galley({"bundle", in().string(), "-o", at("ordered.epub").string(),
                                "--order", "input", "--title", "Mine", "-q"});
  EXPECT_EQ(in_order.exit_code, 3);
  EXPECT_EQ(chapter_titles(at("ordered.epub")),
            (std::vector<std::string>{"One", "Two", "Three"}));  // one, sub/two, three
}

TEST_F(Bundle, WritesNothingWhenNoInputCanBeRead) {
  dir_.write("bad.json", "{");
  const auto r = galley({"bundle", at("bad.json").string(), "-o", at("digest.epub").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(at("digest.epub")));
  const auto md = galley({"bundle", in().string(), "-o", at("digest.md").string()});
  EXPECT_EQ(md.exit_code, 1);
  EXPECT_NE(md.err.find("holds one article"), std::string::npos) << md.err;
  EXPECT_FALSE(fs::exists(at("digest.md")));
}

TEST_F(Bundle, AFormatContradictingTheOutputsExtensionNeedsForce) {
  const auto r = galley({"bundle", in().string(), "-t", "epub", "-o", at("digest.md").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pass --force"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(at("digest.md")));
  const auto forced = galley(
      {"bundle", in().string(), "-t", "epub", "-o", at("digest.md").string(), "--force", "-q"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(slurp(at("digest.md")).starts_with("PK"));
}

}  // namespace
}  // namespace galley::testing
