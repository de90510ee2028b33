// The engine API (rego.h): parse and compile modules once, prepare queries against the
// compiled policy, evaluate them with per-call state.

#include "rego/rego.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <unordered_set>

#include "base/check.h"
#include "rego/compile/compiler.h"
#include "rego/compile/lower.h"
#include "rego/eval/coverage.h"
#include "rego/eval/topdown.h"
#include "rego/syntax/parser.h"

namespace golden::rego {

namespace {

// See EngineOptions::rename_duplicate_tests (OPA's tester numbers duplicates like Go's t.Run).
void RenameDuplicateTests(Arena& arena, const std::vector<Module*>& modules) {
  for (Module* m : modules) {
    std::map<std::string, int, std::less<>> seen;
    for (Rule* rule : m->rules) {
      if (rule->head.ref.size() != 1 || !rule->head.args.empty()) continue;
      Term* name = rule->head.ref[0];
      if (!name->IsVar() || !name->var.starts_with("test_")) continue;
      int& n = seen[std::string(name->var)];
      if (n > 0) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "#%02d", n);
        name->var = arena.Intern(std::string(name->var) + suffix);
      }
      ++n;
    }
  }
}

const Registry& Builtins() {
  static const Registry registry = [] {
    Registry r;
    Status s = RegisterAllBuiltins(r);
    GOLDEN_CHECK(s.ok());
    return r;
  }();
  return registry;
}

