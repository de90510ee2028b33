// Benchmarks of golden's Rego engine: a prepared query of a 20-rule deny/warn policy
// (bench/rego/policy.rego) over a ~2 KB input document. Targets (issue 3): under 20 µs per
// evaluation, and at most 1 KB allocated per evaluation that produces no result. The bytes
// and allocations per evaluation are counted by this binary's operator new.

#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <new>
#include <string>

#include "base/fs.h"
#include "rego/rego.h"
#include "value/json.h"

namespace {

std::atomic<bool> g_counting{false};
std::atomic<uint64_t> g_bytes{0};
std::atomic<uint64_t> g_allocs{0};

void* Allocate(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) {
    g_bytes.fetch_add(n, std::memory_order_relaxed);
    g_allocs.fetch_add(1, std::memory_order_relaxed);
  }
  void* p = std::malloc(n == 0 ? 1 : n);
  if (p == nullptr) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(std::size_t n) { return Allocate(n); }
void* operator new[](std::size_t n) { return Allocate(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

using golden::Value;
namespace rego = golden::rego;

std::filesystem::path BenchDir() {
  const char* dir = std::getenv("GOLDEN_SOURCE_DIR");
  std::filesystem::path root = dir != nullptr ? dir : GOLDEN_SOURCE_DIR_DEFAULT;
  return root / "bench" / "rego";
}

std::string MustRead(const std::string& name) {
  auto text = golden::ReadFile(BenchDir() / name);
  if (!text.ok()) {
    std::fprintf(stderr, "cannot read %s: %s\n", name.c_str(), text.status().ToString().c_str());
    std::abort();
  }
  return *text;
}

struct Fixture {
  std::shared_ptr<const rego::CompiledPolicy> policy;
  Value clean;
  Value violations;

  Fixture() {
    rego::Engine engine;
    engine.AddModule("policy.rego", MustRead("policy.rego"));
    rego::CompileResult r = engine.Compile();
    if (!r.policy) {
      for (const auto& d : r.errors) std::fprintf(stderr, "%s\n", d.ToString().c_str());
      std::abort();
    }
    policy = r.policy;
    clean = *golden::ParseJson(MustRead("input_clean.json"));
    violations = *golden::ParseJson(MustRead("input_violations.json"));
  }
};

const Fixture& GetFixture() {
  static const Fixture f;
  return f;
}

rego::PreparedQuery Prepare(std::string_view query) {
  auto p = GetFixture().policy->Prepare(query);
  if (!std::holds_alternative<rego::PreparedQuery>(p)) std::abort();
  return std::get<rego::PreparedQuery>(p);
}

void Run(benchmark::State& state, std::string_view query, const Value& input,
         size_t want_results) {
  rego::PreparedQuery q = Prepare(query);
  rego::EvalOptions options;
  options.now_ns = 0;
  options.seed = 1;
  std::optional<Value> in = input;
  {
    rego::EvalResult check = q.Eval(in, options);
    if (check.error || check.results.size() != want_results) {
      state.SkipWithError("unexpected result");
      return;
    }
  }
  g_bytes = 0;
  g_allocs = 0;
  for (auto _ : state) {
    g_counting = true;
    rego::EvalResult r = q.Eval(in, options);
    g_counting = false;
    benchmark::DoNotOptimize(r);
  }
  double n = static_cast<double>(state.iterations());
  state.counters["bytes_per_eval"] = static_cast<double>(g_bytes.load()) / n;
  state.counters["allocs_per_eval"] = static_cast<double>(g_allocs.load()) / n;
}

// deny and warn as sets (one result holding two sets): the usual enforcement query.
void BM_DenyWarn_Violations(benchmark::State& state) {
  Run(state, "deny := data.bench.repo.deny; warn := data.bench.repo.warn",
      GetFixture().violations, 1);
}
BENCHMARK(BM_DenyWarn_Violations);

void BM_DenyWarn_Clean(benchmark::State& state) {
  Run(state, "deny := data.bench.repo.deny; warn := data.bench.repo.warn", GetFixture().clean,
      1);
}
BENCHMARK(BM_DenyWarn_Clean);

// Iterating the messages: a clean input produces no result at all.
void BM_DenyIter_NoResult(benchmark::State& state) {
  Run(state, "data.bench.repo.deny[msg]", GetFixture().clean, 0);
}
BENCHMARK(BM_DenyIter_NoResult);

void BM_DenyIter_Violations(benchmark::State& state) {
  Run(state, "data.bench.repo.deny[msg]", GetFixture().violations, 5);
}
BENCHMARK(BM_DenyIter_Violations);

}  // namespace

BENCHMARK_MAIN();
