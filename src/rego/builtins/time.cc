// OPA's time.* builtins (topdown/time.go) on Go's time semantics (go_time.h) and IANA zones
// read from the system's TZif files (tz.h).

#include "rego/builtins/time.h"

#include <map>
#include <utility>

#include "rego/builtins/civil_time.h"
#include "rego/builtins/go_time.h"
#include "rego/builtins/operands.h"
#include "rego/builtins/tz.h"

namespace golden::rego {

namespace {

constexpr char kTimeNowNs[] = "time.now_ns";
constexpr char kTimeParseNs[] = "time.parse_ns";
constexpr char kTimeParseRfc3339Ns[] = "time.parse_rfc3339_ns";
constexpr char kTimeParseDurationNs[] = "time.parse_duration_ns";
constexpr char kTimeFormat[] = "time.format";
constexpr char kTimeDate[] = "time.date";
constexpr char kTimeClock[] = "time.clock";
constexpr char kTimeWeekday[] = "time.weekday";
constexpr char kTimeAddDate[] = "time.add_date";
constexpr char kTimeDiff[] = "time.diff";

constexpr std::string_view kRfc3339 = "2006-01-02T15:04:05Z07:00";
constexpr std::string_view kRfc3339Nano = "2006-01-02T15:04:05.999999999Z07:00";

// The layout names OPA accepts in place of a layout (Go's constants).
std::string_view ResolveLayout(std::string_view layout) {
  static const std::map<std::string_view, std::string_view> kNamed = {
      {"ANSIC", "Mon Jan _2 15:04:05 2006"},
      {"UnixDate", "Mon Jan _2 15:04:05 MST 2006"},
      {"RubyDate", "Mon Jan 02 15:04:05 -0700 2006"},
      {"RFC822", "02 Jan 06 15:04 MST"},
      {"RFC822Z", "02 Jan 06 15:04 -0700"},
      {"RFC850", "Monday, 02-Jan-06 15:04:05 MST"},
      {"RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"},
      {"RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"},
      {"RFC3339", kRfc3339},
      {"RFC3339Nano", kRfc3339Nano},
  };
  auto it = kNamed.find(layout);
  return it == kNamed.end() ? layout : it->second;
}

BuiltinResult Ns(int64_t ns) { return Value::Int(ns); }

// Go's toSafeUnixNano.
BuiltinResult SafeUnixNanos(const gotime::Time& t) {
  auto ns = gotime::UnixNanos(t);
  if (!ns) return BuiltinResult::Error("time outside of valid range");
  return Ns(*ns);
}

}  // namespace

Result<gotime::ZonePtr> LoadTimeZone(BuiltinContext& ctx, std::string_view name) {
  std::string zone_name(name);
  if (name == "Local") {
    // Go's Local: the TZ environment variable (here: the environment the engine was given),
    // else /etc/localtime, else UTC.
    const Value* tz_env = nullptr;
    if (ctx.options != nullptr) tz_env = ctx.options->env.Find("TZ");
    if (tz_env != nullptr && tz_env->IsString()) {
      std::string_view v = tz_env->GetString();
      if (!v.empty() && v[0] == ':') v.remove_prefix(1);
      if (v.empty() || v == "UTC") return tz::Zone::Utc();
      zone_name = std::string(v);
    } else {
      zone_name = "\x01localtime";  // cache key for /etc/localtime
    }
  }
  auto load = [&]() -> Result<gotime::ZonePtr> {
    if (zone_name == "\x01localtime") {
      auto z = tz::LoadZone("localtime", {"/etc/"});
      if (!z.ok()) return tz::Zone::Utc();
      return z;
    }
    return tz::LoadZone(zone_name, tz::DefaultZoneDirs());
  };
  if (zone_name.empty() || zone_name == "UTC") return tz::Zone::Utc();
  if (ctx.shared == nullptr) return load();

  // Zones are immutable once read: keep them (and failures) for every later query.
  struct Entry {
    gotime::ZonePtr zone;
    Status status;
  };
  auto cached = ctx.shared->GetOrCreate("tz:" + zone_name, [&]() -> std::shared_ptr<const void> {
    auto z = load();
    auto e = std::make_shared<Entry>();
    if (z.ok()) {
      e->zone = *z;
    } else {
      e->status = z.status();
    }
    return e;
  });
  const auto* entry = static_cast<const Entry*>(cached.get());
  if (!entry->status.ok()) return entry->status;
  return entry->zone;
}

namespace {

constexpr std::string_view kTzOperand = "either number (ns) or [number (ns), string (tz)]";

struct TzTime {
  gotime::Time time;
  std::string layout;
};

// OPA's tzTime: a number of nanoseconds, or [ns, zone name] or [ns, zone name, layout]. Every
// element error names operand 1, as OPA's does (also for time.diff's second argument).
std::optional<BuiltinResult> ToTzTime(BuiltinContext& ctx, const Value& a, TzTime* out) {
  Value ns_value;
  gotime::ZonePtr zone = tz::Zone::Utc();
  if (a.IsArray()) {
    auto items = a.GetArray();
    if (items.empty()) return OperandTypeError(1, a, {kTzOperand});
    if (!items[0].IsNumber()) return OperandTypeError(1, items[0], {"number"});
    ns_value = items[0];
    if (items.size() > 1) {
      if (!items[1].IsString()) return OperandTypeError(1, items[1], {"string"});
      auto z = LoadTimeZone(ctx, items[1].GetString());
      if (!z.ok()) return BuiltinResult::Error(z.status().message());
      zone = *z;
    }
    if (items.size() > 2) {
      if (!items[2].IsString()) return OperandTypeError(1, items[2], {"string"});
      out->layout = std::string(items[2].GetString());
    }
  } else if (a.IsNumber()) {
    ns_value = a;
  } else {
    return OperandTypeError(1, a, {kTzOperand});
  }
  // OPA converts through a big.Float and requires an exact int64.
  auto ns = ns_value.AsInt64();
  if (!ns) return BuiltinResult::Error("timestamp too big");
  out->time = gotime::FromUnixNanos(*ns, std::move(zone));
  return std::nullopt;
}

BuiltinResult NowNs(BuiltinContext& ctx, std::span<const Value>) { return Ns(ctx.now_ns); }

BuiltinResult ParseNs(BuiltinContext& ctx, std::span<const Value> args) {
  auto local = LoadTimeZone(ctx, "Local");
  auto t = gotime::Parse(ResolveLayout(args[0].GetString()), args[1].GetString(),
                         local.ok() ? *local : tz::Zone::Utc());
  if (!t.ok()) return BuiltinResult::Error(t.status().message());
  return SafeUnixNanos(*t);
}

BuiltinResult ParseRfc3339Ns(BuiltinContext& ctx, std::span<const Value> args) {
  auto local = LoadTimeZone(ctx, "Local");
  auto t = gotime::Parse(kRfc3339, args[0].GetString(), local.ok() ? *local : tz::Zone::Utc());
  if (!t.ok()) return BuiltinResult::Error(t.status().message());
  return SafeUnixNanos(*t);
}

BuiltinResult ParseDurationNs(BuiltinContext&, std::span<const Value> args) {
  auto d = gotime::ParseDuration(args[0].GetString());
  if (!d.ok()) return BuiltinResult::Error(d.status().message());
  return Ns(*d);
}

BuiltinResult Format(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime t;
  if (auto err = ToTzTime(ctx, args[0], &t)) return *err;
  std::string_view layout = t.layout.empty() ? kRfc3339Nano : ResolveLayout(t.layout);
  return Value::String(gotime::Format(t.time, layout));
}

BuiltinResult DateOf(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime t;
  if (auto err = ToTzTime(ctx, args[0], &t)) return *err;
  gotime::Civil c = gotime::ToCivil(t.time);
  return Value::Array({Value::Int(c.year), Value::Int(c.month), Value::Int(c.day)});
}

BuiltinResult Clock(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime t;
  if (auto err = ToTzTime(ctx, args[0], &t)) return *err;
  gotime::Civil c = gotime::ToCivil(t.time);
  return Value::Array({Value::Int(c.hour), Value::Int(c.minute), Value::Int(c.second)});
}

BuiltinResult Weekday(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime t;
  if (auto err = ToTzTime(ctx, args[0], &t)) return *err;
  return Value::String(gotime::WeekdayName(gotime::ToCivil(t.time).weekday));
}

BuiltinResult AddDate(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime t;
  if (auto err = ToTzTime(ctx, args[0], &t)) return *err;
  BuiltinResult err = BuiltinResult::Undefined();
  auto years = IntOperand(args[1], 2, &err);
  if (!years) return err;
  auto months = IntOperand(args[2], 3, &err);
  if (!months) return err;
  auto days = IntOperand(args[3], 4, &err);
  if (!days) return err;
  auto result = gotime::AddDate(t.time, *years, *months, *days);
  if (!result) return BuiltinResult::Error("time outside of valid range");
  return SafeUnixNanos(*result);
}

// [years, months, days, hours, minutes, seconds] between two instants, both read in the first
// one's zone (OPA's time.diff, after icza/gox).
BuiltinResult Diff(BuiltinContext& ctx, std::span<const Value> args) {
  TzTime a, b;
  if (auto err = ToTzTime(ctx, args[0], &a)) return *err;
  if (auto err = ToTzTime(ctx, args[1], &b)) return *err;
  gotime::Time t1 = a.time, t2 = b.time;
  t2.zone = t1.zone;
  if (t1.sec > t2.sec || (t1.sec == t2.sec && t1.nsec > t2.nsec)) std::swap(t1, t2);
  gotime::Civil c1 = gotime::ToCivil(t1), c2 = gotime::ToCivil(t2);
  int64_t year = c2.year - c1.year;
  int64_t month = c2.month - c1.month;
  int64_t day = c2.day - c1.day;
  int64_t hour = c2.hour - c1.hour;
  int64_t min = c2.minute - c1.minute;
  int64_t sec = c2.second - c1.second;
  if (sec < 0) {
    sec += 60;
    --min;
  }
  if (min < 0) {
    min += 60;
    --hour;
  }
  if (hour < 0) {
    hour += 24;
    --day;
  }
  if (day < 0) {
    day += civil::DaysIn(c1.month, c1.year);
    --month;
  }
  if (month < 0) {
    month += 12;
    --year;
  }
  return Value::Array({Value::Int(year), Value::Int(month), Value::Int(day), Value::Int(hour),
                       Value::Int(min), Value::Int(sec)});
}

TypePtr NsOrTzArray() {
  return t::AnyOf({t::Number(), t::ArrayStatic({t::Number(), t::String()})});
}

}  // namespace

Status RegisterTimeBuiltins(Registry& r) {
  const TypePtr tz_arg = t::Named(NsOrTzArray(), "x",
                                  "a number representing the nanoseconds since the epoch (UTC); "
                                  "or a two-element array of the nanoseconds, and a timezone "
                                  "string");
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeNowNs,
      .result = t::Named(t::Number(), "now", "nanoseconds since epoch"),
      .nondeterministic = true,
      .description = "Returns the current time since epoch in nanoseconds.",
      .fn = NowNs,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeParseNs,
      .args = {t::Named(t::String(), "layout", "format used for parsing"),
               t::Named(t::String(), "value", "input to parse according to `layout`")},
      .result = t::Named(t::Number(), "ns", "`value` in nanoseconds since epoch"),
      .description = "Returns the time in nanoseconds parsed from the string in the given "
                     "format. `undefined` if the result would be outside the valid time range "
                     "that can fit within an `int64`.",
      .fn = ParseNs,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeParseRfc3339Ns,
      .args = {t::Named(t::String(), "value", "input string to parse in RFC3339 format")},
      .result = t::Named(t::Number(), "ns", "`value` in nanoseconds since epoch"),
      .description = "Returns the time in nanoseconds parsed from the string in RFC3339 format. "
                     "`undefined` if the result would be outside the valid time range that can "
                     "fit within an `int64`.",
      .fn = ParseRfc3339Ns,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeParseDurationNs,
      .args = {t::Named(t::String(), "duration", "a duration like \"3m\"")},
      .result = t::Named(t::Number(), "ns", "the `duration` in nanoseconds"),
      .description = "Returns the duration in nanoseconds represented by a string.",
      .fn = ParseDurationNs,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeFormat,
      .args = {t::Named(
          t::AnyOf({t::Number(), t::ArrayStatic({t::Number(), t::String()}),
                    t::ArrayStatic({t::Number(), t::String(), t::String()})}),
          "x",
          "a number representing the nanoseconds since the epoch (UTC); or a two-element array "
          "of the nanoseconds, and a timezone string; or a three-element array of ns, timezone "
          "string and a layout string or golang defined formatting constant")},
      .result = t::Named(t::String(), "formatted timestamp",
                         "the formatted timestamp represented for the nanoseconds since the "
                         "epoch in the supplied timezone (or UTC)"),
      .description = "Returns the formatted timestamp for the nanoseconds since epoch.",
      .check_arg_types = false,
      .fn = Format,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeDate,
      .args = {tz_arg},
      .result = t::Named(t::ArrayStatic({t::Number(), t::Number(), t::Number()}), "date",
                         "an array of `year`, `month` (1-12), and `day` (1-31)"),
      .description = "Returns the `[year, month, day]` for the nanoseconds since epoch.",
      .check_arg_types = false,
      .fn = DateOf,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeClock,
      .args = {tz_arg},
      .result = t::Named(t::ArrayStatic({t::Number(), t::Number(), t::Number()}), "output",
                         "the `hour`, `minute` (0-59), and `second` (0-59) representing the "
                         "time of day for the nanoseconds since epoch in the supplied timezone "
                         "(or UTC)"),
      .description =
          "Returns the `[hour, minute, second]` of the day for the nanoseconds since epoch.",
      .check_arg_types = false,
      .fn = Clock,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeWeekday,
      .args = {tz_arg},
      .result = t::Named(t::String(), "day",
                         "the weekday represented by `ns` nanoseconds since the epoch in the "
                         "supplied timezone (or UTC)"),
      .description = "Returns the day of the week (Monday, Tuesday, ...) for the nanoseconds "
                     "since epoch.",
      .check_arg_types = false,
      .fn = Weekday,
  }));
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeAddDate,
      .args = {t::Named(t::Number(), "ns", "nanoseconds since the epoch"),
               t::Named(t::Number(), "years", "number of years to add"),
               t::Named(t::Number(), "months", "number of months to add"),
               t::Named(t::Number(), "days", "number of days to add")},
      .result = t::Named(t::Number(), "output",
                         "nanoseconds since the epoch representing the input time, with years, "
                         "months and days added"),
      .description = "Returns the nanoseconds since epoch after adding years, months and days "
                     "to nanoseconds. Month & day values outside their usual ranges after the "
                     "operation and will be normalized - for example, October 32 would become "
                     "November 1. `undefined` if the result would be outside the valid time "
                     "range that can fit within an `int64`.",
      .check_arg_types = false,
      .fn = AddDate,
  }));
  const std::string diff_arg_doc =
      "nanoseconds since the epoch; or a two-element array of the nanoseconds, and a timezone "
      "string";
  GOLDEN_RETURN_IF_ERROR(r.Register({
      .name = kTimeDiff,
      .args = {t::Named(NsOrTzArray(), "ns1", diff_arg_doc),
               t::Named(NsOrTzArray(), "ns2", diff_arg_doc)},
      .result = t::Named(t::ArrayStatic({t::Number(), t::Number(), t::Number(), t::Number(),
                                         t::Number(), t::Number()}),
                         "output",
                         "difference between `ns1` and `ns2` (in their supplied timezones, if "
                         "supplied, or UTC) as array of numbers: `[years, months, days, hours, "
                         "minutes, seconds]`"),
      .description = "Returns the difference between two unix timestamps in nanoseconds (with "
                     "optional timezone strings).",
      .check_arg_types = false,
      .fn = Diff,
  }));
  return Status::Ok();
}

}  // namespace golden::rego
