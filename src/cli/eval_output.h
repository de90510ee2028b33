#pragma once

// `opa eval`'s output formats (OPA's internal/presentation package): json, values,
// bindings, pretty (tables drawn as olekukonko/tablewriter draws them), raw and discard.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rego/rego.h"

namespace golden::cli {

enum class EvalFormat { kJson, kValues, kBindings, kPretty, kRaw, kDiscard };

/// Parses a -f/--format value; nullopt when unknown.
std::optional<EvalFormat> ParseEvalFormat(std::string_view name);

/// One error as OPA presents it.
struct OutputError {
  std::string message;
  std::string code;
  /// Location (omitted when file, line and column are all unknown).
  std::optional<SourceLocation> location;
  std::optional<rego::ErrorDetail> detail;
  /// The error's text form ("file:1: code: message" and detail lines).
  std::string text;
};

OutputError ToOutputError(const rego::Diagnostic& d);
OutputError ToOutputError(const rego::EvalError& e);
/// An error with only a message (loading problems), as OPA's untyped errors.
OutputError PlainOutputError(std::string message);

/// What an evaluation produced: errors, or results (none: undefined).
struct EvalOutput {
  std::vector<OutputError> errors;
  std::vector<rego::QueryResult> results;
};

/// Renders `out` in `format`, exactly as `opa eval` prints it to standard output.
std::string FormatEvalOutput(const EvalOutput& out, EvalFormat format);

/// OPA's text for a list of errors: "1 error occurred: ..." / "N errors occurred:\n...".
std::string ErrorsText(const std::vector<OutputError>& errors);

/// A value as Go's json.Marshal prints the JSON form of a Rego value (compact, HTML
/// characters escaped).
std::string GoJson(const Value& v, int indent = 0);

}  // namespace golden::cli
