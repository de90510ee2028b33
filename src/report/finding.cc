#include "report/finding.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace golden::report {

Finding MakeFinding(std::string check, std::string rule, Severity severity, std::string message,
                    std::string file, int line) {
  Finding f;
  f.check = std::move(check);
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.file = std::move(file);
  f.line = line;
  return f;
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "error";
}

int CheckRank(std::string_view check) {
  static constexpr std::array<std::string_view, 8> kOrder = {
      "metadata", "structure", "docker", "codeowners", "workflows", "readme", "scan", "policy"};
  for (size_t i = 0; i < kOrder.size(); ++i) {
    if (kOrder[i] == check) return static_cast<int>(i);
  }
  return static_cast<int>(kOrder.size());
}

bool FindingLess(const Finding& a, const Finding& b) {
  int ra = CheckRank(a.check), rb = CheckRank(b.check);
  return std::tie(ra, a.check, a.file, a.line, a.rule) <
         std::tie(rb, b.check, b.file, b.line, b.rule);
}

void SortFindings(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), FindingLess);
}

std::string WaiverText(const Finding::Waiver& w) {
  std::string out = w.reason;
  if (!w.expires.empty()) out += "; until " + w.expires;
  if (!w.owner.empty()) out += "; owner " + w.owner;
  return out;
}

}  // namespace golden::report
