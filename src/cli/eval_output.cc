#include "cli/eval_output.h"

#include <algorithm>
#include <climits>
#include <map>

#include "value/json.h"

namespace golden::cli {

namespace {

// ---- JSON pieces in Go's encoding/json layout ----

JsonStyle GoStyle(int indent) {
  JsonStyle s;
  s.indent = indent;
  s.escape_html = true;
  return s;
}

// Re-indents a multi-line JSON text for nesting at `depth` levels of two spaces.
std::string Nested(const std::string& json, int depth) {
  std::string pad(static_cast<size_t>(depth) * 2, ' ');
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return out;
}

std::string Quote(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s, GoStyle(0));
  return out;
}

Value BindingsObject(const rego::QueryResult& r) {
  std::vector<Value::Entry> entries;
  for (const auto& [name, v] : r.bindings) entries.push_back({Value::String(name), v});
  return Value::Object(std::move(entries));
}

std::string LocationJson(const SourceLocation& l, int depth, bool with_file) {
  std::string pad(static_cast<size_t>(depth + 1) * 2, ' ');
  std::string end(static_cast<size_t>(depth) * 2, ' ');
  std::string out = "{\n";
  if (with_file) out += pad + "\"file\": " + Quote(l.file) + ",\n";
  out += pad + "\"row\": " + std::to_string(l.line) + ",\n";
  out += pad + "\"col\": " + std::to_string(l.col) + "\n" + end + "}";
  return out;
}

std::string ErrorsJson(const std::vector<OutputError>& errors) {
  std::string out = "{\n  \"errors\": [\n";
  for (size_t i = 0; i < errors.size(); ++i) {
    const OutputError& e = errors[i];
    out += "    {\n      \"message\": " + Quote(e.message);
    if (!e.code.empty()) out += ",\n      \"code\": " + Quote(e.code);
    if (e.location) out += ",\n      \"location\": " + LocationJson(*e.location, 3, true);
    if (e.detail) {
      out += ",\n      \"details\": {\n        \"line\": " + Quote(e.detail->line) +
             ",\n        \"idx\": " + std::to_string(e.detail->idx) + "\n      }";
    }
    out += "\n    }";
    if (i + 1 < errors.size()) out += ",";
    out += "\n";
  }
  out += "  ]\n}\n";
  return out;
}

std::string ResultsJson(const std::vector<rego::QueryResult>& results) {
  if (results.empty()) return "{}\n";
  std::string out = "{\n  \"result\": [\n";
  for (size_t i = 0; i < results.size(); ++i) {
    const rego::QueryResult& r = results[i];
    out += "    {\n      \"expressions\": [\n";
    for (size_t j = 0; j < r.expressions.size(); ++j) {
      const rego::ExpressionValue& e = r.expressions[j];
      out += "        {\n          \"value\": " + Nested(GoJson(e.value, 2), 5) + ",\n";
      out += "          \"text\": " + Quote(e.text) + ",\n";
      out += "          \"location\": " + LocationJson(e.location, 5, false) + "\n        }";
      if (j + 1 < r.expressions.size()) out += ",";
      out += "\n";
    }
    out += "      ]";
    if (!r.bindings.empty()) {
      out += ",\n      \"bindings\": " + Nested(GoJson(BindingsObject(r), 2), 3);
    }
    out += "\n    }";
    if (i + 1 < results.size()) out += ",";
    out += "\n";
  }
  out += "  ]\n}\n";
  return out;
}

// ---- tables, as github.com/olekukonko/tablewriter (v0.0.5) renders them ----

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

// tablewriter's WrapWords: minimum raggedness over word breaks.
std::vector<std::string> WrapWords(const std::vector<std::string>& words, size_t lim) {
  constexpr long kPenalty = 100000;
  size_t n = words.size();
  std::vector<std::vector<long>> length(n, std::vector<long>(n, 0));
  for (size_t i = 0; i < n; ++i) {
    length[i][i] = static_cast<long>(DisplayWidth(words[i]));
    for (size_t j = i + 1; j < n; ++j) {
      length[i][j] = length[i][j - 1] + 1 + static_cast<long>(DisplayWidth(words[j]));
    }
  }
  std::vector<size_t> nbrk(n, 0);
  std::vector<long> cost(n, INT_MAX);
  long limit = static_cast<long>(lim);
  for (size_t k = n; k > 0; --k) {
    size_t i = k - 1;
    if (length[i][n - 1] <= limit) {
      cost[i] = 0;
      nbrk[i] = n;
    } else {
      for (size_t j = i + 1; j < n; ++j) {
        long d = limit - length[i][j - 1];
        long c = d * d + cost[j];
        if (length[i][j - 1] > limit) c += kPenalty;
        if (c < cost[i]) {
          cost[i] = c;
          nbrk[i] = j;
        }
      }
    }
  }
  std::vector<std::string> lines;
  for (size_t i = 0; i < n;) {
    std::string line;
    for (size_t j = i; j < nbrk[i]; ++j) {
      if (j > i) line += ' ';
      line += words[j];
    }
    lines.push_back(std::move(line));
    i = nbrk[i];
  }
  return lines;
}

std::vector<std::string> WrapString(const std::string& s, size_t lim) {
  std::string flat = s;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::vector<std::string> words = SplitOn(flat, ' ');
  for (const std::string& w : words) lim = std::max(lim, DisplayWidth(w));
  return WrapWords(words, lim);
}

class Table {
 public:
  static constexpr size_t kMaxColWidth = 30;

