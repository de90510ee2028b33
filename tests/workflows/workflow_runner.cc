#include "workflows/workflow_runner.h"

#include <fnmatch.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "testing/subprocess.h"
#include "testing/temp_dir.h"
#include "value/yaml.h"

namespace golden::testing {

namespace fs = std::filesystem;

namespace {

// gh: records its arguments (one line per call) and keeps each --body-file; `issue list`
// prints the issues the test set.
constexpr std::string_view kGhStub = R"(#!/bin/bash
set -eu
printf '%s\n' "$*" >> "$STUB_DIR/gh.log"
n=$(wc -l < "$STUB_DIR/gh.log")
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = --body-file ]; then cp "${args[$((i + 1))]}" "$STUB_DIR/gh-body-$n.md"; fi
done
if [ "$1 $2" = "issue list" ]; then cat "$STUB_DIR/gh-issues.json"; fi
)";

// apt-get: records its arguments; the packages are there already.
constexpr std::string_view kAptStub = R"(#!/bin/bash
printf '%s\n' "$*" >> "$STUB_DIR/apt.log"
)";

// curl: serves the last path component of the URL from $RELEASE_DIR (as -o FILE), 404 else.
constexpr std::string_view kCurlStub = R"(#!/bin/bash
set -eu
out= url=
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift ;;
    http*) url=$1 ;;
  esac
  shift
done
printf '%s\n' "$url" >> "$STUB_DIR/curl.log"
src="$RELEASE_DIR/${url##*/}"
if [ ! -f "$src" ]; then echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; fi
cp "$src" "$out"
)";

// upload-artifact: copies each path (globs expanded; folders by content) into the artifact.
constexpr std::string_view kUploadScript = R"(set -euo pipefail
dest=$1; shift
mkdir -p "$dest"
shopt -s nullglob
for pattern in "$@"; do
  for p in $pattern; do
    if [ -d "$p" ]; then cp -r "$p"/. "$dest"/; else cp --parents "$p" "$dest"/; fi
  done
done
)";

void WriteText(const fs::path& file, std::string_view text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  EXPECT_TRUE(out.good()) << "cannot write " << file;
}

std::string Scalar(const Value* v) {
  if (v == nullptr || v->IsNull()) return "";
  if (v->IsString()) return std::string(v->GetString());
  if (v->IsBool()) return v->IsTrue() ? "true" : "false";
  if (v->IsNumber()) return v->GetNumber().ToString();
  ADD_FAILURE() << "not a scalar: " << v->TypeName();
  return "";
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitOn(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  size_t pos;
  while ((pos = s.find(sep)) != std::string_view::npos) {
    out.push_back(std::string(s.substr(0, pos)));
    s.remove_prefix(pos + sep.size());
  }
  out.push_back(std::string(s));
  return out;
}

// "name=value" lines and "name<<DELIM ... DELIM" blocks, as the runner reads $GITHUB_OUTPUT.
std::map<std::string, std::string> ParseOutputFile(const fs::path& file) {
  std::map<std::string, std::string> out;
  if (!fs::exists(file)) return out;
  std::vector<std::string> lines = SplitOn(ReadFileOrDie(file), "\n");
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) continue;
    size_t heredoc = line.find("<<");
    size_t eq = line.find('=');
    if (heredoc != std::string::npos && (eq == std::string::npos || heredoc < eq)) {
      std::string name = line.substr(0, heredoc), delim = line.substr(heredoc + 2), value;
      for (++i; i < lines.size() && lines[i] != delim; ++i) {
        value += (value.empty() ? "" : "\n") + lines[i];
      }
      out[name] = value;
    } else if (eq != std::string::npos) {
      out[line.substr(0, eq)] = line.substr(eq + 1);
    } else {
      ADD_FAILURE() << file << ": not an output line: " << line;
    }
  }
  return out;
}

}  // namespace

struct WorkflowRunner::Context {
  std::map<std::string, std::string> matrix, inputs, env, github;
  std::map<std::string, std::map<std::string, std::string>> step_outputs;
  std::map<std::string, std::string> step_outcomes;
  bool failed = false;

  std::string Resolve(std::string_view ref_in) const {
    std::string ref = Trim(ref_in);
    if (ref.size() >= 2 && ref.front() == '\'' && ref.back() == '\'') {
      return ref.substr(1, ref.size() - 2);
    }
    std::vector<std::string> parts = SplitOn(ref, ".");
    auto from = [&](const std::map<std::string, std::string>& m, const std::string& key) {
      auto it = m.find(key);
      return it == m.end() ? std::string() : it->second;
    };
    if (parts.size() == 2 && parts[0] == "matrix") return from(matrix, parts[1]);
    if (parts.size() == 2 && parts[0] == "inputs") return from(inputs, parts[1]);
    if (parts.size() == 2 && parts[0] == "env") return from(env, parts[1]);
    if (parts.size() == 2 && parts[0] == "github") return from(github, parts[1]);
    if (parts.size() == 4 && parts[0] == "steps" && parts[2] == "outputs") {
      auto it = step_outputs.find(parts[1]);
      return it == step_outputs.end() ? std::string() : from(it->second, parts[3]);
    }
    if (parts.size() == 3 && parts[0] == "steps" && parts[2] == "outcome") {
      return from(step_outcomes, parts[1]);
    }
    ADD_FAILURE() << "the workflow runner does not know the expression '" << ref << "'";
    return "";
  }

