// Converting different documents on different threads at once is safe: eight threads
// convert every reader fixture to every writer's format and must get the bytes the
// serial run got. Run under ThreadSanitizer in CI.
#include <galley/galley.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <latch>
#include <map>
#include <thread>

#include <gtest/gtest.h>

#include "support/golden.hpp"

namespace galley {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> reader_inputs() {
  std::vector<fs::path> inputs;
  for (const char* reader : {"text", "html", "pdf"}) {
    const fs::path dir = test::fixtures_dir() / reader;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().stem() == "input") inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// Every output of one input, or its error message. The time stamp is pinned: an undated
// EPUB is otherwise stamped with the time of writing, which differs between the runs.
std::map<std::string, std::string> convert_all(const fs::path& input) {
  std::map<std::string, std::string> outputs;
  Diagnostics diag;
  WriteOptions options;
  options.timestamp = std::chrono::sys_days(std::chrono::year(2000) / 1 / 1);
  try {
    const Article article = read_file(input, {}, diag);
    for (const auto& writer : Registry::builtin().writers()) {
      outputs[writer.info.name] = write_string(article, writer.info.name, options, diag);
    }
  } catch (const Error& e) {
    outputs["error"] = e.what();
  }
  return outputs;
}

TEST(ThreadSafety, ParallelConversionsMatchSerialOnes) {
  const auto inputs = reader_inputs();
  ASSERT_FALSE(inputs.empty());
  std::vector<std::map<std::string, std::string>> serial;
  for (const auto& input : inputs) serial.push_back(convert_all(input));

  constexpr int kThreads = 8;
  std::vector<std::vector<std::map<std::string, std::string>>> parallel(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      parallel[t].resize(inputs.size());
      threads.emplace_back([&, t] {
        // Each thread starts at a different input so different readers overlap.
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t) * 3) % inputs.size();
          parallel[t][k] = convert_all(inputs[k]);
        }
      });
    }
  }
  for (int t = 0; t < kThreads; ++t) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      EXPECT_EQ(parallel[t][i], serial[i]) << "thread " << t << ", " << inputs[i];
    }
  }
}

// The first documents a process reads may all start at once: whatever a reader's or
// writer's library sets up on first use (Poppler's shared colour profiles, made with
// the first page's graphics state; libxml2's parser state) is set up once, not by each
// thread over the others'. Only a fresh process shows this, so this test converts
// nothing before its threads start; ctest runs each test in a process of its own.
TEST(ThreadSafety, TheFirstDocumentsMayBeConvertedAtOnce) {
  std::vector<fs::path> one_of_each;  // the first input of each reader
  for (const auto& input : reader_inputs()) {
    if (one_of_each.empty() || one_of_each.back().extension() != input.extension())
      one_of_each.push_back(input);
  }
  ASSERT_EQ(one_of_each.size(), 3U);
  constexpr int kThreads = 12;
  std::latch start(kThreads);
  std::vector<std::map<std::string, std::string>> firsts(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();
        firsts[t] = convert_all(one_of_each[static_cast<std::size_t>(t) % 3]);
      });
    }
  }
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(firsts[t], convert_all(one_of_each[static_cast<std::size_t>(t) % 3]))
        << "thread " << t;
  }
}

}  // namespace
}  // namespace galley
