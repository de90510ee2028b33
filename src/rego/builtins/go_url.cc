#include "rego/builtins/go_url.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "rego/builtins/go_time.h"

namespace golden::rego::gourl {

namespace {

enum class Mode { kPath, kPathSegment, kHost, kZone, kUserPassword, kQueryComponent, kFragment };

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int Unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

bool ShouldEscape(unsigned char c, Mode mode) {
  if (std::isalnum(c) != 0 && c < 0x80) return false;
  if (mode == Mode::kHost || mode == Mode::kZone) {
    switch (c) {
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+':
      case ',': case ';': case '=': case ':': case '[': case ']': case '<': case '>': case '"':
        return false;
      default:
        break;
    }
  }
  switch (c) {
    case '-': case '_': case '.': case '~':
      return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '?':
    case '@':
      switch (mode) {
        case Mode::kPath:
          return c == '?';
        case Mode::kPathSegment:
          return c == '/' || c == ';' || c == ',' || c == '?';
        case Mode::kUserPassword:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::kQueryComponent:
          return true;
        case Mode::kFragment:
          return false;
        default:
          break;
      }
      break;
    default:
      break;
  }
  if (mode == Mode::kFragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
  return true;
}

std::string Escape(std::string_view s, Mode mode) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == ' ' && mode == Mode::kQueryComponent) {
      out.push_back('+');
    } else if (ShouldEscape(c, mode)) {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

Status EscapeError(std::string_view s) {
  return InvalidArgument("invalid URL escape " + gotime::Quote(s));
}

// Go's unescape: %XX decoding with the host-specific rules.
Result<std::string> Unescape(std::string_view s, Mode mode) {
  size_t n = 0;
  bool has_plus = false;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '%') {
      ++n;
      if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) {
        std::string_view bad = s.substr(i);
        if (bad.size() > 3) bad = bad.substr(0, 3);
        return EscapeError(bad);
      }
      // Hosts may only %-encode non-ASCII bytes (and %25 in zones).
      if (mode == Mode::kHost && Unhex(s[i + 1]) < 8 && s.substr(i, 3) != "%25") {
        return EscapeError(s.substr(i, 3));
      }
      if (mode == Mode::kZone) {
        int v = Unhex(s[i + 1]) << 4 | Unhex(s[i + 2]);
        if (s.substr(i, 3) != "%25" && v != ' ' && ShouldEscape(static_cast<unsigned char>(v), Mode::kHost)) {
          return EscapeError(s.substr(i, 3));
        }
      }
      i += 3;
    } else if (s[i] == '+') {
      has_plus = mode == Mode::kQueryComponent;
      ++i;
    } else {
      if ((mode == Mode::kHost || mode == Mode::kZone) && static_cast<unsigned char>(s[i]) < 0x80 &&
          ShouldEscape(static_cast<unsigned char>(s[i]), mode)) {
        return InvalidArgument("invalid character " + gotime::Quote(s.substr(i, 1)) +
                               " in host name");
      }
      ++i;
    }
  }
  if (n == 0 && !has_plus) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      out.push_back(static_cast<char>(Unhex(s[i + 1]) << 4 | Unhex(s[i + 2])));
      i += 2;
    } else if (s[i] == '+' && mode == Mode::kQueryComponent) {
      out.push_back(' ');
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Go's validEncoded: only characters that need no escaping, or valid %XX.
bool ValidEncoded(std::string_view s, Mode mode) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
      case ';': case '=': case ':': case '@': case '[': case ']':
        break;
      case '%':
        break;
      default:
        if (ShouldEscape(static_cast<unsigned char>(c), mode)) return false;
    }
  }
  return true;
}