  // `${{ ... }}` replaced by their values.
  std::string Substitute(std::string_view text) const {
    std::string out;
    size_t pos;
    while ((pos = text.find("${{")) != std::string_view::npos) {
      size_t end = text.find("}}", pos);
      if (end == std::string_view::npos) break;
      out.append(text.substr(0, pos));
      out += Resolve(text.substr(pos + 3, end - pos - 3));
      text.remove_prefix(end + 2);
    }
    out.append(text);
    return out;
  }

  bool Condition(const Value* if_value) const {
    if (if_value == nullptr) return !failed;
    std::string expr = Trim(Scalar(if_value));
    if (expr.starts_with("${{") && expr.ends_with("}}"))
      expr = Trim(expr.substr(3, expr.size() - 5));
    bool has_status = false;
    bool result = true;
    for (const std::string& raw : SplitOn(expr, "&&")) {
      std::string term = Trim(raw);
      bool value;
      if (term == "!cancelled()" || term == "always()") {
        has_status = true;
        value = true;
      } else if (term == "success()") {
        has_status = true;
        value = !failed;
      } else if (term == "failure()") {
        has_status = true;
        value = failed;
      } else if (size_t eq = term.find("=="); eq != std::string::npos) {
        value = Resolve(term.substr(0, eq)) == Resolve(term.substr(eq + 2));
      } else if (size_t ne = term.find("!="); ne != std::string::npos) {
        value = Resolve(term.substr(0, ne)) != Resolve(term.substr(ne + 2));
      } else {
        value = !Resolve(term).empty();
      }
      result = result && value;
    }
    // As GitHub does: without a status function, `if:` means success() && (...).
    return has_status ? result : result && !failed;
  }
};

const StepRun* WorkflowRun::Find(std::string_view id_or_name, std::string_view job) const {
  for (const StepRun& s : steps) {
    if (!job.empty() && s.job != job) continue;
    if (s.id == id_or_name || s.name == id_or_name) return &s;
  }
  return nullptr;
}

WorkflowRunner::WorkflowRunner(fs::path workspace, fs::path scratch, fs::path release_dir)
    : workspace_(std::move(workspace)),
      scratch_(std::move(scratch)),
      release_dir_(std::move(release_dir)),
      stubs_(scratch_ / "stubs"),
      artifacts_(scratch_ / "artifacts") {
  fs::create_directories(stubs_ / "bin");
  fs::create_directories(scratch_ / "home");
  fs::create_directories(scratch_ / "runner-temp");
  for (auto [name, text] :
       {std::pair{"gh", kGhStub}, std::pair{"apt-get", kAptStub}, std::pair{"curl", kCurlStub}}) {
    fs::path file = stubs_ / "bin" / name;
    WriteText(file, text);
    fs::permissions(file, fs::perms::owner_all);
  }
  WriteText(stubs_ / "gh.log", "");
  WriteText(stubs_ / "apt.log", "");
  SetOpenIssues("[]");
}

void WorkflowRunner::SetOpenIssues(const std::string& json) {
  WriteText(stubs_ / "gh-issues.json", json);
}

std::vector<std::string> WorkflowRunner::GhCalls() const {
  std::vector<std::string> lines = SplitOn(ReadFileOrDie(stubs_ / "gh.log"), "\n");
  lines.pop_back();  // after the last newline
  return lines;
}

std::string WorkflowRunner::GhBody(size_t index) const {
  fs::path file = stubs_ / ("gh-body-" + std::to_string(index + 1) + ".md");
  return fs::exists(file) ? ReadFileOrDie(file) : "";
}

std::vector<std::string> WorkflowRunner::AptCalls() const {
  std::vector<std::string> lines = SplitOn(ReadFileOrDie(stubs_ / "apt.log"), "\n");
  lines.pop_back();
  return lines;
}

