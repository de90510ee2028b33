// OPA's conformance cases (YAML, v1/test/cases/testdata format) run through golden's Rego
// engine. See tests/opa/README.md for the rules.
//
//   golden_opa_conformance [--verbose] [--filter TEXT] [DIR...]
//
// Without DIR: the folder in GOLDEN_OPA_CASES, else ../shared/conformance/opa-v1 next to the
// source tree, plus tests/opa/cases (our own cases). Prints a line per folder, the failures,
// and last "N passed, N failed, N skipped". Exits 1 when a case fails that skip.txt does not
// list (cases failing only for want of a builtin are counted apart and fail the run only
// with --strict-builtins), 77 when no case folder exists.

#include <algorithm>
#include <chrono>
#include <thread>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/fs.h"
#include "rego/rego.h"
#include "value/json.h"
#include "value/yaml.h"

namespace fs = std::filesystem;
using golden::Value;

namespace {

struct Options {
  bool verbose = false;
  bool strict_builtins = false;
  std::string filter;
  std::vector<fs::path> dirs;
  fs::path skip_file;
};

enum class Outcome { kPass, kFail, kSkip, kMissingBuiltin };

struct CaseResult {
  Outcome outcome = Outcome::kFail;
  std::string detail;
  std::string missing;  // the builtin, for kMissingBuiltin
};

const Value* Get(const Value& obj, std::string_view key) {
  return obj.IsObject() ? obj.Find(key) : nullptr;
}

std::string Str(const Value* v) {
  return v != nullptr && v->IsString() ? std::string(v->GetString()) : std::string();
}

// A result value as OPA's harness sees it: JSON (sets as arrays, keys as strings).
Value AsJson(const Value& v) {
  auto r = golden::ParseJson(golden::ToJson(v));
  return r.ok() ? *r : v;
}

Value SortedArray(const Value& v) {
  if (!v.IsArray()) return v;
  std::vector<Value> items(v.GetArray().begin(), v.GetArray().end());
  std::sort(items.begin(), items.end());
  return Value::Array(std::move(items));
}

Value BindingsObject(const std::vector<std::pair<std::string, Value>>& bindings, bool sort) {
  std::vector<Value::Entry> entries;
  for (const auto& [k, v] : bindings) {
    Value j = AsJson(v);
    entries.push_back({Value::String(k), sort ? SortedArray(j) : j});
  }
  return Value::Object(std::move(entries));
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The OPA builtins golden lacks (src/rego/builtins/opa_builtins.txt minus the registry).
std::vector<std::string> g_missing_builtins;

// The first builtin golden lacks that the case's modules or query mention.
std::optional<std::string> MissingBuiltinIn(const std::string& text) {
  for (const std::string& name : g_missing_builtins) {
    for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1)) {
      bool before_ok = at == 0 || (!IsIdentChar(text[at - 1]) && text[at - 1] != '.');
      size_t end = at + name.size();
      bool after_ok = end == text.size() || !IsIdentChar(text[end]);
      if (before_ok && after_ok) return name;
    }
  }
  return std::nullopt;
}

CaseResult RunOne(const Value& c);

CaseResult RunCase(const Value& c) {
  CaseResult r = RunOne(c);
  if (r.outcome == Outcome::kFail) {
    std::string text = Str(Get(c, "query"));
    if (const Value* mods = Get(c, "modules"); mods != nullptr && mods->IsArray()) {
      for (const Value& m : mods->GetArray()) text += "\n" + Str(&m);
    }
    if (auto name = MissingBuiltinIn(text)) {
      r.outcome = Outcome::kMissingBuiltin;
      r.missing = *name;
    }
  }
  return r;
}

// OPA's test harness registers test.sleep(duration): it sleeps (Go duration syntax: "10ms")
// and returns null. Conformance cases use it to show that time.now_ns is read once per query.
golden::rego::BuiltinResult TestSleep(golden::rego::BuiltinContext&, std::span<const Value> args) {
  std::string_view d = args[0].GetString();
  size_t i = 0;
  while (i < d.size() && ((d[i] >= '0' && d[i] <= '9') || d[i] == '.')) ++i;
  double n = std::atof(std::string(d.substr(0, i)).c_str());
  std::string_view unit = d.substr(i);
  double ms = unit == "ns" ? n / 1e6 : unit == "us" || unit == "\u00b5s" ? n / 1e3
              : unit == "ms" ? n : unit == "s" ? n * 1e3 : unit == "m" ? n * 6e4 : n;
  std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(std::min(ms, 1000.0) * 1000)));
  return Value::Null();
}

golden::rego::Descriptor TestSleepBuiltin() {
  golden::rego::Descriptor d;
  d.name = "test.sleep";
  d.args = {golden::rego::t::String()};
  d.result = golden::rego::t::Null();
  d.fn = &TestSleep;
  return d;
}

