// Reading checkpoint files: SAX events (from a simdjson document, or nlohmann's parser where
// simdjson cannot serve) straight into the State structs, then the checks: every key known and
// typed, the checksum, `organizations` against `repositories`, and (3.0) the summary.
#include <simdjson.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/strings.h"
#include "checkpoint/state.h"
#include "value/json.h"

namespace golden::checkpoint {

namespace {

// Where an event is, and so what it means.
enum class Ctx : uint8_t {
  kTop,
  kHashing,
  kHashFiles,
  kOrgs,
  kOrg,
  kOrgRepos,
  kRecord,
  kChecks,
  kFiles,
  kFindings,
  kFinding,
  kRepos,
  kSummary,
  kByTier,
  kGeneric,  // inside a metadata value (type, language, status, tier) that is an object/array
};

struct Frame {
  Ctx ctx;
  bool is_array = false;
  std::string key;    // the current key (objects)
  size_t index = 0;   // the next index (arrays)
  uint32_t seen = 0;  // which known keys were given (records, findings, ...)
};

// Record keys, in bit order.
constexpr std::string_view kRecordKeys[] = {
    "name",      "organization",      "full_name",  "type",       "language", "tier",  "status",
    "compliant", "compliance_checks", "files_hash", "violations", "warnings", "files", "findings"};
constexpr uint32_t kBaseKeys = (1u << 10) - 1;  // the original's ten
constexpr uint32_t kDetailKeys = ((1u << 14) - 1) & ~kBaseKeys;

constexpr std::string_view kTopKeys[] = {"timestamp",     "version",      "checksum",
                                         "generator",     "strict",       "hashing",
                                         "organizations", "repositories", "summary"};
constexpr uint32_t kOriginalTop = 0b111000111;  // timestamp, version, checksum + the maps
constexpr uint32_t kAllTop = (1u << 9) - 1;

constexpr std::string_view kCheckKeys[] = {"has_metadata", "has_readme", "has_codeowners", "has_ci",
                                           "has_tests"};
constexpr std::string_view kFindingKeys[] = {"rule", "severity", "file", "line", "message"};
constexpr std::string_view kSummaryKeys[] = {
    "total_organizations", "total_repositories", "compliant", "non_compliant", "by_tier",
    "total_violations",    "total_warnings"};

template <size_t N>
int IndexOf(const std::string_view (&keys)[N], std::string_view key) {
  for (size_t i = 0; i < N; ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  return -1;
}

// A record inside `organizations`, with where it was.
struct OrgCopy {
  std::string org;
  std::string name;
  RepoRecord record;
};

// Builds a Value for a metadata field that is an object or an array (rare).
class GenericBuilder {
 public:
  void Start(bool is_object) { stack_.push_back({is_object, {}, {}, {}}); }
  void Key(std::string k) { stack_.back().key = std::move(k); }
  // Adds `v`; returns true when it completed the outermost value (then in `*done`).
  bool Add(Value v, Value* done) {
    if (stack_.empty()) {
      *done = std::move(v);
      return true;
    }
    Level& top = stack_.back();
    if (top.is_object) {
      top.entries.push_back({Value::String(top.key), std::move(v)});
    } else {
      top.items.push_back(std::move(v));
    }
    return false;
  }
  bool End(Value* done) {
    Level top = std::move(stack_.back());
    stack_.pop_back();
    Value v =
        top.is_object ? Value::Object(std::move(top.entries)) : Value::Array(std::move(top.items));
    return Add(std::move(v), done);
  }

 private:
  struct Level {
    bool is_object;
    std::string key;
    std::vector<Value::Entry> entries;
    std::vector<Value> items;
  };
  std::vector<Level> stack_;
};

class StateReader {
 public:
  using number_integer_t = int64_t;
  using number_unsigned_t = uint64_t;
  using number_float_t = double;
  using string_t = std::string;
  using binary_t = std::vector<uint8_t>;

  explicit StateReader(std::string_view filename) : filename_(filename) {}

  bool null() { return Scalar(Value::Null()); }
  bool boolean(bool b) { return Scalar(Value::Bool(b)); }
  bool number_integer(int64_t v) { return Scalar(Value::Int(v)); }
  bool number_unsigned(uint64_t v) {
    if (v <= static_cast<uint64_t>(INT64_MAX)) return Scalar(Value::Int(static_cast<int64_t>(v)));
    auto n = Number::Parse(std::to_string(v));
    return n ? Scalar(Value::Num(*n)) : Fail("a number out of range");
  }
  bool number_float(double, const std::string& text) {
    auto n = Number::Parse(text);
    return n ? Scalar(Value::Num(*n)) : Fail("an invalid number");
  }
  bool string(std::string& s) { return String(std::move(s)); }
  bool binary(binary_t&) { return Fail("binary data"); }
  bool key(std::string& k) {
    if (frames_.back().ctx == Ctx::kGeneric) generic_.Key(k);
    frames_.back().key = std::move(k);
    return true;
  }
  bool start_object(size_t) { return Start(false); }
  bool start_array(size_t) { return Start(true); }
  bool end_object() { return End(); }
  bool end_array() { return End(); }
  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    syntax_position_ = position;
    std::string msg = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    if (size_t p = msg.rfind(": "); p != std::string::npos) msg.erase(0, p + 2);
    syntax_error_ = msg;
    return false;
  }

  Result<State> Finish();
  const std::string& syntax_error() const { return syntax_error_; }
  size_t syntax_position() const { return syntax_position_; }
  const std::string& error() const { return error_; }

 private:
  // The JSON path of the current position ("repositories.o/r.findings[2].line").
  std::string Path() const {
    std::string out;
    for (size_t i = 0; i < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (f.is_array) {
        out += "[" + std::to_string(f.index) + "]";
      } else if (!f.key.empty()) {
        out += (out.empty() ? "" : ".") + EscapeInvalidUtf8(f.key);
      }
    }
    return out.empty() ? "(top level)" : out;
  }
  bool Fail(std::string what) {
    if (error_.empty()) error_ = Path() + ": " + what;
    return false;
  }
  bool Unexpected() { return Fail("unexpected key or value"); }

  // Marks key `index` of the current frame as given.
  void See(int index) { frames_.back().seen |= 1u << index; }

  bool Start(bool is_array) {
    if (frames_.size() > 64) return Fail("nested too deeply");
    if (frames_.empty()) {
      if (is_array) return Fail("expected an object");
      frames_.push_back(Frame{Ctx::kTop, false, {}, 0, 0});
      return true;
    }
    Frame& parent = frames_.back();
    const std::string& k = parent.key;
    Ctx child;
    bool ok = true;
    switch (parent.ctx) {
      case Ctx::kTop: {
        int i = IndexOf(kTopKeys, k);
        child = i == 5 ? Ctx::kHashing : i == 6 ? Ctx::kOrgs : i == 7 ? Ctx::kRepos : Ctx::kSummary;
        ok = !is_array && i >= 5;
        if (ok) See(i);
        break;
      }
      case Ctx::kHashing:
        child = Ctx::kHashFiles;
        ok = is_array && k == "files";
        break;
      case Ctx::kOrgs:
        child = Ctx::kOrg;
        ok = !is_array;
        break;
      case Ctx::kOrg:
        child = Ctx::kOrgRepos;
        ok = !is_array && k == "repos";
        break;
      case Ctx::kOrgRepos:
      case Ctx::kRepos:
        child = Ctx::kRecord;
        ok = !is_array;
        record_ = RepoRecord{};
        break;
      case Ctx::kRecord: {
        int i = IndexOf(kRecordKeys, k);
        if (i == 3 || i == 4 || i == 5 || i == 6) {  // type, language, tier, status
          child = Ctx::kGeneric;
          generic_.Start(!is_array);
        } else {
          child = k == "compliance_checks" ? Ctx::kChecks
                  : k == "files"           ? Ctx::kFiles
                                           : Ctx::kFindings;
          ok = (child == Ctx::kFindings) == is_array &&
               (k == "compliance_checks" || k == "files" || k == "findings");
        }
        if (ok) See(i);
        break;
      }
      case Ctx::kFindings:
        child = Ctx::kFinding;
        ok = !is_array;
        finding_ = StoredFinding{};
        break;
      case Ctx::kSummary:
        child = Ctx::kByTier;
        ok = !is_array && k == "by_tier";
        if (ok) See(4);
        break;
      case Ctx::kGeneric:
        child = Ctx::kGeneric;
        generic_.Start(!is_array);
        break;
      default:
        ok = false;
        child = Ctx::kTop;
    }
    if (!ok) return Fail(is_array ? "unexpected array" : "unexpected object");
    frames_.push_back(Frame{child, is_array, {}, 0, 0});
    return true;
  }

  bool End() {
    Frame done = std::move(frames_.back());
    frames_.pop_back();
    switch (done.ctx) {
      case Ctx::kRecord:
        return EndRecord(done.seen);
      case Ctx::kFinding:
        if (done.seen != (1u << std::size(kFindingKeys)) - 1) return Missing(done, kFindingKeys);
        record_.findings.push_back(std::move(finding_));
        break;
      case Ctx::kChecks:
        if (done.seen != (1u << std::size(kCheckKeys)) - 1) return Missing(done, kCheckKeys);
        break;
      case Ctx::kOrg:
        if (done.seen == 0) return FailAt(done, "missing key 'repos'");
        organizations_.push_back(frames_.back().key);
        break;
      case Ctx::kOrgRepos:
        frames_.back().seen = 1;
        break;
      case Ctx::kSummary:
        summary_seen_ = done.seen;
        break;
      case Ctx::kTop:
        top_seen_ = done.seen;
        break;
      case Ctx::kGeneric: {
        Value v;
        if (generic_.End(&v)) SetMetadataField(std::move(v));
        break;
      }
      default:
        break;
    }
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    return true;
  }

  template <size_t N>
  bool Missing(const Frame& done, const std::string_view (&keys)[N]) {
    for (size_t i = 0; i < N; ++i) {
      if ((done.seen & (1u << i)) == 0) {
        return FailAt(done, "missing key '" + std::string(keys[i]) + "'");
      }
    }
    return true;
  }
  bool FailAt(const Frame& done, std::string what) {
    frames_.push_back(done);  // so that Path() names the object itself
    Fail(std::move(what));
    frames_.pop_back();
    return false;
  }

  bool EndRecord(uint32_t seen) {
    Frame done{Ctx::kRecord, false, "", 0, seen};
    if ((seen & kBaseKeys) != kBaseKeys) return Missing(done, kRecordKeys);
    record_.has_details = (seen & kDetailKeys) != 0;
    if (record_.has_details && (seen & kDetailKeys) != kDetailKeys) {
      return Missing(done, kRecordKeys);
    }
    const Frame& parent = frames_.back();
    if (parent.ctx == Ctx::kRepos) {
      if (record_.full_name != parent.key ||
          record_.full_name != record_.organization + "/" + record_.name) {
        return FailAt(done, "full_name, organization and name disagree with the key");
      }
      repos_.push_back(std::move(record_));
    } else {
      // frames: ..., organizations (key: the org), the org (key: "repos"), its repos (key: name)
      org_copies_.push_back({frames_[frames_.size() - 3].key, parent.key, std::move(record_)});
    }
    if (frames_.back().is_array) ++frames_.back().index;
    return true;
  }

  void SetMetadataField(Value v) {
    const std::string& k = frames_.back().key;
    (k == "type"       ? record_.type
     : k == "language" ? record_.language
     : k == "tier"     ? record_.tier
                       : record_.status) = std::move(v);
  }

  bool String(std::string&& s) {
    if (frames_.empty()) return Fail("expected an object");
    Frame& f = frames_.back();
    const std::string& k = f.key;
    switch (f.ctx) {
      case Ctx::kTop:
        switch (IndexOf(kTopKeys, k)) {
          case 0:
            return Set(&st_.timestamp, std::move(s), 0);
          case 1:
            return Set(&st_.version, std::move(s), 1);
          case 2:
            return Set(&st_.checksum, std::move(s), 2);
          case 3:
            return Set(&st_.generator, std::move(s), 3);
          case 4:
            return Fail("expected true or false");
          default:
            return Fail("unexpected string");
        }
      case Ctx::kHashing:
        if (k != "algorithm") return Unexpected();
        return Set(&st_.hash_algorithm, std::move(s), 0);
      case Ctx::kHashFiles:
        st_.hash_files.push_back(std::move(s));
        ++f.index;
        return true;
      case Ctx::kRecord: {
        int i = IndexOf(kRecordKeys, k);
        if (i == 0) return Set(&record_.name, std::move(s), i);
        if (i == 1) return Set(&record_.organization, std::move(s), i);
        if (i == 2) return Set(&record_.full_name, std::move(s), i);
        if (i == 9) return Set(&record_.files_hash, std::move(s), i);
        if (i >= 3 && i <= 6) {
          See(i);
          SetMetadataField(Value::String(std::move(s)));
          return true;
        }
        return Fail(i < 0 ? "unexpected key" : "unexpected string");
      }
      case Ctx::kFiles:
        record_.files.emplace_back(k, std::move(s));
        return true;
      case Ctx::kFinding: {
        int i = IndexOf(kFindingKeys, k);
        if (i == 0) return Set(&finding_.rule, std::move(s), i);
        if (i == 2) return Set(&finding_.file, std::move(s), i);
        if (i == 4) return Set(&finding_.message, std::move(s), i);
        if (i == 1) {
          See(i);
          for (report::Severity sev :
               {report::Severity::kError, report::Severity::kWarning, report::Severity::kInfo}) {
            if (report::SeverityName(sev) == s) {
              finding_.severity = sev;
              return true;
            }
          }
          return Fail("unknown severity");
        }
        return Fail(i < 0 ? "unexpected key" : "unexpected string");
      }
      case Ctx::kGeneric:
        return Generic(Value::String(std::move(s)));
      default:
        return Fail("unexpected string");
    }
  }

  bool Set(std::string* slot, std::string&& s, int bit) {
    *slot = std::move(s);
    See(bit);
    return true;
  }

  bool Generic(Value v) {
    Value done;
    if (generic_.Add(std::move(v), &done)) SetMetadataField(std::move(done));
    if (frames_.back().is_array) ++frames_.back().index;
    return true;
  }

  // A count: a whole number from 0 to 2^31-1.
  bool Count(const Value& v, int* slot) {
    auto i = v.AsInt64();
    if (!v.IsNumber() || !i || *i < 0 || *i > (int64_t{1} << 31) - 1) {
      return Fail("expected a whole number");
    }
    *slot = static_cast<int>(*i);
    return true;
  }

  bool Scalar(Value v) {
    if (frames_.empty()) return Fail("expected an object");
    Frame& f = frames_.back();
    const std::string& k = f.key;
    switch (f.ctx) {
      case Ctx::kTop:
        if (k != "strict") return Unexpected();
        if (!v.IsBool()) return Fail("expected true or false");
        st_.strict = v.GetBool();
        See(4);
        return true;
      case Ctx::kRecord: {
        int i = IndexOf(kRecordKeys, k);
        if (i >= 3 && i <= 6) {
          See(i);
          SetMetadataField(std::move(v));
          return true;
        }
        if (i == 7) {
          if (!v.IsBool()) return Fail("expected true or false");
          record_.compliant = v.GetBool();
          See(i);
          return true;
        }
        if (i == 10 || i == 11) {
          See(i);
          return Count(v, i == 10 ? &record_.violations : &record_.warnings);
        }
        return Fail(i < 0 ? "unexpected key" : "expected a string");
      }
      case Ctx::kChecks: {
        int i = IndexOf(kCheckKeys, k);
        if (i < 0) return Unexpected();
        if (!v.IsBool()) return Fail("expected true or false");
        bool* slots[] = {&record_.checks.has_metadata, &record_.checks.has_readme,
                         &record_.checks.has_codeowners, &record_.checks.has_ci,
                         &record_.checks.has_tests};
        *slots[i] = v.GetBool();
        See(i);
        return true;
      }
      case Ctx::kFinding: {
        int i = IndexOf(kFindingKeys, k);
        if ((i != 2 && i != 3) || (!v.IsNull() && i == 2)) return Fail("unexpected value");
        See(i);
        if (i == 3 && !v.IsNull()) return Count(v, &finding_.line);
        return true;
      }
      case Ctx::kSummary: {
        int i = IndexOf(kSummaryKeys, k);
        if (i < 0 || i == 4) return Unexpected();
        See(i);
        int* slots[] = {&summary_.total_organizations,
                        &summary_.total_repositories,
                        &summary_.compliant,
                        &summary_.non_compliant,
                        nullptr,
                        &summary_.total_violations,
                        &summary_.total_warnings};
        return Count(v, slots[i]);
      }
      case Ctx::kByTier:
        return Count(v, &summary_.by_tier[k]);
      case Ctx::kGeneric:
        return Generic(std::move(v));
      default:
        return Fail("unexpected value");
    }
  }

  std::string filename_;
  std::vector<Frame> frames_;
  State st_;
  RepoRecord record_;
  StoredFinding finding_;
  GenericBuilder generic_;
  std::vector<RepoRecord> repos_;
  std::vector<OrgCopy> org_copies_;
  std::vector<std::string> organizations_;
  Summary summary_;
  uint32_t summary_seen_ = 0;
  uint32_t top_seen_ = 0;
  std::string error_;
  std::string syntax_error_;
  size_t syntax_position_ = std::string::npos;
};

bool SameBase(const RepoRecord& a, const RepoRecord& b) {
  const ComplianceChecks& x = a.checks;
  const ComplianceChecks& y = b.checks;
  return a.name == b.name && a.organization == b.organization && a.full_name == b.full_name &&
         a.type == b.type && a.language == b.language && a.tier == b.tier && a.status == b.status &&
         a.compliant == b.compliant && a.files_hash == b.files_hash &&
         x.has_metadata == y.has_metadata && x.has_readme == y.has_readme &&
         x.has_codeowners == y.has_codeowners && x.has_ci == y.has_ci && x.has_tests == y.has_tests;
}

}  // namespace

// What the SAX pass cannot check: the checksum, and that the parts agree.
Result<State> StateReader::Finish() {
  auto error = [&](std::string_view path, std::string_view what) {
    return InvalidArgument(filename_ + ": " + std::string(path) + ": " + std::string(what));
  };
  State& st = st_;
  const bool original = st.IsOriginal();
  for (size_t i = 0; i < std::size(kTopKeys); ++i) {
    if (((original ? kOriginalTop : kAllTop) >> i & 1) && !(top_seen_ >> i & 1)) {
      return error(kTopKeys[i], "missing");
    }
  }
  if (!original && st.version != kFormatVersion) {
    return error("version", "unknown checkpoint format '" + EscapeInvalidUtf8(st.version) +
                                "' (golden reads " + std::string(kFormatVersion) + " and " +
                                std::string(kOriginalFormatVersion) + ")");
  }
  // A repeated key keeps its last value, as in any JSON reader (and as Python's dict did when
  // the checksum was made).
  std::stable_sort(repos_.begin(), repos_.end(), [](const RepoRecord& a, const RepoRecord& b) {
    return a.full_name < b.full_name;
  });
  for (size_t i = 0; i + 1 < repos_.size();) {
    if (repos_[i].full_name == repos_[i + 1].full_name) {
      repos_.erase(repos_.begin() + static_cast<ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  for (const RepoRecord& r : repos_) {
    if (r.has_details == original) {
      return error("repositories." + r.full_name,
                   original ? "has keys of format 3.0 in a 2.0 checkpoint"
                            : "misses violations, warnings, files or findings");
    }
  }
  // An empty checksum is what the original wrote when organizations/ was missing.
  bool empty_original = original && st.checksum.empty() && repos_.empty();
  if (!empty_original) {
    std::string actual = Checksum(repos_);
    if (actual != st.checksum) {
      return InvalidArgument(filename_ + ": checksum mismatch: the file says '" +
                             EscapeInvalidUtf8(st.checksum) + "' but its repositories give '" +
                             actual + "' (the file was modified or damaged)");
    }
  }
  // `organizations` repeats every record (without the 3.0 details).
  size_t listed = 0;
  for (const OrgCopy& copy : org_copies_) {
    auto it =
        std::lower_bound(repos_.begin(), repos_.end(), copy.org + "/" + copy.name,
                         [](const RepoRecord& r, const std::string& n) { return r.full_name < n; });
    if (it == repos_.end() || !SameBase(*it, copy.record)) {
      return error("organizations." + copy.org + ".repos." + copy.name,
                   "does not match repositories." + copy.org + "/" + copy.name);
    }
    ++listed;
  }
  if (listed != repos_.size()) {
    return error("organizations", "does not list every repository of 'repositories'");
  }
  std::sort(organizations_.begin(), organizations_.end());
  for (const std::string& org : organizations_) st.organizations.push_back(OrgEntry{org, {}});
  for (const RepoRecord& r : repos_) {
    if (!std::binary_search(organizations_.begin(), organizations_.end(), r.organization)) {
      return error("organizations", "misses organization '" + r.organization + "'");
    }
  }
  st.repos = std::move(repos_);
  Index(&st);
  constexpr uint32_t kOriginalSummary = (1u << 5) - 1;
  constexpr uint32_t kSummary = (1u << 7) - 1;
  if ((summary_seen_ & kOriginalSummary) != kOriginalSummary ||
      (!original && summary_seen_ != kSummary)) {
    return error("summary", "missing or incomplete");
  }
  summary_.has_totals = !original;
  st.summary = summary_;
  if (!original &&
      !(st.summary == Summarize(st.repos, static_cast<int>(st.organizations.size())))) {
    return error("summary", "does not add up to the records in 'repositories'");
  }
  return std::move(st);
}

namespace {

// What feeding a simdjson document to a StateReader gave.
enum class Fed { kOk, kRejected, kNeedsText, kCancelled };

// Feeds `e` to `reader` as the SAX events nlohmann's parser gives for the same text. A
// fraction (number_float) needs the number as written, which the document no longer has:
// kNeedsText then, and the caller reads the text with nlohmann instead.
Fed Feed(simdjson::dom::element e, StateReader* reader, const std::atomic<bool>* cancel) {
  auto fed = [](bool accepted) { return accepted ? Fed::kOk : Fed::kRejected; };
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT: {
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) return Fed::kCancelled;
      simdjson::dom::object object = e.get_object().value_unsafe();
      if (!reader->start_object(object.size())) return Fed::kRejected;
      for (simdjson::dom::key_value_pair member : object) {
        std::string key(member.key);
        if (!reader->key(key)) return Fed::kRejected;
        if (Fed f = Feed(member.value, reader, cancel); f != Fed::kOk) return f;
      }
      return fed(reader->end_object());
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = e.get_array().value_unsafe();
      if (!reader->start_array(array.size())) return Fed::kRejected;
      for (simdjson::dom::element item : array) {
        if (Fed f = Feed(item, reader, cancel); f != Fed::kOk) return f;
      }
      return fed(reader->end_array());
    }
    case simdjson::dom::element_type::STRING: {
      std::string text(e.get_string().value_unsafe());
      return fed(reader->string(text));
    }
    case simdjson::dom::element_type::INT64:
      return fed(reader->number_integer(e.get_int64().value_unsafe()));
    case simdjson::dom::element_type::UINT64:
      return fed(reader->number_unsigned(e.get_uint64().value_unsafe()));
    case simdjson::dom::element_type::DOUBLE:
      return Fed::kNeedsText;
    case simdjson::dom::element_type::BOOL:
      return fed(reader->boolean(e.get_bool().value_unsafe()));
    case simdjson::dom::element_type::NULL_VALUE:
      return fed(reader->null());
  }
  return Fed::kNeedsText;
}

}  // namespace

Result<State> ParseState(std::string_view text, std::string_view filename) {
  return ParseState(text, filename, nullptr);
}

Result<State> ParseState(std::string_view text, std::string_view filename,
                         const std::atomic<bool>* cancel) {
  // simdjson parses a 20 MB checkpoint (10,000 repositories) in 5 to 20 ms, where nlohmann's
  // lexer alone took about 55; nlohmann reads what simdjson cannot (numbers with a fraction,
  // kept as written; integers beyond 64 bits) and locates syntax errors.
  {
    StateReader reader(filename);
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(text.data(), text.size(), true).get(doc) == simdjson::SUCCESS) {
      switch (Feed(doc, &reader, cancel)) {
        case Fed::kOk:
          if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) break;
          return reader.Finish();
        case Fed::kRejected:
          return InvalidArgument(std::string(filename) + ": " + reader.error());
        case Fed::kNeedsText:
        case Fed::kCancelled:
          break;
      }
      if (cancel != nullptr && cancel->load(std::memory_order_relaxed)) {
        return Status(StatusCode::kCancelled, std::string(filename) + ": not read (cancelled)");
      }
    }
  }
  StateReader reader(filename);
  bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &reader,
                                      nlohmann::json::input_format_t::json, true);
  if (!ok) {
    if (!reader.error().empty()) {
      return InvalidArgument(std::string(filename) + ": " + reader.error());
    }
    // A syntax error: locate it as ParseJson does.
    auto located = ParseJson(text, filename);
    if (!located.ok()) return located.status();
    return ParseError(std::string(filename) + ": JSON: " + reader.syntax_error());
  }
  return reader.Finish();
}

}  // namespace golden::checkpoint
