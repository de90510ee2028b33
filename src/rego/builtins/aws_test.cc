#include <gtest/gtest.h>

#include "rego/builtins/builtin_test_helper.h"
#include "rego/builtins/go_url.h"
#include "rego/builtins/providers.h"
#include "rego/builtins/term_text.h"
#include "rego/builtins/runtime.h"

namespace golden::rego {
namespace {

using testing::BuiltinHarness;
using testing::J;
using testing::S;
using Kind = BuiltinResult::Kind;

const Value kTime = J("1451311705000000000");  // 2015-12-28T14:08:25Z
const char kConfig[] = R"({"aws_access_key": "MYAWSACCESSKEYGOESHERE",
    "aws_secret_access_key": "MYAWSSECRETACCESSKEYGOESHERE", "aws_service": "s3",
    "aws_region": "us-east-1"})";

class AwsSignReq : public ::testing::Test {
 protected:
  Value Sign(std::string_view req, std::string_view config = kConfig) {
    return h.Ok("providers.aws.sign_req", {J(req), J(config), kTime});
  }
  BuiltinHarness h{RegisterProvidersBuiltins};
};

// Expected values from OPA's providers-aws conformance cases.
TEST_F(AwsSignReq, SignsLikeOpa) {
  EXPECT_EQ(Sign(R"({"method": "get", "url": "http://example.com"})"), J(R"({
      "headers": {
        "Authorization": "AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=0047a7016c81e5c7f29cd522f97e911e04fc472fced0aee7916cbc287ad6c8e3",
        "host": "example.com",
        "x-amz-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "x-amz-date": "20151228T140825Z"},
      "method": "get", "url": "http://example.com"})"));
  Value with_headers = Sign(R"({"method": "get", "url": "http://example.com", "headers": {"foo": "bar"}})");
  EXPECT_EQ(*with_headers.FindPath({"headers", "Authorization"}),
            S("AWS4-HMAC-SHA256 Credential=MYAWSACCESSKEYGOESHERE/20151228/us-east-1/s3/aws4_request,"
              "SignedHeaders=foo;host;x-amz-content-sha256;x-amz-date,Signature="
              "8f1dc7c9b9978356a0d0989fd26a95307f4f8a4aa264d8220647b7097d839952"));
  EXPECT_EQ(*with_headers.FindPath({"headers", "foo"}), S("bar"));
  Value token = h.Ok("providers.aws.sign_req",
                     {J(R"({"method": "get", "url": "http://example.com"})"),
                      J(R"({"aws_access_key": "MYAWSACCESSKEYGOESHERE",
                            "aws_secret_access_key": "MYAWSSECRETACCESSKEYGOESHERE",
                            "aws_session_token": "MYAWSSECURITYTOKENGOESHERE",
                            "aws_service": "s3", "aws_region": "us-east-1"})"),
                      kTime});
  EXPECT_EQ(*token.FindPath({"headers", "x-amz-security-token"}), S("MYAWSSECURITYTOKENGOESHERE"));
  EXPECT_TRUE(std::string(token.FindPath({"headers", "Authorization"})->GetString())
                  .ends_with("Signature=23c31bda8a74630c0a94f6b82a3511e7e74728df98e6f54ed0840488dbbdc8d1"));
}

TEST_F(AwsSignReq, Bodies) {
  Value body = Sign(R"({"method": "get", "url": "http://example.com", "body": {"example": [1, 2, 3, 4]}})");
  EXPECT_EQ(*body.FindPath({"headers", "x-amz-content-sha256"}),
            S("bacff6243c850423883052ac3c336fd645994442933408dfd3f9e858e69bda07"));
  EXPECT_TRUE(std::string(body.FindPath({"headers", "Authorization"})->GetString())
                  .ends_with("Signature=5fb06ab1cfd74c8fcb3af95b8cce696708cf6155d971dac10f254d79799c6e88"));
  Value raw = Sign(R"({"method": "get", "url": "http://example.com", "body": {"x": 1},
                       "raw_body": "{\"example\": {1, 2, 3, 4}}"})");
  EXPECT_EQ(*raw.FindPath({"headers", "x-amz-content-sha256"}),
            S("22906461e2a98a3e780d0fd260e341bed5e544661e97c5936fc7f3af11aaad8b"));
  Value unsigned_payload = Sign(
      R"({"method": "get", "url": "https://example.com", "headers": {"foo": "bar"}, "body": {"a": 1}})",
      R"({"aws_access_key": "MYAWSACCESSKEYGOESHERE", "aws_secret_access_key": "MYAWSSECRETACCESSKEYGOESHERE",
          "aws_service": "s3", "aws_region": "us-east-1", "disable_payload_signing": true})");
  EXPECT_EQ(*unsigned_payload.FindPath({"headers", "x-amz-content-sha256"}), S("UNSIGNED-PAYLOAD"));
  EXPECT_TRUE(std::string(unsigned_payload.FindPath({"headers", "Authorization"})->GetString())
                  .ends_with("Signature=c6e6db654e92172f71e18c714c123711de069ac6fd7df1348e5b28fd05532028"));
  // A non-S3 service gets no content hash header.
  Value ec2 = Sign(R"({"method": "GET", "url": "https://ec2.amazonaws.com/?Action=DescribeRegions&Version=2013-10-15"})",
                   R"({"aws_access_key": "AK", "aws_secret_access_key": "SK", "aws_service": "ec2", "aws_region": "us-east-1"})");
  EXPECT_EQ(ec2.FindPath({"headers", "x-amz-content-sha256"}), nullptr);
  EXPECT_NE(std::string(ec2.FindPath({"headers", "Authorization"})->GetString()).find("SignedHeaders=host;x-amz-date,"),
            std::string::npos);
}

TEST_F(AwsSignReq, ErrorsAsOpaWordsThem) {
  auto err = [&](std::string_view req, std::string_view config, Value ts = kTime) {
    return h.Err("providers.aws.sign_req", {J(req), J(config), ts}, Kind::kTypeError);
  };
  EXPECT_EQ(err("{}", kConfig), R"(operand 1 missing required request parameters(s): {"method", "url"})");
  EXPECT_EQ(err(R"({"method": {}, "url": []})", kConfig),
            R"(operand 1 invalid values for required request parameters(s): {"method", "url"})");
  EXPECT_EQ(err(R"({"method": "get", "url": "x", "bogus": 1})", kConfig),
            R"(operand 1 invalid request parameters(s): {"bogus"})");
  EXPECT_EQ(err(R"({"method": "get", "url": "http://example.com"})", R"({"example": "example"})"),
            R"(operand 2 missing required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"})");
  EXPECT_EQ(err(R"({"method": "get", "url": "http://example.com"})",
                R"({"aws_access_key": 1, "aws_secret_access_key": 2, "aws_service": 4, "aws_region": 5})"),
            R"(operand 2 invalid values for required AWS config parameters(s): {"aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"})");
  EXPECT_EQ(err(R"({"method": "get", "url": "http://example.com"})", kConfig, J("-1e9")),
            "operand 3 could not convert time_ns value into a unix timestamp");
  EXPECT_EQ(err(R"({"method": "get", "url": "http://example.com"})",
                R"({"aws_access_key": "a", "aws_secret_access_key": "b", "aws_service": "s3",
                    "aws_region": "r", "disable_payload_signing": "false"})"),
            "operand 2 invalid value for 'disable_payload_signing' in AWS config");
}

TEST(TermTextForAws, PrintsSetsAsOpa) {
  EXPECT_EQ(TermText(Value::Set({S("url"), S("method")})), R"({"method", "url"})");
  EXPECT_EQ(TermText(Value::EmptySet()), "set()");
  EXPECT_EQ(TermText(J(R"({"a": [1, null, true]})")), R"({"a": [1, null, true]})");
}

TEST(GoUrl, ParsesAndEscapesLikeGo) {
  auto u = gourl::Parse("https://user:pw@example.com:8443/a b/%7Ec?x=1&y=%20#frag%20x");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "example.com:8443");
  EXPECT_EQ(u->path, "/a b/~c");
  EXPECT_EQ(u->EscapedPath(), "/a%20b/~c");  // the raw form has a space, so Go re-escapes
  EXPECT_EQ(u->raw_query, "x=1&y=%20");
  EXPECT_EQ(u->fragment, "frag x");
  EXPECT_EQ(u->user->username, "user");
  EXPECT_EQ(gourl::Parse("spiffe://example.com/opa")->ToString(), "spiffe://example.com/opa");
  EXPECT_EQ(gourl::Parse("mailto:ops@example.com")->opaque, "ops@example.com");
  EXPECT_EQ(gourl::Parse("http://[::1]:80/x")->host, "[::1]:80");
  EXPECT_FALSE(gourl::Parse("file:///etc/hosts")->omit_host);
  EXPECT_TRUE(gourl::Parse("file:/etc/hosts")->omit_host);
  EXPECT_EQ(gourl::Parse("http://x/a%2Fb")->EscapedPath(), "/a%2Fb");
  EXPECT_EQ(gourl::Parse("http://x/%zz").status().message(),
            R"(parse "http://x/%zz": invalid URL escape "%zz")");
  EXPECT_EQ(gourl::Parse(":foo").status().message(), R"(parse ":foo": missing protocol scheme)");
  EXPECT_EQ(gourl::Parse("http://x:y/").status().message(), R"(parse "http://x:y/": invalid port ":y" after host)");
  EXPECT_FALSE(gourl::Parse("http://a b.com/").ok());
  EXPECT_FALSE(gourl::Parse(std::string("http://x/\x01")).ok());
}

TEST(OpaRuntime, ReportsEnvAndVersion) {
  BuiltinHarness h{RegisterOpaBuiltins};
  h.options().env = J(R"({"HOME": "/root"})");
  // Without runtime information (OPA embedded as a library), opa.runtime() is {}.
  EXPECT_EQ(h.Ok("opa.runtime", {}), J("{}"));
  h.options().runtime_info = true;
  Value rt = h.Ok("opa.runtime", {});
  EXPECT_EQ(*rt.Find("env"), J(R"({"HOME": "/root"})"));
  EXPECT_TRUE(rt.Find("version")->IsString());
  EXPECT_TRUE(h.registry().Find("opa.runtime")->nondeterministic);
}

TEST(HttpSend, RefusesAndNamesTheFlag) {
  BuiltinHarness h{RegisterHttpBuiltins};
  EXPECT_EQ(h.Err("http.send", {J(R"({"method": "get", "url": "https://example.com"})")}),
            "network access is disabled; pass --allow-net to allow it");
  h.options().allow_net = true;
  EXPECT_EQ(h.Err("http.send", {J(R"({"method": "get", "url": "https://example.com"})")}),
            "not supported: golden has no HTTP client");
}

}  // namespace
}  // namespace golden::rego
