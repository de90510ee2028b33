// Type checks: is_number, is_string, ..., type_name (OPA's topdown/type.go, type_name.go).

#include "rego/builtins/names.h"
#include "rego/builtins/operands.h"

namespace golden::rego {

namespace {

const std::vector<std::string> kTypesCategory = {"types"};

bool IsNumber(const Value& x) { return x.IsNumber(); }
bool IsString(const Value& x) { return x.IsString(); }
bool IsBoolean(const Value& x) { return x.IsBool(); }
bool IsArray(const Value& x) { return x.IsArray(); }
bool IsSet(const Value& x) { return x.IsSet(); }
bool IsObject(const Value& x) { return x.IsObject(); }
bool IsNull(const Value& x) { return x.IsNull(); }
Value TypeName(const Value& x) { return Value::String(x.TypeName()); }

Descriptor Predicate(const char* name, BuiltinFn fn) {
  return {.name = name,
          .args = {t::Any()},
          .result = t::Boolean(),
          .categories = kTypesCategory,
          .fn = fn};
}

}  // namespace

Status RegisterTypeBuiltins(Registry& r) {
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsNumber, Adapt<&IsNumber>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsString, Adapt<&IsString>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsBoolean, Adapt<&IsBoolean>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsArray, Adapt<&IsArray>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsSet, Adapt<&IsSet>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsObject, Adapt<&IsObject>())));
  GOLDEN_RETURN_IF_ERROR(r.Register(Predicate(builtins::kIsNull, Adapt<&IsNull>())));
  return r.Register({.name = builtins::kTypeName,
                     .args = {t::Any()},
                     .result = t::String(),
                     .categories = kTypesCategory,
                     .fn = Adapt<&TypeName>()});
}

}  // namespace golden::rego
