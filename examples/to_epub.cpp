// Converts one article (web page, PDF or text) to EPUB, using the installed galley.
//   to_epub story.html story.epub
#include <cstdlib>
#include <iostream>

#include <galley/galley.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: to_epub INPUT OUTPUT.epub\n";
    return 2;
  }
  galley::Diagnostics diag;
  try {
    const galley::Article article = galley::read_file(argv[1], {}, diag);
    galley::write_file(article, argv[2], {}, diag, "epub");  // atomic: no partial file
  } catch (const galley::Error& e) {
    std::cerr << "to_epub: " << e.what() << '\n';
    return 1;
  }
  for (const galley::Diagnostic& warning : diag.all()) {
    std::cerr << "to_epub: warning: " << galley::to_string(warning) << '\n';
  }
  return 0;
}
