#include "portfolio/schema.h"

#include <gtest/gtest.h>

#include "base/fs.h"
#include "portfolio/metadata.h"
#include "testing/temp_dir.h"
#include "value/json.h"

namespace golden::portfolio {
namespace {

using golden::testing::SharedDir;
using golden::testing::SourceDir;

std::shared_ptr<const MetadataSchema> Ours() {
  auto s = MetadataSchema::Load(SourceDir() / "schemas/repo-schema.json");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : nullptr;
}

std::shared_ptr<const MetadataSchema> FromText(std::string_view json) {
  auto s = MetadataSchema::Parse(json, "test.json");
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? *s : nullptr;
}

// "path: message" for every error of `yaml` against `schema`.
std::vector<std::string> Errors(const MetadataSchema& schema, std::string_view yaml) {
  Metadata m = ParseMetadata(yaml);
  EXPECT_TRUE(m.state == MetadataState::kLoaded || m.state == MetadataState::kEmpty) << m.error;
  std::vector<std::string> out;
  for (const SchemaError& e : schema.Validate(m.doc)) {
    out.push_back((e.path.empty() ? "" : e.path + ": ") + e.message);
  }
  return out;
}

TEST(Schema, ValidMetadataPasses) {
  auto s = Ours();
  EXPECT_TRUE(Errors(*s,
                     "type: library\ntier: 1\nlanguage: python\nstatus: inactive\n"
                     "created: 2025-02-28\ncoverage: {target: 90, lines: 80, extra: 1}\n"
                     "docs: {profile: minimal}\ninterfaces: {cli: yes, api: no}\n"
                     "owner: team\ndescription: d\n")
                  .empty());
}

TEST(Schema, EveryErrorIsReportedWithItsPathInJsonschemasWords) {
  auto s = Ours();
  EXPECT_EQ(Errors(*s,
                   "language: no\ntier: 7\nstatus: gone\ncreated: 2025-13-01\n"
                   "coverage: {target: 101, lines: -1}\ndocs: {profile: full}\n"
                   "interfaces: {cli: 'yes'}\nowner: [a]\nzeta: 1\nalpha: 2\n"),
            (std::vector<std::string>{
                "'type' is a required property",
                "Additional properties are not allowed ('alpha', 'zeta' were unexpected)",
                "created: '2025-13-01' is not a 'date'",
                "language: False is not of type 'string'",
                "owner: ['a'] is not of type 'string'",
                "status: 'gone' is not one of ['active', 'inactive', 'archived', 'deprecated', "
                "'unknown']",
                "tier: 7 is greater than the maximum of 4",
                "coverage.lines: -1 is less than the minimum of 0",
                "coverage.target: 101 is greater than the maximum of 100",
                "docs.profile: 'full' is not one of ['standard', 'minimal']",
                "interfaces.cli: 'yes' is not of type 'boolean'",
            }));
}

TEST(Schema, FirstErrorIsJsonschemasBestMatch) {
  auto s = Ours();
  // The examples of ../shared/spec/original-behaviour.md 5.3.
  EXPECT_EQ(Errors(*s, "language: x\ntier: 7\nfoo: 1\n").at(0), "'type' is a required property");
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ntier: 9\ncoverage: {target: 101}\n").at(0),
            "tier: 9 is greater than the maximum of 4");
}

TEST(Schema, TypesAsJsonschemaSeesThem) {
  auto s = Ours();
  EXPECT_TRUE(Errors(*s, "type: x\nlanguage: x\ntier: 1.0\n").empty());  // 1.0 is an integer
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ntier: 1.5\n"),
            (std::vector<std::string>{"tier: 1.5 is not of type 'integer'"}));
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ntier: true\n"),
            (std::vector<std::string>{"tier: True is not of type 'integer'"}));
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ntier: '1'\n"),
            (std::vector<std::string>{"tier: '1' is not of type 'integer'"}));
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ntier: ~\n"),
            (std::vector<std::string>{"tier: None is not of type 'integer'"}));
  EXPECT_EQ(Errors(*s, "[a]"), (std::vector<std::string>{"['a'] is not of type 'object'"}));
  // Unquoted dates are strings, so they validate (PyYAML made them date objects).
  EXPECT_TRUE(Errors(*s, "type: x\nlanguage: x\ncreated: 2024-02-29\n").empty());
}

