#include "base/base64.h"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(Base64, EncodeAllAlphabets) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("\xfb\xff", Base64Alphabet::kStd), "+/8=");
  EXPECT_EQ(Base64Encode("\xfb\xff", Base64Alphabet::kUrl), "-_8=");
  EXPECT_EQ(Base64Encode("\xfb\xff", Base64Alphabet::kRawUrl), "-_8");
  EXPECT_EQ(Base64Encode("f", Base64Alphabet::kRawStd), "Zg");
}

TEST(Base64, RoundTripsBinary) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (auto a : {Base64Alphabet::kStd, Base64Alphabet::kUrl, Base64Alphabet::kRawStd,
                 Base64Alphabet::kRawUrl}) {
    for (size_t n = 0; n < 8; ++n) {
      std::string part = all.substr(n * 7, 30 + n);
      auto back = Base64Decode(Base64Encode(part, a), a);
      ASSERT_TRUE(back.ok()) << back.status().message();
      EXPECT_EQ(*back, part);
    }
  }
}

TEST(Base64, DecodeSkipsNewlines) {
  EXPECT_EQ(*Base64Decode("Zm9v\r\nYmFy\n"), "foobar");
  EXPECT_EQ(*Base64Decode("Zg=\n="), "f");
}

// Offsets as Go's encoding/base64 reports them (OPA's JWT cases compare these messages).
TEST(Base64, ErrorOffsetsMatchGo) {
  auto e = Base64Decode("eyJhbGciOiJIU^%zI1NiI+", Base64Alphabet::kUrl);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "illegal base64 data at input byte 13");
  EXPECT_EQ(Base64Decode("Zg=", Base64Alphabet::kStd).status().message(),
            "illegal base64 data at input byte 3");
  EXPECT_EQ(Base64Decode("Zg", Base64Alphabet::kStd).status().message(),
            "illegal base64 data at input byte 0");
  EXPECT_EQ(Base64Decode("Z", Base64Alphabet::kRawStd).status().message(),
            "illegal base64 data at input byte 0");
  EXPECT_EQ(Base64Decode("Zg==Zg==").status().message(), "illegal base64 data at input byte 4");
  EXPECT_EQ(Base64Decode("Z===").status().message(), "illegal base64 data at input byte 1");
  EXPECT_EQ(Base64Decode("Zm9=x").status().message(), "illegal base64 data at input byte 4");
  EXPECT_FALSE(Base64Decode("Zg==", Base64Alphabet::kRawStd).ok());
  EXPECT_FALSE(Base64Decode("-_8=", Base64Alphabet::kStd).ok());
}

TEST(Base64, NonCanonicalTrailingBitsAccepted) {
  // Go's default (non-strict) decoder ignores set bits after the last full byte.
  EXPECT_EQ(*Base64Decode("Zh=="), "f");
}

}  // namespace
}  // namespace golden
