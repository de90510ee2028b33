// Checkpoint files: writing them (JsonWriter, the original's key order) and the canonical form
// the checksum covers. state_read.cc reads them back; a written file must verify when read,
// which the tests check for every kind of record.
#include <algorithm>
#include <functional>
#include <numeric>

#include "base/check.h"
#include "base/hash.h"
#include "base/parallel.h"
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

Value NullOr(std::string_view s) { return s.empty() ? Value::Null() : Value::String(s); }

Value NullOr(int line) { return line > 0 ? Value::Int(line) : Value::Null(); }

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

// Python's json.dumps(..., sort_keys=True) with its default separators and ensure_ascii: the
// canonical form the original checksummed. Keys are written in sorted order by hand.
class Canonical {
 public:
  explicit Canonical(std::string* out) : out_(out) {}
  void Open(char c) {
    out_->push_back(c);
    first_ = true;
  }
  void Close(char c) {
    out_->push_back(c);
    first_ = false;
  }
  void Key(std::string_view k) {
    Separate();
    AppendJsonString(out_, k, kStyle);
    out_->append(": ");
    first_ = true;  // the value follows without a separator
  }
  void Item() { Separate(); }
  void String(std::string_view s) {
    AppendJsonString(out_, s, kStyle);
    first_ = false;
  }
  void Bool(bool b) {
    out_->append(b ? "true" : "false");
    first_ = false;
  }
  void Int(int64_t i) {
    out_->append(std::to_string(i));
    first_ = false;
  }
  void Null() {
    out_->append("null");
    first_ = false;
  }
  void Any(const Value& v) {
    AppendJson(out_, v, kStyle);  // Value objects are already in key order
    first_ = false;
  }

 private:
  static constexpr JsonStyle kStyle{0, true, false, true};
  void Separate() {
    if (!first_) out_->append(", ");
    first_ = false;
  }
  std::string* out_;
  bool first_ = true;
};

void CanonicalRecord(Canonical* c, const RepoRecord& r) {
  c->Open('{');
  c->Key("compliance_checks");
  c->Open('{');
  // has_ci, has_codeowners, has_metadata, has_readme, has_tests: sorted
  for (size_t i : {3u, 2u, 0u, 1u, 4u}) {
    c->Key(kCheckNames[i]);
    c->Bool(ComplianceCheck(r.checks, i));
  }
  c->Close('}');
  c->Key("compliant");
  c->Bool(r.compliant);
  if (r.has_details) {
    c->Key("files");
    c->Open('{');
    for (const auto& [path, hash] : r.files) {
      c->Key(path);
      c->String(hash);
    }
    c->Close('}');
  }
  c->Key("files_hash");
  c->String(r.files_hash);
  if (r.has_details) {
    c->Key("findings");
    c->Open('[');
    for (const StoredFinding& f : r.findings) {
      c->Item();
      c->Open('{');
      c->Key("file");
      f.file.empty() ? c->Null() : c->String(f.file);
      c->Key("line");
      f.line > 0 ? c->Int(f.line) : c->Null();
      c->Key("message");
      c->String(f.message);
      c->Key("rule");
      c->String(f.rule);
      c->Key("severity");
      c->String(report::SeverityName(f.severity));
      c->Close('}');
    }
    c->Close(']');
  }
  c->Key("full_name");
  c->String(r.full_name);
  c->Key("language");
  c->Any(r.language);
  c->Key("name");
  c->String(r.name);
  c->Key("organization");
  c->String(r.organization);
  c->Key("status");
  c->Any(r.status);
  c->Key("tier");
  c->Any(r.tier);
  c->Key("type");
  c->Any(r.type);
  if (r.has_details) {
    c->Key("violations");
    c->Int(r.violations);
    c->Key("warnings");
    c->Int(r.warnings);
  }
  c->Close('}');
}

// The depths at which SerializeState puts every record: organizations.<org>.repos.<name> (the
// original's fields) and repositories.<full_name> (with the details).
constexpr size_t kInOrganizations = 4;
constexpr size_t kInRepositories = 2;

void RenderCanonical(const RepoRecord& r, std::string* out) {
  Canonical c(out);
  c.Key(r.full_name);
  CanonicalRecord(&c, r);
}

void RenderBrief(const RepoRecord& r, std::string* out) {
  JsonWriter part(out, 2, kInOrganizations);
  WriteRecord(&part, r, false);
}

void RenderDetailed(const RepoRecord& r, std::string* out) {
  JsonWriter part(out, 2, kInRepositories);
  WriteRecord(&part, r, true);
}

// The texts of records in a given order, rendered in parallel a block at a time: the strings of
// one block are reused for the next, so that rendering 20 MB of records takes the memory of one
// block, not of all of them (fresh memory is slow to come by: every page is a fault).
class OrderedTexts {
 public:
  using Render = void (*)(const RepoRecord&, std::string*);

  OrderedTexts(const std::vector<RepoRecord>& repos, std::vector<size_t> order, Render render)
      : repos_(repos), order_(std::move(order)), render_(render) {}

  /// The text of the next record of the order.
  std::string_view Next() {
    if (pos_ == filled_) RenderBlock();
    return block_[pos_++];
  }

