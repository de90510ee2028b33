#include "rego/builtins/go_time.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "rego/builtins/civil_time.h"

namespace golden::rego::gotime {
namespace {

// Go's reference time, Mon Jan 2 15:04:05 MST 2006 (MST = -0700), plus 123456789 ns.
Time Reference() {
  auto t = Date(2006, 1, 2, 15, 4, 5, 123456789, tz::Zone::Fixed("MST", -7 * 3600));
  return *t;
}

// Formatting the reference time with a layout made only of reference elements gives the
// layout back: a self-check of every element against Go's own definition.
TEST(Format, ReferenceTimeReproducesLayouts) {
  for (std::string_view layout :
       {"Mon Jan 02 15:04:05 -0700 2006", "02 Jan 06 15:04 MST", "02 Jan 06 15:04 -0700",
        "Monday, 02-Jan-06 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 MST",
        "Mon, 02 Jan 2006 15:04:05 -0700", "January 2, 2006 3:04:05 PM", "3:04pm", "002",
        "-07:00:00 -070000 -07", "2006-01-02 15:04:05"}) {
    EXPECT_EQ(Format(Reference(), layout), layout);
  }
  // Padded day and year-day, and fractions, print the reference values rather than the layout.
  EXPECT_EQ(Format(Reference(), "Jan _2 __2"), "Jan  2   2");
  EXPECT_EQ(Format(Reference(), "Mon Jan _2 15:04:05 MST 2006"), "Mon Jan  2 15:04:05 MST 2006");
  EXPECT_EQ(Format(Reference(), "05.000 05.000000000 05.99 05,0"),
            "05.123 05.123456789 05.12 05,1");
}

TEST(Format, ZonesAndFractions) {
  Time utc = FromUnixNanos(1670006453141828752, tz::Zone::Utc());
  EXPECT_EQ(Format(utc, "2006-01-02T15:04:05.999999999Z07:00"), "2022-12-02T18:40:53.141828752Z");
  EXPECT_EQ(Format(utc, "2006-01-02T15:04:05Z07:00"), "2022-12-02T18:40:53Z");
  EXPECT_EQ(Format(utc, "15:04:05.000"), "18:40:53.141");
  EXPECT_EQ(Format(utc, "15:04:05,99"), "18:40:53,14");
  EXPECT_EQ(Format(utc, "MST"), "UTC");
  Time whole = FromUnixNanos(1670006453000000000, tz::Zone::Utc());
  EXPECT_EQ(Format(whole, "05.999"), "53");
  EXPECT_EQ(Format(whole, "05.000"), "53.000");
  Time ist = FromUnixNanos(1670006453141828752, tz::Zone::Fixed("", 19800));
  EXPECT_EQ(Format(ist, "Z07:00 -0700 MST"), "+05:30 +0530 +0530");
  EXPECT_EQ(Format(ist, "Mon Jan 02 15:04:05 -0700 2006"), "Sat Dec 03 00:10:53 +0530 2022");
  // Literal text passes through; "Janx" is not a month because a lower-case letter follows.
  EXPECT_EQ(Format(utc, "Janx 2006 Monx"), "Janx 2022 Monx");
  EXPECT_EQ(Format(utc, "_2006"), "_2022");
}

TEST(Format, NegativeAndSmallYears) {
  Time t = *Date(-44, 3, 15, 0, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(t, "2006-01-02"), "-0044-03-15");
  EXPECT_EQ(Format(t, "06"), "44");
  Time y5 = *Date(5, 1, 1, 0, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(y5, "2006"), "0005");
}

int64_t ParseNs(std::string_view layout, std::string_view value) {
  auto t = Parse(layout, value, tz::Zone::Utc());
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *UnixNanos(*t) : 0;
}

std::string ParseFmt(std::string_view layout, std::string_view value) {
  auto t = Parse(layout, value, tz::Zone::Utc());
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? Format(*t, "2006-01-02T15:04:05.999999999Z07:00") : "";
}

std::string ParseErr(std::string_view layout, std::string_view value) {
  auto t = Parse(layout, value, tz::Zone::Utc());
  EXPECT_FALSE(t.ok()) << layout << " accepted " << value;
  return t.ok() ? "" : t.status().message();
}

TEST(Parse, CommonLayouts) {
  EXPECT_EQ(ParseNs("2006-01-02T15:04:05Z07:00", "2017-06-02T19:00:00-07:00"), 1496455200000000000);
  EXPECT_EQ(ParseNs("01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700"),
            1496455200000000000);
  EXPECT_EQ(ParseNs("02 Jan 06 15:04 -0700", "02 Jun 17 19:00 -0700"), 1496455200000000000);
  EXPECT_EQ(ParseNs("2006-01-02", "2020-02-29"), 1582934400000000000);
  EXPECT_EQ(ParseNs("2006-01-02T15:04:05Z07:00", "1677-09-21T00:12:43.145224192-00:00"), INT64_MIN);
  // Fractional seconds in the value without any in the layout; case-insensitive names.
  EXPECT_EQ(ParseNs("2006-01-02 15:04:05", "1970-01-01 00:00:01.5"), 1500000000);
  EXPECT_EQ(ParseNs("Jan 2 2006", "jAN 5 1970"), 4 * 86400 * 1000000000LL);
  EXPECT_EQ(ParseNs("Mon Jan _2 2006", "Thu Jan  1 1970"), 0);
  EXPECT_EQ(ParseNs("2006 002", "1970 032"), 31 * 86400 * 1000000000LL);
  // Without a year in the layout, Go's year is 0 (outside int64 nanoseconds).
  EXPECT_EQ(ParseFmt("3:04PM", "12:00AM"), "0000-01-01T00:00:00Z");
  EXPECT_EQ(ParseFmt("3:04PM", "12:30PM"), "0000-01-01T12:30:00Z");
  EXPECT_EQ(ParseFmt("15:04:05.000", "00:00:01.250"), "0000-01-01T00:00:01.25Z");
  EXPECT_EQ(ParseFmt("15:04 MST", "01:00 UTC"), "0000-01-01T01:00:00Z");
  // An unknown abbreviation is kept with offset 0; "GMT+3" records +3h but keeps the instant.
  EXPECT_EQ(ParseFmt("15:04 MST", "01:00 XYZ"), "0000-01-01T01:00:00Z");
  EXPECT_EQ(ParseFmt("2006 15:04 MST", "2020 01:00 GMT+3"), "2020-01-01T04:00:00+03:00");
  EXPECT_EQ(ParseFmt("2006 15:04 -07", "2020 01:00 +03"), "2020-01-01T01:00:00+03:00");
}

TEST(Parse, ErrorsAsGoWordsThem) {
  EXPECT_EQ(ParseErr("2006-01-02T15:04:05Z07:00", "2006-01-02"),
            R"(parsing time "2006-01-02" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T")");
  EXPECT_EQ(ParseErr("2006-01-02", "2006-13-01"),
            R"(parsing time "2006-13-01": month out of range)");
  EXPECT_EQ(ParseErr("2006-01-02", "2006-02-30"), R"(parsing time "2006-02-30": day out of range)");
  EXPECT_EQ(ParseErr("2006", "2006x"), R"(parsing time "2006x": extra text: "x")");
  EXPECT_EQ(ParseErr("15:04", "25:00"), R"(parsing time "25:00": hour out of range)");
  EXPECT_EQ(ParseErr("2006-01-02", "20x6-01-02"),
            R"(parsing time "20x6-01-02" as "2006-01-02": cannot parse "20x6-01-02" as "2006")");
  EXPECT_EQ(ParseErr("Jan", "Foo"), R"(parsing time "Foo" as "Jan": cannot parse "Foo" as "Jan")");
  EXPECT_EQ(ParseErr("2006 002", "2021 366"),
            R"(parsing time "2021 366": day-of-year out of range)");
  EXPECT_EQ(ParseErr("2006-01-02 002", "2020-03-01 060"),
            R"(parsing time "2020-03-01 060": day-of-year does not match month)");
  EXPECT_EQ(ParseErr("2006-01-02 002", "2020-02-01 060"),
            R"(parsing time "2020-02-01 060": day-of-year does not match day)");
  EXPECT_EQ(ParseErr("-07:00", "+25:00"),
            R"(parsing time "+25:00": time zone offset hour out of range)");
  EXPECT_EQ(ParseErr("2006", "\xff"),
            R"(parsing time "\xff" as "2006": cannot parse "\xff" as "2006")");
}

TEST(Duration, Parses) {
  EXPECT_EQ(*ParseDuration("100ms"), 100000000);
  EXPECT_EQ(*ParseDuration("1h2m3.5s"), 3723500000000);
  EXPECT_EQ(*ParseDuration("-1.5h"), -5400000000000);
  EXPECT_EQ(*ParseDuration("+3us"), 3000);
  EXPECT_EQ(*ParseDuration("3\xc2\xb5s"), 3000);
  EXPECT_EQ(*ParseDuration("3\xce\xbcs"), 3000);
  EXPECT_EQ(*ParseDuration("0"), 0);
  EXPECT_EQ(*ParseDuration("-0"), 0);
  EXPECT_EQ(*ParseDuration(".5s"), 500000000);
  EXPECT_EQ(*ParseDuration("1.s"), 1000000000);
  EXPECT_EQ(*ParseDuration("9223372036854775807ns"), INT64_MAX);
  EXPECT_EQ(*ParseDuration("-9223372036854775808ns"), INT64_MIN);
  EXPECT_EQ(*ParseDuration("0.000000001s"), 1);
}

TEST(Duration, Errors) {
  EXPECT_EQ(ParseDuration("").status().message(), R"(time: invalid duration "")");
  EXPECT_EQ(ParseDuration("abc").status().message(), R"(time: invalid duration "abc")");
  EXPECT_EQ(ParseDuration("1").status().message(), R"(time: missing unit in duration "1")");
  EXPECT_EQ(ParseDuration("1x").status().message(), R"(time: unknown unit "x" in duration "1x")");
  EXPECT_EQ(ParseDuration(".s").status().message(), R"(time: invalid duration ".s")");
  EXPECT_EQ(ParseDuration("9223372036854775808ns").status().message(),
            R"(time: invalid duration "9223372036854775808ns")");
  EXPECT_EQ(ParseDuration("3000000h").status().message(), R"(time: invalid duration "3000000h")");
}

TEST(Date, NormalisesLikeGo) {
  Time t = *Date(2021, 10, 32, 0, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(t, "2006-01-02"), "2021-11-01");
  t = *Date(2021, 0, 0, 24, 60, 60, 1000000000, tz::Zone::Utc());
  EXPECT_EQ(Format(t, "2006-01-02 15:04:05"), "2020-12-01 01:01:01");
  t = *Date(2020, 14, -1, -1, 0, 0, -1, tz::Zone::Utc());
  EXPECT_EQ(Format(t, "2006-01-02 15:04:05.999999999"), "2021-01-29 22:59:59.999999999");
  EXPECT_FALSE(Date(int64_t{1} << 50, 1, 1, 0, 0, 0, 0, tz::Zone::Utc()).has_value());
}

TEST(Date, AddDateOverflowsMonthEnds) {
  Time jan31 = *Date(2021, 1, 31, 12, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(*AddDate(jan31, 0, 1, 0), "2006-01-02"), "2021-03-03");
  Time leap = *Date(2020, 1, 31, 12, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(*AddDate(leap, 0, 1, 0), "2006-01-02"), "2020-03-02");
  Time feb29 = *Date(2020, 2, 29, 0, 0, 0, 0, tz::Zone::Utc());
  EXPECT_EQ(Format(*AddDate(feb29, 1, 0, 0), "2006-01-02"), "2021-03-01");
  EXPECT_EQ(Format(*AddDate(feb29, -4, 0, 0), "2006-01-02"), "2016-02-29");
  EXPECT_FALSE(AddDate(feb29, INT64_MAX, 0, 0).has_value());
}

TEST(Date, DstGapAndOverlapInNewYork) {
  if (!std::filesystem::exists("/usr/share/zoneinfo/America/New_York")) GTEST_SKIP();
  auto ny = *tz::LoadZone("America/New_York", tz::DefaultZoneDirs());
  // 02:30 does not exist on 2021-03-14; Go's Date resolves it with the earlier offset.
  Time gap = *Date(2021, 3, 14, 2, 30, 0, 0, ny);
  EXPECT_EQ(Format(gap, "15:04 MST"), "01:30 EST");
  // 01:30 happens twice on 2021-11-07; Go picks the first (EDT).
  Time overlap = *Date(2021, 11, 7, 1, 30, 0, 0, ny);
  EXPECT_EQ(Format(overlap, "15:04 MST"), "01:30 EDT");
  // Adding a day across the spring change keeps the wall clock.
  Time before = *Date(2021, 3, 13, 12, 0, 0, 0, ny);
  Time after = *AddDate(before, 0, 0, 1);
  EXPECT_EQ(after.sec - before.sec, 23 * 3600);
  EXPECT_EQ(Format(after, "2006-01-02 15:04 MST"), "2021-03-14 12:00 EDT");
}

TEST(Civil, WeekdayAndYearDay) {
  Civil c = ToCivil(FromUnixNanos(1517832000000000000, tz::Zone::Utc()));
  EXPECT_EQ(WeekdayName(c.weekday), "Monday");
  EXPECT_EQ(c.yday, 36);
  EXPECT_EQ(MonthName(c.month), "February");
  // Floor division and modulo at the ends of int64 (UBSan caught an overflow here).
  EXPECT_EQ(civil::FloorMod(INT64_MIN, 1000000000), 145224192);
  EXPECT_EQ(civil::FloorDiv(INT64_MIN, 1000000000), -9223372037);
  EXPECT_EQ(civil::FloorMod(-1, 86400), 86399);
  EXPECT_EQ(civil::FloorMod(INT64_MAX, 86400), INT64_MAX % 86400);
  Civil min = ToCivil(FromUnixNanos(INT64_MIN, tz::Zone::Utc()));
  EXPECT_EQ(min.year, 1677);
  EXPECT_EQ(min.month, 9);
  EXPECT_EQ(min.day, 21);
}

TEST(Quote, EscapesLikeGo) {
  EXPECT_EQ(Quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(Quote("\xc3\xa9"), R"("\xc3\xa9")");
  EXPECT_EQ(Quote("\n"), R"("\x0a")");
}

}  // namespace
}  // namespace golden::rego::gotime
