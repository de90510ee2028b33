// Micro-benchmarks of golden checkpoint's own work: writing, reading (with the checksum and
// consistency checks) and comparing checkpoints of 10,000 repositories, and hashing a file.
// The whole-process benchmark is bench_checkpoint.py.
#include <benchmark/benchmark.h>

#include <string>

#include "checkpoint/drift.h"
#include "checkpoint/files_hash.h"
#include "checkpoint/state.h"
#include "value/json.h"

namespace golden::checkpoint {
namespace {

// A checkpoint like the generated portfolios': 50 organizations, 6 files and 4 findings per
// repository. `variant` changes some hashes and verdicts, for drift.
State MakeState(int repos, int variant) {
  State s;
  s.timestamp = "2026-01-01T00:00:00.000000Z";
  s.version = std::string(kFormatVersion);
  s.generator = "golden bench";
  s.hash_algorithm = std::string(kHashAlgorithm);
  s.hash_files = {"README.md"};
  for (int o = 0; o < 50; ++o) s.organizations.push_back({"org-" + std::to_string(100 + o), {}});
  for (int i = 0; i < repos; ++i) {
    RepoRecord r;
    r.organization = "org-" + std::to_string(100 + i % 50);
    r.name = "repo-" + std::to_string(10000 + i);
    r.full_name = r.organization + "/" + r.name;
    r.type = Value::String("service");
    r.language = Value::String("go");
    r.status = Value::String("active");
    r.tier = Value::Int(1 + i % 4);
    r.compliant = (i + variant) % 3 != 0;
    r.checks = {true, true, true, true, i % 2 == 0};
    for (const char* f :
         {".github/CODEOWNERS", ".github/workflows/ci.yml", ".github/workflows/release.yml",
          ".meta/repo.yaml", "Dockerfile", "README.md"}) {
      r.files.push_back(
          {f, NormalisedBlobId(r.full_name + f + (i % 7 == 0 ? std::to_string(variant) : ""))});
    }
    r.files_hash = FilesHash(r.files);
    r.findings = {
        {"docker.user", report::Severity::kError, "Dockerfile", 7,
         "Dockerfile must run as non-root user (USER directive)"},
        {"docker.healthcheck", report::Severity::kWarning, "Dockerfile", 0,
         "Dockerfile should include HEALTHCHECK"},
        {"workflows.permissions", report::Severity::kWarning, ".github/workflows/ci.yml", 0,
         "Workflow ci.yml missing permissions block"},
        {"readme.too-short", report::Severity::kWarning, "README.md", 0,
         "README.md is too short (< 50 chars)"},
    };
    if ((i + variant) % 5 == 0) r.findings.pop_back();
    r.violations = 1;
    r.warnings = static_cast<int>(r.findings.size()) - 1;
    s.repos.push_back(std::move(r));
  }
  Finish(&s);
  return s;
}

void BM_SerializeState(benchmark::State& state) {
  State s = MakeState(static_cast<int>(state.range(0)), 0);
  for (auto _ : state) benchmark::DoNotOptimize(SerializeState(s));
}
BENCHMARK(BM_SerializeState)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_FinishState(benchmark::State& state) {  // summary and checksum
  State s = MakeState(static_cast<int>(state.range(0)), 0);
  for (auto _ : state) {
    Finish(&s);
    benchmark::DoNotOptimize(s.checksum);
  }
}
BENCHMARK(BM_FinishState)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ParseState(benchmark::State& state) {
  std::string text = SerializeState(MakeState(static_cast<int>(state.range(0)), 0));
  for (auto _ : state) {
    auto parsed = ParseState(text, "bench.json");
    if (!parsed.ok()) state.SkipWithError(parsed.status().message().c_str());
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseState)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ParseJsonOnly(benchmark::State& state) {  // the share of ParseState that is JSON
  std::string text = SerializeState(MakeState(static_cast<int>(state.range(0)), 0));
  for (auto _ : state) benchmark::DoNotOptimize(ParseJson(text));
}
BENCHMARK(BM_ParseJsonOnly)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_ComputeDrift(benchmark::State& state) {
  State before = MakeState(static_cast<int>(state.range(0)), 0);
  State after = MakeState(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(ComputeDrift(&before, after));
}
BENCHMARK(BM_ComputeDrift)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_NormalisedBlobId(benchmark::State& state) {
  std::string text(static_cast<size_t>(state.range(0)), 'x');
  for (size_t i = 60; i < text.size(); i += 61) text[i] = '\n';
  for (auto _ : state) benchmark::DoNotOptimize(NormalisedBlobId(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalisedBlobId)->Arg(1024)->Arg(1 << 20);

}  // namespace
}  // namespace golden::checkpoint

BENCHMARK_MAIN();
