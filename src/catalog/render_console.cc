// The console summary of `golden catalog`, in the original's layout.
#include "catalog/append.h"
#include "catalog/render.h"

namespace golden::catalog {

namespace {

// Values come from repositories; a control character (an escape sequence) must not reach
// the terminal.
std::string Printable(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace

std::string RenderConsoleSummary(const Catalog& catalog, std::string_view written_to) {
  std::string out;
  const Summary& s = catalog.summary;
  internal::Append(&out, "Found {} organizations\nFound {} repositories\n\n",
                   catalog.total_organizations(), s.total_repositories);
  internal::Append(&out, "Catalog written to: {}\n\n", Printable(written_to));
  std::string rule(50, '=');
  internal::Append(&out, "{}\nCATALOG SUMMARY\n{}\n", rule, rule);
  for (const auto& [title, counter] :
       {std::pair<std::string_view, const Counter*>{"By Language", &s.by_language},
        {"By Type", &s.by_type}}) {
    internal::Append(&out, "\n{}:\n", title);
    for (const auto& [key, n] : counter->ByCount())
      internal::Append(&out, "  {}: {}\n", Printable(key), n);
  }
  internal::Append(&out, "\nBy Tier:\n");
  for (int t = 1; t <= kTiers; ++t) internal::Append(&out, "  Tier {}: {}\n", t, s.by_tier[t - 1]);
  internal::Append(&out, "\nCompliance:\n  Passed: {}\n  Failed: {}\n", s.compliance.passed,
                   s.compliance.failed);
  return out;
}

}  // namespace golden::catalog
