#pragma once

// Helpers for the checkpoint tests: small states built by hand.

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "checkpoint/state.h"
#include "testing/portfolio.h"

namespace golden::checkpoint::test {

using golden::testing::Portfolio;

/// A 3.0 record of `full_name` ("org/repo") with one file hashed as `hash`.
inline RepoRecord Record(const std::string& full_name, bool compliant = true,
                         const std::string& hash = "h1") {
  RepoRecord r;
  size_t slash = full_name.find('/');
  r.organization = full_name.substr(0, slash);
  r.name = full_name.substr(slash + 1);
  r.full_name = full_name;
  r.type = Value::String("library");
  r.language = Value::String("go");
  r.status = Value::String("active");
  r.tier = Value::Int(3);
  r.compliant = compliant;
  r.checks.has_readme = true;
  r.files = {{"README.md", hash}};
  r.files_hash = "fh-" + hash;
  return r;
}

inline StoredFinding Finding(const std::string& rule, report::Severity severity,
                             const std::string& file, int line, const std::string& message) {
  return StoredFinding{rule, severity, file, line, message};
}

/// A finished 3.0 state of `records` (organizations taken from them, plus `extra_orgs`).
inline State MakeState(std::vector<RepoRecord> records, const std::string& timestamp = "T",
                       std::vector<std::string> extra_orgs = {}) {
  State s;
  s.timestamp = timestamp;
  s.version = std::string(kFormatVersion);
  s.generator = "golden test";
  s.hash_algorithm = std::string(kHashAlgorithm);
  s.hash_files = {"README.md"};
  std::vector<std::string> orgs = std::move(extra_orgs);
  for (RepoRecord& r : records) {
    r.violations = 0;
    r.warnings = 0;
    for (const StoredFinding& f : r.findings) {
      ++(f.severity == report::Severity::kError ? r.violations : r.warnings);
    }
    orgs.push_back(r.organization);
  }
  std::sort(orgs.begin(), orgs.end());
  orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
  for (const std::string& o : orgs) s.organizations.push_back({o, {}});
  s.repos = std::move(records);
  Finish(&s);
  return s;
}

}  // namespace golden::checkpoint::test
