// catalog.html: one self-contained page (inline CSS, JavaScript and SVG; nothing loaded from
// anywhere). Every text from the catalog goes through report::AppendHtmlEscaped; a
// Content-Security-Policy admits only the page's own style and script, by hash, so even a
// value that escaped escaping could not run.
#include <fmt/format.h>

#include <algorithm>

#include "base/hash.h"
#include "base/strings.h"
#include "catalog/html_assets.h"
#include "catalog/render.h"
#include "catalog/svg_chart.h"
#include "report/escape.h"

namespace golden::catalog {

namespace {

using report::AppendHtmlEscaped;
using report::HtmlEscape;

// Charts of counts show at most this many rows; the rest are summed into one row.
constexpr size_t kMaxChartRows = 10;
// The compliance-by-organization chart shows at most this many organizations.
constexpr size_t kMaxOrgRows = 12;
// The table lists this many matching repositories at first (the script lists more on
// demand): laying out ten thousand rows would make a large portfolio's page slow to open,
// filter and sort. Keep in step with PAGE in html/catalog.js.
constexpr int kFirstRows = 100;

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back(i + 2 < bytes.size() ? kAlphabet[n & 63] : '=');
  }
  return out;
}

// A CSP source for inline content: 'sha256-<base64 of the digest>'.
std::string CspHash(std::string_view content) {
  std::string hex = Sha256Hex(content);
  std::string digest;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    digest.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return "'sha256-" + Base64(digest) + "'";
}

std::string Plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Percent(int part, int whole) {
  if (whole == 0) return "no repositories";
  return fmt::format("{}%", (part * 200 + whole) / (2 * whole));
}

class Page {
 public:
  explicit Page(const Catalog& catalog) : cat_(catalog), s_(catalog.summary) {}

  std::string Render() {
    Head();
    Cards();
    Charts();
    Table();
    Tail();
    return std::move(out_);
  }

 private:
  template <typename... Args>
  void Put(fmt::format_string<Args...> f, Args&&... args) {
    fmt::format_to(std::back_inserter(out_), f, std::forward<Args>(args)...);
  }
  void Text(std::string_view s) { AppendHtmlEscaped(&out_, s); }

