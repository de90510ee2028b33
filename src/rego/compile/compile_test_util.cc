#include "rego/compile/compile_test_util.h"

#include "base/check.h"
#include "rego/compile/compiler.h"
#include "rego/compile/dump.h"
#include "rego/syntax/parser.h"

namespace golden::rego::compile::testing {

namespace {

const Registry& TestRegistry() {
  static const Registry registry = [] {
    Registry r;
    Status s = RegisterAllBuiltins(r);
    GOLDEN_CHECK(s.ok());
    return r;
  }();
  return registry;
}

std::vector<std::string> Render(const Arena& arena, const ErrorList& errors) {
  std::vector<std::string> out;
  for (const Error& e : errors.errors()) {
    SourceLocation l = e.has_location ? arena.sources().Locate(e.span) : SourceLocation{};
    out.push_back(std::to_string(l.line) + ":" + std::to_string(l.col) + ": " +
                  std::string(e.code) + ": " + e.message);
  }
  return out;
}

bool Build(Arena& arena, const std::vector<std::string>& modules, bool v0,
           CompiledModules* out, ErrorList* errors) {
  ParseOptions popts;
  popts.version = v0 ? RegoVersion::kV0 : RegoVersion::kV1;
  std::vector<Module*> parsed;
  for (size_t i = 0; i < modules.size(); ++i) {
    uint32_t id = arena.sources().Add("m" + std::to_string(i) + ".rego", modules[i]);
    if (Module* m = ParseModule(arena, id, popts, errors)) parsed.push_back(m);
  }
  if (!errors->empty()) return false;
  return CompileModules(arena, TestRegistry(), parsed, out, errors);
}

}  // namespace

Compiled CompileText(const std::vector<std::string>& modules, bool v0) {
  Arena arena;
  CompiledModules out;
  ErrorList errors;
  Compiled c;
  c.ok = Build(arena, modules, v0, &out, &errors);
  if (c.ok) c.dump = DumpModules(out.modules);
  c.errors = Render(arena, errors);
  return c;
}

Compiled CompileQueryText(const std::vector<std::string>& modules, const std::string& query) {
  Arena arena;
  CompiledModules mods;
  ErrorList errors;
  Compiled c;
  if (!Build(arena, modules, false, &mods, &errors)) {
    c.errors = Render(arena, errors);
    return c;
  }
  uint32_t id = arena.sources().Add("", query);
  std::optional<Body> body = ParseQuery(arena, id, ParseOptions{}, &errors);
  if (!body) {
    c.errors = Render(arena, errors);
    return c;
  }
  CompiledQuery q;
  c.ok = CompileQueryBody(arena, TestRegistry(), mods, *body, QueryScope{}, false, &q, &errors);
  if (c.ok) {
    for (const Expr* e : q.body) c.dump += ExprToString(e) + "\n";
  }
  c.errors = Render(arena, errors);
  return c;
}

}  // namespace golden::rego::compile::testing
