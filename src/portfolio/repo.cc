#include "portfolio/repo.h"

namespace golden::portfolio {

RepoSnapshot LoadRepo(const RepoRef& ref, const ScanOptions& options) {
  RepoSnapshot snap;
  snap.ref = ref;
  auto inventory = ScanRepo(ref.dir, options);
  if (!inventory.ok()) {
    snap.scan_status = inventory.status();
    return snap;
  }
  snap.inventory = std::move(inventory).value();
  snap.metadata = LoadMetadata(ref.dir, snap.inventory);
  return snap;
}

}  // namespace golden::portfolio