WorkflowRun WorkflowRunner::Run(const std::string& workflow_file,
                                const std::map<std::string, std::vector<std::string>>& matrix,
                                const std::map<std::string, std::string>& env_override) {
  WorkflowRun run;
  auto parsed = ParseYaml(ReadFileOrDie(workspace_ / workflow_file), workflow_file);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  if (!parsed.ok()) return run;
  const Value& wf = *parsed;
  std::map<std::string, std::string> env;
  if (const Value* e = wf.Find("env")) {
    for (const Value::Entry& entry : e->GetObject()) {
      env[std::string(entry.key.GetString())] = Scalar(&entry.value);
    }
  }
  for (const auto& [k, v] : env_override) env[k] = v;

  // Jobs in `needs` order (ties by id).
  const Value& jobs = *wf.Find("jobs");
  std::set<std::string> done;
  std::map<std::string, bool> job_ok;
  while (done.size() < jobs.Size()) {
    bool progressed = false;
    for (const Value::Entry& entry : jobs.GetObject()) {
      std::string id(entry.key.GetString());
      if (done.count(id)) continue;
      std::vector<std::string> needs;
      if (const Value* n = entry.value.Find("needs")) {
        if (n->IsArray()) {
          for (const Value& x : n->GetArray()) needs.push_back(Scalar(&x));
        } else {
          needs.push_back(Scalar(n));
        }
      }
      if (!std::all_of(needs.begin(), needs.end(),
                       [&](const std::string& n) { return done.count(n) > 0; })) {
        continue;
      }
      Context job_ctx;
      job_ctx.failed =
          std::any_of(needs.begin(), needs.end(), [&](const std::string& n) { return !job_ok[n]; });
      bool ok = true;
      if (job_ctx.Condition(entry.value.Find("if"))) {
        // The matrix: one key with a list of values (what these workflows use).
        std::vector<std::map<std::string, std::string>> combos = {{}};
        if (const Value* m = entry.value.FindPath({"strategy", "matrix"})) {
          EXPECT_EQ(m->Size(), 1u) << id << ": one matrix key is supported";
          std::string key(m->GetObject()[0].key.GetString());
          std::vector<std::string> values;
          if (auto it = matrix.find(key); it != matrix.end()) {
            values = it->second;
          } else {
            for (const Value& x : m->GetObject()[0].value.GetArray()) values.push_back(Scalar(&x));
          }
          combos.clear();
          for (const std::string& v : values) combos.push_back({{key, v}});
        }
        for (const auto& combo : combos) {
          size_t before = run.steps.size();
          RunJob(wf, id, entry.value, combo, env, &run);
          std::string name = run.steps.size() > before ? run.steps.back().job : id;
          ok = ok && !run.job_failed[name];
        }
      }
      job_ok[id] = ok;
      done.insert(id);
      progressed = true;
    }
    EXPECT_TRUE(progressed) << "jobs with unsatisfiable needs in " << workflow_file;
    if (!progressed) break;
  }
  return run;
}

