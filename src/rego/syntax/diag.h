#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rego/syntax/source.h"

namespace golden::rego {

/// OPA error codes (named constants; never repeat the literals).
namespace errc {
inline constexpr std::string_view kParse = "rego_parse_error";
inline constexpr std::string_view kCompile = "rego_compile_error";
inline constexpr std::string_view kUnsafeVar = "rego_unsafe_var_error";
inline constexpr std::string_view kRecursion = "rego_recursion_error";
inline constexpr std::string_view kType = "rego_type_error";
inline constexpr std::string_view kEvalConflict = "eval_conflict_error";
inline constexpr std::string_view kEvalType = "eval_type_error";
inline constexpr std::string_view kEvalBuiltin = "eval_builtin_error";
inline constexpr std::string_view kEvalCancel = "eval_cancel_error";
inline constexpr std::string_view kEvalInternal = "eval_internal_error";
}  // namespace errc

/// A problem found while parsing or compiling: OPA's code, a message and where it is.
struct Error {
  std::string_view code;
  std::string message;
  Span span;
  bool has_location = true;  ///< false for errors about no particular place
};

/// Collects errors; passes append, the driver decides when to stop.
class ErrorList {
 public:
  void Add(std::string_view code, Span span, std::string message) {
    errors_.push_back({code, std::move(message), span, true});
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
