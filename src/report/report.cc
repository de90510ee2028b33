#include "report/report.h"

#include <ctime>

#include "base/check.h"

namespace golden::report {

Counts RepoReport::counts() const {
  Counts c;
  for (const Finding& f : findings) {
    if (f.waived) {
      ++c.waived;
      continue;
    }
    switch (f.severity) {
      case Severity::kError:
        ++c.violations;
        break;
      case Severity::kWarning:
        ++c.warnings;
        break;
      case Severity::kInfo:
        ++c.info;
        break;
    }
  }
  return c;
}

namespace {

void Add(const RepoReport& repo, Totals* t) {
  Counts c = repo.counts();
  ++t->total_repos;
  (c.violations == 0 ? t->passed : t->failed) += 1;
  t->total_violations += c.violations;
  t->total_warnings += c.warnings;
  t->total_info += c.info;
  t->total_waived += c.waived;
}

void AddOrgFindings(const OrgReport& org, Totals* t) {
  for (const Finding& f : org.findings) {
    if (f.waived) {
      ++t->total_waived;
      continue;
    }
    if (f.severity == Severity::kError) ++t->total_violations;
    if (f.severity == Severity::kWarning) ++t->total_warnings;
    if (f.severity == Severity::kInfo) ++t->total_info;
  }
}

}  // namespace

Totals Summarize(const OrgReport& org) {
  Totals t;
  for (const RepoReport& r : org.repos) Add(r, &t);
  AddOrgFindings(org, &t);
  return t;
}

const RepoReport& Report::repo() const {
  GOLDEN_CHECK(scope == Scope::kRepo && orgs.size() == 1 && orgs[0].repos.size() == 1);
  return orgs[0].repos[0];
}

Totals Report::totals() const {
  Totals t;
  for (const OrgReport& o : orgs) {
    for (const RepoReport& r : o.repos) Add(r, &t);
    AddOrgFindings(o, &t);
  }
  return t;
}

bool Fails(const Report& report, bool fail_on_warnings) {
  Totals t = report.totals();
  return t.total_violations > 0 || (fail_on_warnings && t.total_warnings > 0);
}

std::string IsoTimestampUtc(int64_t unix_ns) {
  // Floor division, so instants before 1970 still print the right second.
  int64_t secs = unix_ns / 1'000'000'000;
  if (unix_ns % 1'000'000'000 < 0) --secs;
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace golden::report
