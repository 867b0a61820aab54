// PDFs written byte by byte for tests: the smallest files that show one thing, which
// no fixture script would produce (a lying page count, a title in PDFDocEncoding).
#pragma once

#include <string>

namespace galley::testing {

struct PdfSpec {
  std::string content{};     ///< the one page's content stream; font /F1 is Helvetica
  long claimed_pages = 1;    ///< the page tree's /Count, which may lie
  bool flate = false;        ///< deflate the content stream
  std::string info_title{};  ///< the document information /Title as written: "(...)" or "<...>"
};

/// A one-page PDF with an exact cross-reference table.
std::string make_pdf(const PdfSpec& spec);

}  // namespace galley::testing