// Go's validOptionalPort: empty or ':' followed by digits.
bool ValidOptionalPort(std::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  return std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> ParseHost(std::string_view host) {
  if (host.starts_with("[")) {
    size_t i = host.rfind(']');
    if (i == std::string_view::npos) return InvalidArgument("missing ']' in host");
    std::string_view colon_port = host.substr(i + 1);
    if (!ValidOptionalPort(colon_port)) {
      return InvalidArgument("invalid port " + gotime::Quote(colon_port) + " after host");
    }
    // A zone ("%25en0") is unescaped separately.
    size_t zone = host.substr(0, i).find("%25");
    if (zone != std::string_view::npos) {
      auto h1 = Unescape(host.substr(0, zone), Mode::kHost);
      if (!h1.ok()) return h1.status();
      auto h2 = Unescape(host.substr(zone, i - zone), Mode::kZone);
      if (!h2.ok()) return h2.status();
      auto h3 = Unescape(host.substr(i), Mode::kHost);
      if (!h3.ok()) return h3.status();
      return *h1 + *h2 + *h3;
    }
  } else if (size_t i = host.rfind(':'); i != std::string_view::npos) {
    std::string_view colon_port = host.substr(i);
    if (!ValidOptionalPort(colon_port)) {
      return InvalidArgument("invalid port " + gotime::Quote(colon_port) + " after host");
    }
  }
  return Unescape(host, Mode::kHost);
}

Status ParseAuthority(std::string_view authority, Url* u) {
  size_t at = authority.rfind('@');
  std::string_view host_part = at == std::string_view::npos ? authority : authority.substr(at + 1);
  auto host = ParseHost(host_part);
  if (!host.ok()) return host.status();
  u->host = std::move(*host);
  if (at == std::string_view::npos) return Status::Ok();
  std::string_view userinfo = authority.substr(0, at);
  // Go's validUserinfo.
  for (char c : userinfo) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) continue;
    if (std::string_view("-._:~!$&'()*+,;=%@").find(c) == std::string_view::npos) {
      return InvalidArgument("net/url: invalid userinfo");
    }
  }
  Userinfo ui;
  size_t colon = userinfo.find(':');
  auto name = Unescape(colon == std::string_view::npos ? userinfo : userinfo.substr(0, colon),
                       Mode::kUserPassword);
  if (!name.ok()) return name.status();
  ui.username = std::move(*name);
  if (colon != std::string_view::npos) {
    auto pw = Unescape(userinfo.substr(colon + 1), Mode::kUserPassword);
    if (!pw.ok()) return pw.status();
    ui.password = std::move(*pw);
    ui.password_set = true;
  }
  u->user = std::move(ui);
  return Status::Ok();
}

Status SetPath(std::string_view p, Url* u) {
  auto path = Unescape(p, Mode::kPath);
  if (!path.ok()) return path.status();
  u->path = std::move(*path);
  std::string escaped = Escape(u->path, Mode::kPath);
  u->raw_path = p == escaped ? "" : std::string(p);
  return Status::Ok();
}

Status ParseNoFragment(std::string_view raw, Url* u) {
  for (char c : raw) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return InvalidArgument("net/url: invalid control character in URL");
    }
  }
  if (raw == "*") {
    u->path = "*";
    return Status::Ok();
  }
  std::string_view rest = raw;
  // The scheme: letters first, then letters, digits, '+', '-', '.', up to ':'.
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) return InvalidArgument("missing protocol scheme");
      u->scheme = AsciiLower(raw.substr(0, i));
      rest = raw.substr(i + 1);
    }
    break;
  }
  if (rest.ends_with("?") && std::count(rest.begin(), rest.end(), '?') == 1) {
    u->force_query = true;
    rest.remove_suffix(1);
  } else if (size_t q = rest.find('?'); q != std::string_view::npos) {
    u->raw_query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (!rest.starts_with("/")) {
    if (!u->scheme.empty()) {
      u->opaque = std::string(rest);  // rootless paths are opaque
      return Status::Ok();
    }
    std::string_view segment = rest.substr(0, rest.find('/'));
    if (segment.find(':') != std::string_view::npos) {
      return InvalidArgument("first path segment in URL cannot contain colon");
    }
  }
  if ((!u->scheme.empty() || !rest.starts_with("///")) && rest.starts_with("//")) {
    std::string_view authority = rest.substr(2);
    rest = {};
    if (size_t slash = authority.find('/'); slash != std::string_view::npos) {
      rest = authority.substr(slash);
      authority = authority.substr(0, slash);
    }
    GOLDEN_RETURN_IF_ERROR(ParseAuthority(authority, u));
  } else if (!u->scheme.empty() && rest.starts_with("/")) {
    u->omit_host = true;
  }
  return SetPath(rest, u);
}

}  // namespace

