#pragma once

// The input document a policy sees for one repository (docs/policy-input.md,
// schemas/policy-input.schema.json), and the portfolio document (data.golden.portfolio).

#include <span>
#include <string_view>
#include <vector>

#include "portfolio/repo.h"
#include "report/finding.h"
#include "value/value.h"

namespace golden::policy {

/// Files larger than this are listed in `files` but never parsed into the input.
inline constexpr uint64_t kMaxInputFileBytes = 1 << 20;

/// Git facts of a checkout (all empty when the repository is not a git checkout).
struct GitFacts {
  std::string head;          ///< the commit HEAD names (40 hex digits); empty when unborn
  std::string branch;        ///< the branch HEAD is on; empty when detached
  int64_t committed_at = 0;  ///< HEAD's committer time, Unix seconds; 0 when unknown
};

/// The input document of one repository. `findings` are the built-in checks' findings of the
/// repository (their `metadata` findings become `metadata_errors`); `git` is null when the
/// repository is not a git checkout. Reads governance files through the snapshot (shared with
/// the checks); files over kMaxInputFileBytes, unreadable or malformed files appear with an
/// `error` instead of their content.
Value RepoInput(const portfolio::RepoSnapshot& snapshot, std::span<const report::Finding> findings,
                const Value& git);

/// The `git` member of the input for `facts` (null when `facts` is null).
Value GitValue(const std::optional<GitFacts>& facts);

/// Reads the git facts of the checkout at `dir` (nullopt when it is not a git checkout).
std::optional<GitFacts> ReadGitFacts(const std::filesystem::path& dir);

/// One repository as data.golden.portfolio.repositories lists it: `repository` (as in the
/// input), `tier` and `metadata`.
Value PortfolioEntry(const portfolio::RepoRef& ref, const portfolio::Metadata& metadata);

/// data.golden.portfolio: {"repositories": entries} with entries sorted by full name, and
/// the indexes "by_name" (repository name -> full names) and "by_owner" (metadata `owner` ->
/// full names), full names sorted.
Value PortfolioDocument(std::vector<Value> entries);

}  // namespace golden::policy
