#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

/// PEM blocks as Go's encoding/pem reads them (OPA hands certificates and keys to it).
namespace golden::rego::pem {

struct Block {
  std::string type;                            ///< "CERTIFICATE", "PRIVATE KEY", ...
  std::map<std::string, std::string> headers;  ///< "Proc-Type: 4,ENCRYPTED" and the like
  std::string bytes;                           ///< the decoded body
};

/// Go's pem.Decode: the first well-formed block in `data` (text before it is skipped) and the
/// rest after it; nullopt, with `*rest` = `data`, when there is none.
std::optional<Block> Decode(std::string_view data, std::string_view* rest);

/// Go's pem.Encode of one block (64-column base64 lines).
std::string Encode(std::string_view type, std::string_view bytes);

}  // namespace golden::rego::pem
