// Walks the article model of each input and prints its title, authors and date:
//   bylines a.html b.pdf c.txt
#include <iostream>

#include <galley/galley.hpp>

int main(int argc, char** argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    galley::Diagnostics diag;
    try {
      const galley::Article article = galley::read_file(argv[i], {}, diag);
      const galley::Metadata& meta = article.metadata;
      std::cout << argv[i] << "\t" << meta.title.value_or("(no title)") << "\t";
      for (std::size_t a = 0; a < meta.authors.size(); ++a) {
        std::cout << (a ? "; " : "") << meta.authors[a].name;
      }
      std::cout << "\t" << (meta.date ? galley::format_date(*meta.date) : "(no date)") << "\t"
                << article.body.size() << " blocks, " << article.footer.size()
                << " footer blocks\n";
    } catch (const galley::Error& e) {
      std::cerr << e.what() << '\n';
      status = 1;
    }
  }
  return status;
}
