# Installation and packages. One command builds both Debian packages from a build tree:
#   cpack -G DEB            (or: cmake --build <dir> --target package)
# linecard (component "client"): the desktop client, its .desktop file (tel:, callto:, sip:
# links), hicolor icons and AppStream metainfo; translations are built into the binary.
# linecard-server (component "server"): linecard-server and linecard-pbx-sim, a systemd unit
# running as the system user "linecard", /etc/linecard/server.conf, data in /var/lib/linecard,
# and the kamailio example (/usr/share/doc/linecard-server/examples/kamailio/kamailio.cfg).
# NSIS (Windows) and DragNDrop (macOS) are configured below but were never run here.
include(GNUInstallDirs)

set(LINECARD_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/installer/desktop)
set(LINECARD_DEBIAN_DIR ${PROJECT_SOURCE_DIR}/installer/debian)

# --- client ---------------------------------------------------------------------------
if(APPLE)
    set_target_properties(linecard PROPERTIES MACOSX_BUNDLE ON OUTPUT_NAME Linecard
        MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/installer/macos/Info.plist.in)
    install(TARGETS linecard BUNDLE DESTINATION . COMPONENT client)
else()
    install(TARGETS linecard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
endif()

if(UNIX AND NOT APPLE)
    install(FILES ${LINECARD_DESKTOP_DIR}/linecard.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT client)
    install(FILES ${LINECARD_DESKTOP_DIR}/org.linecard.Linecard.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT client)
    install(FILES ${LINECARD_DESKTOP_DIR}/linecard.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)

    # PNG sizes for desktops and trays that do not draw SVG, rendered from the one SVG.
    find_program(LINECARD_RSVG_CONVERT rsvg-convert)
    if(LINECARD_RSVG_CONVERT)
        set(icon_files)
        foreach(size 16 22 24 32 48 64 128 256)
            set(png ${CMAKE_BINARY_DIR}/icons/${size}x${size}/linecard.png)
            add_custom_command(OUTPUT ${png}
                COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/icons/${size}x${size}
                COMMAND ${LINECARD_RSVG_CONVERT} -w ${size} -h ${size}
                    ${LINECARD_DESKTOP_DIR}/linecard.svg -o ${png}
                DEPENDS ${LINECARD_DESKTOP_DIR}/linecard.svg
                COMMENT "Rendering the ${size}px icon" VERBATIM)
            list(APPEND icon_files ${png})
            install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                COMPONENT client)
        endforeach()
        add_custom_target(linecard_icons ALL DEPENDS ${icon_files})
    else()
        message(WARNING "rsvg-convert (librsvg2-bin) not found: packages get the SVG icon only")
    endif()

    # Debian wants a copyright file and a compressed changelog in each package's doc folder,
    # and compressed manual pages.
    set(gzipped)
    foreach(source IN ITEMS changelog man/linecard.1 man/linecard-server.1 man/linecard-pbx-sim.1)
        set(gz ${CMAKE_BINARY_DIR}/debian/${source}.gz)
        get_filename_component(gz_dir ${gz} DIRECTORY)
        add_custom_command(OUTPUT ${gz}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${gz_dir}
            COMMAND sh -c "gzip -9n < '${LINECARD_DEBIAN_DIR}/${source}' > '${gz}'"
            DEPENDS ${LINECARD_DEBIAN_DIR}/${source} VERBATIM)
        list(APPEND gzipped ${gz})
    endforeach()
    add_custom_target(linecard_debian_docs ALL DEPENDS ${gzipped})
    set(changelog_gz ${CMAKE_BINARY_DIR}/debian/changelog.gz)
    install(FILES ${CMAKE_BINARY_DIR}/debian/man/linecard.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT client)
    install(FILES ${CMAKE_BINARY_DIR}/debian/man/linecard-server.1.gz
        ${CMAKE_BINARY_DIR}/debian/man/linecard-pbx-sim.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT server)
    install(FILES ${LINECARD_DEBIAN_DIR}/copyright ${changelog_gz}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/linecard COMPONENT client)
    install(FILES ${LINECARD_DEBIAN_DIR}/copyright ${changelog_gz}
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/linecard-server COMPONENT server)

    # --- server -----------------------------------------------------------------------
    install(TARGETS linecard-server linecard-pbx-sim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        COMPONENT server)
    install(FILES ${LINECARD_DEBIAN_DIR}/linecard-server.service
        DESTINATION /lib/systemd/system COMPONENT server)
    install(FILES ${LINECARD_DEBIAN_DIR}/server.conf DESTINATION /etc/linecard COMPONENT server)
    # The kamailio example of "Connecting a PBX" (README), to copy and edit.
    install(FILES ${PROJECT_SOURCE_DIR}/installer/pbx/kamailio/kamailio.cfg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/linecard-server/examples/kamailio
        COMPONENT server)
    set(maintainer_scripts)
    foreach(script postinst prerm postrm)
        configure_file(${LINECARD_DEBIAN_DIR}/${script} ${CMAKE_BINARY_DIR}/debian/server/${script}
            COPYONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
            WORLD_READ WORLD_EXECUTE)
        list(APPEND maintainer_scripts ${CMAKE_BINARY_DIR}/debian/server/${script})
    endforeach()
    configure_file(${LINECARD_DEBIAN_DIR}/conffiles ${CMAKE_BINARY_DIR}/debian/server/conffiles
        COPYONLY)