  void SetHeader(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) header_.push_back(Dimension(header[i], i, &header_rows_));
  }
  void Append(const std::vector<std::string>& row) {
    size_t h = 0;
    std::vector<std::vector<std::string>> cells;
    for (size_t i = 0; i < row.size(); ++i) cells.push_back(Dimension(row[i], i, &h));
    rows_.push_back(std::move(cells));
    heights_.push_back(h);
  }
  size_t NumLines() const { return rows_.size(); }

  std::string Render() const {
    std::string out;
    Line(&out);
    for (size_t x = 0; x < header_rows_; ++x) {
      out += "|";
      for (size_t y = 0; y < widths_.size(); ++y) {
        std::string h = y < header_.size() && x < header_[y].size() ? header_[y][x] : "";
        out += " " + Center(h, widths_[y]) + " |";
      }
      out += "\n";
    }
    Line(&out);
    for (size_t r = 0; r < rows_.size(); ++r) {
      const auto& cells = rows_[r];
      for (size_t x = 0; x < heights_[r]; ++x) {
        for (size_t y = 0; y < cells.size(); ++y) {
          std::string s = x < cells[y].size() ? cells[y][x] : "";
          out += "| " + Left(s, widths_[y]) + " ";
        }
        out += "|\n";
      }
    }
    Line(&out);
    return out;
  }

 private:
  std::vector<std::string> Dimension(const std::string& str, size_t col, size_t* height) {
    std::vector<std::string> raw = SplitOn(str, '\n');
    size_t max_width = 0;
    for (const std::string& l : raw) max_width = std::max(max_width, DisplayWidth(l));
    max_width = std::min(max_width, kMaxColWidth);
    size_t new_max = max_width;
    std::vector<std::string> wrapped;
    for (size_t i = 0; i < raw.size(); ++i) {
      std::vector<std::string> lines = WrapString(raw[i], max_width);
      for (const std::string& l : lines) new_max = std::max(new_max, DisplayWidth(l));
      if (i > 0) wrapped.push_back(" ");
      wrapped.insert(wrapped.end(), lines.begin(), lines.end());
    }
    if (widths_.size() <= col) widths_.resize(col + 1, 0);
    widths_[col] = std::max(widths_[col], new_max);
    *height = std::max(*height, wrapped.size());
    return wrapped;
  }

  void Line(std::string* out) const {
    *out += "+";
    for (size_t w : widths_) *out += std::string(w + 2, '-') + "+";
    *out += "\n";
  }

  static std::string Center(const std::string& s, size_t width) {
    size_t w = DisplayWidth(s);
    if (w >= width) return s;
    size_t gap = width - w;
    size_t left = gap / 2;
    return std::string(left, ' ') + s + std::string(gap - left, ' ');
  }
  static std::string Left(const std::string& s, size_t width) {
    size_t w = DisplayWidth(s);
    return w >= width ? s : s + std::string(width - w, ' ');
  }

  std::vector<std::vector<std::string>> header_;
  size_t header_rows_ = 0;
  std::vector<std::vector<std::vector<std::string>>> rows_;
  std::vector<size_t> heights_;
  std::vector<size_t> widths_;
};

