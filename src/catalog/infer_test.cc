#include "catalog/infer.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace golden::catalog {
namespace {

using golden::testing::TempDir;

portfolio::RepoInventory Files(std::initializer_list<std::string_view> files) {
  TempDir t;
  t.Mkdir("repo");
  for (std::string_view f : files) t.Write("repo/" + std::string(f), "x");
  auto inv = portfolio::ScanRepo(t.path() / "repo");
  EXPECT_TRUE(inv.ok());
  return inv.ok() ? *inv : portfolio::RepoInventory{};
}

TEST(InferType, TheOriginalsPrefixesThenOurs) {
  EXPECT_EQ(InferType("lib-core"), "library");
  EXPECT_EQ(InferType("Tool-X"), "tool");  // the original lower-cased the name
  EXPECT_EQ(InferType("adapter-s3"), "adapter");
  EXPECT_EQ(InferType("demo-app"), "demo");
  EXPECT_EQ(InferType("paper-2024"), "research");
  EXPECT_EQ(InferType("core-utils"), "tool");
  EXPECT_EQ(InferType("infra-go-infer"), "tool");
  EXPECT_EQ(InferType("template-py"), "demo");
  EXPECT_EQ(InferType("svc-billing"), "service");
  EXPECT_EQ(InferType("payments-api"), "service");
  EXPECT_EQ(InferType("sdk-js"), "library");
  EXPECT_EQ(InferType("deploy-cli"), "tool");
  EXPECT_EQ(InferType("website"), "unknown");
  EXPECT_EQ(InferType("library"), "unknown");  // a prefix needs its dash
}

TEST(InferLanguage, TheOriginalsFilesFirst) {
  EXPECT_EQ(InferLanguage(Files({"pyproject.toml", "package.json"})), "python");
  EXPECT_EQ(InferLanguage(Files({"setup.py"})), "python");
  EXPECT_EQ(InferLanguage(Files({"package.json", "go.mod"})), "typescript");
  EXPECT_EQ(InferLanguage(Files({"go.mod"})), "go");
  EXPECT_EQ(InferLanguage(Files({"Cargo.toml"})), "rust");
  EXPECT_EQ(InferLanguage(Files({"pom.xml"})), "java");
  EXPECT_EQ(InferLanguage(Files({"README.md"})), "unknown");
  EXPECT_EQ(InferLanguage(Files({})), "unknown");
}

TEST(InferLanguage, TheWiderList) {
  EXPECT_EQ(InferLanguage(Files({"CMakeLists.txt", "src/main.cc"})), "c++");
  EXPECT_EQ(InferLanguage(Files({"CMakeLists.txt", "src/main.c"})), "c");
  EXPECT_EQ(InferLanguage(Files({"meson.build"})), "c++");
  EXPECT_EQ(InferLanguage(Files({"App.csproj"})), "csharp");
  EXPECT_EQ(InferLanguage(Files({"Gemfile"})), "ruby");
  EXPECT_EQ(InferLanguage(Files({"composer.json"})), "php");
  EXPECT_EQ(InferLanguage(Files({"build.gradle"})), "java");
  EXPECT_EQ(InferLanguage(Files({"build.gradle.kts"})), "kotlin");
  EXPECT_EQ(InferLanguage(Files({"mix.exs"})), "elixir");
  EXPECT_EQ(InferLanguage(Files({"Package.swift"})), "swift");
  EXPECT_EQ(InferLanguage(Files({"requirements.txt"})), "python");
  EXPECT_EQ(InferLanguage(Files({"main.tex"})), "latex");
  // Only top-level files count, and folders do not.
  EXPECT_EQ(InferLanguage(Files({"vendor/go.mod"})), "unknown");
  EXPECT_EQ(InferLanguage(Files({"Gemfile/x"})), "unknown");
}

}  // namespace
}  // namespace golden::catalog
