// JUnit XML, the common dialect CI test reporters read (Jenkins, GitLab, GitHub test-report
// actions): <testsuites> of <testsuite>s of <testcase>s with <failure>/<error>. Each repository
// is a test suite and each rule a test case, so a reporter shows which rules a repository
// breaks and which it passes.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "report/escape.h"
#include "report/render.h"

namespace golden::report {

namespace {

// The rules that are test cases: every rule the report describes or a finding names, except
// informational ones (they never fail), in id order.
std::vector<std::string> CaseRules(const Report& report) {
  std::set<std::string> ids;
  for (const RuleInfo& r : report.rules) {
    if (r.severity != Severity::kInfo) ids.insert(r.id);
  }
  for (const OrgReport& org : report.orgs) {
    for (const RepoReport& repo : org.repos) {
      for (const Finding& f : repo.findings) {
        if (f.severity != Severity::kInfo) ids.insert(f.rule);
      }
    }
  }
  return {ids.begin(), ids.end()};
}

void Attr(std::string* out, std::string_view name, std::string_view value) {
  out->append(" ").append(name).append("=\"");
  AppendHtmlEscaped(out, value);
  out->push_back('"');
}

void Attr(std::string* out, std::string_view name, int value) {
  Attr(out, name, std::to_string(value));
}

std::string Where(const Finding& f) {
  if (f.file.empty()) return "";
  return f.file + (f.line > 0 ? ":" + std::to_string(f.line) : "") + ": ";
}

// JUnit's timestamp has no time zone (the Ant/Jenkins schema's ISO 8601 pattern).
std::string JunitTimestamp(const std::string& iso) {
  if (!iso.empty() && iso.back() == 'Z') return iso.substr(0, iso.size() - 1);
  return iso;
}

struct SuiteCounts {
  int tests = 0;
  int failures = 0;
  int errors = 0;
};

// Test suite names must be unique; two repositories can share a name only when their names
// were not UTF-8 and became equal once escaped, and then get " (2)", " (3)", ...
class UniqueNames {
 public:
  std::string Take(const std::string& name) {
    int n = ++seen_[name];
    return n == 1 ? name : name + " (" + std::to_string(n) + ")";
  }

 private:
  std::map<std::string, int> seen_;
};

void RepoSuite(std::string* out, const RepoReport& repo, const std::string& name,
               const std::vector<std::string>& rules, const std::string& timestamp,
               SuiteCounts* total) {
  std::map<std::string_view, std::vector<const Finding*>> by_rule;
  for (const Finding& f : repo.findings) {
    if (f.severity != Severity::kInfo) by_rule[f.rule].push_back(&f);
  }
  SuiteCounts c;
  c.tests = static_cast<int>(rules.size());
  for (const std::string& rule : rules) {
    auto it = by_rule.find(rule);
    if (it == by_rule.end()) continue;
    if (std::any_of(it->second.begin(), it->second.end(), [](const Finding* f) {
          return f->severity == Severity::kError && !f->waived;
        })) {
      ++c.failures;
    }
  }
  out->append("  <testsuite");
  Attr(out, "name", name);
  Attr(out, "tests", c.tests);
  Attr(out, "failures", c.failures);
  Attr(out, "errors", 0);
  Attr(out, "skipped", 0);
  Attr(out, "timestamp", timestamp);
  out->append(">\n    <properties>\n      <property");
  Attr(out, "name", "path");
  Attr(out, "value", repo.path);
  out->append("/>\n    </properties>\n");
  for (const std::string& rule : rules) {
    out->append("    <testcase");
    Attr(out, "name", rule);
    Attr(out, "classname", name);
    auto it = by_rule.find(rule);
    if (it == by_rule.end()) {
      out->append("/>\n");
      continue;
    }
    out->append(">\n");
    // A waived finding fails nothing; it is listed beside the warnings with its waiver.
    std::vector<const Finding*> errors, others;
    for (const Finding* f : it->second) {
      (f->severity == Severity::kError && !f->waived ? errors : others).push_back(f);
    }
    if (!errors.empty()) {
      out->append("      <failure");
      Attr(out, "message",
           errors.size() == 1
               ? errors[0]->message
               : std::to_string(errors.size()) + " violations; " + errors[0]->message);
      Attr(out, "type", rule);
      out->append(">");
      for (const Finding* f : errors) AppendHtmlEscaped(out, Where(*f) + f->message + "\n");
      out->append("</failure>\n");
    }
    if (!others.empty()) {
      out->append("      <system-out>");
      for (const Finding* f : others) {
        std::string line = f->waived ? "waived " + std::string(SeverityName(f->severity)) + ": "
                                     : std::string("warning: ");
        line += Where(*f) + f->message;
        if (f->waived) line += " (" + WaiverText(*f->waived) + ")";
        AppendHtmlEscaped(out, line + "\n");
      }
      out->append("</system-out>\n");
    }
    out->append("    </testcase>\n");
  }
  out->append("  </testsuite>\n");
  total->tests += c.tests;
  total->failures += c.failures;
}

// An organization whose folder could not be listed: one test case in error.
void OrgSuite(std::string* out, const OrgReport& org, const std::string& name,
              const std::string& timestamp, SuiteCounts* total) {
  out->append("  <testsuite");
  Attr(out, "name", name);
  Attr(out, "tests", 1);
  Attr(out, "failures", 0);
  Attr(out, "errors", 1);
  Attr(out, "skipped", 0);
  Attr(out, "timestamp", timestamp);
  out->append(">\n    <testcase");
  Attr(out, "name", "organization");
  Attr(out, "classname", name);
  out->append(">\n");
  for (const Finding& f : org.findings) {
    out->append("      <error");
    Attr(out, "message", f.message);
    Attr(out, "type", f.rule);
    out->append("/>\n");
  }
  out->append("    </testcase>\n  </testsuite>\n");
  total->tests += 1;
  total->errors += 1;
}

}  // namespace

std::string RenderJunit(const Report& report) {
  std::vector<std::string> rules = CaseRules(report);
  std::string timestamp = JunitTimestamp(report.timestamp);
  std::string suites;
  SuiteCounts total;
  UniqueNames names;
  for (const OrgReport& org : report.orgs) {
    if (!org.findings.empty()) OrgSuite(&suites, org, names.Take(org.name), timestamp, &total);
    for (const RepoReport& repo : org.repos) {
      std::string name = org.name.empty() ? repo.name : org.name + "/" + repo.name;
      RepoSuite(&suites, repo, names.Take(name), rules, timestamp, &total);
    }
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites";
  Attr(&out, "name", "golden enforce " + report.name);
  Attr(&out, "tests", total.tests);
  Attr(&out, "failures", total.failures);
  Attr(&out, "errors", total.errors);
  Attr(&out, "skipped", 0);
  out.append(">\n").append(suites).append("</testsuites>\n");
  return out;
}

}  // namespace golden::report
