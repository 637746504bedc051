#!/bin/sh
# Installs the Debian 12 packages Pilot Monitor needs to build, run and test.
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

PACKAGES="gcc libc6-dev pkg-config meson ninja-build git
libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libsodium-dev
gettext desktop-file-utils appstream appstream-util libxml2-utils
xvfb xauth dbus dbus-x11 fonts-dejavu-core fonts-cantarell poppler-utils
libasan8 libubsan1 sqlite3
clang libclang-rt-14-dev libfuzzer-14-dev valgrind
libxlsxwriter-dev libreoffice-calc-nogui
postgresql libpq-dev"

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
