#pragma once

// `golden merge`: the reports of `golden enforce --shard K/N` runs, read back from their JSON
// and combined into the report an unsharded run gives.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "report/report.h"

namespace golden::report {

/// Checks that `shards` are exactly the parts 1..N of one split of N, each once: "shard 2/4 is
/// given twice", "shards of different splits: 1/2 and 2/3", "shard 3/3 is missing". Shared by
/// every command that puts shards back together (golden merge, golden checkpoint --merge).
Status CheckShardSet(std::span<const Shard> shards);

/// "K/N".
std::string ShardName(const Shard& shard);

/// Reads a JSON report written by RenderJson for an organization or the portfolio (a
/// repository report does not hold the names needed to rebuild it): everything RenderJson
/// writes, and, for a shard's report, the shard, strictness, name and rules. Errors name
/// `filename` and the JSON path.
Result<Report> ParseJsonReport(std::string_view text, std::string_view filename);

/// Combines shards 1..N of one run (each has Report::shard) into the report of the whole run:
/// the same organizations, their repositories in name order, the earliest timestamp, no
/// shard. Fails, saying why, unless the shards are exactly 1..N of the same N (none missing,
/// none twice) over the same target (scope, name, path, organizations), strictness and rules,
/// with no repository in two shards.
Result<Report> MergeShards(std::vector<Report> shards);

}  // namespace golden::report
