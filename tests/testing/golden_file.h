#pragma once

#include <filesystem>
#include <string_view>

namespace golden::testing {

/// Compares `actual` with the file `expected_path`. With UPDATE_GOLDEN=1 in the environment
/// the file is (re)written instead and the check passes. On a mismatch the test fails with a
/// unified-style diff of the first differing lines.
void ExpectMatchesGolden(const std::filesystem::path& expected_path, std::string_view actual);

}  // namespace golden::testing
