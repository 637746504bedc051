#!/bin/sh
# Sets up a fresh Debian 12 machine, builds Pilot Monitor and runs it.
# With no arguments the window opens on the sample programme (your own
# database in ~/.local/share/pilot-monitor/, seeded with the sample on first
# run); any arguments are passed on: `sh build-aux/run.sh --help`.
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh run

if [ -d build ]; then
  meson setup --reconfigure build -Dtests=false >/dev/null
else
  meson setup build -Dtests=false >/dev/null
fi
meson compile -C build

# Run from the build tree: the schema compiled there is used, so nothing has
# to be installed system-wide.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec ./build/src/pilot-monitor "$@"
