#!/bin/sh
# Runs the whole test suite under valgrind memcheck, in its own build dir
# (build-valgrind), widget tests under Xvfb. Any memcheck error, or any
# definitely lost block, fails the test that caused it. Suppressions:
# build-aux/valgrind.supp (library internals only, each one explained).
#
#   sh build-aux/run-valgrind.sh                 # everything
#   sh build-aux/run-valgrind.sh --suite store   # arguments go to meson test
#
# VALGRIND_BUILD_DIR chooses the build directory (default build-valgrind).
#
# meson test runs each test as "run-valgrind.sh --wrap TEST ARGS...": test
# programs built here run under valgrind, and so do the project's own
# programs they start (pilot-monitor); system tools that some tests run
# (sh, desktop-file-validate, appstreamcli, ...) are not ours to check and
# run as they are. crash-child is not traced either: test-crash kills it
# hundreds of times, and what it does is checked by the suite under ASan.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")

if [ "${1:-}" = "--wrap" ]; then
  shift
  case "$1" in
    "$VALGRIND_BUILD_ROOT"/*) ;;
    *) exec "$@" ;;
  esac

  # valgrind writes its reports to files, one per process, so that a test
  # reading what a child prints (the CLI tests) reads only the child.
  logs=$(mktemp -d "$VALGRIND_BUILD_ROOT/meson-logs/valgrind-XXXXXX")
  status=0
  valgrind --tool=memcheck --error-exitcode=1 \
    --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --suppressions="$here/valgrind.supp" --num-callers=30 \
    --trace-children=yes --trace-children-skip='/bin/*,/usr/*,/sbin/*,*/crash-child' \
    --log-file="$logs/%p.log" "$@" || status=$?

  # Any process with errors fails the test, the test's own or a child's,
  # and its report goes to the test's log.
  clean=yes
  for log in "$logs"/*.log; do
    if [ -f "$log" ] && grep -qE 'ERROR SUMMARY: [1-9]' "$log"; then
      cat "$log" >&2
      clean=no
    fi
  done
  if [ "$clean" = yes ]; then
    rm -rf "$logs"
  elif [ "$status" -eq 0 ]; then
    status=1
  fi
  exit "$status"
fi

cd "$root"
dir=${VALGRIND_BUILD_DIR:-build-valgrind}

# -O0 keeps every frame in the stacks that the suppressions match.
if [ -d "$dir" ]; then
  meson setup --reconfigure "$dir" -Dtests=true -Dbuildtype=debug >/dev/null
else
  meson setup "$dir" -Dtests=true -Dbuildtype=debug >/dev/null
fi
meson compile -C "$dir"

VALGRIND_BUILD_ROOT=$(cd "$dir" && pwd)
export VALGRIND_BUILD_ROOT
# GSlice hides frees from valgrind; gc-friendly clears freed pointers, so
# only what is truly unreachable counts as lost. PM_TEST_SLOW drops the
# wall-clock limits and shortens the crash and large-programme tests.
status=0
G_SLICE=always-malloc G_DEBUG=gc-friendly PM_TEST_SLOW=1 \
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$dir" --print-errorlogs --num-processes 2 \
    --timeout-multiplier 20 --wrap="sh $here/run-valgrind.sh --wrap" "$@" || status=$?

# meson names the log after the wrapper (testlog-sh.json); count-tests.py
# reads testlog.json as in the other build dirs.
cp "$dir/meson-logs/testlog-sh.json" "$dir/meson-logs/testlog.json"
exit "$status"
