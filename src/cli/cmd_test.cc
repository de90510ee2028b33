// golden test: runs Rego tests the way `opa test` does (same output, flags and exit codes).
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "base/base64.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/eval_output.h"
#include "cli/rego_loader.h"
#include "policy/test_runner.h"
#include "rego/rego.h"
#include "report/json_writer.h"
#include "value/number.h"

namespace golden::cli {

namespace {

using policy::TestResult;

struct Flags {
  std::vector<std::string> paths;
  bool verbose = false;
  std::string run;
  std::string format = "pretty";
  bool v0_compatible = false;
  bool coverage = false;
  unsigned jobs = 0;
};

std::string Outcome(const TestResult& t) {
  if (t.skip) return "SKIPPED";
  if (t.error) return "ERROR";
  return t.fail ? "FAIL" : "PASS";
}

std::string Indent(std::string_view text, std::string_view pad) {
  std::string out;
  bool start = true;
  for (char c : text) {
    if (start) out += pad;
    out += c;
    start = c == '\n';
  }
  return out;
}

// OPA's PrettyReporter: failing tests always, passing ones with -v, each under its
// "file:row:" line; then a rule and the counts.
std::string Pretty(const std::vector<TestResult>& results, bool verbose) {
  std::string out;
  bool dirty = false;
  int pass = 0, fail = 0, skip = 0, errs = 0;
  std::string last_file;
  for (const TestResult& t : results) {
    if (t.skip) {
      ++skip;
    } else if (t.error) {
      ++errs;
    } else if (t.fail) {
      ++fail;
    } else {
      ++pass;
    }
    if (verbose || !t.Pass()) {
      if (!last_file.empty() && last_file != t.where.file) out += "\n";
      out += t.where.file + ":" + std::to_string(t.where.line) + ":\n";
      last_file = t.where.file;
      dirty = true;
      out += t.package + "." + t.name + ": " + Outcome(t);
      if (!t.skip) out += " (" + policy::GoDuration(t.duration_ns) + ")";
      out += "\n";
      if (!t.output.empty()) {
        std::string_view o = t.output;
        while (!o.empty() && o.back() == '\n') o.remove_suffix(1);
        out += "\n" + Indent(o, "  ") + "\n\n";
      }
    }
    if (t.error) out += "  " + t.error->ToString() + "\n";
  }
  if (dirty) out += std::string(80, '-') + "\n";
  int total = pass + fail + skip + errs;
  auto count = [&](std::string_view label, int n) {
    if (n != 0)
      out += std::string(label) + ": " + std::to_string(n) + "/" + std::to_string(total) + "\n";
  };
  count("PASS", pass);
  count("FAIL", fail);
  count("SKIPPED", skip);
  count("ERROR", errs);
  return out;
}

void WriteLocation(report::JsonWriter* w, const SourceLocation& where) {
  w->BeginObject();
  w->Member("file", where.file);
  w->Member("row", where.line);
  w->Member("col", where.col);
  w->EndObject();
}

// OPA's JSONReporter: the tester.Result structs as encoding/json writes them.
std::string Json(const std::vector<TestResult>& results) {
  std::string out;
  report::JsonWriter w(&out, 2);
  w.BeginArray();
  for (const TestResult& t : results) {
    w.BeginObject();
    if (t.error) {
      w.Key("error");
      w.BeginObject();
      w.Member("code", t.error->code);
      w.Member("message", t.error->message);
      if (t.error->where.line > 0) {
        w.Key("location");
        WriteLocation(&w, t.error->where);
      }
      w.EndObject();
    }
    w.Key("location");
    WriteLocation(&w, t.where);
    w.Member("package", t.package);
    w.Member("name", t.name);
    if (!t.output.empty()) w.Member("output", Base64Encode(t.output));
    w.Member("duration", t.duration_ns);
    if (t.fail) w.Member("fail", true);
    if (t.skip) w.Member("skip", true);
    w.EndObject();
  }
  w.EndArray();
  out += "\n";
  return out;
}

// Consecutive lines as OPA's cover.Range list.
void WriteRanges(report::JsonWriter* w, std::string_view key, const std::vector<int>& lines) {
  if (lines.empty()) return;
  w->Key(key);
  w->BeginArray();
  for (size_t i = 0; i < lines.size();) {
    size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] == lines[j] + 1) ++j;
    w->BeginObject();
    w->Key("start");
    w->BeginObject();
    w->Member("row", lines[i]);
    w->EndObject();
    w->Key("end");
    w->BeginObject();
    w->Member("row", lines[j]);
    w->EndObject();
    w->EndObject();
    i = j + 1;
  }
  w->EndArray();
}

// Percent with two decimals, as cover.Report rounds it.
void WritePercent(report::JsonWriter* w, std::string_view key, int covered, int total) {
  double pct = total == 0 ? 0 : std::round(10000.0 * covered / total) / 100.0;
  w->Key(key);
  w->Value(golden::Value::Num(*Number::FromDouble(pct)));
}

