#include "checkpoint/parts.h"

#include <algorithm>

#include "portfolio/shard.h"
#include "report/merge.h"
#include "value/json.h"

namespace golden::checkpoint {

std::string SerializePart(const Part& part) {
  return "{\"shard\": {\"index\": " + std::to_string(part.shard.index) +
         ", \"count\": " + std::to_string(part.shard.count) +
         "},\n\"checkpoint\": " + SerializeState(part.state) + "}\n";
}

Result<Part> ParsePart(std::string_view text, std::string_view filename) {
  GOLDEN_ASSIGN_OR_RETURN(Value top, ParseJson(text, filename));
  auto fail = [&](std::string what) {
    return InvalidArgument(std::string(filename) + ": " + what +
                           " (not a part written by golden checkpoint --shard K/N)");
  };
  const Value* shard = top.IsObject() ? top.Find("shard") : nullptr;
  const Value* inner = top.IsObject() ? top.Find("checkpoint") : nullptr;
  if (shard == nullptr || inner == nullptr || !shard->IsObject() || top.Size() != 2) {
    return fail("expected the keys shard and checkpoint");
  }
  const Value* index = shard->Find("index");
  const Value* count = shard->Find("count");
  // Plain integers, not optionals: GCC 12 at -O3 reports a false maybe-uninitialized on an
  // optional<int64_t> engaged by a conditional expression.
  int64_t k = 0;
  int64_t n = 0;
  if (index != nullptr) k = index->AsInt64().value_or(0);
  if (count != nullptr) n = count->AsInt64().value_or(0);
  if (n < 1 || k < 1 || k > n || n > portfolio::kMaxShards) {
    return fail("shard is not {index: K, count: N} with 1 <= K <= N");
  }
  GOLDEN_ASSIGN_OR_RETURN(State state, ParseState(ToJson(*inner), filename));
  return Part{report::Shard{static_cast<int>(k), static_cast<int>(n)}, std::move(state)};
}

Result<State> MergeParts(std::vector<Part> parts) {
  std::vector<report::Shard> shards;
  for (const Part& p : parts) shards.push_back(p.shard);
  GOLDEN_RETURN_IF_ERROR(report::CheckShardSet(shards));
  std::sort(parts.begin(), parts.end(),
            [](const Part& a, const Part& b) { return a.shard.index < b.shard.index; });
  const State& first = parts.front().state;
  auto org_names = [](const State& s) {
    std::vector<std::string> names;
    for (const OrgEntry& o : s.organizations) names.push_back(o.name);
    return names;
  };
  State out;
  out.timestamp = first.timestamp;
  out.version = first.version;
  out.generator = first.generator;
  out.strict = first.strict;
  out.hash_algorithm = first.hash_algorithm;
  out.hash_files = first.hash_files;
  for (const OrgEntry& o : first.organizations) out.organizations.push_back(OrgEntry{o.name, {}});
  for (Part& p : parts) {
    const std::string name = report::ShardName(p.shard);
    auto differs = [&](std::string_view what) {
      return InvalidArgument("part " + name + " was taken another way than part " +
                             report::ShardName(parts.front().shard) + ": its " + std::string(what) +
                             " differs");
    };
    if (p.state.version != first.version) return differs("format");
    if (p.state.strict != first.strict) return differs("strictness");
    if (p.state.hash_algorithm != first.hash_algorithm || p.state.hash_files != first.hash_files) {
      return differs("set of hashed files");
    }
    if (org_names(p.state) != org_names(first)) return differs("list of organizations");
    out.timestamp = std::min(out.timestamp, p.state.timestamp);
    for (RepoRecord& r : p.state.repos) {
      if (portfolio::ShardOf(r.full_name, p.shard.count) != p.shard.index) {
        return InvalidArgument("part " + name + " holds " + r.full_name +
                               ", which belongs to shard " +
                               std::to_string(portfolio::ShardOf(r.full_name, p.shard.count)) +
                               "/" + std::to_string(p.shard.count));
      }
      out.repos.push_back(std::move(r));
    }
  }
  Finish(&out);
  return out;
}

}  // namespace golden::checkpoint