 private:
  static constexpr size_t kBlock = 1024;         // records rendered between two hand-overs
  static constexpr size_t kRecordsPerTask = 64;  // records a thread takes at a time

  void RenderBlock() {
    size_t count = std::min(kBlock, order_.size() - next_);
    if (block_.size() < count) block_.resize(count);
    ParallelFor((count + kRecordsPerTask - 1) / kRecordsPerTask, DefaultThreadCount(),
                [&](size_t task) {
                  for (size_t i = task * kRecordsPerTask;
                       i < std::min(count, (task + 1) * kRecordsPerTask); ++i) {
                    block_[i].clear();
                    render_(repos_[order_[next_ + i]], &block_[i]);
                  }
                });
    next_ += count;
    filled_ = count;
    pos_ = 0;
  }

  const std::vector<RepoRecord>& repos_;
  std::vector<size_t> order_;
  Render render_;
  std::vector<std::string> block_;
  size_t next_ = 0;    // in order_: the first record not rendered yet
  size_t filled_ = 0;  // texts in block_
  size_t pos_ = 0;     // the next text of block_ to hand over
};

std::vector<size_t> InRecordOrder(size_t n) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  return order;
}

}  // namespace

void CanonicalRepositories(const std::vector<RepoRecord>& repos,
                           const std::function<void(std::string_view)>& sink) {
  // 10,000 records make about 12 MB: rendered in parallel, handed to `sink` record by record.
  OrderedTexts texts(repos, InRecordOrder(repos.size()), RenderCanonical);
  sink("{");
  for (size_t i = 0; i < repos.size(); ++i) {
    if (i > 0) sink(", ");
    sink(texts.Next());
  }
  sink("}");
}

std::string Checksum(const std::vector<RepoRecord>& repos) {
  StreamingDigest sha(StreamingDigest::Algorithm::kSha256);
  CanonicalRepositories(repos, [&sha](std::string_view piece) { sha.Update(piece); });
  return sha.HexDigest().substr(0, 16);
}

void WriteSummary(JsonWriter* w, const Summary& s) {
  w->BeginObject();
  w->Member("total_organizations", s.total_organizations);
  w->Member("total_repositories", s.total_repositories);
  w->Member("compliant", s.compliant);
  w->Member("non_compliant", s.non_compliant);
  w->Key("by_tier");
  w->BeginObject();
  for (const auto& [tier, n] : s.by_tier) w->Member(tier, n);
  w->EndObject();
  if (s.has_totals) {
    w->Member("total_violations", s.total_violations);
    w->Member("total_warnings", s.total_warnings);
  }
  w->EndObject();
}

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

std::string SerializeState(const State& state) {
  std::string out;
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
  const std::vector<RepoRecord>& repos = state.repos;
  // Every record twice, rendered in parallel in the order the file lists them.
  std::vector<size_t> by_organization;
  by_organization.reserve(repos.size());
  for (const OrgEntry& org : state.organizations) {
    by_organization.insert(by_organization.end(), org.repos.begin(), org.repos.end());
  }
  OrderedTexts brief(repos, std::move(by_organization), RenderBrief);
  OrderedTexts detailed(repos, InRecordOrder(repos.size()), RenderDetailed);
  out.reserve(repos.size() * 2048 + 1024);
  w.Key("organizations");
  w.BeginObject();
  for (const OrgEntry& org : state.organizations) {
    w.Key(org.name);
    w.BeginObject();
    w.Key("repos");
    w.BeginObject();
    for (size_t i : org.repos) {
      w.Key(repos[i].name);
      GOLDEN_CHECK(w.depth() == kInOrganizations);
      w.Raw(brief.Next());
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  w.Key("repositories");
  w.BeginObject();
  for (size_t i = 0; i < repos.size(); ++i) {
    w.Key(repos[i].full_name);
    GOLDEN_CHECK(w.depth() == kInRepositories);
    w.Raw(detailed.Next());
  }
  w.EndObject();
  w.Key("summary");
  WriteSummary(&w, state.summary);
  w.EndObject();
  out.push_back('\n');
  return out;
}

std::optional<std::string> SameStateAs(std::string_view previous, std::string_view current) {
  // SerializeState's text opens with `{` and the timestamp line: compare everything after it.
  constexpr std::string_view kOpening = "{\n  \"timestamp\": \"";
  auto rest = [&](std::string_view text) -> std::optional<std::string_view> {
    if (!text.starts_with(kOpening)) return std::nullopt;
    size_t end = text.find('\n', kOpening.size());
    if (end == std::string_view::npos) return std::nullopt;
    return text.substr(end);
  };
  std::optional<std::string_view> a = rest(previous), b = rest(current);
  if (!a || !b || *a != *b) return std::nullopt;
  // The previous timestamp line must be `  "timestamp": "<plain text>",`.
  std::string_view value = previous.substr(kOpening.size());
  value = value.substr(0, value.find('\n'));
  if (!value.ends_with("\",")) return std::nullopt;
  value.remove_suffix(2);
  for (char c : value) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return std::nullopt;
  }
  return std::string(value);
}

}  // namespace golden::checkpoint
