// golden eval: evaluate a Rego query against policies, data and input, with `opa eval`'s
// flags, output formats and exit codes.

#include "cli/cmd_eval.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <vector>

#include "base/fs.h"
#include "cli/commands.h"
#include "cli/eval_output.h"
#include "cli/rego_loader.h"
#include "rego/rego.h"

namespace golden::cli {

namespace {

constexpr char kUsage[] =
    "usage: golden eval [flags] QUERY\n"
    "\n"
    "Evaluates a Rego query, as `opa eval` does.\n"
    "\n"
    "flags:\n"
    "  -d, --data PATH            load policies (.rego) and data (.json, .yaml); folders are\n"
    "                             loaded recursively, data at the path of its folder\n"
    "  -i, --input FILE           the input document (JSON or YAML)\n"
    "  -I, --stdin-input          read the input document from standard input\n"
    "  -f, --format FORMAT        json (default), values, bindings, pretty, raw, discard\n"
    "      --package NAME         resolve the query's names in this package\n"
    "      --import IMPORT        an import for the query (repeatable)\n"
    "      --v0-compatible        parse modules and the query as Rego v0\n"
    "      --strict-builtin-errors  stop on the first builtin error\n"
    "      --allow-net            let builtins reach the network (net.lookup_ip_addr of\n"
    "                             names, http.send); off by default\n"
    "      --fail                 exit 1 when the result is undefined\n"
    "      --fail-defined         exit 1 when the result is defined\n"
    "\n"
    "exit status: 0 success, 1 --fail/--fail-defined met, 2 a parse, compile or evaluation\n"
    "error, or bad flags\n";

struct Flags {
  std::vector<std::string> data;
  std::optional<std::string> input_file;
  bool stdin_input = false;
  EvalFormat format = EvalFormat::kJson;
  std::string package;
  std::vector<std::string> imports;
  bool v0 = false;
  bool strict_builtin_errors = false;
  bool allow_net = false;
  bool fail = false;
  bool fail_defined = false;
  std::optional<std::string> query;
};

// Parses flags in the forms `-d x`, `--data x` and `--data=x`. Returns an error message.
std::optional<std::string> ParseFlags(std::span<const std::string> args, Flags* f, bool* help) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    std::optional<std::string> inline_value;
    if (a.size() > 2 && a.starts_with("--")) {
      if (size_t eq = a.find('='); eq != std::string::npos) {
        inline_value = a.substr(eq + 1);
        a = a.substr(0, eq);
      }
    }
    auto value = [&](std::string* out) -> std::optional<std::string> {
      if (inline_value) {
        *out = *inline_value;
        return std::nullopt;
      }
      if (i + 1 >= args.size()) return "flag needs an argument: " + a;
      *out = args[++i];
      return std::nullopt;
    };
    auto flag = [&](bool* out) -> std::optional<std::string> {
      if (!inline_value || *inline_value == "true") {
        *out = true;
      } else if (*inline_value == "false") {
        *out = false;
      } else {
        return "invalid value for " + a + ": " + *inline_value;
      }
      return std::nullopt;
    };
    std::optional<std::string> err;
    std::string v;
    if (a == "-h" || a == "--help") {
      *help = true;
      return std::nullopt;
    } else if (a == "-d" || a == "--data") {
      if (!(err = value(&v))) f->data.push_back(v);
    } else if (a == "-i" || a == "--input") {
      if (!(err = value(&v))) f->input_file = v;
    } else if (a == "-I" || a == "--stdin-input") {
      err = flag(&f->stdin_input);
    } else if (a == "-f" || a == "--format") {
      if (!(err = value(&v))) {
        std::optional<EvalFormat> fmt = ParseEvalFormat(v);
        if (!fmt) return "invalid argument \"" + v + "\" for \"" + a + "\" flag: unknown format";
        f->format = *fmt;
      }
    } else if (a == "--package") {
      err = value(&f->package);
    } else if (a == "--import") {
      if (!(err = value(&v))) f->imports.push_back(v);
    } else if (a == "--v0-compatible") {
      err = flag(&f->v0);
    } else if (a == "--strict-builtin-errors") {
      err = flag(&f->strict_builtin_errors);
    } else if (a == "--allow-net") {
      err = flag(&f->allow_net);
    } else if (a == "--fail") {
      err = flag(&f->fail);
    } else if (a == "--fail-defined") {
      err = flag(&f->fail_defined);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown flag: " + a;
    } else {
      if (f->query) return "specify exactly one query argument";
      f->query = a;
    }
    if (err) return err;
  }
  if (!f->query) return "specify exactly one query argument";
  if (f->input_file && f->stdin_input) return "specify --input or --stdin-input, not both";
  if (f->fail && f->fail_defined) return "specify --fail or --fail-defined, not both";
  return std::nullopt;
}