bool IsNewLine(char c) { return c == '\n' || c == '\r'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// OPA's newParserErrorDetail: the line holding the first non-space byte at or before
// `offset`, and that byte's index in it.
ErrorDetail DetailAt(std::string_view text, size_t offset) {
  if (text.empty()) return {};
  if (offset >= text.size()) offset = text.size() - 1;
  while (offset > 0 && IsSpace(text[offset])) --offset;
  size_t begin = offset;
  while (begin > 0 && !IsNewLine(text[begin])) --begin;
  if (IsNewLine(text[begin])) ++begin;
  size_t end = offset;
  while (end < text.size() && !IsNewLine(text[end])) ++end;
  if (begin > end) begin = end;
  return ErrorDetail{std::string(text.substr(begin, end - begin)),
                     static_cast<int>(offset) - static_cast<int>(begin)};
}

Diagnostic ToDiagnostic(const SourceSet& sources, const Error& e) {
  Diagnostic d;
  d.code = std::string(e.code);
  d.message = e.message;
  if (e.has_location && sources.Has(e.span.source)) {
    d.where = sources.Locate(e.span);
    if (e.show_line) d.detail = DetailAt(sources.Get(e.span.source).text(), e.span.begin);
  }
  return d;
}

std::vector<Diagnostic> ToDiagnostics(const SourceSet& sources, const ErrorList& errors) {
  std::vector<Diagnostic> out;
  out.reserve(errors.size());
  for (const Error& e : errors.errors()) out.push_back(ToDiagnostic(sources, e));
  return out;
}

// OPA's Location.String() prefix: "file:row", or "row:col" without a file.
std::string LocationPrefix(const SourceLocation& where) {
  if (where.line == 0) return {};
  if (!where.file.empty()) return where.file + ":" + std::to_string(where.line);
  return std::to_string(where.line) + ":" + std::to_string(where.col);
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void PrintToStderr(std::string_view line) {
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fputc('\n', stderr);
}

}  // namespace

// ---- diagnostics ----

std::vector<std::string> ErrorDetail::Lines() const {
  size_t tabs = 0;
  while (tabs < line.size() && line[tabs] == '\t') ++tabs;
  int indent = idx - static_cast<int>(tabs);
  if (indent < 0) indent = 0;
  return {line.substr(tabs), std::string(static_cast<size_t>(indent), ' ') + "^"};
}

std::string Diagnostic::ToString() const {
  std::string prefix = LocationPrefix(where);
  std::string msg = code + ": " + message;
  if (!prefix.empty()) msg = prefix + ": " + msg;
  if (detail) {
    for (const std::string& l : detail->Lines()) msg += "\n\t" + l;
  }
  return msg;
}

std::string EvalError::ToString() const {
  // OPA's ast.Location.String(): the file and row, else the source text, else row:col.
  std::string prefix = where.file.empty() && !text.empty() ? text : LocationPrefix(where);
  std::string msg = code + ": " + message;
  if (!prefix.empty()) msg = prefix + ": " + msg;
  return msg;
}

// ---- state ----

struct EngineState {
  EngineOptions options;
  std::vector<std::pair<std::string, std::string>> modules;
  Value data = Value::EmptyObject();
};

struct CompiledPolicyImpl {
  EngineOptions options;
  /// The builtins the policy was compiled with (golden's, or a copy with extras); the
  /// lowered program points into it.
  std::shared_ptr<const Registry> registry;
  Arena arena;
  compile::CompiledModules modules;
  ir::Program program;
  Value data;
  /// Caches builtins share across evaluations (thread-safe).
  mutable SharedCache shared;
};

struct PreparedQueryImpl {
  std::shared_ptr<const CompiledPolicyImpl> policy;
  Arena arena;
  ir::Program storage;
  ir::Query query;
  std::vector<SourceLocation> expression_locations;
};

// ---- Engine ----

Engine::Engine(EngineOptions options) : state_(std::make_unique<EngineState>()) {
  state_->options = std::move(options);
}

Engine::~Engine() = default;

void Engine::AddModule(std::string filename, std::string text) {
  state_->modules.emplace_back(std::move(filename), std::move(text));
}

void Engine::SetData(Value data) { state_->data = std::move(data); }

CompileResult Engine::Compile() {
  auto impl = std::make_shared<CompiledPolicyImpl>();
  impl->options = state_->options;
  impl->data = state_->data;
  CompileResult result;
  if (state_->options.extra_builtins.empty()) {
    impl->registry = std::shared_ptr<const Registry>(&Builtins(), [](const Registry*) {});
  } else {
    auto r = std::make_shared<Registry>();
    Status s = RegisterAllBuiltins(*r);
    for (const Descriptor& d : state_->options.extra_builtins) {
      if (s.ok()) s = r->Register(d);
    }
    if (!s.ok()) {
      result.errors.push_back(Diagnostic{std::string(errc::kCompile), s.message(), {}, {}});
      return result;
    }
    impl->registry = std::move(r);
  }
  const Registry& registry = *impl->registry;
  ParseOptions popts;
  popts.version = state_->options.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  popts.is_builtin = [&registry](std::string_view name) {
    return registry.Find(name) != nullptr;
  };
  ErrorList errors;
  std::vector<Module*> modules;
  for (const auto& [filename, text] : state_->modules) {
    uint32_t id = impl->arena.sources().Add(filename, text);
    if (Module* m = ParseModule(impl->arena, id, popts, &errors)) modules.push_back(m);
  }
  if (!errors.empty()) {
    result.errors = ToDiagnostics(impl->arena.sources(), errors);
    return result;
  }
  if (state_->options.rename_duplicate_tests) RenameDuplicateTests(impl->arena, modules);
  bool ok = compile::CompileModules(impl->arena, registry, modules, &impl->modules, &errors);
  if (!ok) {
    result.errors = ToDiagnostics(impl->arena.sources(), errors);
    return result;
  }
  compile::LowerModules(impl->modules, registry, &impl->program);
  result.policy = std::make_shared<const CompiledPolicy>(std::move(impl));
  return result;
}

// ---- CompiledPolicy ----

CompiledPolicy::CompiledPolicy(std::shared_ptr<const CompiledPolicyImpl> impl)
    : impl_(std::move(impl)) {}

CompiledPolicy::~CompiledPolicy() = default;

std::variant<PreparedQuery, std::vector<Diagnostic>> CompiledPolicy::Prepare(
    std::string_view query, const QueryOptions& options) const {
  auto impl = std::make_shared<PreparedQueryImpl>();
  impl->policy = impl_;
  Arena& arena = impl->arena;
  arena.sources().Chain(&impl_->arena.sources());
  const Registry& registry = *impl_->registry;
  ParseOptions popts;
  popts.version = impl_->options.v0_compatible ? RegoVersion::kV0 : RegoVersion::kV1;
  popts.process_annotations = false;
  ErrorList errors;

  compile::QueryScope scope;
  if (!options.package.empty() || !options.imports.empty()) {
    std::string text = "package " + (options.package.empty() ? std::string("__query__")
                                                              : options.package) + "\n";
    for (const std::string& imp : options.imports) text += "import " + imp + "\n";
    uint32_t id = arena.sources().Add("", std::move(text));
    Module* m = ParseModule(arena, id, popts, &errors);
    if (m == nullptr) return ToDiagnostics(arena.sources(), errors);
    if (!options.package.empty()) scope.package = m->package;
    scope.imports = m->imports;
  }

  uint32_t id = arena.sources().Add(options.filename, std::string(query));
  std::optional<Body> body = ParseQuery(arena, id, popts, &errors);
  if (!body) return ToDiagnostics(arena.sources(), errors);
  compile::CompiledQuery cq;
  if (!compile::CompileQueryBody(arena, registry, impl_->modules, std::move(*body), scope,
                                 options.capture_values, &cq, &errors)) {
    return ToDiagnostics(arena.sources(), errors);
  }
  compile::LowerQuery(cq, registry, impl_->program, &impl->storage, &impl->query);
  for (const ir::Query::Expression& e : impl->query.expressions) {
    impl->expression_locations.push_back(arena.sources().Locate(e.span));
  }
  return PreparedQuery(std::move(impl));
}

EvalResult CompiledPolicy::Eval(std::string_view query, const std::optional<Value>& input,
                                const EvalOptions& options) const {
  auto prepared = Prepare(query);
  if (auto* diags = std::get_if<std::vector<Diagnostic>>(&prepared)) {
    EvalResult r;
    const Diagnostic& d = diags->front();
    r.error = EvalError{d.code, d.message, d.where, {}};
    return r;
  }
  return std::get<PreparedQuery>(prepared).Eval(input, options);
}

std::vector<CompiledPolicy::RuleInfo> CompiledPolicy::Rules() const {
  std::vector<const Rule*> rules;
  for (const Module* m : impl_->modules.modules) {
    for (const Rule* r : m->rules) rules.push_back(r);
  }
  std::vector<Value> chains = compile::MetadataChains(impl_->modules.modules, rules);
  std::vector<RuleInfo> out;
  out.reserve(rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule* r = rules[i];
    RuleInfo info;
    info.package = RefToString(r->module->package->path);
    if (r->head.ref.size() == 1 && r->head.ref[0]->IsVar()) {
      // A plain name, also one that is no identifier (test_x#01, see RenameDuplicateTests).
      info.name = std::string(r->head.ref[0]->var);
    } else {
      std::string full = compile::RuleRefString(r);
      info.name = full.size() > info.package.size() + 1 ? full.substr(info.package.size() + 1)
                                                         : full;
    }
    // Only links that carry annotations count.
    bool any = false;
    for (const Value& link : chains[i].GetArray()) any = any || link.Find("annotations");
    info.annotations = any ? chains[i] : Value();
    info.where = impl_->arena.sources().Locate(r->span);
    info.function = r->IsFunction();
    info.multi_value = r->Kind() == RuleKind::kMultiValue;
    out.push_back(std::move(info));
  }
  return out;
}

// ---- coverage ----

struct CoverageCollector::Impl {
  std::mutex mu;
  std::unordered_set<uint64_t> hits;  ///< CoverageKey of reached spans
};

CoverageCollector::CoverageCollector() : impl_(std::make_unique<Impl>()) {}
CoverageCollector::~CoverageCollector() = default;

std::vector<FileCoverage> CompiledPolicy::Coverage(const CoverageCollector& hits) const {
  const SourceSet& sources = impl_->arena.sources();
  // Lines per source: coverable (rule heads, expressions) and reached.
  std::map<uint32_t, std::set<int>> coverable;
  std::map<uint32_t, std::set<int>> reached;
  auto has_file = [&](uint32_t id) {
    return id < sources.size() && !sources.Get(id).filename().empty();
  };
  for (const Span& span : CoverableSpans(impl_->program)) {
    if (has_file(span.source)) {
      coverable[span.source].insert(sources.Get(span.source).Line(span.begin));
    }
  }
  {
    CoverageCollector::Impl& c = hits.impl();
    std::lock_guard<std::mutex> lock(c.mu);
    for (uint64_t key : c.hits) {
      auto id = static_cast<uint32_t>(key >> 32);
      if (has_file(id)) reached[id].insert(sources.Get(id).Line(static_cast<uint32_t>(key)));
    }
  }
  std::vector<FileCoverage> out;
  for (uint32_t id = 0; id < sources.size(); ++id) {
    if (!has_file(id)) continue;
    FileCoverage fc;
    fc.file = sources.Get(id).filename();
    const std::set<int>& hit = reached[id];
    fc.covered.assign(hit.begin(), hit.end());
    for (int line : coverable[id]) {
      if (!hit.contains(line)) fc.not_covered.push_back(line);
    }
    out.push_back(std::move(fc));
  }
  return out;
}

// ---- PreparedQuery ----

EvalResult PreparedQuery::Eval(const std::optional<Value>& input,
                               const EvalOptions& options) const {
  const PreparedQueryImpl& q = *impl_;
  const CompiledPolicyImpl& policy = *q.policy;
  BuiltinContext bctx;
  bctx.now_ns = options.now_ns ? *options.now_ns : NowNs();
  bctx.seed = options.seed ? *options.seed : static_cast<uint64_t>(bctx.now_ns);
  bctx.strict_builtin_errors = options.strict_builtin_errors;
  bctx.options = &policy.options.builtins;
  bctx.shared = &policy.shared;
  if (options.print) {
    bctx.print = options.print;
  } else {
    bctx.print = &PrintToStderr;
  }
  // Coverage is gathered per evaluation, then merged once, so that evaluations on several
  // threads do not contend for the collector.
  std::unordered_set<uint64_t> hits;
  EvalEnv env{&policy.program, &policy.data, input ? &*input : nullptr, &bctx,
              options.coverage != nullptr ? &hits : nullptr};
  Evaluator ev(env);
  EvalResult out;
  std::optional<EvalFailure> failure = ev.Run(q.query, [&](const Binding* frame) {
    QueryResult r;
    r.expressions.reserve(q.query.expressions.size());
    for (size_t i = 0; i < q.query.expressions.size(); ++i) {
      const ir::Query::Expression& e = q.query.expressions[i];
      Value v = Value::Bool(true);
      if (e.capture >= 0) {
        if (const Value* c = Evaluator::SlotValue(frame, static_cast<ir::Slot>(e.capture))) v = *c;
      }
      r.expressions.push_back({std::move(v), e.text, q.expression_locations[i]});
    }
    for (const auto& [name, slot] : q.query.outputs) {
      if (!r.bindings.empty() && r.bindings.back().first == name) continue;
      if (const Value* v = Evaluator::SlotValue(frame, slot)) r.bindings.emplace_back(name, *v);
    }
    out.results.push_back(std::move(r));
  });
  if (options.coverage != nullptr) {
    CoverageCollector::Impl& c = options.coverage->impl();
    std::lock_guard<std::mutex> lock(c.mu);
    c.hits.insert(hits.begin(), hits.end());
  }
  if (failure) {
    out.results.clear();
    EvalError err;
    err.code = std::string(failure->code);
    err.message = std::move(failure->message);
    if (failure->has_span) {
      const SourceSet& sources = q.arena.sources();
      if (sources.Has(failure->span.source)) {
        err.where = sources.Locate(failure->span);
        err.text = std::string(sources.Text(failure->span));
      }
    }
    out.error = std::move(err);
  }
  return out;
}

const Registry& DefaultBuiltins() { return Builtins(); }

// ---- values ----

Result<Value> ParseRegoValue(std::string_view text) {
  Arena arena;
  uint32_t id = arena.sources().Add("", std::string(text));
  ErrorList errors;
  Term* t = ParseTerm(arena, id, ParseOptions{}, &errors);
  if (t == nullptr || !errors.empty()) {
    std::string msg = errors.empty() ? "invalid term" : ToDiagnostic(arena.sources(), errors.errors()[0]).ToString();
    return Status(StatusCode::kInvalidArgument, msg);
  }
  if (!IsConstant(t)) return Status(StatusCode::kInvalidArgument, "not a constant value: " + TermToString(t));
  return ConstantValue(t);
}

}  // namespace golden::rego
