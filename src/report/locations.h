#pragma once

// Where a finding points to, for formats that locate findings in the governance repository
// (SARIF, GitHub annotations): paths relative to the governance root, as code scanning and
// the Actions runner resolve them against the checkout.

#include <string>
#include <string_view>

#include "report/report.h"

namespace golden::report {

/// A finding's place in the governance repository.
struct FindingLocation {
  /// '/'-separated, as shown ("organizations/alpha/svc/Dockerfile"). A finding about a whole
  /// repository points to its `.meta/repo.yaml` (the file that describes it); one about an
  /// organization to its folder.
  std::string path;
  /// `path` as a URI reference: percent-encoded, relative; `file://` when `path` is absolute
  /// (a repository enforced outside a governance root).
  std::string uri;
  bool relative = true;
  int line = 0;  ///< 1-based; 0 when unknown
};

/// The location of `f`, a finding of `repo`.
FindingLocation LocateFinding(const RepoReport& repo, const Finding& f);

/// The location of `f`, a finding about the organization `org` itself.
FindingLocation LocateOrgFinding(const OrgReport& org, const Finding& f);

/// `path` with every byte other than RFC 3986's unreserved characters and '/' percent-encoded
/// (UTF-8 bytes become %XX).
std::string PercentEncodePath(std::string_view path);

}  // namespace golden::report