Value ProcessEnvironment() {
  std::vector<Value::Entry> entries;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    entries.push_back({Value::String(kv.substr(0, eq)), Value::String(kv.substr(eq + 1))});
  }
  return Value::Object(std::move(entries));
}

}  // namespace

int RunEvalWith(std::span<const std::string> args, EvalStreams* io) {
  Flags flags;
  bool help = false;
  if (std::optional<std::string> err = ParseFlags(args, &flags, &help)) {
    io->err += "golden eval: " + *err + "\n\n" + kUsage;
    return kExitUsage;
  }
  if (help) {
    io->out += kUsage;
    return kExitOk;
  }

  EvalOutput output;
  auto finish = [&](bool defined) {
    io->out += FormatEvalOutput(output, flags.format);
    // As `opa eval`: a parse, compile or evaluation error exits 2 (cmd/eval.go), so a script
    // using --fail can tell "undefined" (1) from "broken" (2).
    if (!output.errors.empty()) return static_cast<int>(kExitUsage);
    if (flags.fail && !defined) return static_cast<int>(kExitViolations);
    if (flags.fail_defined && defined) return static_cast<int>(kExitViolations);
    return static_cast<int>(kExitOk);
  };

  std::vector<LoadError> load_errors;
  LoadedFiles loaded = LoadPaths(flags.data, &load_errors);
  std::optional<Value> input;
  if (flags.input_file || flags.stdin_input) {
    std::string name = flags.input_file ? *flags.input_file : "<stdin>";
    Result<std::string> text = flags.input_file ? ReadFile(*flags.input_file)
                                                : Result<std::string>(io->stdin_text);
    if (!text.ok()) {
      load_errors.push_back({name, text.status().message()});
    } else {
      Result<Value> v = ParseDocument(*text, name);
      if (!v.ok()) {
        load_errors.push_back({name, v.status().message()});
      } else {
        input = std::move(*v);
      }
    }
  }
  for (const LoadError& e : load_errors) {
    output.errors.push_back(PlainOutputError(e.message.find(e.file) == std::string::npos
                                                 ? e.file + ": " + e.message
                                                 : e.message));
  }
  if (!output.errors.empty()) return finish(false);

  rego::EngineOptions eopts;
  eopts.v0_compatible = flags.v0;
  // opa.runtime() as `opa eval` answers it: the engine's description and the environment.
  eopts.builtins.runtime_info = true;
  eopts.builtins.env = ProcessEnvironment();
  eopts.builtins.allow_net = flags.allow_net;
  rego::Engine engine(eopts);
  for (auto& [name, text] : loaded.modules) engine.AddModule(name, std::move(text));
  engine.SetData(std::move(loaded.data));
  rego::CompileResult compiled = engine.Compile();
  if (!compiled.policy) {
    for (const rego::Diagnostic& d : compiled.errors) output.errors.push_back(ToOutputError(d));
    return finish(false);
  }
  rego::QueryOptions qopts;
  qopts.package = flags.package;
  qopts.imports = flags.imports;
  auto prepared = compiled.policy->Prepare(*flags.query, qopts);
  if (auto* diags = std::get_if<std::vector<rego::Diagnostic>>(&prepared)) {
    for (const rego::Diagnostic& d : *diags) output.errors.push_back(ToOutputError(d));
    return finish(false);
  }
  rego::EvalOptions options;
  options.strict_builtin_errors = flags.strict_builtin_errors;
  options.print = [io](std::string_view line) {
    io->err += line;
    io->err += '\n';
  };
  rego::EvalResult r = std::get<rego::PreparedQuery>(prepared).Eval(input, options);
  if (r.error) {
    output.errors.push_back(ToOutputError(*r.error));
    return finish(false);
  }
  output.results = std::move(r.results);
  return finish(!output.results.empty());
}

int RunEval(const GlobalOptions&, std::span<const std::string> args) {
  EvalStreams io;
  bool wants_stdin = false;
  for (const std::string& a : args) {
    if (a == "-I" || a == "--stdin-input" || a == "--stdin-input=true") wants_stdin = true;
  }
  if (wants_stdin) {
    io.stdin_text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  int code = RunEvalWith(args, &io);
  std::fwrite(io.err.data(), 1, io.err.size(), stderr);
  std::fwrite(io.out.data(), 1, io.out.size(), stdout);
  std::fflush(stdout);
  return code;
}

}  // namespace golden::cli
