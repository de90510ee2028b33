// Compares the registered builtins with OPA's list (opa_builtins.txt) and names every gap.
// Builtins that other branches implement are listed, with their owner, in
// opa_builtins_pending.txt; the test fails on any other missing builtin, on a builtin OPA does
// not have, and on a pending entry that is registered by now.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>

#include "rego/builtins/registry.h"
#include "testing/temp_dir.h"

namespace golden::rego {
namespace {

// The first word of each non-comment line, with the rest of the line.
std::map<std::string, std::string> ReadList(const std::string& rel) {
  std::map<std::string, std::string> out;
  std::istringstream in(golden::testing::ReadFileOrDie(golden::testing::SourceDir() / rel));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string name;
    std::string rest;
    words >> name;
    words >> rest;
    out[name] = rest;
  }
  return out;
}

TEST(OpaBuiltinsTest, RegistryCoversOpasBuiltins) {
  std::map<std::string, std::string> opa = ReadList("src/rego/builtins/opa_builtins.txt");
  std::map<std::string, std::string> pending =
      ReadList("src/rego/builtins/opa_builtins_pending.txt");
  ASSERT_GT(opa.size(), 150u);
  Registry registry;
  ASSERT_TRUE(RegisterAllBuiltins(registry).ok());

  std::set<std::string> registered;
  for (const Descriptor* d : registry.All()) registered.insert(d->name);

  std::string missing, unknown, stale;
  for (const auto& [name, _] : opa) {
    if (!registered.count(name) && !pending.count(name)) missing += " " + name;
  }
  for (const std::string& name : registered) {
    if (!opa.count(name)) unknown += " " + name;
  }
  for (const auto& [name, owner] : pending) {
    if (registered.count(name)) stale += " " + name + " (" + owner + ")";
    EXPECT_TRUE(opa.count(name)) << "pending builtin " << name << " is not one of OPA's";
  }
  EXPECT_EQ(missing, "") << "OPA builtins nobody registers:" << missing;
  EXPECT_EQ(unknown, "") << "registered builtins OPA does not have:" << unknown;
  EXPECT_EQ(stale, "") << "registered now, remove from opa_builtins_pending.txt:" << stale;
}

TEST(OpaBuiltinsTest, ListsHaveNoRepeats) {
  for (const char* rel :
       {"src/rego/builtins/opa_builtins.txt", "src/rego/builtins/opa_builtins_pending.txt"}) {
    std::istringstream in(golden::testing::ReadFileOrDie(golden::testing::SourceDir() / rel));
    std::string line;
    std::set<std::string> seen;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::string name = line.substr(0, line.find(' '));
      EXPECT_TRUE(seen.insert(name).second) << rel << ": " << name << " twice";
    }
  }
}

}  // namespace
}  // namespace golden::rego
