#!/bin/sh
# Runs one libFuzzer target for a bounded time on a scratch copy of its
# seed corpus, so that the checked-in corpus is never written to.
# Usage: run-target.sh TARGET SEED-DIR SECONDS [DICTIONARY]
# A crash leaves the input that caused it in crash-*/leak-*/timeout-*
# files in the current directory (the build dir under meson test).
set -eu

target=$1
seeds=$2
seconds=$3
dict=${4:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/pm-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
cp "$seeds"/* "$work"/

set -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="$PWD/$(basename "$target")-"
if [ -n "$dict" ] && [ -f "$dict" ]; then
  set -- "$@" -dict="$dict"
fi

# libFuzzer exits non-zero on any crash, leak or sanitizer report.
"$target" "$@" "$work"
