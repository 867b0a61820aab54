// What libxml2 reports while it parses a page, through its callbacks: the errors that
// matter to the reader, and the points at which a parse that has run out of time, been
// cancelled or searched too far is halted.
#pragma once

#include <libxml/HTMLparser.h>

#include <cstddef>
#include <exception>
#include <string>

#include <galley/format.hpp>

namespace galley::html {

/// Parser complaints that change what the reader does.
struct ParseErrors {
  bool too_deep = false;           ///< libxml2 stopped at its depth limit
  bool huge_text = false;          ///< a text run past its 10 MB limit was cut
  bool conversion_failed = false;  ///< characters it could not read were skipped
  bool out_of_memory = false;
};

/// Watches one page's parses (a first one and a second without libxml2's depth and text
/// limits): records ParseErrors, polls ReadOptions' time budget and stop token, and counts
/// libxml2's searches of its open elements, halting the parse when one has run out.
class ParseWatch {
 public:
  /// Starts the time budget; `max_searched` is MarkupLimits::searched_elements.
  ParseWatch(const ReadOptions& options, std::string name, std::size_t max_searched);
  ParseWatch(const ParseWatch&) = delete;
  ParseWatch& operator=(const ParseWatch&) = delete;

  /// Hooks into the callbacks of `ctxt`, a fresh context, before it parses; its errors
  /// reach the watch through an ErrorCapture.
  void attach(htmlParserCtxt* ctxt);
  /// Throws the Error that halted the parse, if one did.
  void rethrow_if_stopped() const;

  ParseErrors errors;

 private:
  friend void record_error(void* context, xmlErrorPtr error);
  template <auto Member, typename... Args>
  void wrap(void (*&handler)(void*, Args...));
  void poll() noexcept;
  void searched_open_elements() noexcept;
  void halt(std::exception_ptr error) noexcept;

  Budget budget_;
  bool polling_;
  std::string name_;
  std::size_t max_searched_;
  htmlParserCtxt* ctxt_ = nullptr;
  xmlSAXHandler saved_{};
  std::size_t searched_ = 0;
  const xmlChar* last_search_ = nullptr;  // where the last search was reported
  std::exception_ptr stopped_;
};

/// libxml2's structured error handler, given a ParseWatch.
void record_error(void* context, xmlErrorPtr error);

/// libxml2 reports through a per-thread structured handler; this one is set for the
/// parse only, so nothing reaches stderr and other threads' handlers are untouched.
class ErrorCapture {
 public:
  explicit ErrorCapture(ParseWatch& watch);
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  ~ErrorCapture();

 private:
  xmlStructuredErrorFunc old_handler_;
  void* old_context_;
};

}  // namespace galley::html
