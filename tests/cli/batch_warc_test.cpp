// `galley batch` over web archives and into JSON Lines: the crawl fixture converts to
// exactly the expected lines, the report accounts for every record, and the outputs
// agree however they are written (plain, gzip'd, a folder, shards).
#include <signal.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/golden.hpp"
#include "support/process.hpp"

namespace galley::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

ProcessResult galley(const std::vector<std::string>& args) {
  return run_process(GALLEY_CLI_PATH, args);
}

fs::path crawl() { return test::fixtures_dir() / "batch" / "warc_crawl" / "input.warc.gz"; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The file's text with the fixture folder's and the test's own folder's paths taken
// out of file names, so the expected files do not depend on where either is.
std::string portable(const fs::path& file) {
  const std::string text = replace_all(slurp(file), crawl().parent_path().string() + "/", "");
  return replace_all(text, file.parent_path().string() + "/", "");
}

// The report without its timings, which differ from run to run.
std::string report_without_timings(const fs::path& file) {
  std::string out;
  std::istringstream in(portable(file));
  for (std::string line; std::getline(in, line);) {
    Json j = Json::parse(line);
    j.erase("seconds");
    if (j.contains("summary")) {
      j["summary"].erase("wall_seconds");
      j["summary"].erase("docs_per_second");
    }
    out += j.dump() + "\n";
  }
  return out;
}

std::string gunzip(const fs::path& file) {
  gzFile in = gzopen(file.c_str(), "rb");
  if (!in) return {};
  std::string out;
  char buffer[1 << 14];
  for (int n; (n = gzread(in, buffer, sizeof buffer)) > 0;) out.append(buffer, n);
  gzclose(in);
  return out;
}

class BatchWarc : public ::testing::Test {
 protected:
  fs::path at(const std::string& name) const { return dir_.path() / name; }
  TempDir dir_;
};

// One worker converts in input order, so the report's lines come in that order too.
TEST_F(BatchWarc, ACrawlConvertsToTheExpectedLinesAndTheReportAccountsForEveryRecord) {
  const auto r = galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "--report",
                         at("report.jsonl").string(), "-j", "1", "-q"});
  EXPECT_EQ(r.exit_code, 3) << r.err;  // the record cut short failed
  const fs::path expected = crawl().parent_path();
  test::expect_golden(expected / "expected.jsonl", portable(at("out.jsonl")));
  test::expect_golden(expected / "expected.report.jsonl",
                      report_without_timings(at("report.jsonl")));

  std::map<std::string, int> statuses;
  std::istringstream report(slurp(at("report.jsonl")));
  std::size_t records = 0;
  for (std::string line; std::getline(report, line);) {
    const Json j = Json::parse(line);
    if (j.contains("summary")) {
      EXPECT_EQ(j["summary"]["total"], records);
      EXPECT_EQ(j["summary"]["ignored"], 5);
      continue;
    }
    ++records;
    ++statuses[j["status"].get<std::string>()];
  }
  EXPECT_EQ(records, 11u);  // every record of the file, the cut one included
  EXPECT_EQ(statuses, (std::map<std::string, int>{{"ok", 5}, {"ignored", 5}, {"failed", 1}}));
}

TEST_F(BatchWarc, TheServersCharsetReadsAPageThatDeclaresNone) {
  ASSERT_EQ(galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "-q"}).exit_code, 3);
  const std::string lines = slurp(at("out.jsonl"));
  EXPECT_NE(lines.find("\"byline\":\"Tomáš Dvořák\""), std::string::npos);
}

TEST_F(BatchWarc, AGzipOutputHoldsTheSameLines) {
  ASSERT_EQ(galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "-q"}).exit_code, 3);
  ASSERT_EQ(galley({"batch", crawl().string(), "-o", at("out.jsonl.gz").string(), "-q"}).exit_code,
            3);
  EXPECT_EQ(gunzip(at("out.jsonl.gz")), slurp(at("out.jsonl")));
  EXPECT_EQ(slurp(at("out.jsonl.gz")).substr(0, 2), "\x1f\x8b");
}

