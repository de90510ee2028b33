#include "checkpoint/state.h"

#include <algorithm>

#include "value/json.h"

namespace golden::checkpoint {

const RepoRecord* State::Find(std::string_view full_name) const {
  auto it =
      std::lower_bound(repos.begin(), repos.end(), full_name,
                       [](const RepoRecord& r, std::string_view n) { return r.full_name < n; });
  return it != repos.end() && it->full_name == full_name ? &*it : nullptr;
}

namespace {

std::string TierKey(const Value& tier) {
  if (auto i = tier.AsInt64(); i && *i >= 1 && *i <= 4 && tier.GetNumber().IsSmallInt()) {
    return std::to_string(*i);
  }
  if (tier.IsString()) return std::string(tier.GetString());
  return ToJson(tier);
}

}  // namespace

Summary Summarize(const std::vector<RepoRecord>& repos, int organizations) {
  Summary s;
  s.total_organizations = organizations;
  s.total_repositories = static_cast<int>(repos.size());
  for (const char* t : {"1", "2", "3", "4"}) s.by_tier[t] = 0;
  for (const RepoRecord& r : repos) {
    ++(r.compliant ? s.compliant : s.non_compliant);
    ++s.by_tier[TierKey(r.tier)];
    s.total_violations += r.violations;
    s.total_warnings += r.warnings;
  }
  return s;
}

void Index(State* state) {
  std::sort(state->repos.begin(), state->repos.end(),
            [](const RepoRecord& a, const RepoRecord& b) { return a.full_name < b.full_name; });
  std::sort(state->organizations.begin(), state->organizations.end(),
            [](const OrgEntry& a, const OrgEntry& b) { return a.name < b.name; });
  for (OrgEntry& org : state->organizations) org.repos.clear();
  for (size_t i = 0; i < state->repos.size(); ++i) {
    auto it = std::lower_bound(
        state->organizations.begin(), state->organizations.end(), state->repos[i].organization,
        [](const OrgEntry& o, const std::string& name) { return o.name < name; });
    GOLDEN_CHECK(it != state->organizations.end() && it->name == state->repos[i].organization);
    it->repos.push_back(i);
  }
}

void Finish(State* state) {
  Index(state);
  state->summary = Summarize(state->repos, static_cast<int>(state->organizations.size()));
  state->checksum = Checksum(state->repos);
}

}  // namespace golden::checkpoint
