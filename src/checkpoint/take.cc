#include "checkpoint/take.h"

#include <optional>

#include "base/strings.h"
#include "checkpoint/stamp.h"
#include "portfolio/metadata.h"

namespace golden::checkpoint {

namespace {

Value MetadataField(const portfolio::Metadata& metadata, std::string_view key) {
  if (metadata.IsMapping()) {
    if (const Value* v = metadata.doc.Find(key)) return *v;
  }
  return Value::String("unknown");
}

// A repository's record: from the scan, and enforce's verdict and findings, which it takes out
// of `report` (a checkpoint keeps no report).
RepoRecord MakeRecord(const portfolio::RepoSnapshot& snap, report::RepoReport* report,
                      const TakeOptions& options, const GitLibrary* git, HashCounts* counts) {
  RepoRecord r;
  r.name = EscapeInvalidUtf8(snap.ref.name);
  r.organization = EscapeInvalidUtf8(snap.ref.org);
  r.full_name = r.organization + "/" + r.name;
  const portfolio::Metadata& md = snap.metadata;
  r.type = MetadataField(md, "type");
  r.language = MetadataField(md, "language");
  r.status = MetadataField(md, "status");
  r.tier = Value::Int(portfolio::TierOf(md.IsMapping() ? md.doc : Value()).value);
  const portfolio::RepoInventory& inv = snap.inventory;
  r.checks.has_metadata =
      md.state == portfolio::MetadataState::kLoaded || md.state == portfolio::MetadataState::kEmpty;
  r.checks.has_readme = inv.IsFile("README.md");
  r.checks.has_codeowners = inv.IsFile(".github/CODEOWNERS");
  r.checks.has_ci = inv.IsDir(".github/workflows");
  r.checks.has_tests = inv.IsDir("tests");
  HashSources sources;
  const State* previous = git != nullptr && options.previous ? options.previous() : nullptr;
  if (previous != nullptr && previous->hash_algorithm == kHashAlgorithm) {
    sources.git = git;
    sources.previous = previous->Find(r.full_name);
  }
  r.files = HashRepoFiles(snap, options.files, sources, counts);
  r.files_hash = FilesHash(r.files);
  report::Counts c = report->counts();
  r.compliant = c.violations == 0;
  r.violations = c.violations;
  r.warnings = c.warnings;
  for (report::Finding& f : report->findings) {
    if (f.severity == report::Severity::kInfo) continue;
    r.findings.push_back(StoredFinding{std::move(f.rule), f.severity, std::move(f.file), f.line,
                                       std::move(f.message)});
  }
  *report = report::RepoReport();
  return r;
}

}  // namespace

Result<State> TakeCheckpoint(const portfolio::Target& target, const TakeOptions& options,
                             int64_t now_ns, HashCounts* counts) {
  for (const portfolio::OrgRef& org : target.orgs) {
    if (org.error) {
      return IoError("cannot list the organization folder " + org.display + ": " + *org.error);
    }
  }
  std::vector<const portfolio::RepoRef*> refs = target.Repos();
  std::vector<RepoRecord> records(refs.size());
  std::vector<HashCounts> repo_counts(refs.size());
  std::optional<GitLibrary> git;
  if (options.use_git && options.previous) git.emplace();
  portfolio::EnforceOptions enforce = options.enforce;
  enforce.report_metadata = false;
  enforce.on_snapshot = [&](size_t i, const portfolio::RepoSnapshot& snap,
                            report::RepoReport* report) {
    records[i] = MakeRecord(snap, report, options, git ? &*git : nullptr, &repo_counts[i]);
  };
  report::Report rep = portfolio::Enforce(target, enforce, now_ns);

  State st;
  st.timestamp = IsoTimestampMicros(now_ns);
  st.version = std::string(kFormatVersion);
  st.generator = options.generator;
  st.strict = options.enforce.checks.strict;
  st.hash_algorithm = std::string(kHashAlgorithm);
  st.hash_files.assign(options.files.patterns().begin(), options.files.patterns().end());
  for (const report::OrgReport& org : rep.orgs) st.organizations.push_back(OrgEntry{org.name, {}});
  st.repos = std::move(records);
  Finish(&st);
  for (size_t k = 1; k < st.repos.size(); ++k) {
    if (st.repos[k].full_name == st.repos[k - 1].full_name) {
      // Only names that are not UTF-8 can collide once escaped.
      return InvalidArgument("two repositories are both named " + st.repos[k].full_name +
                             " once their names are shown as UTF-8");
    }
  }
  if (counts != nullptr) {
    for (const HashCounts& c : repo_counts) {
      counts->in_memory += c.in_memory;
      counts->read += c.read;
      counts->from_git += c.from_git;
    }
  }
  return st;
}

}  // namespace golden::checkpoint
