# golden_embed_literal(<var> <file>): sets <var> to a C++ raw string literal holding the text
# of <file> (shared by embed.cmake and embed_tree.cmake).
function(golden_embed_literal var file)
  set(delim "golden_embed")
  file(READ "${file}" text)
  string(FIND "${text}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )${delim}\"")
  endif()
  set(${var} "R\"${delim}(${text})${delim}\"" PARENT_SCOPE)
endfunction()
