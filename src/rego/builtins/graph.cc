// graph.reachable and graph.reachable_paths (OPA's topdown/reachable.go). A graph is an object
// from each vertex to an array or set of its neighbours.

#include <deque>
#include <set>

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

std::span<const Value> Vertices(const Value& v) {
  if (v.IsArray()) return v.GetArray();
  if (v.IsSet()) return v.GetSet();
  return {};  // neighbours given as anything else count as none
}

// Every vertex reachable from the initial ones, the initial ones included when the graph has
// them.
BuiltinResult Reachable(BuiltinContext&, std::span<const Value> args) {
  const Value& graph = args[0];
  std::deque<Value> queue(Vertices(args[1]).begin(), Vertices(args[1]).end());
  std::set<Value> reached;
  while (!queue.empty()) {
    Value node = std::move(queue.front());
    queue.pop_front();
    if (reached.count(node)) continue;
    const Value* edges = graph.Find(node);
    if (edges == nullptr) continue;
    reached.insert(node);
    for (const Value& next : Vertices(*edges)) {
      if (!reached.count(next)) queue.push_back(next);
    }
  }
  return Value::SetFromSorted(std::vector<Value>(reached.begin(), reached.end()));
}

// Depth-first from `root`, recording each path when it ends: at a vertex without edges, at a
// vertex missing from the graph (which is left out), or before a cycle closes.
void Paths(const Value& graph, const Value& root, std::vector<Value>& path,
           std::set<Value>& on_path, std::set<Value>* out) {
  const Value* edges = graph.Find(root);
  if (edges == nullptr) {
    out->insert(Value::Array(path));
    return;
  }
  path.push_back(root);
  std::span<const Value> next = Vertices(*edges);
  if (next.empty()) {
    out->insert(Value::Array(path));
  } else {
    bool inserted = on_path.insert(root).second;
    for (const Value& n : next) {
      if (on_path.count(n)) {
        out->insert(Value::Array(path));
      } else {
        Paths(graph, n, path, on_path, out);
      }
    }
    if (inserted) on_path.erase(root);
  }
  path.pop_back();
}

BuiltinResult ReachablePaths(BuiltinContext&, std::span<const Value> args) {
  const Value& graph = args[0];
  std::set<Value> out;
  for (const Value& node : Vertices(args[1])) {
    const Value* edges = graph.Find(node);
    if (edges == nullptr) continue;
    std::span<const Value> next = Vertices(*edges);
    if (next.empty()) {
      out.insert(Value::Array({node}));
      continue;
    }
    for (const Value& n : next) {
      std::vector<Value> path{node};
      std::set<Value> on_path{node};
      Paths(graph, n, path, on_path, &out);
    }
  }
  return Value::SetFromSorted(std::vector<Value>(out.begin(), out.end()));
}

}  // namespace

Status RegisterGraphBuiltins(Registry& r) {
  TypePtr vertices = t::AnyOf({t::SetOfAny(), t::ArrayOfAny()});
  TypePtr graph = t::ObjectOf(t::Any(), vertices);
  GOLDEN_RETURN_IF_ERROR(r.Register({.name = builtins::kGraphReachable,
                                     .args = {graph, vertices},
                                     .result = t::SetOfAny(),
                                     .operand_expect = {"", "{array, set}"},
                                     .fn = &Reachable}));
  return r.Register({.name = builtins::kGraphReachablePaths,
                     .args = {graph, vertices},
                     .result = t::SetOf(t::ArrayOfAny()),
                     .operand_expect = {"", "{array, set}"},
                     .fn = &ReachablePaths});
}

}  // namespace golden::rego
