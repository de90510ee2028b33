#include "catalog/infer.h"

#include <string>

#include "base/strings.h"
#include "catalog/catalog.h"

namespace golden::catalog {

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

struct Affix {
  std::string_view text;
  std::string_view type;
};

// The original's prefixes, in its order, then golden's.
constexpr Affix kTypePrefixes[] = {
    {"lib-", "library"},    {"tool-", "tool"},       {"adapter-", "adapter"}, {"demo-", "demo"},
    {"paper-", "research"}, {"core-", "tool"},       {"infra-", "tool"},      {"template-", "demo"},
    {"svc-", "service"},    {"service-", "service"}, {"api-", "service"},     {"sdk-", "library"},
    {"cli-", "tool"},       {"example-", "demo"},    {"examples-", "demo"},   {"sample-", "demo"},
};
constexpr Affix kTypeSuffixes[] = {
    {"-lib", "library"},     {"-library", "library"}, {"-sdk", "library"},     {"-svc", "service"},
    {"-service", "service"}, {"-api", "service"},     {"-cli", "tool"},        {"-tool", "tool"},
    {"-demo", "demo"},       {"-example", "demo"},    {"-adapter", "adapter"},
};

enum class Match { kName, kSuffix };

struct LanguageRule {
  std::string_view file;  ///< a top-level file name, or a suffix of one
  std::string_view language;
  Match match = Match::kName;
};

// First match wins, so the original's rules (the first six) keep their answers.
constexpr LanguageRule kLanguageRules[] = {
    {"pyproject.toml", "python"},
    {"setup.py", "python"},
    {"package.json", "typescript"},
    {"go.mod", "go"},
    {"Cargo.toml", "rust"},
    {"pom.xml", "java"},
    {"setup.cfg", "python"},
    {"Pipfile", "python"},
    {"requirements.txt", "python"},
    {"deno.json", "typescript"},
    {"tsconfig.json", "typescript"},
    {"go.work", "go"},
    {"build.gradle", "java"},
    {"build.gradle.kts", "kotlin"},
    {"settings.gradle", "java"},
    {"settings.gradle.kts", "kotlin"},
    {"build.sbt", "scala"},
    {".csproj", "csharp", Match::kSuffix},
    {".fsproj", "fsharp", Match::kSuffix},
    {".vbproj", "visual-basic", Match::kSuffix},
    {".sln", "csharp", Match::kSuffix},
    {"Gemfile", "ruby"},
    {".gemspec", "ruby", Match::kSuffix},
    {"composer.json", "php"},
    {"mix.exs", "elixir"},
    {"rebar.config", "erlang"},
    {"Package.swift", "swift"},
    {"pubspec.yaml", "dart"},
    {"stack.yaml", "haskell"},
    {".cabal", "haskell", Match::kSuffix},
    {"dune-project", "ocaml"},
    {"Project.toml", "julia"},
    {"DESCRIPTION", "r"},
    {"renv.lock", "r"},
    {"cpanfile", "perl"},
    {"Makefile.PL", "perl"},
    {"build.zig", "zig"},
    {"CMakeLists.txt", "c++"},
    {"meson.build", "c++"},
    {"configure.ac", "c++"},
    {".tf", "terraform", Match::kSuffix},
    {".tex", "latex", Match::kSuffix},
};

bool Matches(const LanguageRule& rule, std::string_view name) {
  return rule.match == Match::kName ? name == rule.file : EndsWith(name, rule.file);
}

// A C or C++ build: C++ unless every C-family source is C.
std::string_view CFamily(const portfolio::RepoInventory& inventory) {
  bool c = false;
  for (const portfolio::FileEntry& e : inventory.entries) {
    if (e.kind != portfolio::EntryKind::kFile) continue;
    std::string_view name = portfolio::BaseName(e.path);
    for (std::string_view ext : {".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx"}) {
      if (EndsWith(name, ext)) return "c++";
    }
    if (EndsWith(name, ".c")) c = true;
  }
  return c ? "c" : "c++";
}

}  // namespace

std::string_view InferType(std::string_view repo_name) {
  std::string name = AsciiLower(repo_name);
  for (const Affix& a : kTypePrefixes) {
    if (StartsWith(name, a.text)) return a.type;
  }
  for (const Affix& a : kTypeSuffixes) {
    if (EndsWith(name, a.text)) return a.type;
  }
  return kUnknown;
}

std::string_view InferLanguage(const portfolio::RepoInventory& inventory) {
  std::vector<const portfolio::FileEntry*> top = inventory.Children("");
  for (const LanguageRule& rule : kLanguageRules) {
    for (const portfolio::FileEntry* e : top) {
      if (e->kind != portfolio::EntryKind::kFile || !Matches(rule, e->path)) continue;
      return rule.language == "c++" ? CFamily(inventory) : rule.language;
    }
  }
  return kUnknown;
}

}  // namespace golden::catalog
