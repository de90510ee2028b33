#include "rego/builtins/time.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "rego/builtins/builtin_test_helper.h"
#include "value/json.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

class TimeBuiltins : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists("/usr/share/zoneinfo/America/New_York")) {
      GTEST_SKIP() << "tzdata not installed";
    }
  }
  BuiltinHarness h{RegisterTimeBuiltins};
};

TEST_F(TimeBuiltins, NowIsTheQueryTime) {
  h.ctx().now_ns = 1234;
  EXPECT_EQ(h.Ok("time.now_ns", {}), Value::Int(1234));
  EXPECT_EQ(h.Ok("time.now_ns", {}), Value::Int(1234));
  EXPECT_TRUE(h.registry().Find("time.now_ns")->nondeterministic);
}

TEST_F(TimeBuiltins, ParseNs) {
  EXPECT_EQ(h.Ok("time.parse_ns", {S("RFC822Z"), S("02 Jun 17 19:00 -0700")}),
            Value::Int(1496455200000000000));
  EXPECT_EQ(h.Ok("time.parse_ns", {S("2006-01-02T15:04:05Z07:00"),
                                   S("2262-04-11T23:47:16.854775807-00:00")}),
            Value::Int(INT64_MAX));
  EXPECT_EQ(h.Err("time.parse_ns", {S("2006-01-02T15:04:05Z07:00"),
                                    S("2262-04-11T23:47:16.854775808-00:00")}),
            "time outside of valid range");
  EXPECT_EQ(h.Err("time.parse_ns", {S("2006-01-02T15:04:05Z07:00"),
                                    S("1677-09-21T00:12:43.145224191-00:00")}),
            "time outside of valid range");
  EXPECT_EQ(h.Err("time.parse_ns", {S("2006-01-02"), S("x")}),
            R"(parsing time "x" as "2006-01-02": cannot parse "x" as "2006")");
  EXPECT_EQ(h.Err("time.parse_ns", {Value::Int(1), S("x")}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

TEST_F(TimeBuiltins, ParseRfc3339AndDuration) {
  EXPECT_EQ(h.Ok("time.parse_rfc3339_ns", {S("1970-01-01T00:00:00-00:00")}), Value::Int(0));
  EXPECT_EQ(h.Ok("time.parse_rfc3339_ns", {S("2017-06-02T19:00:00-07:00")}),
            Value::Int(1496455200000000000));
  EXPECT_EQ(h.Ok("time.parse_rfc3339_ns", {S("2017-06-03T02:00:00.5Z")}),
            Value::Int(1496455200500000000));
  EXPECT_EQ(h.Err("time.parse_rfc3339_ns", {S("2017-06-03")}),
            R"(parsing time "2017-06-03" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T")");
  EXPECT_EQ(h.Ok("time.parse_duration_ns", {S("100ms")}), Value::Int(100000000));
  EXPECT_EQ(h.Err("time.parse_duration_ns", {S("100")}), R"(time: missing unit in duration "100")");
}

TEST_F(TimeBuiltins, DateClockWeekdayWithZones) {
  const int64_t ns = 1517814000LL * 1000000000LL;
  EXPECT_EQ(h.Ok("time.date", {Value::Int(ns)}), J("[2018, 2, 5]"));
  EXPECT_EQ(h.Ok("time.date", {Value::Array({Value::Int(ns), S("America/Los_Angeles")})}),
            J("[2018, 2, 4]"));
  EXPECT_EQ(h.Ok("time.date", {Value::Array({Value::Int(ns), S("")})}), J("[2018, 2, 5]"));
  EXPECT_EQ(h.Ok("time.date", {J("1582977600000000000")}), J("[2020, 2, 29]"));
  EXPECT_EQ(h.Ok("time.clock", {Value::Array({J("1517832000000000000"), S("America/New_York")})}),
            J("[7, 0, 0]"));
  EXPECT_EQ(h.Ok("time.weekday", {J("1518350400000000000")}), S("Sunday"));
  // A whole number written as a float is accepted; more than int64 is not.
  EXPECT_EQ(h.Ok("time.weekday", {J("1.5183504e18")}), S("Sunday"));
  EXPECT_EQ(h.Err("time.date", {J("1582977600000000000000")}), "timestamp too big");
  EXPECT_EQ(h.Err("time.clock", {J("1.5")}), "timestamp too big");
  EXPECT_EQ(h.Err("time.date", {Value::Array({Value::Int(0), S("Mars/Base")})}),
            "unknown time zone Mars/Base");
}

TEST_F(TimeBuiltins, OperandErrorsNameOperandOne) {
  EXPECT_EQ(h.Err("time.date", {S("x")}, Kind::kTypeError),
            "operand 1 must be either number (ns) or [number (ns), string (tz)] but got string");
  EXPECT_EQ(h.Err("time.date", {J("[]")}, Kind::kTypeError),
            "operand 1 must be either number (ns) or [number (ns), string (tz)] but got array");
  EXPECT_EQ(h.Err("time.clock", {J(R"(["x"])")}, Kind::kTypeError),
            "operand 1 must be number but got string");
  EXPECT_EQ(h.Err("time.clock", {J("[1, 2]")}, Kind::kTypeError),
            "operand 1 must be string but got number");
  // OPA's tzTime names operand 1 even for time.diff's second argument.
  EXPECT_EQ(h.Err("time.diff", {Value::Int(0), S("x")}, Kind::kTypeError),
            "operand 1 must be either number (ns) or [number (ns), string (tz)] but got string");
}

TEST_F(TimeBuiltins, Format) {
  const Value ns = J("1670006453141828752");
  EXPECT_EQ(h.Ok("time.format", {ns}), S("2022-12-02T18:40:53.141828752Z"));
  EXPECT_EQ(h.Ok("time.format", {Value::Array({ns, S("Asia/Kolkata")})}),
            S("2022-12-03T00:10:53.141828752+05:30"));
  EXPECT_EQ(h.Ok("time.format",
                 {Value::Array({ns, S("Asia/Kolkata"), S("Mon Jan 02 15:04:05 -0700 2006")})}),
            S("Sat Dec 03 00:10:53 +0530 2022"));
  EXPECT_EQ(h.Ok("time.format", {Value::Array({ns, S("Asia/Kolkata"), S("RFC1123Z")})}),
            S("Sat, 03 Dec 2022 00:10:53 +0530"));
  EXPECT_EQ(h.Ok("time.format", {Value::Array({ns, S("America/New_York"), S("RFC1123")})}),
            S("Fri, 02 Dec 2022 13:40:53 EST"));
  EXPECT_EQ(h.Err("time.format", {J("1.582977600e22")}), "timestamp too big");
}

TEST_F(TimeBuiltins, LocalZoneFollowsTheEngineEnvironment) {
  const Value ns = J("1670006453141828752");
  h.options().env = J(R"({"TZ": "Asia/Tokyo"})");
  EXPECT_EQ(h.Ok("time.format", {Value::Array({ns, S("Local"), S("15:04 MST")})}),
            S("03:40 JST"));
  h.options().env = J(R"({"TZ": ""})");
  EXPECT_EQ(h.Ok("time.format", {Value::Array({ns, S("Local"), S("15:04 MST")})}),
            S("18:40 UTC"));
}

TEST_F(TimeBuiltins, AddDate) {
  EXPECT_EQ(h.Ok("time.add_date", {J("1585852421593912000"), Value::Int(3), Value::Int(9),
                                   Value::Int(12)}),
            J("1705257221593912000"));
  EXPECT_EQ(h.Ok("time.add_date", {J("1585852421593912000"), Value::Int(-1), Value::Int(-1),
                                   Value::Int(-1)}),
            J("1551465221593912000"));
  EXPECT_EQ(h.Err("time.add_date", {Value::Int(0), Value::Int(2262), Value::Int(1), Value::Int(1)}),
            "time outside of valid range");
  EXPECT_EQ(h.Err("time.add_date", {Value::Int(INT64_MIN), Value::Int(0), Value::Int(0),
                                    Value::Int(-1)}),
            "time outside of valid range");
  EXPECT_EQ(h.Err("time.add_date", {Value::Int(0), J("1.5"), Value::Int(0), Value::Int(0)},
                  Kind::kTypeError),
            "operand 2 must be integer number but got floating-point number");
  EXPECT_EQ(h.Err("time.add_date", {Value::Int(0), Value::Int(0), S("1"), Value::Int(0)},
                  Kind::kTypeError),
            "operand 3 must be number but got string");
  // Leap day plus one year lands on March 1st.
  EXPECT_EQ(h.Ok("time.add_date", {J("1582977600000000000"), Value::Int(1), Value::Int(0),
                                   Value::Int(0)}),
            J("1614600000000000000"));
}

TEST_F(TimeBuiltins, Diff) {
  auto parse = [&](std::string_view d) {
    return h.Ok("time.parse_ns", {S("2006-01-02"), S(d)});
  };
  EXPECT_EQ(h.Ok("time.diff", {parse("2020-02-02"), parse("2020-03-01")}), J("[0,0,28,0,0,0]"));
  EXPECT_EQ(h.Ok("time.diff", {parse("2021-02-02"), parse("2021-03-01")}), J("[0,0,27,0,0,0]"));
  EXPECT_EQ(h.Ok("time.diff", {parse("2004-02-29"), parse("2005-03-01")}), J("[1,0,1,0,0,0]"));
  EXPECT_EQ(h.Ok("time.diff", {Value::Int(61000000000), Value::Int(0)}), J("[0,0,0,0,1,1]"));
  EXPECT_EQ(h.Ok("time.diff", {Value::Array({Value::Int(3600000000000), S("UTC")}),
                               Value::Array({Value::Int(0), S("Asia/Shanghai")})}),
            J("[0,0,0,1,0,0]"));
  EXPECT_EQ(h.Ok("time.diff", {Value::Int(0), Value::Int(0)}), J("[0,0,0,0,0,0]"));
}

}  // namespace
}  // namespace golden::rego
