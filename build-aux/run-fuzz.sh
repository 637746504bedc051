#!/bin/sh
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for a bounded time on a scratch
# copy of its checked-in seed corpus. Any crash, leak, sanitizer report or
# failed assertion fails the run; the input that caused it is left in
# BUILD-DIR as fuzz-NAME-crash-*, -leak-* or -timeout-*.
#
#   sh build-aux/run-fuzz.sh            # 20 s per target (what CI runs)
#   sh build-aux/run-fuzz.sh 600        # ten minutes per target
#
# FUZZ_BUILD_DIR chooses the build directory (default build-fuzz).
set -eu
cd "$(dirname "$0")/.."

seconds=${1:-20}
dir=${FUZZ_BUILD_DIR:-build-fuzz}

# The sanitizers and -fsanitize=fuzzer-no-link go on every library, so the
# fuzzer is guided by the branches of the model and store code it reaches.
options="-Dtests=true -Dfuzzing=true -Dfuzz_seconds=$seconds -Db_sanitize=address,undefined \
-Db_lundef=false -Dbuildtype=debugoptimized -Dc_args=-fsanitize=fuzzer-no-link"

if [ -d "$dir" ]; then
  # shellcheck disable=SC2086
  meson setup --reconfigure "$dir" $options >/dev/null
else
  # shellcheck disable=SC2086
  CC=clang meson setup "$dir" $options >/dev/null
fi

# Only the fuzz targets and what they link: the rest of the project is
# tested by the other build directories.
targets=$(meson introspect --targets "$dir" |
  python3 -c 'import json, sys; print(" ".join(t["name"] for t in json.load(sys.stdin) if t["name"].startswith("fuzz-")))')
# shellcheck disable=SC2086
meson compile -C "$dir" $targets

meson test -C "$dir" --suite fuzz --no-rebuild --print-errorlogs
