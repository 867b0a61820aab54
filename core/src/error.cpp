#include <galley/error.hpp>

namespace galley {
namespace {

std::string located(const std::string& input, const SourcePos& pos, const std::string& message) {
  std::string out = input.empty() ? std::string("<input>") : input;
  if (pos.page > 0) {
    out += ": page " + std::to_string(pos.page);
  }
  if (pos.line > 0) {
    out += ":" + std::to_string(pos.line);
    if (pos.column > 0) {
      out += ":" + std::to_string(pos.column);
    }
  }
  return out + ": " + message;
}

}  // namespace

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::UnknownFormat:
      return "UnknownFormat";
    case ErrorCode::Unsupported:
      return "Unsupported";
    case ErrorCode::Malformed:
      return "Malformed";
    case ErrorCode::LimitExceeded:
      return "LimitExceeded";
    case ErrorCode::Cancelled:
      return "Cancelled";
    case ErrorCode::Io:
      return "Io";
  }
  return "Unknown";
}

Error::Error(ErrorCode code, std::string input, SourcePos pos, const std::string& message)
    : std::runtime_error(located(input, pos, message)),
      code_(code),
      input_(std::move(input)),
      pos_(pos),
      message_(message) {}

std::string to_string(const Diagnostic& diagnostic) {
  return located(diagnostic.input, diagnostic.pos, diagnostic.message);
}

}  // namespace galley
