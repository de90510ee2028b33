#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace golden::portfolio {

/// One instruction of a Dockerfile, continuation lines joined.
struct DockerInstruction {
  /// Upper-cased ("FROM", "RUN"); instructions are case-insensitive.
  std::string keyword;
  /// The arguments with line continuations removed (the escape character and the newline)
  /// and comment lines inside the instruction dropped; leading and trailing blanks trimmed.
  std::string args;
  /// The bodies of heredocs (`RUN <<EOF ... EOF`), in order.
  std::vector<std::string> heredocs;
  /// 1-based line of the keyword.
  int line = 0;
};

/// A build stage: a FROM and the instructions up to the next FROM.
struct DockerStage {
  std::string base;      ///< the image (or earlier stage) it starts from, as written
  std::string name;      ///< `AS name`, lower-cased ("" when unnamed)
  std::string platform;  ///< `--platform=` value, if any
  int from_line = 0;
  /// Index of the earlier stage `base` names (stage names are case-insensitive); -1 when
  /// `base` is an image.
  int parent = -1;
  /// Indexes into Dockerfile::instructions (the FROM included).
  size_t first = 0, last = 0;
};

/// A parsed Dockerfile, as BuildKit reads it: parser directives (`# syntax=`, `# escape=`)
/// at the top, case-insensitive instructions, line continuations with the escape character
/// (`\` or a backtick), comment and empty lines inside continuations skipped, heredocs.
struct Dockerfile {
  char escape = '\\';
  std::vector<DockerInstruction> instructions;
  std::vector<DockerStage> stages;
  /// ARGs declared before the first FROM, with their defaults (for `FROM $BASE`).
  std::vector<std::pair<std::string, std::string>> global_args;
};

/// Parses Dockerfile text. Never fails: like Docker's own parser, it reads what it can;
/// unknown instructions are kept as they are.
Dockerfile ParseDockerfile(std::string_view text);

/// Splits instruction arguments into words as the shell-form parser does: blanks separate,
/// quotes group (and are removed), the escape character protects the next character. An
/// exec-form JSON array (`["a", "b"]`) gives its strings.
std::vector<std::string> DockerWords(std::string_view args, char escape = '\\');

/// `ENV` arguments as key/value pairs: `K=V K2="v 2"`, or the legacy `K value with spaces`.
std::vector<std::pair<std::string, std::string>> DockerEnvPairs(std::string_view args,
                                                                char escape = '\\');

/// Replaces $NAME and ${NAME} (and ${NAME:-default}) from `vars`; returns false when a
/// variable is unknown and has no default.
bool ExpandDockerVars(std::string_view in,
                      const std::vector<std::pair<std::string, std::string>>& vars,
                      std::string* out);

}  // namespace golden::portfolio
