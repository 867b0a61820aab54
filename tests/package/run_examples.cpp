// Runs every example of the documentation against an installed galley: linked with the
// file tests/docs/extract_examples.cmake writes, and started by tests/package/run.sh,
// under AddressSanitizer, in a scratch folder holding the files the examples name
// (story.html, story.pdf, and news.zip with story.html in a folder). It fails when an
// example throws or what the examples wrote is not there.
#include <filesystem>
#include <iostream>
#include <string>

#include "examples_preamble.hpp"  // galley.hpp and run_examples()

int main() {
  try {
    galley::Diagnostics diag;
    const galley::Article article = galley::read_file("story.html", {}, diag);
    const galley::Article b = galley::read_file("story.pdf", {}, diag);
    const galley::Input input{
        "story.html", galley::read_file_bytes("story.html", galley::ReadOptions{}.max_input_bytes),
        "text/html"};
    std::string written;
    galley::StringSink sink(written);
    run_examples(article, b, input, sink, diag, "story.html");
    // The registry example writes the title through a writer of its own.
    if (written != article.metadata.title.value_or("")) {
      std::cerr << "run_examples: the custom writer wrote \"" << written << "\"\n";
      return 1;
    }
    for (const char* written_file : {"story.epub", "story.md"}) {
      if (!std::filesystem::exists(written_file)) {
        std::cerr << "run_examples: the examples wrote no " << written_file << '\n';
        return 1;
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "run_examples: " << e.what() << '\n';
    return 1;
  }
}
