#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace golden::portfolio {

/// One rule of a CODEOWNERS file: a path pattern and its owners.
struct CodeownersRule {
  int line = 0;
  std::string pattern;
  std::vector<std::string> owners;
};

/// An owner that is not `@user`, `@org/team` or an e-mail address.
struct CodeownersProblem {
  int line = 0;
  std::string owner;
};

/// A parsed CODEOWNERS file (GitHub's syntax: `#` comments, `\#` for a literal '#', a pattern
/// followed by owners; a pattern without owners is a rule too).
struct Codeowners {
  std::vector<CodeownersRule> rules;
  std::vector<CodeownersProblem> problems;
};

Codeowners ParseCodeowners(std::string_view text);

/// `@user`, `@org/team` or `name@example.com`.
bool IsValidCodeowner(std::string_view owner);

}  // namespace golden::portfolio
