#pragma once

#include "base/status.h"
#include "portfolio/metadata.h"
#include "portfolio/scan.h"
#include "portfolio/target.h"

namespace golden::portfolio {

/// What golden reads from one repository, once, before any check, catalog entry, checkpoint
/// record or policy input is made from it.
struct RepoSnapshot {
  RepoRef ref;
  /// Not OK when the repository folder itself could not be listed; the inventory and the
  /// metadata are then empty.
  Status scan_status;
  RepoInventory inventory;
  Metadata metadata;
};

/// Scans `ref.dir` and loads its metadata. Never fails: problems are recorded in the snapshot.
RepoSnapshot LoadRepo(const RepoRef& ref, const ScanOptions& options = {});

}  // namespace golden::portfolio
