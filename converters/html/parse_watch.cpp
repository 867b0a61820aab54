// The halt is the one libxml2 makes on a memory error (instate EOF, SAX off): it leaves
// the input in place, so the parser code below a callback reads on safely and returns at
// once. libxml2 calls back after every element, text run and comment, and reports every
// step whose cost grows with the nesting (an end tag that closes no open element, a
// <body> inside the body), so no long stretch of work goes unpolled; start tags, whose
// cost grows with their attributes, are bounded before the parse by limit_markup().
#include "parse_watch.hpp"

#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace galley::html {

ParseWatch::ParseWatch(const ReadOptions& options, std::string name, std::size_t max_searched)
    : budget_(options, name),
      polling_(options.time_budget.count() > 0 || options.stop.stop_possible()),
      name_(std::move(name)),
      max_searched_(max_searched) {}

void ParseWatch::attach(htmlParserCtxt* ctxt) {
  ctxt_ = ctxt;
  if (!polling_) return;
  ctxt->_private = this;
  xmlSAXHandler& sax = *ctxt->sax;
  saved_ = sax;
  wrap<&xmlSAXHandler::startElement>(sax.startElement);
  wrap<&xmlSAXHandler::endElement>(sax.endElement);
  wrap<&xmlSAXHandler::characters>(sax.characters);
  wrap<&xmlSAXHandler::ignorableWhitespace>(sax.ignorableWhitespace);
  wrap<&xmlSAXHandler::cdataBlock>(sax.cdataBlock);
  wrap<&xmlSAXHandler::comment>(sax.comment);
}

void ParseWatch::rethrow_if_stopped() const {
  if (stopped_) std::rethrow_exception(stopped_);
}

// Installs, in place of `handler`, one that calls the saved handler and then polls.
template <auto Member, typename... Args>
void ParseWatch::wrap(void (*&handler)(void*, Args...)) {
  if (handler == nullptr) return;
  handler = [](void* ctx, Args... args) {
    auto* watch = static_cast<ParseWatch*>(static_cast<xmlParserCtxt*>(ctx)->_private);
    (watch->saved_.*Member)(ctx, args...);
    watch->poll();
  };
}

void ParseWatch::poll() noexcept {
  if (!polling_ || stopped_ || ctxt_ == nullptr) return;
  try {
    budget_.check();
  } catch (...) {
    halt(std::current_exception());
  }
}

// libxml2 reported an end tag that closes no open element (or one it may not close), or
// a <body> inside the body: it looked through up to all of its open elements. An end tag
// that closes several elements reports each one; it searched them once.
void ParseWatch::searched_open_elements() noexcept {
  if (stopped_ || ctxt_ == nullptr || ctxt_->input == nullptr) return;
  if (ctxt_->input->cur == last_search_) return;
  last_search_ = ctxt_->input->cur;
  searched_ += static_cast<std::size_t>(std::max(ctxt_->nameNr, 0));
  if (searched_ <= max_searched_) return;
  try {
    throw Error(ErrorCode::LimitExceeded, name_, {},
                "end tags that close nothing, in nesting this deep, would make the parser "
                "search more than " +
                    std::to_string(max_searched_) + " open elements");
  } catch (...) {
    halt(std::current_exception());
  }
}

void ParseWatch::halt(std::exception_ptr error) noexcept {
  stopped_ = std::move(error);
  ctxt_->instate = XML_PARSER_EOF;
  ctxt_->disableSAX = 1;
}

void record_error(void* context, xmlErrorPtr error) {
  auto* watch = static_cast<ParseWatch*>(context);
  if (error == nullptr) return;
  ParseErrors& errors = watch->errors;
  const std::string_view message = error->message != nullptr ? error->message : "";
  // libxml2 reports a text run past its 10 MB limit as a memory error, and truncates it.
  if (error->code == XML_ERR_NO_MEMORY) {
    (message.find("huge text") != std::string_view::npos ? errors.huge_text
                                                         : errors.out_of_memory) = true;
  }
  if (error->code == XML_ERR_INTERNAL_ERROR && message.find("depth") != std::string_view::npos) {
    errors.too_deep = true;
  }
  if (error->code == XML_I18N_CONV_FAILED || error->code == XML_ERR_INVALID_CHAR) {
    errors.conversion_failed = true;
  }
  if (error->code == XML_ERR_TAG_NAME_MISMATCH || error->code == XML_HTML_STRUCURE_ERROR) {
    watch->searched_open_elements();
  }
  watch->poll();
}

ErrorCapture::ErrorCapture(ParseWatch& watch)
    : old_handler_(xmlStructuredError), old_context_(xmlStructuredErrorContext) {
  xmlSetStructuredErrorFunc(&watch, record_error);
}

ErrorCapture::~ErrorCapture() { xmlSetStructuredErrorFunc(old_context_, old_handler_); }

}  // namespace galley::html
