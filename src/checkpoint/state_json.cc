// Checkpoint files: writing (JsonWriter, the original's key order) and reading (with the
// checksum and consistency checks). RecordValue and WriteRecord list the same keys: a written
// file must verify when read back, which the tests check for every kind of record.
#include <algorithm>
#include <set>

#include "base/strings.h"
#include "checkpoint/state.h"
#include "report/json_writer.h"
#include "value/json.h"

namespace golden::checkpoint {

namespace {

using report::JsonWriter;
using report::Severity;

constexpr std::string_view kCheckNames[] = {"has_metadata", "has_readme", "has_codeowners",
                                            "has_ci", "has_tests"};

bool ComplianceCheck(const ComplianceChecks& c, size_t i) {
  const bool values[] = {c.has_metadata, c.has_readme, c.has_codeowners, c.has_ci, c.has_tests};
  return values[i];
}

bool* ComplianceCheckSlot(ComplianceChecks* c, size_t i) {
  bool* slots[] = {&c->has_metadata, &c->has_readme, &c->has_codeowners, &c->has_ci, &c->has_tests};
  return slots[i];
}

Value Str(std::string_view s) { return Value::String(s); }

Value NullOr(std::string_view s) { return s.empty() ? Value::Null() : Value::String(s); }

Value NullOr(int line) { return line > 0 ? Value::Int(line) : Value::Null(); }

// The record as a Value (what the checksum covers). `details`: the 3.0 keys too.
Value RecordValue(const RepoRecord& r, bool details) {
  std::vector<Value::Entry> checks;
  for (size_t i = 0; i < std::size(kCheckNames); ++i) {
    checks.push_back({Str(kCheckNames[i]), Value::Bool(ComplianceCheck(r.checks, i))});
  }
  std::vector<Value::Entry> e = {
      {Str("name"), Str(r.name)},
      {Str("organization"), Str(r.organization)},
      {Str("full_name"), Str(r.full_name)},
      {Str("type"), r.type},
      {Str("language"), r.language},
      {Str("tier"), r.tier},
      {Str("status"), r.status},
      {Str("compliant"), Value::Bool(r.compliant)},
      {Str("compliance_checks"), Value::Object(std::move(checks))},
      {Str("files_hash"), Str(r.files_hash)},
  };
  if (details && r.has_details) {
    e.push_back({Str("violations"), Value::Int(r.violations)});
    e.push_back({Str("warnings"), Value::Int(r.warnings)});
    std::vector<Value::Entry> files;
    for (const auto& [path, hash] : r.files) files.push_back({Str(path), Str(hash)});
    e.push_back({Str("files"), Value::Object(std::move(files))});
    std::vector<Value> findings;
    for (const StoredFinding& f : r.findings) {
      findings.push_back(Value::Object({{Str("rule"), Str(f.rule)},
                                        {Str("severity"), Str(report::SeverityName(f.severity))},
                                        {Str("file"), NullOr(f.file)},
                                        {Str("line"), NullOr(f.line)},
                                        {Str("message"), Str(f.message)}}));
    }
    e.push_back({Str("findings"), Value::Array(std::move(findings))});
  }
  return Value::Object(std::move(e));
}

void WriteRecord(JsonWriter* w, const RepoRecord& r, bool details) {
  w->BeginObject();
  w->Member("name", r.name);
  w->Member("organization", r.organization);
  w->Member("full_name", r.full_name);
  w->Key("type");
  w->Value(r.type);
  w->Key("language");
  w->Value(r.language);
  w->Key("tier");
  w->Value(r.tier);
  w->Key("status");
  w->Value(r.status);
  w->Member("compliant", r.compliant);
  w->Key("compliance_checks");
  w->BeginObject();
  for (size_t i = 0; i < std::size(kCheckNames); ++i) {
    w->Member(kCheckNames[i], ComplianceCheck(r.checks, i));
  }
  w->EndObject();
  w->Member("files_hash", r.files_hash);
  if (details && r.has_details) {
    w->Member("violations", r.violations);
    w->Member("warnings", r.warnings);
    w->Key("files");
    w->BeginObject();
    for (const auto& [path, hash] : r.files) w->Member(path, hash);
    w->EndObject();
    w->Key("findings");
    w->BeginArray();
    for (const StoredFinding& f : r.findings) WriteFinding(w, f);
    w->EndArray();
  }
  w->EndObject();
}

// ---- reading ----

// Typed access with errors that name the file and the JSON path of the problem.
class Reader {
 public:
  explicit Reader(std::string_view filename) : filename_(filename) {}

