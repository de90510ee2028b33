// Micro-benchmarks of the parts of `golden enforce` that run once per repository or file.
// The whole-process benchmark is bench_enforce.py.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "portfolio/checks.h"
#include "portfolio/dockerfile.h"
#include "portfolio/metadata.h"
#include "portfolio/schema.h"
#include "value/yaml.h"

namespace golden::portfolio {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kDockerfile = R"(# syntax=docker/dockerfile:1
ARG GO=golang:1.22
FROM --platform=$BUILDPLATFORM ${GO} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN go build -o /app ./cmd/app
FROM gcr.io/distroless/static:nonroot
COPY --from=build /app /app
ENV APP_ENV=production LOG_LEVEL=info
EXPOSE 8080/tcp 9090
USER 65532:65532
HEALTHCHECK --interval=30s CMD ["/app", "health"]
ENTRYPOINT ["/app"]
)";

constexpr std::string_view kMetadata =
    "type: service\ntier: 2\nlanguage: go\nowner: team-7\nstatus: active\n"
    "description: A service.\ncreated: 2024-05-17\ncoverage:\n  target: 80\n"
    "docs:\n  profile: standard\ninterfaces: {cli: true, api: true}\n";

void BM_ParseDockerfile(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseDockerfile(kDockerfile));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kDockerfile.size()));
}
BENCHMARK(BM_ParseDockerfile);

void BM_CheckDockerfile(benchmark::State& state) {
  Dockerfile df = ParseDockerfile(kDockerfile);
  for (auto _ : state) {
    std::vector<report::Finding> out;
    FindingSink sink(checks::kDocker, &out);
    CheckDockerfile(df, "Dockerfile", &sink);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_CheckDockerfile);

void BM_ParseMetadata(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseMetadata(kMetadata));
}
BENCHMARK(BM_ParseMetadata);

constexpr std::string_view kWorkflow = R"(name: CI
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
)";

// A workflow as the checks read it: with the line of every node.
void BM_ParseWorkflowYaml(benchmark::State& state) {
  for (auto _ : state) {
    std::vector<YamlLine> lines;
    benchmark::DoNotOptimize(ParseYaml(kWorkflow, "ci.yml", {}, &lines));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kWorkflow.size()));
}
BENCHMARK(BM_ParseWorkflowYaml);

// The fixed cost of a document: a parser set up and torn down for one scalar.
void BM_ParseTinyYaml(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseYaml("a: 1\n"));
}
BENCHMARK(BM_ParseTinyYaml);

fs::path SourceDir() {
  const char* s = std::getenv("GOLDEN_SOURCE_DIR");
  return s ? fs::path(s) : fs::path(GOLDEN_BENCH_SOURCE_DIR);
}

void BM_ValidateMetadata(benchmark::State& state) {
  auto schema = MetadataSchema::Load(SourceDir() / "schemas/repo-schema.json");
  if (!schema.ok()) {
    state.SkipWithError(schema.status().ToString().c_str());
    return;
  }
  Metadata m = ParseMetadata(kMetadata);
  for (auto _ : state) benchmark::DoNotOptimize((*schema)->Validate(m.doc));
}
BENCHMARK(BM_ValidateMetadata);

// A 25-file repository in a temporary folder, scanned and checked.
class RepoFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    char tmpl[] = "/tmp/golden-bench-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    auto write = [&](const std::string& rel, std::string_view text) {
      fs::create_directories((dir_ / rel).parent_path());
      std::ofstream(dir_ / rel) << text;
    };
    write(".meta/repo.yaml", kMetadata);
    write("README.md", "# svc\n\nA service that is measured by the micro-benchmarks of golden.\n");
    write(".github/CODEOWNERS", "* @org/team\n");
    write(".github/workflows/ci.yml", "on: push\npermissions: {contents: read}\njobs: {}\n");
    write("Dockerfile", kDockerfile);
    for (int i = 0; i < 8; ++i) write("src/f" + std::to_string(i) + ".go", "package src\n");
    for (int i = 0; i < 8; ++i) write("src/pkg/g" + std::to_string(i) + ".go", "package pkg\n");
    for (int i = 0; i < 4; ++i) write("tests/t" + std::to_string(i) + "_test.go", "package t\n");
  }
  void TearDown(const benchmark::State&) override { fs::remove_all(dir_); }

 protected:
  fs::path dir_;
};

BENCHMARK_F(RepoFixture, ScanRepo)(benchmark::State& state) {
  ScanOptions opts;
  opts.sizes = false;
  for (auto _ : state) benchmark::DoNotOptimize(ScanRepo(dir_, opts));
}

BENCHMARK_F(RepoFixture, LoadAndCheckRepo)(benchmark::State& state) {
  auto schema = MetadataSchema::Load(SourceDir() / "schemas/repo-schema.json");
  CheckOptions options;
  options.schema = schema.ok() ? schema->get() : nullptr;
  ScanOptions scan;
  scan.sizes = false;
  RepoRef ref{"org", "svc", dir_, "organizations/org/svc"};
  for (auto _ : state) benchmark::DoNotOptimize(RunChecks(LoadRepo(ref, scan), options));
}

}  // namespace
}  // namespace golden::portfolio

BENCHMARK_MAIN();