CaseResult RunOne(const Value& c) {
  CaseResult res;
  golden::rego::EngineOptions eopts;
  eopts.extra_builtins.push_back(TestSleepBuiltin());
  golden::rego::Engine engine(eopts);
  if (const Value* mods = Get(c, "modules"); mods != nullptr && mods->IsArray()) {
    int i = 0;
    for (const Value& m : mods->GetArray()) {
      engine.AddModule("test-" + std::to_string(i++) + ".rego", std::string(m.GetString()));
    }
  }
  if (const Value* d = Get(c, "data"); d != nullptr && !d->IsNull()) engine.SetData(*d);
  std::optional<Value> input;
  if (const Value* in = Get(c, "input")) input = *in;
  if (const Value* it = Get(c, "input_term")) {
    auto v = golden::rego::ParseRegoValue(it->GetString());
    if (!v.ok()) {
      res.detail = "input_term: " + v.status().message();
      return res;
    }
    input = *v;
  }
  const Value* want_code = Get(c, "want_error_code");
  const Value* want_error = Get(c, "want_error");
  const Value* want_result = Get(c, "want_result");
  bool sort = Get(c, "sort_bindings") != nullptr && Get(c, "sort_bindings")->IsTrue();
  bool expect_error = want_code != nullptr || want_error != nullptr;

  auto check_error = [&](const std::string& code, const std::string& message,
                         const std::string& text) {
    (void)message;
    if (!expect_error) {
      res.detail = "unexpected error: " + text;
      return;
    }
    if (want_code != nullptr && Str(want_code) != code) {
      res.detail = "want error code " + Str(want_code) + ", got: " + text;
      return;
    }
    if (want_error != nullptr && text.find(Str(want_error)) == std::string::npos) {
      res.detail = "want error containing \"" + Str(want_error) + "\", got: " + text;
      return;
    }
    res.outcome = Outcome::kPass;
  };

  golden::rego::CompileResult compiled = engine.Compile();
  if (!compiled.policy) {
    const auto& d = compiled.errors.front();
    std::string all;
    for (const auto& e : compiled.errors) all += (all.empty() ? "" : "\n") + e.ToString();
    check_error(d.code, d.message, all);
    return res;
  }
  golden::rego::QueryOptions qopts;
  auto prepared = compiled.policy->Prepare(Str(Get(c, "query")), qopts);
  if (auto* diags = std::get_if<std::vector<golden::rego::Diagnostic>>(&prepared)) {
    std::string all;
    for (const auto& e : *diags) all += (all.empty() ? "" : "\n") + e.ToString();
    check_error(diags->front().code, diags->front().message, all);
    return res;
  }
  golden::rego::EvalOptions eval_opts;
  eval_opts.strict_builtin_errors =
      Get(c, "strict_error") != nullptr && Get(c, "strict_error")->IsTrue();
  eval_opts.print = [](std::string_view) {};
  golden::rego::EvalResult r = std::get<golden::rego::PreparedQuery>(prepared).Eval(input, eval_opts);
  if (r.error) {
    check_error(r.error->code, r.error->message, r.error->ToString());
    return res;
  }
  if (expect_error) {
    res.detail = "want an error, got " + std::to_string(r.results.size()) + " result(s)";
    return res;
  }
  std::vector<Value> want;
  if (want_result != nullptr && want_result->IsArray()) {
    for (const Value& b : want_result->GetArray()) {
      std::vector<std::pair<std::string, Value>> bs;
      if (b.IsObject()) {
        for (const Value::Entry& e : b.GetObject()) bs.emplace_back(std::string(e.key.GetString()), e.value);
      }
      want.push_back(BindingsObject(bs, sort));
    }
  }
  std::vector<Value> got;
  for (const auto& qr : r.results) got.push_back(BindingsObject(qr.bindings, sort));
  Value want_set = Value::Set(want);
  Value got_set = Value::Set(got);
  if (want_set == got_set) {
    res.outcome = Outcome::kPass;
  } else {
    golden::JsonStyle style;
    res.detail = "want " + golden::ToJson(want_set, style) + "\n      got  " + golden::ToJson(got_set, style);
  }
  return res;
}

std::map<std::string, std::string> LoadSkips(const fs::path& file) {
  std::map<std::string, std::string> out;
  auto text = golden::ReadFile(file);
  if (!text.ok()) return out;
  std::string_view rest = *text;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    size_t bar = line.find(" | ");
    if (bar == std::string_view::npos) continue;
    out.emplace(std::string(line.substr(0, bar)), std::string(line.substr(bar + 3)));
  }
  return out;
}