TEST_F(BatchWarc, RecordsBecomeFilesNamedAfterTheirAddress) {
  const auto r = galley({"batch", crawl().string(), "-o", at("out").string(), "-t", "md", "-q"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  std::set<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(at("out"))) {
    if (e.is_regular_file()) files.insert(e.path().lexically_relative(at("out")).generic_string());
  }
  EXPECT_EQ(files, (std::set<std::string>{
                       "news.example/2024/ferry-fares.md", "news.example/2024/market.md",
                       "news.example/2024/bridge/index_1a3b6e29.md", "news.example/files/notice.md",
                       "news.example/archive/lighthouse.md"}));
}

TEST_F(BatchWarc, ShardsSplitTheRecordsOfOneArchive) {
  std::multiset<std::string> all;
  const auto list = [&](const std::string& shard) {
    const auto r = galley({"batch", crawl().string(), "--list", "--shard", shard});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::multiset<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    return lines;
  };
  for (const char* shard : {"1/2", "2/2"}) {
    const auto part = list(shard);
    all.insert(part.begin(), part.end());
  }
  EXPECT_EQ(all, list("1/1"));
  EXPECT_EQ(all.size(), 11u);
}

TEST_F(BatchWarc, AJsonLinesOutputIsWrittenWholeAndHoldsOnlyJsonLines) {
  const auto resume = galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "--report",
                              at("r.jsonl").string(), "--resume"});
  EXPECT_EQ(resume.exit_code, 2);
  EXPECT_NE(resume.err.find("written whole"), std::string::npos) << resume.err;
  const auto markdown =
      galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "-t", "md"});
  EXPECT_EQ(markdown.exit_code, 2);
  EXPECT_NE(markdown.err.find("-t jsonl"), std::string::npos) << markdown.err;
  EXPECT_FALSE(fs::exists(at("out.jsonl")));
  // -t json into a .jsonl file means the same thing, one line each.
  ASSERT_EQ(galley({"batch", crawl().string(), "-o", at("j.jsonl").string(), "-t", "json", "-q"})
                .exit_code,
            3);
  std::istringstream lines(slurp(at("j.jsonl")));
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    EXPECT_EQ(Json::parse(line)["schema"], "galley-article/1");
  }
  EXPECT_EQ(count, 5);
}

// A page crawled twice is two lines, and nothing warns of names that only order them.
TEST_F(BatchWarc, APageCrawledTwiceIsTwoLines) {
  const auto r = galley({"batch", crawl().string(), crawl().string(), "-o",
                         at("out.jsonl").string(), "--report", at("r.jsonl").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.err.find("is taken"), std::string::npos) << r.err;
  std::istringstream lines(slurp(at("out.jsonl")));
  int count = 0;
  for (std::string line; std::getline(lines, line);) ++count;
  EXPECT_EQ(count, 10);
}

// Ctrl-C: the lines converted so far, in input order, and no --resume to point to.
TEST_F(BatchWarc, AnInterruptWritesTheLinesConvertedSoFar) {
  // Many copies of the crawl, so that the run is still going when the signal comes.
  std::vector<std::string> args = {"batch"};
  for (int i = 0; i < 400; ++i) args.push_back(crawl().string());
  for (const char* a : {"-o", "", "--report", "", "-j", "1"}) args.emplace_back(a);
  args[args.size() - 5] = at("out.jsonl").string();
  args[args.size() - 3] = at("r.jsonl").string();
  const fs::path report = at("r.jsonl");
  const auto r = run_process(GALLEY_CLI_PATH, args, {}, [&](pid_t pid) {
    // Once the first records are reported, as a user pressing Ctrl-C would. Signals
    // are watched only once the inputs are listed, so the wait has no short limit: a
    // busy machine may take seconds to list them. Two minutes only guards a hang.
    for (int tries = 0; tries < 120000 && slurp(report).size() < 2000; ++tries) usleep(1000);
    kill(pid, SIGINT);
  });
  ASSERT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("run again to convert all"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("--resume"), std::string::npos) << r.err;
  std::istringstream lines(slurp(at("out.jsonl")));
  std::vector<std::string> titles;
  for (std::string line; std::getline(lines, line);) {
    titles.push_back(Json::parse(line)["metadata"]["title"]);
  }
  const std::vector<std::string> one_crawl = {
      "Ferry Fares Rise in Spring", "Market Returns to the Quay", "Bridge Repairs Finish Early",
      "Hyphens at the End of a Line", "Lighthouse Open Day"};
  ASSERT_GT(titles.size(), 0u);
  ASSERT_LT(titles.size(), 2000u);
  for (std::size_t i = 0; i < titles.size(); ++i) EXPECT_EQ(titles[i], one_crawl[i % 5]) << i;
}

TEST_F(BatchWarc, NoStagingIsLeftBesideTheOutput) {
  ASSERT_EQ(galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "-q"}).exit_code, 3);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_.path())) names.push_back(e.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"out.jsonl"});
}

