#include "policy/test_runner.h"

#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "base/parallel.h"

namespace golden::policy {

namespace {

constexpr std::string_view kTestPrefix = "test_";
constexpr std::string_view kSkipPrefix = "todo_test_";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A partial-object test (`test_x[name] if ...`) passes when every value is true.
bool AllTrue(const Value& v) {
  if (v.IsBool()) return v.GetBool();
  if (!v.IsObject()) return false;
  for (const Value::Entry& e : v.GetObject()) {
    if (!AllTrue(e.value)) return false;
  }
  return true;
}

}  // namespace

std::string GoDuration(int64_t ns) {
  if (ns == 0) return "0s";
  std::string sign = ns < 0 ? "-" : "";
  uint64_t u = ns < 0 ? static_cast<uint64_t>(-ns) : static_cast<uint64_t>(ns);
  auto fixed = [&](uint64_t unit, int digits, std::string_view suffix) {
    std::string frac = std::to_string(u % unit);
    frac.insert(0, static_cast<size_t>(digits) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    std::string out = sign + std::to_string(u / unit);
    if (!frac.empty()) out += "." + frac;
    return out + std::string(suffix);
  };
  if (u < 1000) return sign + std::to_string(u) + "ns";
  if (u < 1'000'000) return fixed(1000, 3, "µs");
  if (u < 1'000'000'000) return fixed(1'000'000, 6, "ms");
  // Go prints minutes and hours as "1m2.5s"; tests that long are rare enough to show in s.
  return fixed(1'000'000'000, 9, "s");
}

Result<std::vector<TestResult>> RunTests(const rego::CompiledPolicy& policy,
                                         const TestOptions& options) {
  std::unique_ptr<RE2> filter;
  if (!options.run.empty()) {
    RE2::Options ro;
    ro.set_log_errors(false);
    filter = std::make_unique<RE2>(options.run, ro);
    if (!filter->ok()) {
      return InvalidArgument("--run: invalid regular expression: " + filter->error());
    }
  }
  // One test per rule name (its first definition's place); functions are not tests.
  std::vector<TestResult> tests;
  std::set<std::string> seen;
  for (const rego::CompiledPolicy::RuleInfo& r : policy.Rules()) {
    if (r.function) continue;
    bool skip = StartsWith(r.name, kSkipPrefix);
    if (!skip && !StartsWith(r.name, kTestPrefix)) continue;
    std::string full = r.package + "." + r.name;
    if (filter && !RE2::PartialMatch(full, *filter)) continue;
    if (!seen.insert(full).second) continue;
    TestResult t;
    t.package = r.package;
    t.name = r.name;
    t.where = r.where;
    t.skip = skip;
    tests.push_back(std::move(t));
  }
  std::stable_sort(tests.begin(), tests.end(), [](const TestResult& a, const TestResult& b) {
    return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
  });
  ParallelFor(tests.size(), options.threads == 0 ? DefaultThreadCount() : options.threads,
              [&](size_t i) {
                TestResult& t = tests[i];
                if (t.skip) return;
                rego::EvalOptions eo;
                eo.coverage = options.coverage;
                eo.print = [&t](std::string_view line) {
                  t.output += line;
                  t.output += '\n';
                };
                auto start = std::chrono::steady_clock::now();
                // A string key: renamed duplicates (test_x#01) are no identifiers.
                rego::EvalResult r =
                    policy.Eval(t.package + "[\"" + t.name + "\"]", std::nullopt, eo);
                t.duration_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                    std::chrono::steady_clock::now() - start)
                                    .count();
                if (r.error) {
                  t.error = r.error;
                } else if (r.results.empty() || r.results[0].expressions.empty()) {
                  t.fail = true;
                } else {
                  t.fail = !AllTrue(r.results[0].expressions[0].value);
                }
              });
  return tests;
}

}  // namespace golden::policy
