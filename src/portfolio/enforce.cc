#include "portfolio/enforce.h"

#include "base/parallel.h"
#include "base/strings.h"

namespace golden::portfolio {

report::RepoReport EnforceSnapshot(const RepoSnapshot& snap, const EnforceOptions& options) {
  report::RepoReport out;
  out.name = EscapeInvalidUtf8(snap.ref.name);
  out.org = EscapeInvalidUtf8(snap.ref.org);
  out.path = snap.ref.display;
  if (options.report_metadata && snap.metadata.loaded()) out.metadata = snap.metadata.doc;
  out.findings = RunChecks(snap, options.checks);
  if (options.add_findings) {
    options.add_findings(snap, &out.findings);
    FinishFindings(&out.findings, options.checks.strict);
  }
  return out;
}

report::RepoReport EnforceRepo(const RepoRef& ref, const EnforceOptions& options) {
  return EnforceSnapshot(LoadRepo(ref, options.scan), options);
}

report::Report Enforce(const Target& target, const EnforceOptions& options, int64_t now_ns) {
  report::Report rep;
  rep.scope = target.scope;
  rep.name = target.name;
  rep.path = target.display;
  rep.timestamp = report::IsoTimestampUtc(now_ns);
  rep.rules = BuiltinRules();
  rep.rules.insert(rep.rules.end(), options.rules.begin(), options.rules.end());
  rep.strict = options.checks.strict;

  // Lay out the report first, then fill each repository's slot from the workers, so the
  // order never depends on scheduling.
  std::vector<report::RepoReport*> slots;
  std::vector<const RepoRef*> refs;
  for (const OrgRef& org : target.orgs) {
    report::OrgReport o;
    o.name = EscapeInvalidUtf8(org.name);
    o.path = org.display;
    if (org.error) {
      o.findings.push_back(report::MakeFinding(
          std::string(checks::kScan), std::string(rules::kScanUnreadable), report::Severity::kError,
          "Cannot read the organization folder: " + *org.error));
    }
    o.repos.resize(org.repos.size());
    rep.orgs.push_back(std::move(o));
  }
  for (size_t i = 0; i < target.orgs.size(); ++i) {
    for (size_t j = 0; j < target.orgs[i].repos.size(); ++j) {
      slots.push_back(&rep.orgs[i].repos[j]);
      refs.push_back(&target.orgs[i].repos[j]);
    }
  }
  unsigned threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  YamlCache yaml_cache;
  ParallelFor(refs.size(), threads, [&](size_t i) {
    RepoSnapshot snap = LoadRepo(*refs[i], options.scan, &yaml_cache);
    *slots[i] = EnforceSnapshot(snap, options);
    if (options.on_snapshot) options.on_snapshot(i, snap, slots[i]);
    if (options.on_repo_done) options.on_repo_done();
  });
  return rep;
}

}  // namespace golden::portfolio
