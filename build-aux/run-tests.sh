#!/bin/sh
# Sets up a fresh Debian 12 machine, builds Pilot Monitor and runs the whole
# test suite headless: once as built, once under AddressSanitizer and
# UndefinedBehaviorSanitizer, once under valgrind memcheck; then runs each
# libFuzzer target for 20 seconds. Widget tests run under Xvfb. Ends with
# one line "N passed, N failed" counted from meson's test logs.
#
# A throwaway PostgreSQL server runs for the length of the run (see below
# and build-aux/pg-test-server.sh); the tests find it in PM_TEST_PG_*.
#
# Longer fuzzing: sh build-aux/run-fuzz.sh 600 (seconds per target).
set -eu
cd "$(dirname "$0")/.."

sh build-aux/install-deps.sh test

# PostgreSQL for the tests: our own server, not Debian's cluster, in a
# fresh directory under /tmp, on 127.0.0.1 only, run by the unprivileged
# system user pilotmonitor-test (or by the caller when not root). It serves
# every run below and is stopped and deleted on exit, whatever happens.
# CI tests both storage engines, so a server that does not start fails the
# run here rather than letting the PostgreSQL tests skip.
pg_dir=$(mktemp -d /tmp/pm-pg-XXXXXX)
pg_script=$PWD/build-aux/pg-test-server.sh
trap 'pg_status=$?; sh "$pg_script" stop "$pg_dir" || pg_status=1; exit $pg_status' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
if ! sh "$pg_script" start "$pg_dir"; then
  echo "run-tests: FAILED: could not start the PostgreSQL test server" >&2
  exit 1
fi
. "$pg_dir/env"
export PM_TEST_PG_HOST PM_TEST_PG_PORT PM_TEST_PG_USER PM_TEST_PG_PASSWORD PM_TEST_PG_URI

setup () {
  dir=$1; shift
  if [ -d "$dir" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

status=0

setup build -Dtests=true
meson compile -C build
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C build --print-errorlogs --num-processes 2 || status=1

# Sanitizers: any ASan or UBSan report fails the test that triggered it.
# PM_TEST_SLOW: fewer crash kills and smaller large programmes, no
# wall-clock limits (the build above runs them in full).
setup build-asan -Dtests=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
meson compile -C build-asan
PM_TEST_SLOW=1 \
ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:fast_unwind_on_malloc=0" \
LSAN_OPTIONS="suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 || status=1

# Valgrind memcheck: any memory error or definitely lost block fails the
# test (build-valgrind; suppressions in build-aux/valgrind.supp).
# The small benchmark runs (suite "benchmark") are left out here: they time
# spawned programs, and the ASan run above checks their memory.
sh build-aux/run-valgrind.sh --no-suite benchmark || status=1

# Fuzzing with a short budget: clang, in build-fuzz. A crash fails the run
# and leaves its input in build-fuzz/ (see fuzz/README.md).
sh build-aux/run-fuzz.sh 20 || status=1

python3 build-aux/count-tests.py build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build-valgrind/meson-logs/testlog.json build-fuzz/meson-logs/testlog.json
exit $status
