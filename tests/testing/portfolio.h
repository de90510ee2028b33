#pragma once

// For the core library's tests: the portfolio of a governance root, resolved as golden does.
// Header-only: the tests that include it link golden_portfolio; golden_testing does not.

#include <gtest/gtest.h>

#include <filesystem>

#include "portfolio/target.h"

namespace golden::testing {

/// Every organization of the governance root `root` (what `golden enforce` run there covers).
inline portfolio::Target Portfolio(const std::filesystem::path& root) {
  portfolio::TargetRequest r;
  r.path = root / "organizations";
  r.root = root;
  r.cwd = root;
  r.scope = portfolio::Scope::kPortfolio;
  auto t = portfolio::ResolveTarget(r);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : portfolio::Target{};
}

}  // namespace golden::testing