void WorkflowRunner::RunJob(const Value& workflow, const std::string& job_id, const Value& job,
                            const std::map<std::string, std::string>& matrix_values,
                            const std::map<std::string, std::string>& workflow_env,
                            WorkflowRun* run) {
  (void)workflow;
  std::string job_name = job_id;
  if (!matrix_values.empty()) job_name += " (" + matrix_values.begin()->second + ")";
  Context ctx;
  ctx.matrix = matrix_values;
  ctx.github = {{"run_id", "4242"},
                {"token", "ghs_test"},
                {"repository", "acme/governance"},
                {"workspace", workspace_.string()}};
  ctx.env = workflow_env;
  if (const Value* e = job.Find("env")) {
    for (const Value::Entry& entry : e->GetObject()) {
      ctx.env[std::string(entry.key.GetString())] = ctx.Substitute(Scalar(&entry.value));
    }
  }
  std::vector<std::string> extra_path;
  std::string& summary = run->summaries[job_name];
  run->job_failed[job_name] = false;

  // Runs one `run:` script (of the job, or of a composite action with `inputs`).
  auto run_script = [&](const std::string& script, const std::map<std::string, std::string>& env,
                        StepRun* step) {
    int n = ++step_counter_;
    fs::path dir = scratch_ / "steps" / std::to_string(n);
    fs::create_directories(dir);
    WriteText(dir / "script.sh", script);
    std::map<std::string, std::string> full = env;
    std::string path = (stubs_ / "bin").string();
    for (const std::string& p : extra_path) path += ":" + p;
    full["PATH"] = path + ":/usr/bin:/bin";
    full["HOME"] = (scratch_ / "home").string();
    full["RUNNER_TEMP"] = (scratch_ / "runner-temp").string();
    full["GITHUB_WORKSPACE"] = workspace_.string();
    full["GITHUB_ACTIONS"] = "true";
    full["CI"] = "true";
    full["LANG"] = "C.UTF-8";
    full["SOURCE_DATE_EPOCH"] = "1767225600";
    full["STUB_DIR"] = stubs_.string();
    full["RELEASE_DIR"] = release_dir_.string();
    for (const char* f : {"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH", "GITHUB_ENV"}) {
      full[f] = (dir / f).string();
      WriteText(dir / f, "");
    }
    // What the runner runs for `shell: bash`.
    ProcessResult r = RunProcess(
        {"/bin/bash", "--noprofile", "--norc", "-eo", "pipefail", (dir / "script.sh").string()},
        full, workspace_);
    step->exit_code = r.exit_code;
    step->out += r.out;
    step->err += r.err;
    std::map<std::string, std::string> outputs = ParseOutputFile(dir / "GITHUB_OUTPUT");
    step->outputs.insert(outputs.begin(), outputs.end());
    summary += ReadFileOrDie(dir / "GITHUB_STEP_SUMMARY");
    for (const std::string& p : SplitOn(ReadFileOrDie(dir / "GITHUB_PATH"), "\n")) {
      if (!p.empty()) extra_path.insert(extra_path.begin(), p);
    }
  };
  auto step_env = [&](const Value& step, const Context& c) {
    std::map<std::string, std::string> env = c.env;
    if (const Value* e = step.Find("env")) {
      for (const Value::Entry& entry : e->GetObject()) {
        env[std::string(entry.key.GetString())] = c.Substitute(Scalar(&entry.value));
      }
    }
    return env;
  };

  for (const Value& step : job.Find("steps")->GetArray()) {
    StepRun s;
    s.job = job_name;
    s.id = Scalar(step.Find("id"));
    std::string uses = Scalar(step.Find("uses"));
    std::string script = Scalar(step.Find("run"));
    s.name = Scalar(step.Find("name"));
    if (s.name.empty()) s.name = !uses.empty() ? uses : SplitOn(script, "\n")[0];
    ctx.failed = run->job_failed[job_name];
    s.ran = ctx.Condition(step.Find("if"));
    if (s.ran) {
      std::map<std::string, std::string> with;
      if (const Value* w = step.Find("with")) {
        for (const Value::Entry& entry : w->GetObject()) {
          with[std::string(entry.key.GetString())] = ctx.Substitute(Scalar(&entry.value));
        }
      }
      if (!script.empty()) {
        run_script(script, step_env(step, ctx), &s);
      } else if (uses.starts_with("actions/checkout@")) {
        // The workspace is the checkout.
      } else if (uses == "./.github/actions/setup-golden") {
        auto action =
            ParseYaml(ReadFileOrDie(workspace_ / ".github/actions/setup-golden/action.yml"));
        EXPECT_TRUE(action.ok());
        Context inner = ctx;
        for (const Value::Entry& input : action->Find("inputs")->GetObject()) {
          std::string key(input.key.GetString());
          inner.inputs[key] = with.count(key) ? with[key] : Scalar(input.value.Find("default"));
        }
        for (const Value& inner_step : action->FindPath({"runs", "steps"})->GetArray()) {
          EXPECT_EQ(Scalar(inner_step.Find("shell")), "bash");
          run_script(Scalar(inner_step.Find("run")), step_env(inner_step, inner), &s);
          if (s.exit_code != 0) break;
        }
      } else if (uses.starts_with("actions/upload-artifact@")) {
        std::vector<std::string> args = {"/bin/bash", "-c", std::string(kUploadScript), "upload",
                                         (artifacts_ / with["name"]).string()};
        for (const std::string& p : SplitOn(with["path"], "\n")) {
          if (!Trim(p).empty()) args.push_back(Trim(p));
        }
        ProcessResult r = RunProcess(args, {{"PATH", "/usr/bin:/bin"}}, workspace_);
        s.exit_code = r.exit_code;
        s.err = r.err;
      } else if (uses.starts_with("actions/download-artifact@")) {
        fs::path dest = workspace_ / with["path"];
        fs::create_directories(dest);
        std::error_code ec;
        for (const auto& a : fs::directory_iterator(artifacts_, ec)) {
          std::string name = a.path().filename().string();
          if (::fnmatch(with["pattern"].c_str(), name.c_str(), 0) != 0) continue;
          fs::copy(a.path(), dest,
                   fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        }
      } else if (uses.starts_with("github/codeql-action/upload-sarif@")) {
        run->sarif_uploads.push_back(with["sarif_file"]);
        if (!fs::exists(workspace_ / with["sarif_file"])) s.exit_code = 1;
      } else {
        ADD_FAILURE() << "the workflow runner does not fake " << uses;
        s.exit_code = 1;
      }
      if (s.exit_code != 0) run->job_failed[job_name] = true;
      if (!s.id.empty()) {
        ctx.step_outputs[s.id] = s.outputs;
        ctx.step_outcomes[s.id] = s.exit_code == 0 ? "success" : "failure";
      }
    } else if (!s.id.empty()) {
      ctx.step_outcomes[s.id] = "skipped";
    }
    run->steps.push_back(std::move(s));
  }
}

}  // namespace golden::testing
