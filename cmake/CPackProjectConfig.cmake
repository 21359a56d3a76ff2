# Read by cpack for each generator. Debian packages take their synopsis from the first line
# of each component's description; CPackDeb prepends the project-wide summary unless it is
# left at CPack's default, so the DEB run puts the default back.
if(CPACK_GENERATOR STREQUAL "DEB")
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
