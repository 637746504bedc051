#!/bin/sh
# Checks po/POTFILES.in against the tree, as TAP. A source file with
# translatable strings that is not listed is silently left out of the
# translation template; a listed file that does not exist breaks xgettext.
#
# Usage: test-potfiles.sh SOURCE_ROOT

set -u

srcroot=${1:?usage: test-potfiles.sh SOURCE_ROOT}
potfiles="$srcroot/po/POTFILES.in"

echo "1..3"

if [ -r "$potfiles" ]; then
  echo "ok 1 - po/POTFILES.in exists"
else
  echo "not ok 1 - po/POTFILES.in exists"
  echo "ok 2 # SKIP no POTFILES.in"
  echo "ok 3 # SKIP no POTFILES.in"
  exit 0
fi

# The listed files, without comments, blank lines or surrounding spaces.
listed=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
           -e '/^$/d' "$potfiles")

is_listed () {
  printf '%s\n' "$listed" | grep -qxF "$1"
}

# Every C file using a gettext macro, _(), N_(), C_(), NC_() (with or without
# the GNU space before the parenthesis), or ngettext, and every template with
# a translatable property.
missing=$(
  cd "$srcroot" || exit 1
  {
    find src -type f \( -name '*.c' -o -name '*.h' \) -print 2>/dev/null |
      while IFS= read -r f; do
        if grep -Eq '(^|[^A-Za-z0-9_])(N|C|NC)?_ ?\(|(^|[^A-Za-z0-9_])(g_d)?n?gettext ?\(' "$f"; then
          printf '%s\n' "$f"
        fi
      done
    find ui -type f -name '*.ui' -print 2>/dev/null |
      while IFS= read -r f; do
        if grep -Eq 'translatable="(yes|true|1)"' "$f"; then
          printf '%s\n' "$f"
        fi
      done
  } | sort |
  while IFS= read -r f; do
    is_listed "$f" || printf '%s\n' "$f"
  done
)

if [ -z "$missing" ]; then
  echo "ok 2 - every file with translatable strings is in po/POTFILES.in"
else
  echo "not ok 2 - every file with translatable strings is in po/POTFILES.in"
  printf '%s\n' "$missing" | sed 's/^/# missing from po\/POTFILES.in: /'
fi

absent=$(
  printf '%s\n' "$listed" |
  while IFS= read -r f; do
    [ -n "$f" ] || continue
    [ -f "$srcroot/$f" ] || printf '%s\n' "$f"
  done
)

if [ -z "$absent" ]; then
  echo "ok 3 - every file in po/POTFILES.in exists"
else
  echo "not ok 3 - every file in po/POTFILES.in exists"
  printf '%s\n' "$absent" | sed 's/^/# listed but does not exist: /'
fi

exit 0
