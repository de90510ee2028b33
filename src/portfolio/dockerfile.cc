#include "portfolio/dockerfile.h"

#include <cctype>

#include "base/strings.h"
#include "value/json.h"

namespace golden::portfolio {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsBlank(s[i])) ++i;
  return s.substr(i);
}

std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsBlank(s[n - 1])) --n;
  return s.substr(0, n);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

// "# name=value" at the top of the file; returns false for any other line.
bool ParseDirective(std::string_view line, std::string* name, std::string* value) {
  std::string_view s = TrimLeft(line);
  if (s.empty() || s[0] != '#') return false;
  s = TrimLeft(s.substr(1));
  size_t i = 0;
  while (i < s.size() &&
         (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-')) {
    ++i;
  }
  if (i == 0) return false;
  std::string_view rest = TrimLeft(s.substr(i));
  if (rest.empty() || rest[0] != '=') return false;
  *name = AsciiLower(s.substr(0, i));
  *value = std::string(TrimSpace(rest.substr(1)));
  return true;
}

// True when `s` ends with the escape character followed only by blanks: a continuation.
bool Continues(std::string_view s, char escape) {
  s = TrimRight(s);
  return !s.empty() && s.back() == escape;
}

std::string_view DropContinuation(std::string_view s) {
  s = TrimRight(s);
  return s.substr(0, s.size() - 1);
}

struct Heredoc {
  std::string word;
  bool strip_tabs = false;
};

// Heredoc markers (<<EOF, <<-EOF, <<"EOF", <<'EOF') in RUN/COPY/ADD arguments.
std::vector<Heredoc> FindHeredocs(std::string_view args) {
  std::vector<Heredoc> out;
  char quote = 0;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    char c = args[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      // A quote starts a string unless it directly follows "<<" (handled below).
      quote = c;
      continue;
    }
    if (c != '<' || args[i + 1] != '<') continue;
    if (i + 2 < args.size() && args[i + 2] == '<') {  // a here-string (<<<): not a heredoc
      i += 2;
      continue;
    }
    size_t j = i + 2;
    Heredoc h;
    if (j < args.size() && args[j] == '-') {
      h.strip_tabs = true;
      ++j;
    }
    char q = 0;
    if (j < args.size() && (args[j] == '"' || args[j] == '\'')) q = args[j++];
    size_t start = j;
    while (j < args.size() && (std::isalnum(static_cast<unsigned char>(args[j])) ||
                               args[j] == '_' || args[j] == '-' || args[j] == '.')) {
      ++j;
    }
    if (j == start) continue;
    h.word = std::string(args.substr(start, j - start));
    if (q && j < args.size() && args[j] == q) ++j;
    out.push_back(std::move(h));
    i = j - 1;
  }
  return out;
}

void AddStage(Dockerfile* df, const DockerInstruction& from, size_t index) {
  DockerStage stage;
  stage.from_line = from.line;
  stage.first = stage.last = index;
  std::vector<std::string> words = DockerWords(from.args, df->escape);
  size_t i = 0;
  for (; i < words.size() && words[i].rfind("--", 0) == 0; ++i) {
    if (words[i].rfind("--platform=", 0) == 0) stage.platform = words[i].substr(11);
  }
  if (i < words.size()) stage.base = words[i++];
  if (i + 1 < words.size() && AsciiLower(words[i]) == "as") stage.name = AsciiLower(words[i + 1]);
  std::string base = AsciiLower(stage.base);
  for (size_t s = 0; s < df->stages.size(); ++s) {
    if (!df->stages[s].name.empty() && df->stages[s].name == base)
      stage.parent = static_cast<int>(s);
  }
  df->stages.push_back(std::move(stage));
}

}  // namespace

