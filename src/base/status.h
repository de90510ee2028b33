#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "base/check.h"

namespace golden {

/// Broad classes of failure. Callers branch on these; messages are for people.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  ///< bad input: a malformed document, a wrong flag value
  kNotFound,         ///< a file or folder that should exist does not
  kIoError,          ///< the OS refused a read or a write
  kParseError,       ///< text that does not parse (JSON, YAML, Rego)
  kLimitExceeded,    ///< input over a size or nesting limit
  kInternal,         ///< a bug
  kCancelled,        ///< given up on request: the result was no longer needed
};

/// Where in a file a problem is. Lines and columns are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int col = 0;

  /// "file:line:col", "file:line" or "file", omitting unknown parts.
  std::string ToString() const;
};

/// The outcome of a fallible operation: OK, or a code, a message and maybe a location.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::optional<SourceLocation> where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::optional<SourceLocation>& where() const { return where_; }

  /// Returns a copy located at `where` unless it already has a location.
  Status WithLocation(SourceLocation where) const;

  /// "file:line:col: message" (or just the message when there is no location).
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::optional<SourceLocation> where_;
};

inline Status InvalidArgument(std::string msg) {
  return Status(StatusCode::kInvalidArgument, std::move(msg));
}
inline Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
inline Status IoError(std::string msg) { return Status(StatusCode::kIoError, std::move(msg)); }
inline Status ParseError(std::string msg, std::optional<SourceLocation> where = {}) {
  return Status(StatusCode::kParseError, std::move(msg), std::move(where));
}
inline Status LimitExceeded(std::string msg) {
  return Status(StatusCode::kLimitExceeded, std::move(msg));
}
inline Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

/// A value of type T or the Status explaining why there is none (std::expected is C++23).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    GOLDEN_CHECK(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  T& value() & {
    GOLDEN_CHECK(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    GOLDEN_CHECK(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    GOLDEN_CHECK(ok());
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace golden

#define GOLDEN_STATUS_CONCAT_INNER(a, b) a##b
#define GOLDEN_STATUS_CONCAT(a, b) GOLDEN_STATUS_CONCAT_INNER(a, b)

/// Returns the Status of `expr` from the enclosing function when it is not OK.
#define GOLDEN_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::golden::Status golden_status_ = (expr);        \
    if (!golden_status_.ok()) return golden_status_; \
  } while (0)

/// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves the value into `lhs`.
#define GOLDEN_ASSIGN_OR_RETURN(lhs, rexpr) \
  GOLDEN_ASSIGN_OR_RETURN_IMPL(GOLDEN_STATUS_CONCAT(golden_result_, __LINE__), lhs, rexpr)
#define GOLDEN_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                 \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
