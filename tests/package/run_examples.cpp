// Runs every example of the documentation against an installed galley: linked with the
// file tests/docs/extract_examples.cmake writes, and started by tests/package/run.sh in
// a scratch folder holding the files the examples name (story.html, story.pdf), under
// AddressSanitizer. It fails when an example throws or what the examples wrote is not
// there.
#include <galley/galley.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

void run_examples(galley::Article article, galley::Article b, const galley::Input& input,
                  galley::Sink& sink, galley::Diagnostics& diag, std::filesystem::path path);

int main() {
  try {
    galley::Diagnostics diag;
    const galley::Article article = galley::read_file("story.html", {}, diag);
    const galley::Article b = galley::read_file("story.pdf", {}, diag);
    std::ifstream file("story.html", std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(file), {}};
    const galley::Input input{"story.html", bytes, "text/html"};
    std::string written;
    galley::StringSink sink(written);
    run_examples(article, b, input, sink, diag, "story.html");
    // The registry example writes the title through a writer of its own.
    if (written != article.metadata.title.value_or("")) {
      std::cerr << "run_examples: the custom writer wrote \"" << written << "\"\n";
      return 1;
    }
    if (!std::filesystem::exists("story.epub")) {
      std::cerr << "run_examples: the header's example wrote no story.epub\n";
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "run_examples: " << e.what() << '\n';
    return 1;
  }
}
