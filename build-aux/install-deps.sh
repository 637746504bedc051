#!/bin/sh
# Installs the Debian 12 packages Pilot Monitor needs to build, run and test.
# Only what is missing is installed; safe to run again.
set -eu

PACKAGES="gcc libc6-dev pkg-config meson ninja-build git
libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
gettext desktop-file-utils appstream appstream-util libxml2-utils
xvfb xauth dbus dbus-x11 fonts-dejavu-core fonts-cantarell poppler-utils
libasan8 libubsan1 sqlite3
clang libclang-rt-14-dev libfuzzer-14-dev valgrind
libxlsxwriter-dev libreoffice-calc-nogui"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  echo "Installing:$missing"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi
