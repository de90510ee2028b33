#include "portfolio/shard.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "base/hash.h"

namespace golden::portfolio {

namespace {

std::optional<int> ParseCount(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

Result<report::Shard> ParseShard(std::string_view text) {
  size_t slash = text.find('/');
  std::optional<int> k, n;
  if (slash != std::string_view::npos) {
    k = ParseCount(text.substr(0, slash));
    n = ParseCount(text.substr(slash + 1));
  }
  if (!k || !n || *n < 1 || *k < 1 || *k > *n || *n > kMaxShards) {
    return InvalidArgument("--shard must be K/N with 1 <= K <= N <= " + std::to_string(kMaxShards) +
                           " (e.g. 2/4), not '" + std::string(text) + "'");
  }
  return report::Shard{*k, *n};
}

int ShardOf(std::string_view full_name, int count) {
  return static_cast<int>(FastHash64(full_name) % static_cast<uint64_t>(count)) + 1;
}

std::string FullName(const RepoRef& repo) {
  return repo.org.empty() ? repo.name : repo.org + "/" + repo.name;
}

void SelectShard(Target* target, report::Shard shard) {
  for (OrgRef& org : target->orgs) {
    std::erase_if(org.repos, [&](const RepoRef& repo) {
      return ShardOf(FullName(repo), shard.count) != shard.index;
    });
  }
}

}  // namespace golden::portfolio
