#include "rego/builtins/tz.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "rego/builtins/civil_time.h"

namespace golden::rego::tz {
namespace {

int64_t UnixOf(int64_t y, int m, int d, int h = 0, int mi = 0) {
  return civil::DaysFromCivil(y, m, d) * civil::kSecondsPerDay + h * 3600 + mi * 60;
}

class ZoneFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists("/usr/share/zoneinfo/America/New_York")) {
      GTEST_SKIP() << "tzdata not installed (tools/install-deps.sh installs it)";
    }
  }
  std::shared_ptr<const Zone> Load(std::string_view name) {
    auto z = LoadZone(name, DefaultZoneDirs());
    EXPECT_TRUE(z.ok()) << z.status().message();
    return z.ok() ? *z : Zone::Utc();
  }
};

TEST(CivilTime, DaysRoundTrip) {
  EXPECT_EQ(civil::DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(civil::DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(civil::DaysFromCivil(1969, 12, 31), -1);
  for (int64_t d : {int64_t{-800000}, int64_t{-1}, int64_t{0}, int64_t{59}, int64_t{11016},
                    int64_t{106751}}) {
    civil::Date date = civil::CivilFromDays(d);
    EXPECT_EQ(civil::DaysFromCivil(date.year, date.month, date.day), d);
  }
  EXPECT_EQ(civil::Weekday(0), 4);  // Thursday
  EXPECT_TRUE(civil::IsLeap(2000));
  EXPECT_FALSE(civil::IsLeap(1900));
  EXPECT_EQ(civil::DaysIn(2, 2024), 29);
  EXPECT_EQ(civil::DaysIn(2, 2023), 28);
  EXPECT_EQ(civil::FloorDiv(-1, 86400), -1);
  EXPECT_EQ(civil::FloorMod(-1, 86400), 86399);
}

TEST_F(ZoneFiles, TransitionsFromTheFile) {
  auto ny = Load("America/New_York");
  ZoneInfo summer = ny->Lookup(UnixOf(2020, 7, 1));
  EXPECT_EQ(summer.offset, -4 * 3600);
  EXPECT_EQ(summer.name, "EDT");
  EXPECT_TRUE(summer.is_dst);
  ZoneInfo winter = ny->Lookup(UnixOf(2020, 1, 1));
  EXPECT_EQ(winter.offset, -5 * 3600);
  EXPECT_EQ(winter.name, "EST");
  // 2021-03-14 02:00 EST = 07:00 UTC.
  EXPECT_EQ(ny->Lookup(UnixOf(2021, 3, 14, 6, 59)).name, "EST");
  EXPECT_EQ(ny->Lookup(UnixOf(2021, 3, 14, 7, 0)).name, "EDT");
  EXPECT_EQ(ny->Lookup(UnixOf(2021, 3, 14, 7, 0)).start, UnixOf(2021, 3, 14, 7, 0));
}

// After the last transition in the file, the POSIX rule of the footer applies (a plain
// transition reader would say EST for every summer after 2037).
TEST_F(ZoneFiles, FooterRuleAfterLastTransition) {
  auto ny = Load("America/New_York");
  EXPECT_EQ(ny->Lookup(UnixOf(2040, 7, 1)).name, "EDT");
  EXPECT_EQ(ny->Lookup(UnixOf(2250, 7, 1)).offset, -4 * 3600);
  EXPECT_EQ(ny->Lookup(UnixOf(2250, 12, 1)).offset, -5 * 3600);
  auto sydney = Load("Australia/Sydney");
  EXPECT_EQ(sydney->Lookup(UnixOf(2045, 1, 15)).name, "AEDT");
  EXPECT_EQ(sydney->Lookup(UnixOf(2045, 1, 15)).offset, 11 * 3600);
  EXPECT_EQ(sydney->Lookup(UnixOf(2045, 7, 15)).name, "AEST");
}

TEST_F(ZoneFiles, BeforeFirstTransitionIsLocalMeanTime) {
  auto ny = Load("America/New_York");
  ZoneInfo lmt = ny->Lookup(UnixOf(1800, 1, 1));
  EXPECT_EQ(lmt.name, "LMT");
  EXPECT_EQ(lmt.offset, -17762);
}

TEST_F(ZoneFiles, ZonesWithoutTransitions) {
  auto z = Load("Etc/GMT+5");
  EXPECT_EQ(z->Lookup(UnixOf(2020, 1, 1)).offset, -5 * 3600);
  EXPECT_EQ(z->Lookup(UnixOf(2020, 1, 1)).name, "-05");
  auto kolkata = Load("Asia/Kolkata");
  EXPECT_EQ(kolkata->Lookup(UnixOf(2022, 12, 2)).offset, 19800);
}

TEST_F(ZoneFiles, LookupNameFindsAbbreviations) {
  auto ny = Load("America/New_York");
  int32_t offset = 0;
  EXPECT_TRUE(ny->LookupName("EDT", UnixOf(2020, 7, 1), &offset));
  EXPECT_EQ(offset, -4 * 3600);
  EXPECT_FALSE(ny->LookupName("CET", UnixOf(2020, 7, 1), &offset));
}

TEST(Zone, LoadErrorsUseGoWording) {
  EXPECT_EQ(LoadZone("Mars/Olympus_Mons", DefaultZoneDirs()).status().message(),
            "unknown time zone Mars/Olympus_Mons");
  EXPECT_EQ(LoadZone("../../etc/passwd", DefaultZoneDirs()).status().message(),
            "time: invalid location name");
  EXPECT_EQ(LoadZone("/etc/passwd", DefaultZoneDirs()).status().message(),
            "time: invalid location name");
  EXPECT_EQ((*LoadZone("", {}))->name(), "UTC");
  EXPECT_EQ((*LoadZone("UTC", {}))->name(), "UTC");
}

TEST(Zone, MalformedData) {
  EXPECT_EQ(Zone::FromTzif("x", "").status().message(), "malformed time zone information");
  EXPECT_FALSE(Zone::FromTzif("x", "TZif2").ok());
  std::string header = "TZif2" + std::string(15, '\0') + std::string(24, '\0');
  EXPECT_FALSE(Zone::FromTzif("x", header).ok());  // no types
}

TEST(Zone, FixedAndUtc) {
  auto utc = Zone::Utc();
  EXPECT_EQ(utc->Lookup(0).name, "UTC");
  EXPECT_EQ(utc->Lookup(0).offset, 0);
  auto fixed = Zone::Fixed("XYZ", 3600);
  EXPECT_EQ(fixed->Lookup(-1'000'000'000'000).offset, 3600);
  EXPECT_EQ(fixed->Lookup(0).name, "XYZ");
}

TEST(PosixRule, UsDefaultsAndSouthernHemisphere) {
  ZoneInfo info;
  ASSERT_TRUE(EvalPosixRule("EST5EDT,M3.2.0,M11.1.0", 0, UnixOf(2040, 3, 11, 6, 59), &info));
  EXPECT_EQ(info.name, "EST");
  ASSERT_TRUE(EvalPosixRule("EST5EDT,M3.2.0,M11.1.0", 0, UnixOf(2040, 3, 11, 7, 0), &info));
  EXPECT_EQ(info.name, "EDT");
  EXPECT_EQ(info.start, UnixOf(2040, 3, 11, 7, 0));
  // No rules given: tzcode's US default.
  ASSERT_TRUE(EvalPosixRule("EST5EDT", 0, UnixOf(2040, 7, 1), &info));
  EXPECT_EQ(info.offset, -4 * 3600);
  ASSERT_TRUE(EvalPosixRule("AEST-10AEDT,M10.1.0,M4.1.0/3", 0, UnixOf(2040, 1, 1), &info));
  EXPECT_EQ(info.name, "AEDT");
  EXPECT_EQ(info.offset, 11 * 3600);
  ASSERT_TRUE(EvalPosixRule("<+0530>-5:30", 0, UnixOf(2040, 1, 1), &info));
  EXPECT_EQ(info.name, "+0530");
  EXPECT_EQ(info.offset, 19800);
  ASSERT_TRUE(EvalPosixRule("XXX3YYY,J60/2,300", 0, UnixOf(2040, 6, 1), &info));
  EXPECT_EQ(info.name, "YYY");
  EXPECT_FALSE(EvalPosixRule("", 0, 0, &info));
  EXPECT_FALSE(EvalPosixRule("AB5", 0, 0, &info));
  EXPECT_FALSE(EvalPosixRule("EST5EDT,M13.1.0,M11.1.0", 0, 0, &info));
  EXPECT_FALSE(EvalPosixRule("EST5EDT,M3.2.0", 0, 0, &info));
}

}  // namespace
}  // namespace golden::rego::tz
