#!/bin/sh
# Draws docs/screenshot-window.png, the picture in the README: the real main
# window on a fresh copy of the sample programme, showing the Cannock Chase
# pilot for Q3 2016/17, rendered under Xvfb by tests/gui/pm-screenshot.
#
# Usage: sh build-aux/screenshot.sh [OUTPUT.png [WIDTH HEIGHT [VIEW]]]
# WIDTH x HEIGHT is the window's own size, as a desktop reports it; below
# 720 px wide the window shows one pane, the page rather than the list.
# docs/screenshot-overview.png is "1100 720 overview" (both panes, as the
# window opens), docs/screenshot-narrow.png "360 640 pilot" (a phone's),
# docs/screenshot-window.png "1100 720 saved".
# VIEW is pilot (the default), saved (a pilot with a value just saved),
# report, about, overview, baseline,
# history, csv, returns, round (after a committee round was frozen) or
# freeze (the dialog that freezes one), connect (Connect to Server), export
# (the Export dialog; export-return with a district's return chosen), add-district (Add District refusing a name),
# about-app (About Pilot Monitor), preferences, lead (the window of a
# district lead on a server, on another district's pilot: it needs the
# PostgreSQL test server's PM_TEST_PG_URI; docs/screenshot-lead.png is
# "1100 720 lead") or disconnected (the banner while a server's connection
# is lost: docs/screenshot-disconnected.png is "1100 720 disconnected") or
# schedule (a yearly KPI with two milestones, from docs/schedule-example.json,
# at 2021/22: docs/screenshot-schedule.png is "1100 720 schedule"), or
# milestones (the Targets and Milestones dialog adding a second milestone),
# milestone-saved (the pilot page once it is saved, the chart showing it),
# periods (the period selector's list with a yearly and a monthly KPI) or
# year (the window at 2016/17, the year chosen in that list).
# The build directory is ./build unless BUILD_DIR says otherwise.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-"$top/build"}
output=${1:-"$top/docs/screenshot-window.png"}
width=${2:-1280}
height=${3:-800}
view=${4:-pilot}

# The screenshot tool is built with the tests.
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dtests=true
else
  meson setup --reconfigure "$build" "$top" -Dtests=true >/dev/null
fi
# Everything, so that the settings schema is compiled too.
meson compile -C "$build"

mkdir -p "$(dirname "$output")"

# The schedule view opens docs/schedule-example.json, imported afresh.
if [ "$view" = schedule ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  PM_SCREENSHOT_DATABASE="$scratch/schedule.db"
  export PM_SCREENSHOT_DATABASE
  "$build/src/pilot-monitor" --database "$PM_SCREENSHOT_DATABASE" --import "$top/docs/schedule-example.json"
fi

# The same environment as the tests: settings in memory, no accessibility
# bus, the cairo renderer for repeatable pixels.
GSETTINGS_BACKEND=memory \
GSETTINGS_SCHEMA_DIR="$build/data" \
GTK_A11Y=none \
NO_AT_BRIDGE=1 \
GSK_RENDERER=cairo \
LC_ALL=C.UTF-8 \
  xvfb-run -a -s "-screen 0 1920x1200x24" \
    "$build/tests/gui/pm-screenshot" "$output" "$width" "$height" "$view"
