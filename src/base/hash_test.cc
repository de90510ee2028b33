#include "base/hash.h"

#include <gtest/gtest.h>

namespace golden {
namespace {

TEST(Hash, KnownDigests) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha1Hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(Hash, StreamingDigestEqualsOneShot) {
  std::string data = "The quick brown fox jumps over the lazy dog";
  for (auto algorithm : {StreamingDigest::Algorithm::kSha1, StreamingDigest::Algorithm::kSha256}) {
    StreamingDigest d(algorithm);
    d.Update(data.substr(0, 10));
    d.Update("");
    d.Update(data.substr(10));
    EXPECT_EQ(d.HexDigest(),
              algorithm == StreamingDigest::Algorithm::kSha1 ? Sha1Hex(data) : Sha256Hex(data));
  }
}

TEST(Hash, FastHashIsStable) {
  EXPECT_EQ(FastHash64("abc"), FastHash64("abc"));
  EXPECT_NE(FastHash64("abc"), FastHash64("abd"));
  EXPECT_EQ(Hex64(0xabcULL), "0000000000000abc");
}

}  // namespace
}  // namespace golden
