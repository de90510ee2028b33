#pragma once

// Checkpoints taken in parts: `golden checkpoint --shard K/N -o part.json` records the state of
// one shard of the repositories (on one CI runner), and `golden checkpoint --merge part...`
// puts the N parts together into the checkpoint of the whole portfolio, which is then compared,
// saved and reported as if it had been taken in one go.

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "checkpoint/state.h"
#include "report/report.h"

namespace golden::checkpoint {

/// One shard's state: every organization, the shard's repositories.
struct Part {
  report::Shard shard;
  State state;
};

/// The part file: {"shard": {"index": K, "count": N}, "checkpoint": <SerializeState>}.
std::string SerializePart(const Part& part);

/// Reads a part file; errors name `filename` (the checkpoint inside is checked as ParseState
/// checks a checkpoint file).
Result<Part> ParsePart(std::string_view text, std::string_view filename);

/// The state of the whole portfolio from its parts. Fails, saying why, unless the parts are
/// shards 1..N of one split, each once, taken the same way (strictness, hash algorithm, files
/// hashed, organizations), every repository in the shard its name belongs to. The timestamp
/// is the earliest part's, when the scans started.
Result<State> MergeParts(std::vector<Part> parts);

}  // namespace golden::checkpoint
