// Errors and warnings.
//
// A document that cannot be converted raises galley::Error, whose what() reads like a
// compiler message ("a.html:12:5: not well-formed"). Problems a reader can work
// around (a guessed encoding, a dropped image) are recorded as warnings in a
// Diagnostics collector and never stop the conversion.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

// The public API: exported from a shared libgalley, which hides everything else.
#pragma GCC visibility push(default)
namespace galley {

enum class ErrorCode {
  UnknownFormat,  ///< no reader or writer matches the name, extension or content
  Unsupported,    ///< the format is known but this input uses a feature galley lacks
  Malformed,      ///< the input is not a valid document of its format
  LimitExceeded,  ///< a configured limit (size, depth, time) was reached
  Cancelled,      ///< the caller's stop token was triggered
  Io,             ///< a file could not be read or written
};

/// The name of an error code, e.g. "Malformed".
const char* to_string(ErrorCode code) noexcept;

/// Where in the input something happened; 1-based, 0 = unknown.
struct SourcePos {
  int page = 0;
  int line = 0;
  int column = 0;
  bool operator==(const SourcePos&) const = default;
};

/// The one exception type galley throws for a document it cannot convert.
class Error : public std::runtime_error {
 public:
  /// `input` names the document ("report.pdf", "<stdin>"); what() is built from all parts.
  Error(ErrorCode code, std::string input, SourcePos pos, const std::string& message);
  ErrorCode code() const noexcept { return code_; }
  const std::string& input() const noexcept { return input_; }
  const SourcePos& pos() const noexcept { return pos_; }
  /// The message without the input name and position.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  std::string input_;
  SourcePos pos_;
  std::string message_;
};

struct Diagnostic {
  std::string input;
  SourcePos pos;
  std::string message;
};

/// Formats a diagnostic like an Error's what(): "name:line:col: message".
std::string to_string(const Diagnostic& diagnostic);

/// Collects warnings for one conversion. Not thread-safe: use one per document.
class Diagnostics {
 public:
  void warn(Diagnostic diagnostic) { all_.push_back(std::move(diagnostic)); }
  const std::vector<Diagnostic>& all() const noexcept { return all_; }
  bool empty() const noexcept { return all_.empty(); }

 private:
  std::vector<Diagnostic> all_;
};

}  // namespace galley
#pragma GCC visibility pop