  Status Error(std::string_view path, std::string_view message) const {
    return InvalidArgument(filename_ + ": " + std::string(path) + ": " + std::string(message));
  }

  Result<const Value*> Member(const Value& object, std::string_view key,
                              const std::string& path) const {
    const Value* v = object.Find(key);
    if (v == nullptr) return Error(path, "missing key '" + std::string(key) + "'");
    return v;
  }

  Result<const Value*> Typed(const Value& object, std::string_view key, const std::string& path,
                             Value::Kind kind, std::string_view what) const {
    GOLDEN_ASSIGN_OR_RETURN(const Value* v, Member(object, key, path));
    if (v->kind() != kind) return Error(Join(path, key), "expected " + std::string(what));
    return v;
  }

  Result<std::string> String(const Value& object, std::string_view key,
                             const std::string& path) const {
    GOLDEN_ASSIGN_OR_RETURN(const Value* v,
                            Typed(object, key, path, Value::Kind::kString, "a string"));
    return std::string(v->GetString());
  }

  Result<bool> Bool(const Value& object, std::string_view key, const std::string& path) const {
    GOLDEN_ASSIGN_OR_RETURN(const Value* v,
                            Typed(object, key, path, Value::Kind::kBool, "true or false"));
    return v->GetBool();
  }

  Result<int> Count(const Value& v, const std::string& path) const {
    auto i = v.AsInt64();
    if (!v.IsNumber() || !i || *i < 0 || *i > (int64_t{1} << 31) - 1) {
      return Error(path, "expected a whole number");
    }
    return static_cast<int>(*i);
  }

  Result<int> Count(const Value& object, std::string_view key, const std::string& path) const {
    GOLDEN_ASSIGN_OR_RETURN(const Value* v, Member(object, key, path));
    return Count(*v, Join(path, key));
  }

  Value ValueOr(const Value& object, std::string_view key) const {
    const Value* v = object.Find(key);
    return v ? *v : Value();
  }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