TEST(Schema, FormatsAreCheckedStrictlyAndNeverOnNonStrings) {
  auto s = Ours();
  for (std::string_view bad :
       {"2025-02-29", "2025-1-1", "not-a-date", "2025-01-01T00:00:00Z", "20250101", "2025-04-31"}) {
    EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ncreated: '" + std::string(bad) + "'\n").size(), 1u)
        << bad;
  }
  // A non-string gets the type error only (valijson's own format check threw on lists).
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ncreated: [1]\n"),
            (std::vector<std::string>{"created: [1] is not of type 'string'"}));
  EXPECT_TRUE(IsRfc3339DateTime("2025-01-01T10:00:00.5+02:00"));
  EXPECT_TRUE(IsRfc3339DateTime("2025-01-01t10:00:60z"));
  EXPECT_FALSE(IsRfc3339DateTime("2025-01-01T10:00:00"));
  EXPECT_FALSE(IsRfc3339Time("24:00:00Z"));
  EXPECT_TRUE(IsRfc3339Date("2000-02-29"));
  EXPECT_FALSE(IsRfc3339Date("1900-02-29"));
}

TEST(Schema, LongStringsNeverReachStdRegex) {
  auto s = Ours();
  // 300 KB in a date field: valijson's std::regex overflowed the stack on this.
  std::string huge(300'000, '1');
  EXPECT_EQ(Errors(*s, "type: x\nlanguage: x\ncreated: '" + huge + "'\n").size(), 1u);
  auto pattern = FromText(R"({"properties": {"name": {"pattern": "^[a-z]+$"}},
                              "patternProperties": {"^x-": {"type": "string"}}})");
  std::string long_name(5000, 'a');
  auto errors = Errors(*pattern, "name: " + long_name + "\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "name: a string of 5000 bytes is too long to validate (the limit is 4096)");
  EXPECT_EQ(Errors(*pattern, "name: ABC\n"),
            (std::vector<std::string>{"name: 'ABC' does not match '^[a-z]+$'"}));
  EXPECT_TRUE(Errors(*pattern, "name: abc\n").empty());
}

TEST(Schema, KeywordMessages) {
  auto s = FromText(R"({
    "definitions": {"small": {"type": "integer", "exclusiveMaximum": 10}},
    "type": "object",
    "properties": {
      "c": {"const": "k"},
      "n": {"$ref": "#/definitions/small"},
      "m": {"exclusiveMinimum": 0, "multipleOf": 5},
      "s": {"minLength": 2, "maxLength": 3},
      "a": {"type": "array", "minItems": 1, "maxItems": 2, "uniqueItems": true},
      "o": {"type": "object", "minProperties": 1, "maxProperties": 1},
      "any": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
      "one": {"oneOf": [{"type": "integer"}, {"minimum": 0}]},
      "not": {"not": {"type": "string"}},
      "t": {"type": ["string", "null"]}
    },
    "patternProperties": {"^x-": {}},
    "additionalProperties": false,
    "dependencies": {"c": ["n"]}
  })");
  EXPECT_EQ(Errors(*s,
                   "c: j\nn: 10\nm: 7\ns: abcd\na: [1, 1, 1]\no: {}\nany: [1]\n"
                   "one: 5\nnot: s\nt: 1\nx-ok: 1\nextra: 1\n"),
            (std::vector<std::string>{
                "Additional properties are not allowed ('extra' was unexpected)",
                "a: [1, 1, 1] is too long",
                "a: [1, 1, 1] has non-unique elements",
                "any: [1] is not valid under any of the given schemas",
                "c: 'k' was expected",
                "m: 7 is not a multiple of 5",
                "n: 10 is greater than or equal to the maximum of 10",
                "not: 's' should not be valid under {'type': 'string'}",
                "o: {} does not have enough properties",
                "one: 5 is valid under more than one of the given schemas",
                "s: 'abcd' is too long",
                "t: 1 is not of type 'string', 'null'",
            }));
}

TEST(Schema, Dependencies) {
  auto s = FromText(R"({"dependencies": {"c": ["n"]}})");
  EXPECT_EQ(Errors(*s, "c: 1\n"),
            (std::vector<std::string>{"'n' is a dependency of another property"}));
  EXPECT_TRUE(Errors(*s, "c: 1\nn: 2\n").empty());
}

