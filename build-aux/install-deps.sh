#!/bin/sh
# Installs the Debian 12 packages Pilot Monitor needs.
#
#   sh build-aux/install-deps.sh run    what building and running the app need
#   sh build-aux/install-deps.sh test   that, and the tools the test suite uses
#
# Only what is missing is installed; safe to run again.
#
# PostgreSQL (postgresql, libpq-dev) is for the tests, which run their own
# throwaway server (build-aux/pg-test-server.sh), never Debian's cluster.
# Debian's package creates a cluster "main" and starts it from its postinst;
# while we install, a policy-rc.d that refuses the postgresql service keeps
# it stopped, so nothing of ours competes with it and, without systemd, a
# start that fails (port 5432 taken, no shared memory) cannot fail the
# install.
set -eu

# Building and running: the compiler and meson, the libraries, gettext and
# xmllint (used while building the translations and the GResource), and the
# fonts the printed reports use; desktop-file-utils because the install
# step updates the desktop database. libpq is the client library only.
RUN_PACKAGES="gcc libc6-dev pkg-config meson ninja-build
libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
libxlsxwriter-dev libpq-dev libsodium-dev
gettext libxml2-utils desktop-file-utils fonts-dejavu-core fonts-cantarell"

# The test suite adds: Xvfb for the widget tests, poppler to read the PDFs
# back, the AppStream validators, the sanitizer runtimes,
# clang and libFuzzer, valgrind, LibreOffice Calc (to open the exported
# workbooks) and Writer (the benchmark times the appendix against it), a
# PostgreSQL server for the server tests and openssl to make the
# certificates of the TLS test.
TEST_PACKAGES="git xvfb xauth dbus dbus-x11 poppler-utils
appstream appstream-util
libasan8 libubsan1 sqlite3
clang libclang-rt-14-dev libfuzzer-14-dev valgrind
libreoffice-calc-nogui libreoffice-writer-nogui postgresql openssl"

case "${1:-test}" in
  run) PACKAGES=$RUN_PACKAGES ;;
  test) PACKAGES="$RUN_PACKAGES $TEST_PACKAGES" ;;
  *) echo "usage: install-deps.sh run|test" >&2; exit 2 ;;
esac

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

  # invoke-rc.d and deb-systemd-invoke ask /usr/sbin/policy-rc.d before
  # starting a service: 101 refuses. An existing policy (containers often
  # refuse everything) is left as it is; ours goes when we are done.
  policy=/usr/sbin/policy-rc.d
  own_policy=no
  case " $missing " in
    *" postgresql "*)
      if [ ! -e "$policy" ]; then
        trap '$SUDO rm -f "$policy"' EXIT
        trap 'exit 130' INT
        trap 'exit 143' TERM
        $SUDO tee "$policy" >/dev/null <<'EOF'
#!/bin/sh
# Written by Pilot Monitor's build-aux/install-deps.sh for the length of one
# apt-get install: keeps Debian's PostgreSQL cluster from being started.
case "$1" in
  postgresql*) exit 101 ;;
esac
exit 0
EOF
        $SUDO chmod 0755 "$policy"
        own_policy=yes
      fi
      ;;
  esac

  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing

  if [ "$own_policy" = yes ]; then
    $SUDO rm -f "$policy"
    trap - EXIT INT TERM
  fi
fi