// OPA's cover.Report as JSON: per file the covered and not covered line ranges and counts.
std::string CoverageJson(const std::vector<rego::FileCoverage>& files) {
  std::map<std::string, const rego::FileCoverage*> by_name;
  for (const rego::FileCoverage& f : files) by_name[f.file] = &f;
  std::string out;
  report::JsonWriter w(&out, 2);
  int covered = 0, not_covered = 0;
  w.BeginObject();
  w.Key("files");
  w.BeginObject();
  for (const auto& [name, f] : by_name) {
    int c = static_cast<int>(f->covered.size());
    int n = static_cast<int>(f->not_covered.size());
    covered += c;
    not_covered += n;
    w.Key(name);
    w.BeginObject();
    WriteRanges(&w, "covered", f->covered);
    WriteRanges(&w, "not_covered", f->not_covered);
    if (c > 0) w.Member("covered_lines", c);
    if (n > 0) w.Member("not_covered_lines", n);
    if (c > 0) WritePercent(&w, "coverage", c, c + n);
    w.EndObject();
  }
  w.EndObject();
  w.Member("covered_lines", covered);
  w.Member("not_covered_lines", not_covered);
  WritePercent(&w, "coverage", covered, covered + not_covered);
  w.EndObject();
  out += "\n";
  return out;
}

int Test(const Flags& flags) {
  if (flags.format != "pretty" && flags.format != "json") {
    std::fprintf(stderr, "golden test: --format must be pretty or json\n");
    return kExitUsage;
  }
  std::vector<LoadError> load_errors;
  std::vector<std::string> paths =
      flags.paths.empty() ? std::vector<std::string>{"."} : flags.paths;
  LoadedFiles loaded = LoadPaths(paths, &load_errors);
  std::vector<OutputError> errors;
  for (const LoadError& e : load_errors) {
    errors.push_back(PlainOutputError(
        e.message.find(e.file) == std::string::npos ? e.file + ": " + e.message : e.message));
  }
  if (errors.empty()) {
    rego::EngineOptions eo;
    eo.v0_compatible = flags.v0_compatible;
    eo.rename_duplicate_tests = true;
    rego::Engine engine(eo);
    for (auto& [name, text] : loaded.modules) engine.AddModule(name, std::move(text));
    engine.SetData(std::move(loaded.data));
    rego::CompileResult compiled = engine.Compile();
    if (!compiled.policy) {
      for (const rego::Diagnostic& d : compiled.errors) errors.push_back(ToOutputError(d));
    } else {
      rego::CoverageCollector hits;
      policy::TestOptions options;
      options.run = flags.run;
      options.threads = flags.jobs;
      if (flags.coverage) options.coverage = &hits;
      auto results = policy::RunTests(*compiled.policy, options);
      if (!results.ok()) {
        std::fprintf(stderr, "golden test: %s\n", results.status().message().c_str());
        return kExitUsage;
      }
      bool failed = false;
      for (const TestResult& t : *results) failed = failed || t.fail || t.error;
      std::string text;
      if (flags.coverage && !failed) {
        text = CoverageJson(compiled.policy->Coverage(hits));
      } else if (flags.format == "json" && !flags.coverage) {
        text = Json(*results);
      } else {
        // With --coverage, failures are shown as OPA shows them: the pretty report.
        text = Pretty(*results, flags.verbose);
      }
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
      if (results->empty()) {
        std::fprintf(stderr, "no test cases found\n");
        return kExitViolations;
      }
      return failed ? kExitViolations : kExitOk;
    }
  }
  std::string text = ErrorsText(errors);
  if (text.empty() || text.back() != '\n') text += '\n';
  std::fwrite(text.data(), 1, text.size(), stderr);
  return kExitUsage;
}

}  // namespace

int RunTest(const GlobalOptions&, std::span<const std::string> args) {
  CLI::App app{
      "Runs the test_* rules of Rego files (compatible with `opa test`): every rule whose name "
      "starts with test_ must be true; todo_test_ rules are skipped. Tests mock data and input "
      "with `with`.\n"
      "Exit status: 0 every test passed, 1 a test failed or raised an error (or there was "
      "none), 2 a file could not be loaded or compiled.",
      "golden test"};
  Flags flags;
  app.add_option("PATH", flags.paths, "files or folders of .rego, .json and .yaml (default: .)")
      ->type_name("");
  app.add_flag("-v,--verbose", flags.verbose, "list every test, not only failures");
  app.add_option("-r,--run", flags.run, "only tests whose full name matches REGEX")
      ->type_name("REGEX");
  app.add_option("-f,--format", flags.format, "pretty or json (default pretty)")
      ->type_name("FORMAT");
  app.add_flag("--v0-compatible", flags.v0_compatible, "parse the files as Rego v0");
  app.add_flag("-c,--coverage", flags.coverage,
               "print the line coverage of every file as JSON (as opa test --coverage)");
  app.add_option("-j,--jobs", flags.jobs, "tests run in parallel (default: all cores)")
      ->type_name("N");
  return ParseAndRun(app, "test", args, [&flags] { return Test(flags); });
}

}  // namespace golden::cli