Dockerfile ParseDockerfile(std::string_view text) {
  Dockerfile df;
  std::vector<std::string_view> lines = SplitLines(text);
  size_t i = 0;
  // Parser directives: only at the very top, before any comment, blank line or instruction.
  for (; i < lines.size(); ++i) {
    std::string name, value;
    if (!ParseDirective(lines[i], &name, &value)) break;
    if (name == "escape" && (value == "`" || value == "\\")) df.escape = value[0];
  }
  for (; i < lines.size(); ++i) {
    std::string_view line = TrimLeft(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    DockerInstruction ins;
    ins.line = static_cast<int>(i) + 1;
    size_t kw_end = 0;
    while (kw_end < line.size() && !IsBlank(line[kw_end])) ++kw_end;
    ins.keyword = Upper(line.substr(0, kw_end));
    std::string args(line.substr(kw_end));
    while (Continues(args, df.escape)) {
      args = std::string(DropContinuation(args));
      // Comment lines and empty lines inside a continued instruction are dropped.
      size_t next = i + 1;
      while (next < lines.size()) {
        std::string_view l = TrimLeft(lines[next]);
        if (!l.empty() && l[0] != '#') break;
        ++next;
      }
      if (next >= lines.size()) {
        i = lines.size() - 1;
        break;
      }
      i = next;
      args.append(lines[i]);
    }
    ins.args = std::string(TrimSpace(args));
    if (ins.keyword == "RUN" || ins.keyword == "COPY" || ins.keyword == "ADD") {
      for (const Heredoc& h : FindHeredocs(ins.args)) {
        std::string body;
        while (i + 1 < lines.size()) {
          ++i;
          std::string_view l = lines[i];
          if (h.strip_tabs) {
            while (!l.empty() && l[0] == '\t') l.remove_prefix(1);
          }
          if (l == h.word) break;
          body.append(l).push_back('\n');
        }
        ins.heredocs.push_back(std::move(body));
      }
    }
    size_t index = df.instructions.size();
    if (ins.keyword == "FROM") {
      AddStage(&df, ins, index);
    } else if (!df.stages.empty()) {
      df.stages.back().last = index;
    } else if (ins.keyword == "ARG") {
      for (const std::string& w : DockerWords(ins.args, df.escape)) {
        size_t eq = w.find('=');
        df.global_args.emplace_back(w.substr(0, eq),
                                    eq == std::string::npos ? std::string() : w.substr(eq + 1));
      }
    }
    df.instructions.push_back(std::move(ins));
  }
  return df;
}

std::vector<std::string> DockerWords(std::string_view args, char escape) {
  std::string_view trimmed = TrimSpace(args);
  if (!trimmed.empty() && trimmed[0] == '[') {
    auto v = ParseJson(trimmed);
    if (v.ok() && v->IsArray()) {
      std::vector<std::string> out;
      bool all_strings = true;
      for (const Value& item : v->GetArray()) {
        if (!item.IsString()) all_strings = false;
        if (item.IsString()) out.emplace_back(item.GetString());
      }
      if (all_strings) return out;
    }
  }
  std::vector<std::string> out;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    char c = args[i];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        cur.push_back(c);
      }
      continue;
    }
    if (c == escape && i + 1 < args.size()) {
      cur.push_back(args[++i]);
      in_word = true;
      continue;
    }
    if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else {
        cur.push_back(c);
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
      continue;
    }
    if (IsBlank(c) || c == '\n') {
      if (in_word) out.push_back(std::move(cur));
      cur.clear();
      in_word = false;
      continue;
    }
    cur.push_back(c);
    in_word = true;
  }
  if (in_word) out.push_back(std::move(cur));
  return out;
}

std::vector<std::pair<std::string, std::string>> DockerEnvPairs(std::string_view args,
                                                                char escape) {
  std::vector<std::pair<std::string, std::string>> out;
  std::vector<std::string> words = DockerWords(args, escape);
  if (words.empty()) return out;
  if (words[0].find('=') == std::string::npos) {
    // Legacy form: one key, and the rest of the line is its value.
    std::string_view rest = TrimSpace(args);
    size_t blank = 0;
    while (blank < rest.size() && !IsBlank(rest[blank])) ++blank;
    out.emplace_back(words[0], std::string(TrimSpace(rest.substr(blank))));
    return out;
  }
  for (const std::string& w : words) {
    size_t eq = w.find('=');
    if (eq == std::string::npos) {
      out.emplace_back(w, std::string());
    } else {
      out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
  }
  return out;
}

bool ExpandDockerVars(std::string_view in,
                      const std::vector<std::pair<std::string, std::string>>& vars,
                      std::string* out) {
  auto lookup = [&](std::string_view name) -> const std::string* {
    const std::string* found = nullptr;
    for (const auto& [k, v] : vars) {
      if (k == name) found = &v;  // the last declaration wins
    }
    return found;
  };
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '$' || i + 1 >= in.size()) {
      out->push_back(in[i]);
      continue;
    }
    std::string_view name, fallback;
    bool has_fallback = false;
    if (in[i + 1] == '{') {
      size_t close = in.find('}', i + 2);
      if (close == std::string_view::npos) return false;
      std::string_view body = in.substr(i + 2, close - i - 2);
      size_t op = body.find_first_of(":-");
      name = body.substr(0, op);
      if (op != std::string_view::npos) {
        size_t dash = body.find('-', op);
        if (dash == std::string_view::npos) return false;  // ${X:+y} and friends
        fallback = body.substr(dash + 1);
        has_fallback = true;
      }
      i = close;
    } else {
      size_t j = i + 1;
      while (j < in.size() && is_name(in[j])) ++j;
      if (j == i + 1) {
        out->push_back('$');
        continue;
      }
      name = in.substr(i + 1, j - i - 1);
      i = j - 1;
    }
    const std::string* value = lookup(name);
    if (value && !value->empty()) {
      out->append(*value);
    } else if (has_fallback) {
      out->append(fallback);
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace golden::portfolio
