#include "rego/builtins/pem.h"

#include "base/base64.h"
#include "base/strings.h"

namespace golden::rego::pem {

namespace {

constexpr std::string_view kStart = "\n-----BEGIN ";
constexpr std::string_view kEnd = "\n-----END ";
constexpr std::string_view kEndOfLine = "-----";

// Go's getLine: the first line without its trailing spaces, tabs and newline; the rest.
std::string_view GetLine(std::string_view data, std::string_view* rest) {
  size_t i = data.find('\n');
  size_t j;
  if (i == std::string_view::npos) {
    i = data.size();
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] == '\r') --i;
  }
  std::string_view line = data.substr(0, i);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  *rest = data.substr(j);
  return line;
}

std::string RemoveSpacesAndTabs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

}  // namespace

std::optional<Block> Decode(std::string_view data, std::string_view* rest_out) {
  *rest_out = data;
  std::string_view rest = data;
  for (;;) {
    if (rest.starts_with(kStart.substr(1))) {
      rest.remove_prefix(kStart.size() - 1);
    } else if (size_t at = rest.find(kStart); at != std::string_view::npos) {
      rest.remove_prefix(at + kStart.size());
    } else {
      return std::nullopt;
    }
    std::string_view type_line = GetLine(rest, &rest);
    if (!type_line.ends_with(kEndOfLine)) continue;
    type_line.remove_suffix(kEndOfLine.size());

    Block block;
    block.type = std::string(type_line);
    bool truncated = false;
    for (;;) {
      if (rest.empty()) {
        truncated = true;
        break;
      }
      std::string_view next;
      std::string_view line = GetLine(rest, &next);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) break;
      block.headers[std::string(TrimSpace(line.substr(0, colon)))] =
          std::string(TrimSpace(line.substr(colon + 1)));
      rest = next;
    }
    if (truncated) return std::nullopt;

    size_t end_index, end_trailer_index;
    if (block.headers.empty() && rest.starts_with(kEnd.substr(1))) {
      end_index = 0;
      end_trailer_index = kEnd.size() - 1;
    } else {
      end_index = rest.find(kEnd);
      if (end_index == std::string_view::npos) continue;
      end_trailer_index = end_index + kEnd.size();
    }
    std::string_view end_trailer = rest.substr(end_trailer_index);
    const size_t trailer_len = type_line.size() + kEndOfLine.size();
    if (end_trailer.size() < trailer_len) continue;
    std::string_view rest_of_end_line = end_trailer.substr(trailer_len);
    end_trailer = end_trailer.substr(0, trailer_len);
    if (!end_trailer.starts_with(type_line) || !end_trailer.ends_with(kEndOfLine)) continue;
    std::string_view ignored;
    if (!GetLine(rest_of_end_line, &ignored).empty()) continue;

    auto bytes = Base64Decode(RemoveSpacesAndTabs(rest.substr(0, end_index)));
    if (!bytes.ok()) continue;
    block.bytes = std::move(*bytes);
    // The -1: the END line may have matched without a leading newline.
    GetLine(rest.substr(end_index + kEnd.size() - 1), rest_out);
    return block;
  }
}

std::string Encode(std::string_view type, std::string_view bytes) {
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  std::string b64 = Base64Encode(bytes);
  for (size_t i = 0; i < b64.size(); i += 64) {
    out.append(b64, i, 64);
    out.push_back('\n');
  }
  out += "-----END " + std::string(type) + "-----\n";
  return out;
}

}  // namespace golden::rego::pem
