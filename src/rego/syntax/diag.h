#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rego/error_codes.h"
#include "rego/syntax/source.h"

namespace golden::rego {

/// A problem found while parsing or compiling: OPA's code, a message and where it is.
struct Error {
  std::string_view code;
  std::string message;
  Span span;
  bool has_location = true;  ///< false for errors about no particular place
  /// The parser's errors also show the offending source line (OPA's ParserErrorDetail).
  bool show_line = false;
};

/// Collects errors; passes append, the driver decides when to stop.
class ErrorList {
 public:
  void Add(std::string_view code, Span span, std::string message) {
    errors_.push_back({code, std::move(message), span, true});
  }
  void AddShowingLine(std::string_view code, Span span, std::string message) {
    errors_.push_back({code, std::move(message), span, true, true});
  }
  void AddNoLocation(std::string_view code, std::string message) {
    errors_.push_back({code, std::move(message), {}, false});
  }
  bool empty() const { return errors_.empty(); }
  size_t size() const { return errors_.size(); }
  const std::vector<Error>& errors() const { return errors_; }
  std::vector<Error>& errors() { return errors_; }
  void Truncate(size_t n) { errors_.resize(n); }
  void Append(const ErrorList& other) {
    errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  }

 private:
  std::vector<Error> errors_;
};

}  // namespace golden::rego
