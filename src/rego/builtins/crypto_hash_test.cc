#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/crypto.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::S;
using Kind = BuiltinResult::Kind;

class CryptoHash : public ::testing::Test {
 protected:
  BuiltinHarness h{RegisterCryptoHashBuiltins};
};

TEST_F(CryptoHash, Digests) {
  EXPECT_EQ(h.Ok("crypto.md5", {S("lorem ipsum")}), S("80a751fde577028640c419000e33eba6"));
  EXPECT_EQ(h.Ok("crypto.sha1", {S("lorem ipsum")}), S("bfb7759a67daeb65410490b4d98bb9da7d1ea2ce"));
  EXPECT_EQ(h.Ok("crypto.sha256", {S("lorem ipsum")}),
            S("5e2bf57d3f40c4b6df69daf1936cb766f832374b4fc0259a7cbff06e2f70f269"));
  EXPECT_EQ(h.Ok("crypto.md5", {S("")}), S("d41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_EQ(h.Err("crypto.md5", {Value::Int(1)}, Kind::kTypeError),
            "operand 1 must be string but got number");
}

TEST_F(CryptoHash, Hmacs) {
  EXPECT_EQ(h.Ok("crypto.hmac.sha256", {S("foo"), S("bar")}),
            S("147933218aaabc0b8b10a2b3a5c34684c8d94341bcf10a4736dc7270f7741851"));
  EXPECT_EQ(h.Ok("crypto.hmac.sha256",
                 {S("\xc3\xa5\xc3\xa4\xc3\xb6\xc3\xa7\xc3\x9f\xf0\x9f\xa5\xb2\xe2\x99\x99\xce\xa9"),
                  S("\xe7\xa7\x98\xe5\xaf\x86\xe3\x81\xae")}),
            S("eb90daeb76d4b2571fbdaf94bbb240809faa8fed93ec0c260dd38c3fdf8d963a"));
  EXPECT_EQ(h.Ok("crypto.hmac.md5", {S("foo"), S("bar")}), S("31b6db9e5eb4addb42f1a6ca07367adc"));
  EXPECT_EQ(h.Ok("crypto.hmac.sha1", {S("foo"), S("bar")}),
            S("85d155c55ed286a300bd1cf124de08d87e914f3a"));
  EXPECT_EQ(h.Ok("crypto.hmac.sha512", {S("foo"), S("bar")}),
            S("24257d7210582a65c731ec55159c8184cc24c02489453e58587f71f44c23a2d61b4b72154a89d17b2d49"
              "448a8452ea066f4fc56a2bcead45c088572ffccdb3d8"));
  // RFC 4231 test case 2.
  EXPECT_EQ(h.Ok("crypto.hmac.sha512", {S("what do ya want for nothing?"), S("Jefe")}),
            S("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d03"
              "4f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"));
  // An empty key is a valid HMAC key.
  EXPECT_EQ(h.Ok("crypto.hmac.sha256", {S(""), S("")}),
            S("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
}

TEST_F(CryptoHash, HmacEqual) {
  EXPECT_EQ(h.Ok("crypto.hmac.equal", {S("31b6db9e5eb4addb42f1a6ca07367adc"),
                                       S("31b6db9e5eb4addb42f1a6ca07367adc")}),
            Value::Bool(true));
  EXPECT_EQ(h.Ok("crypto.hmac.equal", {S("31b6db9e5eb4addb42f1a6ca07367adc"),
                                       S("31b6db9e5eb4addb")}),
            Value::Bool(false));
  EXPECT_EQ(h.Ok("crypto.hmac.equal", {S(""), S("")}), Value::Bool(true));
  EXPECT_EQ(h.Ok("crypto.hmac.equal", {S("a"), S("b")}), Value::Bool(false));
}

}  // namespace
}  // namespace golden::rego