struct Counts {
  int pass = 0, fail = 0, skip = 0, missing = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--verbose" || a == "-v") {
      opt.verbose = true;
    } else if (a == "--strict-builtins") {
      opt.strict_builtins = true;
    } else if (a == "--filter" && i + 1 < argc) {
      opt.filter = argv[++i];
    } else {
      opt.dirs.emplace_back(a);
    }
  }
  const char* src = std::getenv("GOLDEN_SOURCE_DIR");
  fs::path source = src != nullptr ? fs::path(src) : fs::current_path();
  opt.skip_file = source / "tests/opa/skip.txt";
  if (opt.dirs.empty()) {
    const char* env = std::getenv("GOLDEN_OPA_CASES");
    fs::path shared = env != nullptr && *env != '\0' ? fs::path(env)
                                                     : source / "../shared/conformance/opa-v1";
    if (fs::is_directory(shared)) {
      opt.dirs.push_back(shared);
    } else {
      std::printf("OPA conformance cases not found (%s); set GOLDEN_OPA_CASES\n",
                  shared.string().c_str());
    }
    if (fs::is_directory(source / "tests/opa/cases")) opt.dirs.push_back(source / "tests/opa/cases");
  }
  if (opt.dirs.empty()) {
    std::printf("0 passed, 0 failed, 0 skipped\n");
    return 77;
  }
  std::map<std::string, std::string> skips = LoadSkips(opt.skip_file);
  if (auto list = golden::ReadFile(source / "src/rego/builtins/opa_builtins.txt"); list.ok()) {
    const golden::rego::Registry& registry = golden::rego::DefaultBuiltins();
    std::string_view rest = *list;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string name(rest.substr(0, nl));
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (name.empty() || name[0] == '#') continue;
      if (registry.Find(name) == nullptr) g_missing_builtins.push_back(name);
    }
  }
  std::set<std::string> seen_skips;

  std::map<std::string, Counts> per_folder;
  std::map<std::string, int> missing_builtins;
  std::vector<std::string> failures;
  for (const fs::path& dir : opt.dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml")) {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string folder = fs::relative(file.parent_path(), dir).string();
      if (dir.filename() == "cases") folder = "golden/" + folder;
      auto text = golden::ReadFile(file);
      if (!text.ok()) {
        failures.push_back(file.string() + ": " + text.status().message());
        per_folder[folder].fail++;
        continue;
      }
      auto doc = golden::ParseYaml(*text, file.string());
      if (!doc.ok()) {
        failures.push_back(file.string() + ": " + doc.status().message());
        per_folder[folder].fail++;
        continue;
      }
      const Value* cases = Get(*doc, "cases");
      if (cases == nullptr || !cases->IsArray()) continue;
      for (const Value& c : cases->GetArray()) {
        std::string note = Str(Get(c, "note"));
        if (!opt.filter.empty() && note.find(opt.filter) == std::string::npos &&
            file.string().find(opt.filter) == std::string::npos) {
          continue;
        }
        Counts& counts = per_folder[folder];
        if (auto it = skips.find(note); it != skips.end()) {
          seen_skips.insert(note);
          counts.skip++;
          if (opt.verbose) std::printf("SKIP %s: %s\n", note.c_str(), it->second.c_str());
          continue;
        }
        CaseResult r = RunCase(c);
        switch (r.outcome) {
          case Outcome::kPass:
            counts.pass++;
            if (opt.verbose) std::printf("PASS %s\n", note.c_str());
            break;
          case Outcome::kMissingBuiltin:
            counts.missing++;
            missing_builtins[r.missing]++;
            if (opt.verbose) std::printf("MISSING %s (%s)\n", note.c_str(), r.missing.c_str());
            break;
          default:
            counts.fail++;
            failures.push_back(note + " [" + file.filename().string() + "]\n      " + r.detail);
            break;
        }
      }
    }
  }
  Counts total;
  for (const auto& [folder, c] : per_folder) {
    std::printf("%-32s %4d passed, %3d failed, %3d skipped", folder.c_str(), c.pass, c.fail,
                c.skip);
    if (c.missing > 0) std::printf(", %3d missing builtin", c.missing);
    std::printf("\n");
    total.pass += c.pass;
    total.fail += c.fail;
    total.skip += c.skip;
    total.missing += c.missing;
  }
  if (!failures.empty()) {
    std::printf("\nFailures:\n");
    for (const std::string& f : failures) std::printf("  %s\n", f.c_str());
  }
  if (!missing_builtins.empty()) {
    std::printf("\n%d case(s) need builtins golden does not have yet:", total.missing);
    for (const auto& [name, n] : missing_builtins) std::printf(" %s (%d)", name.c_str(), n);
    std::printf("\n");
  }
  if (opt.filter.empty()) {
    for (const auto& [note, reason] : skips) {
      if (!seen_skips.count(note)) std::printf("skip.txt lists an unknown case: %s\n", note.c_str());
    }
  }
  if (total.missing > 0) std::printf("%d missing builtin\n", total.missing);
  std::printf("%d passed, %d failed, %d skipped\n", total.pass, total.fail, total.skip);
  bool failed = total.fail > 0 || (opt.strict_builtins && total.missing > 0);
  return failed ? 1 : 0;
}