std::string Url::EscapedPath() const {
  if (!raw_path.empty() && ValidEncoded(raw_path, Mode::kPath)) {
    auto p = Unescape(raw_path, Mode::kPath);
    if (p.ok() && *p == path) return raw_path;
  }
  if (path == "*") return "*";
  return Escape(path, Mode::kPath);
}

std::string Url::ToString() const {
  std::string buf;
  if (!scheme.empty()) buf += scheme + ":";
  if (!opaque.empty()) {
    buf += opaque;
  } else {
    if (!scheme.empty() || !host.empty() || user) {
      if (!(omit_host && host.empty() && !user)) {
        if (!host.empty() || !path.empty() || user) buf += "//";
        if (user) {
          buf += Escape(user->username, Mode::kUserPassword);
          if (user->password_set) buf += ":" + Escape(user->password, Mode::kUserPassword);
          buf += "@";
        }
        if (!host.empty()) buf += Escape(host, Mode::kHost);
      }
    }
    std::string p = EscapedPath();
    if (!p.empty() && p[0] != '/' && !host.empty()) buf += "/";
    if (buf.empty()) {
      std::string_view segment = std::string_view(p).substr(0, p.find('/'));
      if (segment.find(':') != std::string_view::npos) buf += "./";
    }
    buf += p;
  }
  if (force_query || !raw_query.empty()) buf += "?" + raw_query;
  if (!fragment.empty()) {
    buf += "#";
    if (!raw_fragment.empty() && ValidEncoded(raw_fragment, Mode::kFragment)) {
      auto f = Unescape(raw_fragment, Mode::kFragment);
      buf += f.ok() && *f == fragment ? raw_fragment : Escape(fragment, Mode::kFragment);
    } else {
      buf += Escape(fragment, Mode::kFragment);
    }
  }
  return buf;
}

Value Url::ToJson() const {
  auto s = [](const std::string& v) { return Value::String(v); };
  return Value::Object({
      {Value::String("Scheme"), s(scheme)},
      {Value::String("Opaque"), s(opaque)},
      {Value::String("User"), user ? Value::EmptyObject() : Value::Null()},
      {Value::String("Host"), s(host)},
      {Value::String("Path"), s(path)},
      {Value::String("RawPath"), s(raw_path)},
      {Value::String("OmitHost"), Value::Bool(omit_host)},
      {Value::String("ForceQuery"), Value::Bool(force_query)},
      {Value::String("RawQuery"), s(raw_query)},
      {Value::String("Fragment"), s(fragment)},
      {Value::String("RawFragment"), s(raw_fragment)},
  });
}

Result<Url> Parse(std::string_view raw) {
  Url u;
  size_t hash = raw.find('#');
  std::string_view without = raw.substr(0, hash);
  Status s = ParseNoFragment(without, &u);
  if (!s.ok()) {
    return InvalidArgument("parse " + gotime::Quote(without) + ": " + s.message());
  }
  if (hash == std::string_view::npos) return u;
  std::string_view frag = raw.substr(hash + 1);
  auto f = Unescape(frag, Mode::kFragment);
  if (!f.ok()) return InvalidArgument("parse " + gotime::Quote(raw) + ": " + f.status().message());
  u.fragment = std::move(*f);
  u.raw_fragment = Escape(u.fragment, Mode::kFragment) == frag ? "" : std::string(frag);
  return u;
}

}  // namespace golden::rego::gourl