TEST(Schema, ValijsonsSilentFailuresStillGetAnError) {
  auto s = FromText(R"({"propertyNames": {"maxLength": 2}})");
  EXPECT_EQ(Errors(*s, "abc: 1\n"),
            (std::vector<std::string>{"{'abc': 1} does not match the schema"}));
}

TEST(Schema, BadSchemasAreConfigurationErrors) {
  auto not_json = MetadataSchema::Parse("{\"type\": ", "s.json");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.status().where()->file, "s.json");
  auto not_object = MetadataSchema::Parse("[1]", "s.json");
  ASSERT_FALSE(not_object.ok());
  EXPECT_NE(not_object.status().message().find("must be an object"), std::string::npos);
  auto bad_ref = MetadataSchema::Parse(R"({"$ref": "http://example.com/x.json"})", "s.json");
  ASSERT_FALSE(bad_ref.ok());
  EXPECT_NE(bad_ref.status().message().find("not a usable JSON Schema"), std::string::npos);
  auto missing = MetadataSchema::Load("/nonexistent/schema.json");
  EXPECT_FALSE(missing.ok());
}

// Our schema accepts and rejects what the original's does, plus status `inactive`.
TEST(Schema, OursMatchesTheOriginalPlusInactive) {
  fs::path original = SharedDir() / "anchor-data/repo-schema.json";
  fs::path with_inactive = SharedDir() / "anchor-data/repo-schema.8d45408-with-inactive.json";
  if (!fs::exists(original)) GTEST_SKIP() << "no ../shared/anchor-data";
  auto ours = Ours();
  auto orig = MetadataSchema::Load(original);
  auto later = MetadataSchema::Load(with_inactive);
  ASSERT_TRUE(orig.ok() && later.ok());
  const std::vector<std::string> corpus = {
      "type: a\nlanguage: b\n",
      "type: a\n",
      "language: b\n",
      "type: a\nlanguage: b\ntier: 0\n",
      "type: a\nlanguage: b\ntier: 4\n",
      "type: a\nlanguage: b\ntier: 2.0\n",
      "type: a\nlanguage: b\ntier: '2'\n",
      "type: a\nlanguage: b\nstatus: inactive\n",
      "type: a\nlanguage: b\nstatus: active\n",
      "type: a\nlanguage: b\nstatus: retired\n",
      "type: a\nlanguage: b\ncoverage: {target: 100, lines: 0, x: 1}\n",
      "type: a\nlanguage: b\ncoverage: {target: 100.5}\n",
      "type: a\nlanguage: b\ncoverage: 5\n",
      "type: a\nlanguage: b\ndocs: {profile: standard}\n",
      "type: a\nlanguage: b\ndocs: {profile: none}\n",
      "type: a\nlanguage: b\ninterfaces: {cli: true, api: 1}\n",
      "type: a\nlanguage: b\nowner: 5\n",
      "type: a\nlanguage: b\ndescription: ''\n",
      "type: a\nlanguage: b\ncreated: 2025-01-01\n",
      "type: a\nlanguage: b\nname: x\n",
      "type: 1\nlanguage: b\n",
      "[1, 2]",
      "type: a\nlanguage: no\n",
  };
  for (const std::string& doc : corpus) {
    Metadata m = ParseMetadata(doc);
    bool ours_ok = ours->Validate(m.doc).empty();
    EXPECT_EQ(ours_ok, (*later)->Validate(m.doc).empty()) << doc;
    bool inactive = doc.find("inactive") != std::string::npos;
    EXPECT_EQ(ours_ok, (*orig)->Validate(m.doc).empty() || inactive) << doc;
    if (inactive) {
      EXPECT_TRUE(ours_ok);
      EXPECT_FALSE((*orig)->Validate(m.doc).empty());
    }
  }
}

TEST(Schema, TheExampleCarriesTheCanonicalSchema) {
  auto canonical = ReadFile(SourceDir() / "schemas/repo-schema.json");
  auto example = ReadFile(SourceDir() / "examples/governance/.metaHub/schemas/repo-schema.json");
  ASSERT_TRUE(canonical.ok() && example.ok());
  EXPECT_EQ(*canonical, *example);
}

}  // namespace
}  // namespace golden::portfolio