std::string PrettyResults(const std::vector<rego::QueryResult>& rs) {
  if (rs.empty()) return "undefined\n";
  if (rs.size() == 1 && rs[0].bindings.empty()) {
    bool all_bool = std::all_of(rs[0].expressions.begin(), rs[0].expressions.end(),
                                [](const rego::ExpressionValue& e) { return e.value.IsBool(); });
    if (rs[0].expressions.size() == 1 || all_bool) {
      return GoJson(rs[0].expressions[0].value, 2) + "\n";
    }
  }
  // Columns: the variables (sorted), then the non-boolean expressions (in order).
  struct Key {
    std::string var;
    size_t expr = 0;
    std::string text;
  };
  std::vector<Key> keys;
  for (const auto& [name, v] : rs[0].bindings) keys.push_back({name, 0, {}});
  for (size_t i = 0; i < rs[0].expressions.size(); ++i) {
    if (!rs[0].expressions[i].value.IsBool()) keys.push_back({"", i, rs[0].expressions[i].text});
  }
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (!a.var.empty()) return b.var.empty() || a.var < b.var;
    return b.var.empty() && a.expr < b.expr;
  });
  Table table;
  std::vector<std::string> header;
  for (const Key& k : keys) header.push_back(k.var.empty() ? k.text : k.var);
  table.SetHeader(header);
  for (const rego::QueryResult& r : rs) {
    std::vector<std::string> row;
    for (const Key& k : keys) {
      if (!k.var.empty()) {
        const Value* v = nullptr;
        for (const auto& [name, bv] : r.bindings) {
          if (name == k.var) v = &bv;
        }
        row.push_back(v ? GoJson(*v) : "null");
      } else if (k.expr < r.expressions.size() && !r.expressions[k.expr].value.IsBool()) {
        row.push_back(GoJson(r.expressions[k.expr].value));
      }
    }
    table.Append(row);
  }
  return table.NumLines() > 0 ? table.Render() : "";
}

std::string RawResults(const std::vector<rego::QueryResult>& rs) {
  std::string out;
  for (const rego::QueryResult& r : rs) {
    for (size_t i = 0; i < r.expressions.size(); ++i) {
      const Value& v = r.expressions[i].value;
      out += v.IsString() ? std::string(v.GetString()) : GoJson(v);
      out += i + 1 >= r.expressions.size() ? "\n" : " ";
    }
  }
  return out;
}

}  // namespace

std::optional<EvalFormat> ParseEvalFormat(std::string_view name) {
  if (name == "json") return EvalFormat::kJson;
  if (name == "values") return EvalFormat::kValues;
  if (name == "bindings") return EvalFormat::kBindings;
  if (name == "pretty") return EvalFormat::kPretty;
  if (name == "raw") return EvalFormat::kRaw;
  if (name == "discard") return EvalFormat::kDiscard;
  return std::nullopt;
}

std::string GoJson(const Value& v, int indent) { return ToJson(v, GoStyle(indent)); }

OutputError ToOutputError(const rego::Diagnostic& d) {
  OutputError e;
  e.message = d.message;
  e.code = d.code;
  if (d.where.line > 0) e.location = d.where;
  e.detail = d.detail;
  e.text = d.ToString();
  return e;
}

OutputError ToOutputError(const rego::EvalError& err) {
  OutputError e;
  e.message = err.message;
  e.code = err.code;
  if (err.where.line > 0) e.location = err.where;
  e.text = err.ToString();
  return e;
}

OutputError PlainOutputError(std::string message) {
  OutputError e;
  e.text = message;
  e.message = std::move(message);
  return e;
}

std::string ErrorsText(const std::vector<OutputError>& errors) {
  if (errors.empty()) return "no error(s)";
  std::string out = errors.size() == 1
                        ? std::string("1 error occurred: ")
                        : std::to_string(errors.size()) + " errors occurred:\n";
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) out += "\n";
    out += errors[i].text;
  }
  return out;
}

std::string FormatEvalOutput(const EvalOutput& out, EvalFormat format) {
  if (format == EvalFormat::kJson) {
    return out.errors.empty() ? ResultsJson(out.results) : ErrorsJson(out.errors);
  }
  if (format == EvalFormat::kDiscard) {
    if (!out.errors.empty()) return ErrorsJson(out.errors);
    return out.results.empty() ? "{}\n" : "{\n  \"result\": \"discarded\"\n}\n";
  }
  if (!out.errors.empty()) return ErrorsText(out.errors) + "\n";
  std::string s;
  switch (format) {
    case EvalFormat::kValues:
      for (const rego::QueryResult& r : out.results) {
        std::vector<Value> line;
        for (const rego::ExpressionValue& e : r.expressions) line.push_back(e.value);
        s += GoJson(Value::Array(std::move(line)), 2) + "\n";
      }
      return s;
    case EvalFormat::kBindings:
      for (const rego::QueryResult& r : out.results) s += GoJson(BindingsObject(r), 2) + "\n";
      return s;
    case EvalFormat::kPretty:
      return PrettyResults(out.results);
    case EvalFormat::kRaw:
      return RawResults(out.results);
    default:
      return s;
  }
}

}  // namespace golden::cli
