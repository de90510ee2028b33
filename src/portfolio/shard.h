#pragma once

// `--shard K/N`: a stable split of the repositories over N runners, so that a portfolio that
// outgrows one runner can be checked by a CI matrix and merged back (`golden merge`).

#include <string_view>

#include "base/status.h"
#include "portfolio/target.h"
#include "report/report.h"

namespace golden::portfolio {

/// The largest N accepted: more runners than this is a configuration mistake.
inline constexpr int kMaxShards = 1024;

/// Parses "K/N" (1 <= K <= N <= kMaxShards, decimal digits only).
Result<report::Shard> ParseShard(std::string_view text);

/// The shard (1..count) of the repository `full_name` ("<org>/<repo>", or the repository's
/// name when it has no organization): FastHash64(full_name) % count + 1. It depends only on
/// the name, so a repository stays in its shard on every run and machine, and adding or
/// removing repositories moves no other repository.
int ShardOf(std::string_view full_name, int count);

/// "<org>/<repo>", or the repository's name when it has no organization.
std::string FullName(const RepoRef& repo);

/// Keeps in `target` only the repositories of `shard`. Organizations stay (empty when none
/// of their repositories is in the shard), so every shard's report lists every organization
/// and an organization folder that could not be listed is reported by every shard.
void SelectShard(Target* target, report::Shard shard);

}  // namespace golden::portfolio
