// Temporary debugging aid: dbg FILE.rego... -q QUERY [-i INPUT.json]
#include <cstdio>
#include <string>
#include "base/fs.h"
#include "rego/rego.h"
#include "value/json.h"
int main(int argc, char** argv) {
  golden::rego::EngineOptions eo;
  std::string query;
  std::optional<golden::Value> input;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-q") query = argv[++i];
    else if (a == "-i") input = *golden::ParseJson(*golden::ReadFile(argv[++i]));
    else if (a == "--v0") eo.v0_compatible = true;
    else files.push_back(a);
  }
  golden::rego::Engine e(eo);
  for (auto& f : files) e.AddModule(f, *golden::ReadFile(f));
  auto c = e.Compile();
  if (!c.policy) { for (auto& d : c.errors) std::printf("%s\n", d.ToString().c_str()); return 1; }
  auto r = c.policy->Eval(query, input);
  if (r.error) { std::printf("%s\n", r.error->ToString().c_str()); return 1; }
  for (auto& q : r.results) {
    std::string s;
    for (auto& [k, v] : q.bindings) s += k + "=" + golden::ToJson(v) + " ";
    for (auto& x : q.expressions) s += "[" + x.text + " => " + golden::ToJson(x.value) + "] ";
    std::printf("%s\n", s.c_str());
  }
  if (r.results.empty()) std::printf("undefined\n");
}
