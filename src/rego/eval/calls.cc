// Calls: builtins (with OPA's error semantics), user functions (with conflicts, caching and
// a first-argument index), and `with` replacements of either.

#include <algorithm>

#include "rego/eval/topdown.h"
#include "rego/syntax/diag.h"
#include "rego/syntax/format.h"

namespace golden::rego {

namespace {

bool IsFalse(const Value& v) { return v.IsBool() && !v.GetBool(); }

// Arguments are evaluated into a small buffer (most builtins take at most a few).
class ArgBuffer {
 public:
  explicit ArgBuffer(size_t n) : n_(n) {
    if (n > kInline) heap_.resize(n);
  }
  Value& operator[](size_t i) { return n_ > kInline ? heap_[i] : inline_[i]; }
  std::span<const Value> span() const {
    return n_ > kInline ? std::span<const Value>(heap_) : std::span<const Value>(inline_, n_);
  }

 private:
  static constexpr size_t kInline = 6;
  size_t n_;
  Value inline_[kInline];
  std::vector<Value> heap_;
};

// print() and template strings: each operand is a set of the values an expression took
// (empty when undefined); every combination is rendered.
void CrossProduct(std::span<const Value> operands, size_t i, std::vector<std::string>* buf,
                  const std::function<bool(const std::vector<std::string>&)>& f, bool* stop) {
  if (*stop) return;
  if (i == operands.size()) {
    *stop = f(*buf);
    return;
  }
  const Value& x = operands[i];
  if (x.IsString()) {
    (*buf)[i] = std::string(x.GetString());
    CrossProduct(operands, i + 1, buf, f, stop);
    return;
  }
  if (!x.IsSet()) {
    (*buf)[i] = ValueToRegoString(x);
    CrossProduct(operands, i + 1, buf, f, stop);
    return;
  }
  if (x.Size() == 0) {
    (*buf)[i] = "<undefined>";
    CrossProduct(operands, i + 1, buf, f, stop);
    return;
  }
  for (const Value& v : x.GetSet()) {
    (*buf)[i] = v.IsString() ? std::string(v.GetString()) : ValueToRegoString(v);
    CrossProduct(operands, i + 1, buf, f, stop);
    if (*stop) return;
  }
}

}  // namespace

const Evaluator::Mock* Evaluator::FindMock(const void* target) const {
  for (size_t i = mocks_.size(); i > mock_floor_; --i) {
    if (mocks_[i - 1].with->target == target) return &mocks_[i - 1];
  }
  return nullptr;
}

bool Evaluator::EvalCall(const ir::Expr& e, Binding* f, Cont k) {
  if (mocks_.size() > mock_floor_) {
    const void* target = e.func ? static_cast<const void*>(e.func)
                                : static_cast<const void*>(e.builtin);
    if (const Mock* m = FindMock(target)) {
      if (m->with->func_value != nullptr || m->with->builtin_value != nullptr) {
        // The replacement runs without the replacements in effect here (OPA pushes an
        // empty mock frame); the rest of the body sees them again.
        size_t floor = mock_floor_;
        mock_floor_ = mocks_.size();
        bool stop = CallTarget(e, m->with->func_value, m->with->builtin_value, f, [&] {
          size_t inner = mock_floor_;
          mock_floor_ = floor;
          bool s = k();
          mock_floor_ = inner;
          return s;
        });
        mock_floor_ = floor;
        return stop;
      }
      if (m->ref != nullptr) {
        // A replacement by a rule's value: OPA unifies the output with the ref; without an
        // output the call succeeds whatever the value (the ref itself is not `false`).
        if (e.out == nullptr) return k();
        const ir::Term* ref = m->ref;
        return EvalRef(ref, f, [&](const Value& v) { return YieldCallResult(e, v, false, f, k); });
      }
      Value v = m->value;
      return YieldCallResult(e, v, false, f, k);
    }
  }
  return CallTarget(e, e.func, e.builtin, f, k);
}

bool Evaluator::CallTarget(const ir::Expr& e, const ir::RuleSet* func, const Descriptor* builtin,
                           Binding* f, Cont k) {
  if (builtin != nullptr) return EvalBuiltin(e, builtin, f, k);
  if (func != nullptr) return EvalFunction(e, *func, f, k);
  Fail(errc::kEvalInternal, "unsupported built-in: " + e.name, e.span);
}

bool Evaluator::YieldCallResult(const ir::Expr& e, const Value& v, bool void_result, Binding* f,
                                Cont k) {
  if (void_result) return k();
  if (e.out != nullptr) {
    size_t mark = trail_.size();
    bool stop = UnifyPV(e.out, f, v) ? k() : false;
    trail_.Undo(mark);
    return stop;
  }
  return IsFalse(v) ? false : k();
}

bool Evaluator::EvalBuiltin(const ir::Expr& e, const Descriptor* d, Binding* f, Cont k) {
  ArgBuffer args(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i) {
    Value scratch;
    const Value* v = Plug(e.args[i], f, &scratch);
    if (v == nullptr) Fail(errc::kEvalInternal, e.name + ": unbound argument", e.span);
    args[i] = *v;
  }
  if (d->fn == nullptr) return EvalInternal(e, d, args.span(), f, k);
  if (d->check_arg_types) {
    if (std::optional<BuiltinResult> bad = CheckOperands(*d, args.span())) {
      RecordBuiltinError(errc::kEvalType, d->name + ": " + bad->message(), e.span);
      return false;
    }
  }
  BuiltinResult r = d->fn(*bctx_, args.span());
  switch (r.kind()) {
    case BuiltinResult::Kind::kValue:
      if (d->relation) {
        Value alts = r.value();
        if (!alts.IsArray()) return false;
        for (const Value& alt : alts.GetArray()) {
          if (YieldCallResult(e, alt, false, f, k)) return true;
        }
        return false;
      }
      return YieldCallResult(e, r.value(), d->result == nullptr, f, k);
    case BuiltinResult::Kind::kUndefined:
      return false;
    case BuiltinResult::Kind::kTypeError:
      RecordBuiltinError(errc::kEvalType, d->name + ": " + r.message(), e.span);
      return false;
    case BuiltinResult::Kind::kBuiltinError:
      RecordBuiltinError(errc::kEvalBuiltin, d->name + ": " + r.message(), e.span);
      return false;
  }
  return false;
}

bool Evaluator::EvalInternal(const ir::Expr& e, const Descriptor* d,
                             std::span<const Value> args, Binding* f, Cont k) {
  if (d->name == "internal.print") {
    if (args.empty() || !args[0].IsArray()) return k();
    std::span<const Value> ops = args[0].GetArray();
    std::vector<std::string> buf(ops.size());
    bool stop = false;
    CrossProduct(ops, 0, &buf,
                 [&](const std::vector<std::string>& parts) {
                   std::string line;
                   for (size_t i = 0; i < parts.size(); ++i) {
                     if (i > 0) line += ' ';
                     line += parts[i];
                   }
                   if (bctx_ != nullptr && bctx_->print) bctx_->print(line);
                   return false;
                 },
                 &stop);
    return k();
  }
  if (d->name == "internal.template_string") {
    if (args.empty() || !args[0].IsArray()) return false;
    std::span<const Value> ops = args[0].GetArray();
    std::vector<std::string> buf(ops.size());
    std::string out;
    int count = 0;
    bool stop = false;
    CrossProduct(ops, 0, &buf,
                 [&](const std::vector<std::string>& parts) {
                   if (++count > 1) {
                     Fail(errc::kEvalConflict,
                          "template-strings must not produce multiple outputs", e.span);
                   }
                   for (const std::string& p : parts) out += p;
                   return false;
                 },
                 &stop);
    return YieldCallResult(e, Value::String(std::move(out)), false, f, k);
  }
  if (d->name == "rego.metadata.chain") return YieldCallResult(e, Value::EmptyArray(), false, f, k);
  if (d->name == "rego.metadata.rule") return YieldCallResult(e, Value::EmptyObject(), false, f, k);
  RecordBuiltinError(errc::kEvalBuiltin, d->name + ": not implemented", e.span);
  return false;
}

bool Evaluator::EvalFunction(const ir::Expr& e, const ir::RuleSet& rs, Binding* f, Cont k) {
  ArgBuffer args(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i) {
    Value scratch;
    const Value* v = Plug(e.args[i], f, &scratch);
    if (v == nullptr) Fail(errc::kEvalInternal, e.name + ": unbound argument", e.span);
    args[i] = *v;
  }
  Value out_scratch;
  const Value* out = e.out ? Plug(e.out, f, &out_scratch) : nullptr;
  std::optional<Value> v = FunctionValue(rs, args.span(), out);
  if (!v) return false;
  Value result = std::move(*v);
  return YieldCallResult(e, result, false, f, k);
}

std::optional<Value> Evaluator::FunctionValue(const ir::RuleSet& rs, std::span<const Value> args,
                                              const Value* out) {
  CacheKey key{&rs, std::vector<Value>(args.begin(), args.end())};
  if (auto it = cache().find(key); it != cache().end()) return it->second;
  static constexpr const char* kConflict =
      "functions must not produce multiple outputs for same inputs";
  std::optional<Value> prev;
  auto eval_rule = [&](const ir::Rule* rule) -> std::optional<Value> {
    FrameStack::Mark m = frames_.mark();
    Binding* fr = frames_.Push(rule->num_slots);
    size_t mark = trail_.size();
    bool ok = rule->args.size() == args.size();
    for (size_t i = 0; ok && i < args.size(); ++i) ok = UnifyPV(rule->args[i], fr, args[i]);
    // A ground output is matched against the head value first, as OPA does.
    if (ok && out != nullptr) ok = UnifyPV(rule->value, fr, *out);
    std::optional<Value> result;
    if (ok) {
      EvalBody(rule->body, 0, fr, [&] {
        Value scratch;
        const Value* v = Plug(rule->value, fr, &scratch);
        if (v == nullptr) return false;
        if (prev && *prev != *v) Fail(errc::kEvalConflict, kConflict, rule->span);
        prev = *v;
        result = *v;
        RuleExit(rule);
        return rs.early_exit;
      });
    }
    trail_.Undo(mark);
    frames_.Release(m);
    return result;
  };
  auto run = [&](uint32_t idx) {
    const ir::Rule* rule = rs.rules[idx];
    std::optional<Value> next = eval_rule(rule);
    for (const ir::Rule* e = rule->else_rule; !next && e != nullptr; e = e->else_rule) {
      next = eval_rule(e);
    }
  };
  if (!rs.by_first_arg.empty() && !args.empty()) {
    // Only the rules whose constant first argument matches, plus the others, in order.
    std::vector<uint32_t> candidates = rs.any_first_arg;
    if (auto it = rs.by_first_arg.find(args[0]); it != rs.by_first_arg.end()) {
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      std::sort(candidates.begin(), candidates.end());
    }
    for (uint32_t idx : candidates) run(idx);
  } else {
    for (uint32_t idx = 0; idx < rs.rules.size(); ++idx) run(idx);
  }
  if (!prev && rs.default_rule != nullptr) eval_rule(rs.default_rule);
  cache().emplace(std::move(key), prev);
  return prev;
}

}  // namespace golden::rego