  void Head() {
    std::string_view css = CatalogCss();
    std::string_view js = CatalogJs();
    Put("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    Put("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    Put("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'\">\n",
        CspHash(css), CspHash(js));
    Put("<meta name=\"color-scheme\" content=\"light dark\">\n");
    Put("<meta name=\"generator\" content=\"golden catalog\">\n");
    Put("<link rel=\"icon\" href=\"data:,\">\n<title>Service Catalog</title>\n");
    Put("<style>{}</style>\n</head>\n<body>\n", css);
    Put("<header class=\"top\"><div class=\"wrap\">\n<h1>Service Catalog</h1>\n");
    Put("<p class=\"subtitle\">Generated <time datetime=\"{0}\">{0}</time> &middot; {1} &middot; "
        "{2}</p>\n</div></header>\n<main class=\"wrap\">\n",
        HtmlEscape(cat_.generated_at),
        Plural(cat_.total_organizations(), "organization", "organizations"),
        Plural(s_.total_repositories, "repository", "repositories"));
  }

  // `extra` is trusted markup (the page's own), placed at the end of the card.
  void Card(std::string_view metric, std::string_view label, int value, std::string_view cls,
            std::string_view hint, std::string_view extra = "") {
    Put("<div class=\"card{}{}\"><span class=\"label\">{}</span>"
        "<span class=\"value\" data-metric=\"{}\">{}</span>",
        cls.empty() ? "" : " ", cls, label, metric, value);
    if (!hint.empty()) Put("<span class=\"hint\">{}</span>", hint);
    Put("{}</div>\n", extra);
  }

  void Cards() {
    const ComplianceTotals& c = s_.compliance;
    Put("<section class=\"cards\" aria-label=\"Summary\">\n");
    Card("organizations", "Organizations", cat_.total_organizations(), "", "");
    Card("repositories", "Repositories", s_.total_repositories, "", "");
    // A meter drawn with SVG attributes: the page's CSP allows no inline style attributes.
    double frac = c.repositories == 0 ? 0.0 : static_cast<double>(c.passed) / c.repositories;
    Card("passed", "Passing", c.passed, c.passed > 0 ? "good" : "",
         fmt::format("{} of {}", Percent(c.passed, c.repositories), c.repositories),
         fmt::format("<svg class=\"meter\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" "
                     "aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"6\" "
                     "rx=\"3\"/><rect class=\"fill\" width=\"{:.1f}\" height=\"6\" rx=\"3\"/>"
                     "</svg>",
                     frac * 100));
    Card("failed", "Failing", c.failed, c.failed > 0 ? "bad" : "", "with at least one violation");
    Card("tier-1", "Tier 1", s_.by_tier[0], "tier-1",
         fmt::format("critical &middot; {} passing", s_.compliance_by_tier[0].passed));
    Card("tier-2", "Tier 2", s_.by_tier[1], "tier-2",
         fmt::format("important &middot; {} passing", s_.compliance_by_tier[1].passed));
    Card("violations", "Violations", c.violations, c.violations > 0 ? "bad" : "",
         Plural(c.warnings, "warning", "warnings"));
    Card("without-metadata", "No metadata", s_.without_metadata, "",
         Plural(s_.metadata_errors, "metadata error", "metadata errors"));
    Put("</section>\n");
  }

  // The largest counts, the rest summed into one row that filters nothing.
  static std::vector<ChartRow> CountRows(const Counter& counter, std::string_view filter) {
    std::vector<ChartRow> rows;
    int rest = 0, rest_keys = 0;
    for (const auto& [key, n] : counter.ByCount()) {
      if (rows.size() < kMaxChartRows) {
        rows.push_back(ChartRow{key, std::string(filter), key, n, 0, "bar"});
      } else {
        rest += n;
        ++rest_keys;
      }
    }
    if (rest_keys > 0) {
      rows.push_back(ChartRow{fmt::format("{} more", rest_keys), "", "", rest, 0, "bar other"});
    }
    return rows;
  }

  void Figure(std::string_view id, std::string_view title, std::string_view note,
              const std::string& svg) {
    Put("<figure class=\"chart\" id=\"{}\"><figcaption>{}", id, title);
    if (!note.empty()) Put(" <span class=\"note\">{}</span>", note);
    Put("</figcaption>\n{}</figure>\n", svg);
  }

  void Charts() {
    Put("<section class=\"charts\" aria-label=\"Charts\">\n");
    std::vector<ChartRow> tiers;
    for (int t = 1; t <= kTiers; ++t) {
      tiers.push_back(ChartRow{fmt::format("Tier {}", t), "tier", std::to_string(t),
                               s_.by_tier[t - 1], 0, fmt::format("bar t{}", t)});
    }
    Figure("chart-tier", "Repositories by tier", "", BarChart(tiers));
    Figure("chart-language", "Repositories by language", "",
           BarChart(CountRows(s_.by_language, "language")));
    Figure("chart-type", "Repositories by type", "", BarChart(CountRows(s_.by_type, "type")));
    Figure("chart-status", "Repositories by status", "",
           BarChart(CountRows(s_.by_status, "status")));
    std::vector<ChartRow> by_tier;
    for (int t = 1; t <= kTiers; ++t) {
      const ComplianceTotals& c = s_.compliance_by_tier[t - 1];
      by_tier.push_back(
          ChartRow{fmt::format("Tier {}", t), "tier", std::to_string(t), c.passed, c.failed});
    }
    Figure("chart-compliance-tier", "Compliance by tier", "", StackedChart(by_tier));
    std::vector<const CatalogOrg*> orgs;
    for (const CatalogOrg& org : cat_.orgs) orgs.push_back(&org);
    std::string note;
    if (orgs.size() > kMaxOrgRows) {
      // The organizations that need attention first.
      std::stable_sort(orgs.begin(), orgs.end(), [](const CatalogOrg* a, const CatalogOrg* b) {
        return a->summary.compliance.failed > b->summary.compliance.failed;
      });
      note = fmt::format("({} of {}, most failing first)", kMaxOrgRows, orgs.size());
      orgs.resize(kMaxOrgRows);
    }
    std::vector<ChartRow> by_org;
    for (const CatalogOrg* org : orgs) {
      const ComplianceTotals& c = org->summary.compliance;
      by_org.push_back(ChartRow{org->name, "org", org->name, c.passed, c.failed});
    }
    Figure("chart-compliance-org", "Compliance by organization", note, StackedChart(by_org));
    Put("</section>\n");
  }

  void Select(std::string_view filter, std::string_view all,
              const std::vector<std::pair<std::string, std::string>>& options) {
    Put("<select id=\"f-{0}\" data-filter=\"{0}\" aria-label=\"{1}\"><option value=\"\">{1}"
        "</option>",
        filter, all);
    for (const auto& [value, shown] : options) {
      out_.append("<option value=\"");
      Text(value);
      out_.append("\">");
      Text(shown);
      out_.append("</option>");
    }
    Put("</select>\n");
  }

  static std::vector<std::pair<std::string, std::string>> Options(const Counter& counter) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, n] : counter.ByKey())
      out.emplace_back(key, fmt::format("{} ({})", key, n));
    return out;
  }

  void Filters() {
    Put("<div class=\"filters\">\n<input type=\"search\" id=\"q\" placeholder=\"Filter by name, "
        "owner, description&#8230;\" aria-label=\"Filter repositories\" autocomplete=\"off\">\n");
    std::vector<std::pair<std::string, std::string>> orgs, tiers;
    for (const CatalogOrg& org : cat_.orgs) {
      orgs.emplace_back(org.name, fmt::format("{} ({})", org.name, org.repos.size()));
    }
    for (int t = 1; t <= kTiers; ++t) {
      tiers.emplace_back(std::to_string(t), fmt::format("Tier {} ({})", t, s_.by_tier[t - 1]));
    }
    Select("org", "All organizations", orgs);
    Select("tier", "All tiers", tiers);
    Select("type", "All types", Options(s_.by_type));
    Select("language", "All languages", Options(s_.by_language));
    Select("status", "All statuses", Options(s_.by_status));
    Select("compliance", "Any compliance",
           {{"passed", fmt::format("Passing ({})", s_.compliance.passed)},
            {"failed", fmt::format("Failing ({})", s_.compliance.failed)}});
    Put("<select id=\"sort\" class=\"sort-select\" aria-label=\"Sort\">"
        "<option value=\"name:asc\">Name A&#8211;Z</option>"
        "<option value=\"name:desc\">Name Z&#8211;A</option>"
        "<option value=\"tier:asc\">Tier 1 first</option>"
        "<option value=\"compliance:desc\">Most violations first</option>"
        "<option value=\"org:asc\">Organization</option>"
        "<option value=\"owner:asc\">Owner</option></select>\n");
    Put("<button type=\"button\" id=\"reset\">Reset</button>\n"
        "<span class=\"count\" aria-live=\"polite\">Showing <strong id=\"shown\">{0}</strong> "
        "of <span id=\"total\">{0}</span> repositories<span id=\"listed-note\"{1}>, the first "
        "<span id=\"listed\">{2}</span> listed</span></span>\n</div>\n",
        s_.total_repositories, s_.total_repositories > kFirstRows ? "" : " hidden",
        std::min(s_.total_repositories, kFirstRows));
  }

  void Header(std::string_view key, std::string_view label) {
    // The rows come sorted by organization and name; the script sorts by name on load too.
    Put("<th data-sort=\"{}\"{}><button type=\"button\">{}</button></th>", key,
        key == "name" ? " aria-sort=\"ascending\"" : "", label);
  }

  void Attr(std::string_view name, std::string_view value) {
    Put(" data-{}=\"", name);
    Text(value);
    out_.push_back('"');
  }

  // A file the repository has, or (struck through) lacks.
  void Chip(bool on, std::string_view label) {
    if (on) {
      Put("<span class=\"chip on\">{}</span>", label);
    } else {
      Put("<s class=\"chip off\">{}</s>", label);
    }
  }

  // `listed`: shown before the script runs (the first kFirstRows rows).
  void Row(const CatalogRepo& r, bool listed) {
    const Compliance& c = r.compliance;
    out_.append(listed ? "<tr" : "<tr hidden");
    Attr("name", r.FullName());
    Attr("org", r.org);
    Attr("type", r.type);
    Attr("language", r.language);
    Attr("tier", std::to_string(r.tier));
    Attr("status", r.status);
    Attr("owner", r.owner);
    Attr("compliance", c.passed() ? "passed" : "failed");
    Attr("violations", std::to_string(c.counts.violations));
    Attr("warnings", std::to_string(c.counts.warnings));
    out_.append(">\n<td class=\"first\" data-label=\"Repository\"><span class=\"repo-name\">");
    Text(r.name);
    out_.append("</span>");
    if (!r.description.empty()) {
      out_.append("<span class=\"desc\">");
      Text(r.description);
      out_.append("</span>");
    }
    if (r.metadata_error) {
      out_.append("<span class=\"problem\">Metadata error: ");
      Text(*r.metadata_error);
      out_.append("</span>");
    } else if (r.inferred) {
      out_.append("<span class=\"note\">No .meta/repo.yaml: type and language inferred</span>");
    }
    for (const Note& n : r.notes) {
      out_.append("<span class=\"note\">");
      Text(n.message);
      out_.append("</span>");
    }
    auto cell = [&](std::string_view label, std::string_view value, std::string_view cls = "") {
      Put("</td>\n<td data-label=\"{}\"{}{}{}>", label, cls.empty() ? "" : " class=\"", cls,
          cls.empty() ? "" : "\"");
      Text(value);
    };
    cell("Organization", r.org, "org-name");
    cell("Type", r.type);
    cell("Language", r.language);
    Put("</td>\n<td data-label=\"Tier\"><span class=\"tier t{0}\" title=\"Tier {0}: {1}\">{0}"
        "</span>",
        r.tier, TierLabel(r.tier));
    cell("Status", r.status);
    cell("Owner", r.owner);
    Put("</td>\n<td data-label=\"Compliance\"><span>");
    if (c.passed()) {
      Put("<span class=\"badge {}\">Pass</span>", c.counts.warnings > 0 ? "warn" : "pass");
    } else {
      Put("<span class=\"badge fail\">Fail</span>");
    }
    std::vector<std::string> detail;
    if (c.counts.violations > 0)
      detail.push_back(Plural(c.counts.violations, "violation", "violations"));
    if (c.counts.warnings > 0) detail.push_back(Plural(c.counts.warnings, "warning", "warnings"));
    if (!detail.empty()) {
      out_.append("<span class=\"detail\">");
      Text(Join(detail, ", "));
      if (!c.failed_checks.empty()) {
        out_.append(" &middot; ");
        Text(Join(c.failed_checks, ", "));
      }
      out_.append("</span>");
    }
    Put("</span></td>\n<td data-label=\"Files\"><span class=\"files\">");
    Chip(c.has_readme, "README");
    Chip(c.has_codeowners, "CODEOWNERS");
    Chip(c.has_ci, "CI");
    Chip(c.has_tests, "Tests");
    Chip(c.has_dockerfile, "Docker");
    Put("</span></td>\n</tr>\n");
  }

  void Table() {
    Put("<section id=\"repositories\" aria-label=\"Repositories\">\n<h2>Repositories</h2>\n"
        "<div class=\"panel\">\n");
    Filters();
    Put("<div class=\"table-scroll\">\n<table id=\"repos\">\n<thead><tr>");
    Header("name", "Repository");
    Header("org", "Organization");
    Header("type", "Type");
    Header("language", "Language");
    Header("tier", "Tier");
    Header("status", "Status");
    Header("owner", "Owner");
    Header("compliance", "Compliance");
    Put("<th>Files</th></tr></thead>\n<tbody>\n");
    int n = 0;
    for (const CatalogOrg& org : cat_.orgs) {
      for (const CatalogRepo& r : org.repos) Row(r, n++ < kFirstRows);
    }
    Put("</tbody>\n</table>\n</div>\n<p class=\"no-match\" id=\"no-match\" hidden>No repository "
        "matches these filters.</p>\n<p class=\"more\" id=\"more-row\"{}><button type=\"button\" "
        "id=\"more\">List more</button></p>\n",
        s_.total_repositories > kFirstRows ? "" : " hidden");
    for (const CatalogOrg& org : cat_.orgs) {
      if (!org.error) continue;
      out_.append("<p class=\"problem\">Cannot list organization ");
      Text(org.name);
      out_.append(": ");
      Text(*org.error);
      out_.append("</p>\n");
    }
    Put("</div>\n</section>\n");
  }

  void Tail() {
    Put("</main>\n<footer>Generated by golden catalog &middot; the same data as catalog.json"
        "</footer>\n<script>{}</script>\n</body>\n</html>\n",
        CatalogJs());
  }

  const Catalog& cat_;
  const Summary& s_;
  std::string out_;
};

}  // namespace

std::string RenderHtml(const Catalog& catalog) { return Page(catalog).Render(); }

}  // namespace golden::catalog
