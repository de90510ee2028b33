#pragma once

// What the catalog guesses for a repository without metadata: its type from its name, its
// language from its project files. The original's rules come first and give the same
// answers; golden's wider lists follow.

#include <string_view>

#include "portfolio/scan.h"

namespace golden::catalog {

/// The type a repository's name suggests, from its lower-cased name: the original's prefixes
/// (lib- library, tool- tool, adapter- adapter, demo- demo, paper- research, core- tool,
/// infra- tool, template- demo), then golden's (svc-/service-/api- service, sdk- library,
/// cli- tool, example-/examples-/sample- demo, and suffixes such as -lib, -service, -cli);
/// "unknown" otherwise.
std::string_view InferType(std::string_view repo_name);

/// The language a repository's top-level files suggest, first match wins: the original's
/// (pyproject.toml/setup.py python, package.json typescript, go.mod go, Cargo.toml rust,
/// pom.xml java), then golden's (CMakeLists.txt and meson.build c++ — or c when every source
/// is C —, *.csproj csharp, Gemfile ruby, composer.json php, build.gradle java, mix.exs
/// elixir, Package.swift swift, ...); "unknown" otherwise.
std::string_view InferLanguage(const portfolio::RepoInventory& inventory);

}  // namespace golden::catalog