 private:
  std::string filename_;
};

Result<Severity> ParseSeverity(std::string_view name) {
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) {
    if (report::SeverityName(s) == name) return s;
  }
  return InvalidArgument("unknown severity");
}

Result<RepoRecord> ParseRecord(const Reader& rd, const Value& v, const std::string& path,
                               bool details) {
  if (!v.IsObject()) return rd.Error(path, "expected an object");
  RepoRecord r;
  GOLDEN_ASSIGN_OR_RETURN(r.name, rd.String(v, "name", path));
  GOLDEN_ASSIGN_OR_RETURN(r.organization, rd.String(v, "organization", path));
  GOLDEN_ASSIGN_OR_RETURN(r.full_name, rd.String(v, "full_name", path));
  r.type = rd.ValueOr(v, "type");
  r.language = rd.ValueOr(v, "language");
  r.tier = rd.ValueOr(v, "tier");
  r.status = rd.ValueOr(v, "status");
  GOLDEN_ASSIGN_OR_RETURN(r.compliant, rd.Bool(v, "compliant", path));
  GOLDEN_ASSIGN_OR_RETURN(const Value* checks, rd.Typed(v, "compliance_checks", path,
                                                        Value::Kind::kObject, "an object"));
  std::string checks_path = Reader::Join(path, "compliance_checks");
  for (size_t i = 0; i < std::size(kCheckNames); ++i) {
    GOLDEN_ASSIGN_OR_RETURN(*ComplianceCheckSlot(&r.checks, i),
                            rd.Bool(*checks, kCheckNames[i], checks_path));
  }
  GOLDEN_ASSIGN_OR_RETURN(r.files_hash, rd.String(v, "files_hash", path));
  r.has_details = details;
  if (!details) return r;
  GOLDEN_ASSIGN_OR_RETURN(r.violations, rd.Count(v, "violations", path));
  GOLDEN_ASSIGN_OR_RETURN(r.warnings, rd.Count(v, "warnings", path));
  GOLDEN_ASSIGN_OR_RETURN(const Value* files,
                          rd.Typed(v, "files", path, Value::Kind::kObject, "an object"));
  for (const auto& e : files->GetObject()) {
    if (!e.key.IsString() || !e.value.IsString()) {
      return rd.Error(Reader::Join(path, "files"), "expected file paths mapped to hashes");
    }
    r.files.emplace_back(e.key.GetString(), e.value.GetString());
  }
  GOLDEN_ASSIGN_OR_RETURN(const Value* findings,
                          rd.Typed(v, "findings", path, Value::Kind::kArray, "an array"));
  for (size_t i = 0; i < findings->GetArray().size(); ++i) {
    const Value& f = findings->GetArray()[i];
    std::string fpath = Reader::Join(path, "findings") + "[" + std::to_string(i) + "]";
    if (!f.IsObject()) return rd.Error(fpath, "expected an object");
    StoredFinding sf;
    GOLDEN_ASSIGN_OR_RETURN(sf.rule, rd.String(f, "rule", fpath));
    GOLDEN_ASSIGN_OR_RETURN(std::string severity, rd.String(f, "severity", fpath));
    auto parsed = ParseSeverity(severity);
    if (!parsed.ok()) return rd.Error(Reader::Join(fpath, "severity"), "unknown severity");
    sf.severity = *parsed;
    Value file = rd.ValueOr(f, "file");
    if (file.IsString()) sf.file = std::string(file.GetString());
    Value line = rd.ValueOr(f, "line");
    if (line.IsNumber()) {
      GOLDEN_ASSIGN_OR_RETURN(sf.line, rd.Count(line, Reader::Join(fpath, "line")));
    }
    GOLDEN_ASSIGN_OR_RETURN(sf.message, rd.String(f, "message", fpath));
    r.findings.push_back(std::move(sf));
  }
  return r;
}

Result<Summary> ParseSummary(const Reader& rd, const Value& v, bool totals) {
  Summary s;
  if (!v.IsObject()) return rd.Error("summary", "expected an object");
  GOLDEN_ASSIGN_OR_RETURN(s.total_organizations, rd.Count(v, "total_organizations", "summary"));
  GOLDEN_ASSIGN_OR_RETURN(s.total_repositories, rd.Count(v, "total_repositories", "summary"));
  GOLDEN_ASSIGN_OR_RETURN(s.compliant, rd.Count(v, "compliant", "summary"));
  GOLDEN_ASSIGN_OR_RETURN(s.non_compliant, rd.Count(v, "non_compliant", "summary"));
  GOLDEN_ASSIGN_OR_RETURN(const Value* by_tier,
                          rd.Typed(v, "by_tier", "summary", Value::Kind::kObject, "an object"));
  for (const auto& e : by_tier->GetObject()) {
    if (!e.key.IsString()) return rd.Error("summary.by_tier", "expected string keys");
    GOLDEN_ASSIGN_OR_RETURN(s.by_tier[std::string(e.key.GetString())],
                            rd.Count(e.value, "summary.by_tier"));
  }
  s.has_totals = totals;
  if (totals) {
    GOLDEN_ASSIGN_OR_RETURN(s.total_violations, rd.Count(v, "total_violations", "summary"));
    GOLDEN_ASSIGN_OR_RETURN(s.total_warnings, rd.Count(v, "total_warnings", "summary"));
  }
  return s;
}

// The original keys of a record, which `organizations` repeats.
Value BaseRecord(const Value& record) {
  std::vector<Value::Entry> kept;
  for (const auto& e : record.GetObject()) {
    std::string_view k = e.key.IsString() ? e.key.GetString() : "";
    if (k != "violations" && k != "warnings" && k != "files" && k != "findings") kept.push_back(e);
  }
  return Value::ObjectFromSorted(std::move(kept));
}

}  // namespace

