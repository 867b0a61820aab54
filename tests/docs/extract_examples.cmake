# Writes OUTPUT, a C++ file holding every example of the documentation, each in a
# function of its own, so that the build of the tests fails when an example no longer
# compiles: the code blocks of docs/library.md and the indented example at the top of
# core/include/galley/galley.hpp. run_examples() calls them all in order: the package
# test (tests/package/run.sh) runs them against an installed galley under
# AddressSanitizer.
#   cmake -DSOURCE_DIR=... -DOUTPUT=... -P extract_examples.cmake
file(READ ${SOURCE_DIR}/tests/docs/examples_preamble.hpp preamble)
set(body "")
set(calls "")
set(count 0)

# Appends the example held in `code` (a variable, not a macro argument, whose value
# CMake would re-read and so turn the example's own "\n" into a line break).
macro(add_example)
  math(EXPR count "${count} + 1")
  string(APPEND body "void example_${count}(EXAMPLE_NAMES) {\n  {\n${code}\n  }\n}\n\n")
  string(APPEND calls "  example_${count}(EXAMPLE_ARGUMENTS);\n")
endmacro()

# ```cpp ... ``` blocks of the Markdown documentation.
file(STRINGS ${SOURCE_DIR}/docs/library.md lines)
set(inside OFF)
foreach(line IN LISTS lines)
  if(line MATCHES "^```cpp")
    set(inside ON)
    set(code "")
  elseif(inside AND line MATCHES "^```")
    set(inside OFF)
    add_example()
  elseif(inside)
    string(APPEND code "${line}\n")
  endif()
endforeach()

# The header's example: the comment lines indented by three spaces, one example.
file(STRINGS ${SOURCE_DIR}/core/include/galley/galley.hpp lines)
set(code "")
foreach(line IN LISTS lines)
  if(line MATCHES "^//   (.*)$")
    string(APPEND code "${CMAKE_MATCH_1}\n")
  elseif(NOT line MATCHES "^//")
    break()
  endif()
endforeach()
add_example()

file(WRITE ${OUTPUT}.new "${preamble}\nnamespace {\n\n${body}}  // namespace\n\n"
     "void run_examples(EXAMPLE_NAMES) {\n${calls}}\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.new ${OUTPUT})
