// `with` modifiers (OPA's evalWith): replace input, parts of data, or functions while one
// expression is evaluated. The replacements are undone for the rest of the body and
// restored when evaluation backtracks into the expression.

#include "rego/eval/topdown.h"
#include "rego/syntax/diag.h"

namespace golden::rego {

namespace {

Value MakeTree(std::span<const Value> path, const Value& leaf) {
  Value v = leaf;
  for (size_t i = path.size(); i > 0; --i) v = Value::Object({{path[i - 1], v}});
  return v;
}

Value WithMember(const Value& obj, const Value& key, Value member) {
  std::vector<Value::Entry> entries(obj.GetObject().begin(), obj.GetObject().end());
  bool replaced = false;
  for (Value::Entry& e : entries) {
    if (e.key == key) {
      e.value = std::move(member);
      replaced = true;
    }
  }
  if (!replaced) entries.push_back({key, std::move(member)});
  return Value::Object(std::move(entries));
}

// The document `doc` with `value` at `path` (OPA's mergeTermWithValues for one pair).
Value SetPath(const Value* doc, std::span<const Value> path, const Value& value) {
  if (path.empty()) return value;
  if (doc == nullptr) return MakeTree(path, value);
  if (!doc->IsObject()) return MakeTree(path, value);
  const Value* child = doc->Find(path[0]);
  if (path.size() == 1) return WithMember(*doc, path[0], value);
  if (child == nullptr || !child->IsObject()) {
    return WithMember(*doc, path[0], MakeTree(path.subspan(1), value));
  }
  return WithMember(*doc, path[0], SetPath(child, path.subspan(1), value));
}

}  // namespace

bool Evaluator::EvalWith(const ir::Expr& e, Binding* f, Cont k) {
  std::optional<Value> input;
  std::optional<Value> data;
  std::vector<Mock> mocks;
  std::vector<const std::vector<Value>*> targets;
  for (const ir::With& w : e.withs) {
    Value scratch;
    const Value* v = w.value ? Plug(w.value, f, &scratch) : nullptr;
    switch (w.kind) {
      case ir::With::Kind::kInput:
        if (v == nullptr) return false;
        input = SetPath(input ? &*input : input_, w.path, *v);
        break;
      case ir::With::Kind::kData:
        if (v == nullptr) return false;
        data = SetPath(data ? &*data : data_override_, w.path, *v);
        targets.push_back(&w.path);
        break;
      case ir::With::Kind::kFunction:
        if (w.func_value == nullptr && w.builtin_value == nullptr && v == nullptr) {
          if (w.value == nullptr || w.value->kind != ir::TermKind::kRef) return false;
          mocks.push_back(Mock{&w, Value(), w.value});
          break;
        }
        mocks.push_back(Mock{&w, v ? *v : Value()});
        break;
    }
  }
  // Install the replacements for this expression; take them away while the rest of the
  // body runs, and put them back when evaluation returns into the expression.
  const Value* saved_input = input_;
  const Value* saved_data = data_override_;
  size_t saved_targets = targets_.size();
  size_t saved_mocks = mocks_.size();
  auto push = [&] {
    if (input) input_ = &*input;
    if (data) data_override_ = &*data;
    targets_.insert(targets_.end(), targets.begin(), targets.end());
    mocks_.insert(mocks_.end(), mocks.begin(), mocks.end());
    caches_.emplace_back();
  };
  auto pop = [&] {
    caches_.pop_back();
    mocks_.resize(saved_mocks);
    targets_.resize(saved_targets);
    data_override_ = saved_data;
    input_ = saved_input;
  };
  push();
  bool stop = EvalStep(e, f, [&] {
    pop();
    bool s = k();
    push();
    return s;
  });
  pop();
  return stop;
}

}  // namespace golden::rego