void WriteFinding(JsonWriter* w, const StoredFinding& f) {
  w->BeginObject();
  w->Member("rule", f.rule);
  w->Member("severity", report::SeverityName(f.severity));
  w->Key("file");
  w->Value(NullOr(f.file));
  w->Key("line");
  w->Value(NullOr(f.line));
  w->Member("message", f.message);
  w->EndObject();
}

Value RepositoriesValue(const State& state) {
  std::vector<Value::Entry> entries;
  entries.reserve(state.repos.size());
  for (const RepoRecord& r : state.repos)
    entries.push_back({Str(r.full_name), RecordValue(r, true)});
  return Value::Object(std::move(entries));
}

std::string SerializeState(const State& state) {
  std::string out;
  out.reserve(state.repos.size() * 2048 + 1024);
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Member("timestamp", state.timestamp);
  w.Member("version", state.version);
  w.Member("checksum", state.checksum);
  w.Member("generator", state.generator);
  w.Member("strict", state.strict);
  w.Key("hashing");
  w.BeginObject();
  w.Member("algorithm", state.hash_algorithm);
  w.Key("files");
  w.BeginArray();
  for (const std::string& p : state.hash_files) w.String(p);
  w.EndArray();
  w.EndObject();
  w.Key("organizations");
  w.BeginObject();
  for (const OrgEntry& org : state.organizations) {
    w.Key(org.name);
    w.BeginObject();
    w.Key("repos");
    w.BeginObject();
    for (size_t i : org.repos) {
      w.Key(state.repos[i].name);
      WriteRecord(&w, state.repos[i], false);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  w.Key("repositories");
  w.BeginObject();
  for (const RepoRecord& r : state.repos) {
    w.Key(r.full_name);
    WriteRecord(&w, r, true);
  }
  w.EndObject();
  const Summary& s = state.summary;
  w.Key("summary");
  w.BeginObject();
  w.Member("total_organizations", s.total_organizations);
  w.Member("total_repositories", s.total_repositories);
  w.Member("compliant", s.compliant);
  w.Member("non_compliant", s.non_compliant);
  w.Key("by_tier");
  w.BeginObject();
  for (const auto& [tier, n] : s.by_tier) w.Member(tier, n);
  w.EndObject();
  w.Member("total_violations", s.total_violations);
  w.Member("total_warnings", s.total_warnings);
  w.EndObject();
  w.EndObject();
  out.push_back('\n');
  return out;
}

Result<State> ParseState(std::string_view text, std::string_view filename) {
  auto doc = ParseJson(text, filename);
  if (!doc.ok()) return doc.status();
  Reader rd(filename);
  if (!doc->IsObject()) return rd.Error("(top level)", "expected an object");
  State st;
  GOLDEN_ASSIGN_OR_RETURN(st.timestamp, rd.String(*doc, "timestamp", ""));
  GOLDEN_ASSIGN_OR_RETURN(st.version, rd.String(*doc, "version", ""));
  GOLDEN_ASSIGN_OR_RETURN(st.checksum, rd.String(*doc, "checksum", ""));
  bool details = !st.IsOriginal();
  if (details && st.version != kFormatVersion) {
    return rd.Error("version", "unknown checkpoint format '" + EscapeInvalidUtf8(st.version) +
                                   "' (golden reads " + std::string(kFormatVersion) + " and " +
                                   std::string(kOriginalFormatVersion) + ")");
  }
  if (details) {
    GOLDEN_ASSIGN_OR_RETURN(st.generator, rd.String(*doc, "generator", ""));
    GOLDEN_ASSIGN_OR_RETURN(st.strict, rd.Bool(*doc, "strict", ""));
    GOLDEN_ASSIGN_OR_RETURN(const Value* hashing,
                            rd.Typed(*doc, "hashing", "", Value::Kind::kObject, "an object"));
    GOLDEN_ASSIGN_OR_RETURN(st.hash_algorithm, rd.String(*hashing, "algorithm", "hashing"));
    GOLDEN_ASSIGN_OR_RETURN(const Value* files, rd.Typed(*hashing, "files", "hashing",
                                                         Value::Kind::kArray, "an array"));
    for (const Value& p : files->GetArray()) {
      if (!p.IsString()) return rd.Error("hashing.files", "expected strings");
      st.hash_files.emplace_back(p.GetString());
    }
  }
  GOLDEN_ASSIGN_OR_RETURN(const Value* repos,
                          rd.Typed(*doc, "repositories", "", Value::Kind::kObject, "an object"));
  // An empty checksum is what the original wrote when organizations/ was missing.
  bool empty_original = st.IsOriginal() && st.checksum.empty() && repos->GetObject().empty();
  if (!empty_original) {
    std::string actual = Checksum(*repos);
    if (actual != st.checksum) {
      return InvalidArgument(std::string(filename) + ": checksum mismatch: the file says '" +
                             EscapeInvalidUtf8(st.checksum) + "' but its repositories give '" +
                             actual + "' (the file was modified or damaged)");
    }
  }
  for (const auto& e : repos->GetObject()) {
    std::string key(e.key.IsString() ? e.key.GetString() : "");
    std::string path = "repositories." + key;
    GOLDEN_ASSIGN_OR_RETURN(RepoRecord r, ParseRecord(rd, e.value, path, details));
    if (r.full_name != key || r.full_name != r.organization + "/" + r.name) {
      return rd.Error(path, "full_name, organization and name disagree with the key");
    }
    st.repos.push_back(std::move(r));
  }
  // `organizations` repeats every record (without the 3.0 details): it must list the same ones.
  GOLDEN_ASSIGN_OR_RETURN(const Value* orgs,
                          rd.Typed(*doc, "organizations", "", Value::Kind::kObject, "an object"));
  size_t listed = 0;
  for (const auto& o : orgs->GetObject()) {
    std::string name(o.key.IsString() ? o.key.GetString() : "");
    std::string opath = "organizations." + name;
    if (!o.value.IsObject()) return rd.Error(opath, "expected an object");
    GOLDEN_ASSIGN_OR_RETURN(const Value* org_repos,
                            rd.Typed(o.value, "repos", opath, Value::Kind::kObject, "an object"));
    OrgEntry entry{name, {}};
    for (const auto& r : org_repos->GetObject()) {
      std::string full = name + "/" + std::string(r.key.IsString() ? r.key.GetString() : "");
      const Value* record = repos->Find(full);
      if (record == nullptr || !r.value.IsObject() ||
          !(BaseRecord(r.value) == BaseRecord(*record))) {
        return rd.Error(opath + ".repos." + full.substr(name.size() + 1),
                        "does not match repositories." + full);
      }
      ++listed;
    }
    st.organizations.push_back(std::move(entry));
  }
  if (listed != st.repos.size()) {
    return rd.Error("organizations", "does not list every repository of 'repositories'");
  }
  for (const RepoRecord& r : st.repos) {
    if (!std::any_of(st.organizations.begin(), st.organizations.end(),
                     [&](const OrgEntry& o) { return o.name == r.organization; })) {
      return rd.Error("organizations", "misses organization '" + r.organization + "'");
    }
  }
  GOLDEN_ASSIGN_OR_RETURN(const Value* summary, rd.Member(*doc, "summary", ""));
  GOLDEN_ASSIGN_OR_RETURN(st.summary, ParseSummary(rd, *summary, details));
  Index(&st);
  if (details && !(st.summary == Summarize(st.repos, static_cast<int>(st.organizations.size())))) {
    return rd.Error("summary", "does not add up to the records in 'repositories'");
  }
  return st;
}

}  // namespace golden::checkpoint
