#pragma once

// The catalog page's stylesheet and script: src/catalog/html/catalog.{css,js}, compiled in
// by cmake/embed.cmake so the page needs no other file.

#include <string_view>

namespace golden::catalog {

/// The text of html/catalog.css.
std::string_view CatalogCss();
/// The text of html/catalog.js.
std::string_view CatalogJs();

}  // namespace golden::catalog
