#include "portfolio/codeowners.h"

#include <cctype>

#include "base/strings.h"

namespace golden::portfolio {

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

bool IsTeamChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

}  // namespace

bool IsValidCodeowner(std::string_view owner) {
  if (owner.size() > 1 && owner[0] == '@') {
    std::string_view rest = owner.substr(1);
    size_t slash = rest.find('/');
    std::string_view user = rest.substr(0, slash);
    if (user.empty()) return false;
    for (char c : user) {
      if (!IsNameChar(c)) return false;
    }
    if (slash == std::string_view::npos) return true;
    std::string_view team = rest.substr(slash + 1);
    if (team.empty()) return false;
    for (char c : team) {
      if (!IsTeamChar(c)) return false;
    }
    return true;
  }
  size_t at = owner.find('@');
  if (at == 0 || at == std::string_view::npos ||
      owner.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view domain = owner.substr(at + 1);
  size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

Codeowners ParseCodeowners(std::string_view text) {
  Codeowners out;
  int line_no = 0;
  for (std::string_view raw : Split(text, "\n")) {
    ++line_no;
    // Tokens split on blanks; an unescaped '#' starts a comment.
    std::vector<std::string> tokens;
    std::string cur;
    bool comment = false;
    for (size_t i = 0; i < raw.size() && !comment; ++i) {
      char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        cur.push_back(raw[++i]);
      } else if (c == '#') {
        comment = true;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        if (!cur.empty()) tokens.push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) tokens.push_back(std::move(cur));
    if (tokens.empty()) continue;
    CodeownersRule rule;
    rule.line = line_no;
    rule.pattern = tokens[0];
    for (size_t i = 1; i < tokens.size(); ++i) {
      if (!IsValidCodeowner(tokens[i])) out.problems.push_back({line_no, tokens[i]});
      rule.owners.push_back(std::move(tokens[i]));
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

}  // namespace golden::portfolio
