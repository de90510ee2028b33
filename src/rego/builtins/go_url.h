#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "value/value.h"

/// URLs as Go's net/url parses and prints them (OPA exposes url.URL values in X.509 output and
/// signs EscapedPath/RawQuery in providers.aws.sign_req).
namespace golden::rego::gourl {

struct Userinfo {
  std::string username;
  std::string password;
  bool password_set = false;
};

/// Go's url.URL.
struct Url {
  std::string scheme;
  std::string opaque;
  std::optional<Userinfo> user;
  std::string host;
  std::string path;
  std::string raw_path;
  bool omit_host = false;
  bool force_query = false;
  std::string raw_query;
  std::string fragment;
  std::string raw_fragment;

  /// Go's URL.EscapedPath.
  std::string EscapedPath() const;
  /// Go's URL.String.
  std::string ToString() const;
  /// The JSON Go's encoding/json gives a url.URL (Userinfo's fields are unexported: {}).
  Value ToJson() const;
};

/// Go's url.Parse. Errors read like Go's: `parse "%zz": invalid URL escape "%zz"`.
Result<Url> Parse(std::string_view raw);

}  // namespace golden::rego::gourl
