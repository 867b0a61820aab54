# Installs the library, its public headers, the galley command, the CMake package
# (galley::galley) and galley.pc. Included last, once every converter has added its
# sources and dependencies to the galley target.
include(CMakePackageConfigHelpers)

set(GALLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/galley)
get_target_property(GALLEY_LIBRARY_TYPE galley TYPE)
if(GALLEY_LIBRARY_TYPE STREQUAL "STATIC_LIBRARY")
  set(GALLEY_STATIC ON)
  set(GALLEY_PC_REQUIRES Requires)
  set(GALLEY_PC_LIBS "-lcld2 -lbz2")  # libcld2 and libbz2 have no pkg-config file to require
  set(GALLEY_PC_LIBS_PRIVATE "")
else()
  set(GALLEY_STATIC OFF)
  set(GALLEY_PC_REQUIRES Requires.private)
  set(GALLEY_PC_LIBS "")
  set(GALLEY_PC_LIBS_PRIVATE "-lcld2 -lbz2")
endif()

# The command of a shared build finds libgalley beside it, wherever the prefix is, and
# in the build tree, which lays out bin/ and the library folder alike (core/CMakeLists.txt).
# The build tree's command gets the installed path too: a path that installing rewrites
# CMake pads with colons, and an empty entry makes the dynamic loader look for every
# library in the current directory. A static build's command needs no search path.
if(NOT GALLEY_STATIC)
  set_target_properties(galley_cli PROPERTIES INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}"
                        BUILD_WITH_INSTALL_RPATH ON)
endif()

install(TARGETS galley EXPORT galley-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/galley
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS galley_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT galley-targets NAMESPACE galley:: DESTINATION ${GALLEY_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/galleyConfig.cmake.in
  ${PROJECT_BINARY_DIR}/galleyConfig.cmake INSTALL_DESTINATION ${GALLEY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/galleyConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/galleyConfig.cmake
              ${PROJECT_BINARY_DIR}/galleyConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindCLD2.cmake
        DESTINATION ${GALLEY_CMAKE_DIR})

file(RELATIVE_PATH GALLEY_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" GALLEY_PC_TO_PREFIX "${GALLEY_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/galley.pc.in ${PROJECT_BINARY_DIR}/galley.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/galley.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