endif()

# --- CPack ------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME linecard)
set(CPACK_PACKAGE_VENDOR "Linecard")
set(CPACK_PACKAGE_CONTACT "Linecard team <team@linecard.example>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Operator client and server for a CRM with telephony")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://linecard.example")
set(CPACK_PACKAGE_INSTALL_DIRECTORY Linecard)
set(CPACK_RESOURCE_FILE_LICENSE ${LINECARD_DEBIAN_DIR}/copyright)
set(CPACK_STRIP_FILES ON)
if(UNIX AND NOT APPLE)
    set(CPACK_COMPONENTS_ALL client server)
else()
    set(CPACK_COMPONENTS_ALL client) # the server is packaged for Debian only
endif()
set(CPACK_COMPONENT_CLIENT_DISPLAY_NAME "Linecard client")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Linecard server")

# Debian: one package per component, dependencies from dpkg-shlibdeps plus the plug-ins
# Qt loads at run time (which shlibdeps cannot see).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME linecard)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION comm)
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, qt6-translations-l10n")
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "operator desktop client for a CRM with telephony
Linecard is the desktop client of a task-and-contact CRM with telephony.
Operators work task lists and comment threads and take phone calls: on an
incoming call the caller's contact card opens in a window of its own,
coloured by the phone line. Phone links (tel:, callto:, sip:) open in
Linecard and are dialled through the office PBX. It connects to a
linecard-server or runs a local workspace on its own.")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME linecard-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${maintainer_scripts};${CMAKE_BINARY_DIR}/debian/server/conffiles")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "self-hosted server of the Linecard CRM with telephony
linecard-server serves the Linecard REST API and live event stream, keeps
tasks, contacts, comments and calls in SQLite, and takes call events from
PBXs in the PlanFix and Zammad CTI formats. It applies one comment
visibility rule on every read path. The package runs it as a systemd
service under its own user, and ships linecard-pbx-sim, a PBX simulator.")
# CPackDeb would put the one project-wide summary above each component's own synopsis.
set(CPACK_PROJECT_CONFIG_FILE ${PROJECT_SOURCE_DIR}/cmake/CPackProjectConfig.cmake)

# Windows (NSIS; written, not tried): Start menu entry, and tel:/callto:/sip: links for the
# current user (HKCU\\Software\\Classes).
set(CPACK_NSIS_DISPLAY_NAME Linecard)
set(CPACK_NSIS_PACKAGE_NAME Linecard)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\linecard.exe")
set(CPACK_PACKAGE_EXECUTABLES linecard Linecard)
set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
set(nsis_register "")
set(nsis_unregister "")
foreach(scheme tel callto sip)
    string(APPEND nsis_register
        "WriteRegStr HKCU 'Software\\\\Classes\\\\${scheme}' '' 'URL:${scheme}'\n"
        "WriteRegStr HKCU 'Software\\\\Classes\\\\${scheme}' 'URL Protocol' ''\n"
        "WriteRegStr HKCU 'Software\\\\Classes\\\\${scheme}\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\linecard.exe\\\" \\\"%1\\\"'\n")
    string(APPEND nsis_unregister "DeleteRegKey HKCU 'Software\\\\Classes\\\\${scheme}'\n")
endforeach()
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "${nsis_register}")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "${nsis_unregister}")

# macOS (DragNDrop; written, not tried): the Linecard.app bundle on a disk image.
set(CPACK_DMG_VOLUME_NAME Linecard)
set(CPACK_DMG_FORMAT UDZO)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB)
endif()

include(CPack)
