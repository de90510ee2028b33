#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_util.h"
#include "rego/builtins/names.h"

namespace golden::rego::testing {
namespace {

using UnitsTest = BuiltinTest;
namespace b = builtins;

TEST_F(UnitsTest, ParseIsExact) {
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("10K")"}), "10000"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("10KI")"}), "10240"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("1.1Ki")"}), "1126.4"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("100M")"}), "100000000"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("100mi")"}), "104857600"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("10Ei")"}), "11529215046068469760"));
  // Milli is the float64 nearest 0.001, as OPA multiplies by it; ten decimals are kept.
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("1.5m")"}), "0.0015"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("1000m")"}), "1"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("500m")"}), "0.5"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"(".5K")"}), "500"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("1e-2")"}), "0.01"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("2.5e3K")"}), "2500000"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("-2.5Ki")"}), "-2560"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("\"100TI\"")"}), "109951162777600"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParse, {R"("0.00000000001")"}), "0"));
}

TEST_F(UnitsTest, ParseErrors) {
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParse, {R"("")"}), "units.parse: no amount provided"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParse, {R"("G")"}), "units.parse: no amount provided"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParse, {R"(" 327Mi ")"}),
                      "units.parse: spaces not allowed in resource strings"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParse, {R"(".5.2")"}),
                      "units.parse: could not parse amount to a number"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kUnitsParse, {R"("5foo")"}), "units.parse: unit foo not recognized"));
  EXPECT_TRUE(
      ErrorIs(CallT(b::kUnitsParse, {R"("1e1234567")"}), "units.parse: exponent too large"));
}

TEST_F(UnitsTest, ParseBytes) {
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("1.1KiB")"}), "1126"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("1.1KB")"}), "1100"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("0.1")"}), "0"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("10Kib")"}), "10240"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("3.2E2MiB")"}), "335544320"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("4.5e1GiB")"}), "48318382080"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("10eb")"}), "10000000000000000000"));
  EXPECT_TRUE(ResultIs(CallT(b::kUnitsParseBytes, {R"("-1.5kb")"}), "-1500"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParseBytes, {R"("GB")"}),
                      "units.parse_bytes: no byte amount provided"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParseBytes, {R"("100 kb")"}),
                      "units.parse_bytes: spaces not allowed in resource strings"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParseBytes, {R"("0.0.0")"}),
                      "units.parse_bytes: could not parse byte amount to a number"));
  EXPECT_TRUE(ErrorIs(CallT(b::kUnitsParseBytes, {R"("5xb")"}),
                      "units.parse_bytes: byte unit xb not recognized"));
}

}  // namespace
}  // namespace golden::rego::testing
