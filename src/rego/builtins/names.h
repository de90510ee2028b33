#pragma once

// OPA's builtin names, one constant each, grouped by the file that implements them. Code and
// tests refer to builtins through these, never through repeated literals.

namespace golden::rego::builtins {

// aggregates.cc
inline constexpr char kCount[] = "count";
inline constexpr char kSum[] = "sum";
inline constexpr char kProduct[] = "product";
inline constexpr char kMax[] = "max";
inline constexpr char kMin[] = "min";
inline constexpr char kSort[] = "sort";
inline constexpr char kAll[] = "all";
inline constexpr char kAny[] = "any";

// arrays.cc
inline constexpr char kArrayConcat[] = "array.concat";
inline constexpr char kArrayFlatten[] = "array.flatten";
inline constexpr char kArrayReverse[] = "array.reverse";
inline constexpr char kArraySlice[] = "array.slice";

// bits.cc
inline constexpr char kBitsAnd[] = "bits.and";
inline constexpr char kBitsOr[] = "bits.or";
inline constexpr char kBitsXor[] = "bits.xor";
inline constexpr char kBitsNegate[] = "bits.negate";
inline constexpr char kBitsLsh[] = "bits.lsh";
inline constexpr char kBitsRsh[] = "bits.rsh";

// casts.cc
inline constexpr char kToNumber[] = "to_number";
inline constexpr char kCastArray[] = "cast_array";
inline constexpr char kCastBoolean[] = "cast_boolean";
inline constexpr char kCastNull[] = "cast_null";
inline constexpr char kCastObject[] = "cast_object";
inline constexpr char kCastSet[] = "cast_set";
inline constexpr char kCastString[] = "cast_string";

// encoding.cc
inline constexpr char kBase64Encode[] = "base64.encode";
inline constexpr char kBase64Decode[] = "base64.decode";
inline constexpr char kBase64IsValid[] = "base64.is_valid";
inline constexpr char kBase64UrlEncode[] = "base64url.encode";
inline constexpr char kBase64UrlEncodeNoPad[] = "base64url.encode_no_pad";
inline constexpr char kBase64UrlDecode[] = "base64url.decode";
inline constexpr char kHexEncode[] = "hex.encode";
inline constexpr char kHexDecode[] = "hex.decode";
inline constexpr char kUrlQueryEncode[] = "urlquery.encode";
inline constexpr char kUrlQueryDecode[] = "urlquery.decode";
inline constexpr char kUrlQueryEncodeObject[] = "urlquery.encode_object";
inline constexpr char kUrlQueryDecodeObject[] = "urlquery.decode_object";

// glob.cc
inline constexpr char kGlobMatch[] = "glob.match";
inline constexpr char kGlobQuoteMeta[] = "glob.quote_meta";

// graph.cc
inline constexpr char kGraphReachable[] = "graph.reachable";
inline constexpr char kGraphReachablePaths[] = "graph.reachable_paths";

// json_builtins.cc, json_patch.cc
inline constexpr char kJsonMarshal[] = "json.marshal";
inline constexpr char kJsonMarshalWithOptions[] = "json.marshal_with_options";
inline constexpr char kJsonUnmarshal[] = "json.unmarshal";
inline constexpr char kJsonIsValid[] = "json.is_valid";
inline constexpr char kJsonFilter[] = "json.filter";
inline constexpr char kJsonRemove[] = "json.remove";
inline constexpr char kJsonPatch[] = "json.patch";

// objects.cc
inline constexpr char kObjectFilter[] = "object.filter";
inline constexpr char kObjectGet[] = "object.get";
inline constexpr char kObjectKeys[] = "object.keys";
inline constexpr char kObjectRemove[] = "object.remove";
inline constexpr char kObjectSubset[] = "object.subset";
inline constexpr char kObjectUnion[] = "object.union";
inline constexpr char kObjectUnionN[] = "object.union_n";

// regex.cc, regex_globs.cc
inline constexpr char kRegexMatch[] = "regex.match";
inline constexpr char kReMatch[] = "re_match";
inline constexpr char kRegexIsValid[] = "regex.is_valid";
inline constexpr char kRegexFindN[] = "regex.find_n";
inline constexpr char kRegexFindAllStringSubmatchN[] = "regex.find_all_string_submatch_n";
inline constexpr char kRegexSplit[] = "regex.split";
inline constexpr char kRegexReplace[] = "regex.replace";
inline constexpr char kRegexTemplateMatch[] = "regex.template_match";
inline constexpr char kRegexGlobsMatch[] = "regex.globs_match";

// semver.cc
inline constexpr char kSemverCompare[] = "semver.compare";
inline constexpr char kSemverIsValid[] = "semver.is_valid";

// sets.cc
inline constexpr char kIntersection[] = "intersection";
inline constexpr char kUnion[] = "union";
inline constexpr char kSetDiff[] = "set_diff";

// strings.cc, strings_format.cc
inline constexpr char kConcat[] = "concat";
inline constexpr char kContains[] = "contains";
inline constexpr char kEndsWith[] = "endswith";
inline constexpr char kFormatInt[] = "format_int";
inline constexpr char kIndexOf[] = "indexof";
inline constexpr char kIndexOfN[] = "indexof_n";
inline constexpr char kLower[] = "lower";
inline constexpr char kReplace[] = "replace";
inline constexpr char kSplit[] = "split";
inline constexpr char kSprintf[] = "sprintf";
inline constexpr char kStartsWith[] = "startswith";
inline constexpr char kStringsAnyPrefixMatch[] = "strings.any_prefix_match";
inline constexpr char kStringsAnySuffixMatch[] = "strings.any_suffix_match";
inline constexpr char kStringsCount[] = "strings.count";
inline constexpr char kStringsRenderTemplate[] = "strings.render_template";
inline constexpr char kStringsReplaceN[] = "strings.replace_n";
inline constexpr char kStringsReverse[] = "strings.reverse";
inline constexpr char kSubstring[] = "substring";
inline constexpr char kTrim[] = "trim";
inline constexpr char kTrimLeft[] = "trim_left";
inline constexpr char kTrimPrefix[] = "trim_prefix";
inline constexpr char kTrimRight[] = "trim_right";
inline constexpr char kTrimSpace[] = "trim_space";
inline constexpr char kTrimSuffix[] = "trim_suffix";
inline constexpr char kUpper[] = "upper";

// type_builtins.cc
inline constexpr char kIsArray[] = "is_array";
inline constexpr char kIsBoolean[] = "is_boolean";
inline constexpr char kIsNull[] = "is_null";
inline constexpr char kIsNumber[] = "is_number";
inline constexpr char kIsObject[] = "is_object";
inline constexpr char kIsSet[] = "is_set";
inline constexpr char kIsString[] = "is_string";
inline constexpr char kTypeName[] = "type_name";

// units.cc
inline constexpr char kUnitsParse[] = "units.parse";
inline constexpr char kUnitsParseBytes[] = "units.parse_bytes";

// yaml_builtins.cc
inline constexpr char kYamlMarshal[] = "yaml.marshal";
inline constexpr char kYamlUnmarshal[] = "yaml.unmarshal";
inline constexpr char kYamlIsValid[] = "yaml.is_valid";

}  // namespace golden::rego::builtins
