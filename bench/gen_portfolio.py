#!/usr/bin/env python3
"""Generates a large synthetic governance root for benchmarks.

    bench/gen_portfolio.py OUT --repos 10000 [--orgs 50] [--seed 1] [--distinct-workflows]

OUT gets .metaHub/schemas/repo-schema.json (the project's schema) and
organizations/org-NNN/repo-NNNNN/ with about 25 files per repository: metadata (valid,
invalid or missing), README, CODEOWNERS, CI and release workflows, Dockerfiles, sources,
tests, docs and project files, in proportions that exercise every check. The same arguments
always give the same tree. The workflows come from three templates, so most repositories share
their texts, as repositories made from one template do; --distinct-workflows gives every
workflow a line of its own (the repository's name), the worst case for golden's parse cache.
"""

import argparse
import os
import random
import shutil
import sys

LANGS = ["python", "go", "typescript", "rust", "java"]
TYPES = ["library", "service", "tool", "demo", "research", "adapter"]

GOOD_DOCKERFILE = """# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app ./cmd/app

FROM gcr.io/distroless/static:nonroot
COPY --from=build /app /app
EXPOSE 8080
USER 65532:65532
HEALTHCHECK CMD ["/app", "health"]
ENTRYPOINT ["/app"]
"""

BAD_DOCKERFILE = """FROM ubuntu:latest
RUN apt-get update && \\
    apt-get install curl
ADD . /app
ENV API_TOKEN=abc LOG=debug
EXPOSE 80 443
USER root
"""

CI = """name: CI
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
"""

CI_NO_PERMS = """name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    continue-on-error: true
    steps:
      - run: make test
"""

RELEASE = """name: Release
on:
  push:
    tags: ['v*']
permissions:
  contents: write
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make release
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def metadata(rng, tier, lang):
    kind = rng.random()
    if kind < 0.05:
        return None  # no metadata
    if kind < 0.07:
        return "type: library\n  language: [broken\n"  # invalid YAML
    lines = [f"type: {rng.choice(TYPES)}", f"tier: {tier}", f"language: {lang}",
             f"owner: team-{rng.randrange(40)}", "status: active",
             f"description: Synthetic repository number {rng.randrange(10**6)}.",
             f"created: 20{rng.randrange(15, 26)}-0{rng.randrange(1, 10)}-1{rng.randrange(0, 10)}",
             "coverage:", f"  target: {rng.choice([60, 80, 90])}",
             "docs:", "  profile: standard"]
    if kind < 0.12:
        lines.append("name: not-allowed")  # schema failure
    return "\n".join(lines) + "\n"


def personal(workflow, name, distinct):
    """`workflow`, with an env line naming the repository when each should be distinct."""
    if not distinct:
        return workflow
    head, rest = workflow.split("\n", 1)
    return f"{head}\nenv:\n  SERVICE: {name}\n{rest}"


def repo(rng, path, name, distinct_workflows=False):
    tier = rng.choice([1, 2, 2, 3, 3, 4])
    lang = rng.choice(LANGS)
    files = 0
    md = metadata(rng, tier, lang)
    if md is not None:
        write(f"{path}/.meta/repo.yaml", md)
        files += 1
    if rng.random() < 0.95:
        body = f"# {name}\n\n" + "A synthetic repository used to measure golden. " * rng.randrange(1, 6)
        write(f"{path}/README.md", body + "\n")
        files += 1
    if rng.random() < 0.8:
        write(f"{path}/.github/CODEOWNERS", f"* @org/team-{rng.randrange(40)}\n/docs/ docs@example.com\n")
        files += 1
    if rng.random() < 0.85:
        ci = CI if rng.random() < 0.8 else CI_NO_PERMS
        write(f"{path}/.github/workflows/ci.yml", personal(ci, name, distinct_workflows))
        write(f"{path}/.github/workflows/release.yml", personal(RELEASE, name, distinct_workflows))
        files += 2
    if rng.random() < 0.4:
        write(f"{path}/Dockerfile", GOOD_DOCKERFILE if rng.random() < 0.7 else BAD_DOCKERFILE)
        files += 1
    ext = {"python": "py", "go": "go", "typescript": "ts", "rust": "rs", "java": "java"}[lang]
    manifest = {"python": "pyproject.toml", "go": "go.mod", "typescript": "package.json",
                "rust": "Cargo.toml", "java": "pom.xml"}[lang]
    write(f"{path}/{manifest}", f"# {name} {lang} manifest\n")
    write(f"{path}/LICENSE", "MIT License\n")
    write(f"{path}/.gitignore", "build/\n")
    files += 3
    if tier <= 2 or rng.random() < 0.5:
        for i in range(4):
            write(f"{path}/tests/test_{i}.{ext}", f"// test {i}\n")
        files += 4
    n_src = max(0, 25 - files - 2)
    for i in range(n_src):
        sub = "src" if i < n_src // 2 else f"src/pkg{i % 3}"
        write(f"{path}/{sub}/file_{i}.{ext}", f"// {name} source {i}\n" * rng.randrange(1, 20))
    write(f"{path}/docs/index.md", f"# {name} docs\n")
    write(f"{path}/docs/adr/0001-record.md", "# ADR 1\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--repos", type=int, default=1000)
    ap.add_argument("--orgs", type=int, default=0, help="default: one per 200 repositories")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--distinct-workflows", action="store_true",
                    help="no two workflows with the same text")
    args = ap.parse_args()
    orgs = args.orgs or max(1, args.repos // 200)
    rng = random.Random(args.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    schema = os.path.join(here, "..", "schemas", "repo-schema.json")
    os.makedirs(f"{args.out}/.metaHub/schemas")
    shutil.copy(schema, f"{args.out}/.metaHub/schemas/repo-schema.json")
    for i in range(args.repos):
        org = f"org-{i % orgs:03d}"
        name = f"repo-{i:05d}"
        repo(rng, f"{args.out}/organizations/{org}/{name}", name, args.distinct_workflows)
    os.makedirs(f"{args.out}/organizations/org-empty", exist_ok=True)
    print(f"{args.out}: {args.repos} repositories in {orgs} organizations", file=sys.stderr)


if __name__ == "__main__":
    main()