// A document that takes long comes first: the lines after it finish earlier and wait
// for it, so the file keeps the order of the inputs whatever order they finish in.
TEST_F(BatchWarc, LinesKeepTheInputOrderWhateverOrderTheyFinishIn) {
  std::string slow = "Slow\n\n";
  for (int i = 0; i < 20000; ++i) slow += "Sentence " + std::to_string(i) + " of a paragraph.\n\n";
  std::vector<std::string> args = {"batch", at("slow.txt").string()};
  std::ofstream(at("slow.txt")) << slow;
  for (int i = 0; i < 30; ++i) {
    const fs::path quick = at("quick" + std::to_string(i) + ".txt");
    std::ofstream(quick) << "Quick " << i << "\n\nA short paragraph.\n";
    args.push_back(quick.string());
  }
  for (const char* a : {"-o", "", "-j", "3", "-q"}) args.emplace_back(a);
  args[args.size() - 4] = at("out.jsonl.gz").string();
  ASSERT_EQ(galley(args).exit_code, 0);
  std::istringstream lines(gunzip(at("out.jsonl.gz")));
  std::vector<std::string> inputs;
  for (std::string line; std::getline(lines, line);) {
    inputs.push_back(Json::parse(line)["source"]["input"]);
  }
  EXPECT_EQ(inputs, std::vector<std::string>(args.begin() + 1, args.end() - 5));
}

// "-o -": the same lines on standard output, for a pipeline's next program.
TEST_F(BatchWarc, DashWritesTheLinesToStandardOutput) {
  const auto file = galley({"batch", crawl().string(), "-o", at("out.jsonl").string(), "-q"});
  const auto piped =
      galley({"batch", crawl().string(), "-o", "-", "--report", at("r.jsonl").string(), "-q"});
  EXPECT_EQ(piped.exit_code, file.exit_code) << piped.err;
  EXPECT_EQ(piped.out, slurp(at("out.jsonl")));
  EXPECT_NE(slurp(at("r.jsonl")).find(R"("outputs":["-"])"), std::string::npos);
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_.path())) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"out.jsonl", "r.jsonl"}));
}

TEST_F(BatchWarc, ConvertPointsToBatchAndBundleTakesOnlyTheDocuments) {
  const auto convert = galley({"convert", crawl().string()});
  EXPECT_EQ(convert.exit_code, 1);
  EXPECT_NE(convert.err.find("a web archive holds many documents: convert them with galley batch"),
            std::string::npos)
      << convert.err;
  // Requests, a revisit, a 404 and an image are no articles left out: only the record
  // cut short is.
  const auto bundle = galley({"bundle", crawl().string(), "-o", at("crawl.jsonl").string()});
  EXPECT_EQ(bundle.exit_code, 3) << bundle.err;
  EXPECT_NE(bundle.err.find("5 of 6 articles"), std::string::npos) << bundle.err;
  EXPECT_EQ(bundle.err.find("request record"), std::string::npos) << bundle.err;
}

}  // namespace
}  // namespace galley::testing
