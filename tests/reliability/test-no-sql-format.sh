#!/bin/sh
# Lint, as TAP: no SQL is built by string formatting anywhere in src/.
# Values reach SQL only through bound parameters (pm_statement_bind_*), so
# a title like  Robert'); DROP TABLE kpi;--  is only ever a title.
#
#  1. No printf-style or concatenating call has SQL in its strings:
#     g_strdup_printf, g_string_printf, g_string_append_printf, snprintf,
#     g_strconcat, ... with SELECT, INSERT, UPDATE, DELETE, CREATE, DROP,
#     PRAGMA, ALTER, REPLACE, ATTACH or VACUUM (a call may span lines).
#  2. sqlite3_exec and sqlite3_*printf appear nowhere but in the schema's
#     constant DDL (src/store/pm-schema-sqlite.c).
#  3, 4. The lint finds both kinds of problem planted in a copy of src/.
#
# Usage: test-no-sql-format.sh SOURCE_ROOT

set -u

srcroot=${1:?usage: test-no-sql-format.sh SOURCE_ROOT}

# Prints "file:line: call" for each formatting call with SQL in it.
formatted_sql () {
  find "$1" -name '*.[ch]' | sort | while read -r file; do
    awk '
      BEGIN {
        call = "(^|[^A-Za-z0-9_])(g_strdup_printf|g_strdup_vprintf|g_string_printf|g_string_vprintf|g_string_append_printf|g_string_append_vprintf|sprintf|vsprintf|snprintf|vsnprintf|g_snprintf|g_vsnprintf|asprintf|g_strconcat|g_strjoin|sqlite3_mprintf|sqlite3_vmprintf|sqlite3_snprintf)[ \t]*\\("
        sql = "\"[^\"]*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA|ALTER|REPLACE|ATTACH|VACUUM)([^A-Za-z_]|$)"
      }
      {
        if (!open && match($0, call)) {
          open = 1; start = FNR; text = substr($0, RSTART)
        } else if (open) {
          text = text " " $0
        }
        # A call ends with its statement.
        if (open && index(text, ";")) {
          if (text ~ sql)
            printf "%s:%d: %s\n", FILENAME, start, substr(text, 1, 120)
          open = 0
        }
      }' "$file"
  done
}

# Prints "file:line: text" for raw sqlite execution or formatting outside
# the schema.
raw_sqlite () {
  grep -rnE '(^|[^A-Za-z0-9_])sqlite3_(exec|mprintf|vmprintf|snprintf|vsnprintf)[ \t]*\(' \
    --include='*.[ch]' "$1" | grep -v "^$1/store/pm-schema-sqlite\.c:" || true
}

report () {
  number=$1; description=$2; hits=$3
  if [ -z "$hits" ]; then
    echo "ok $number - $description"
  else
    echo "not ok $number - $description"
    printf '%s\n' "$hits" | sed 's/^/# /'
  fi
}

# Like report, but the check must find something.
report_found () {
  number=$1; description=$2; hits=$3
  if [ -n "$hits" ]; then
    echo "ok $number - $description"
    printf '%s\n' "$hits" | sed 's/^/# found: /'
  else
    echo "not ok $number - $description"
  fi
}

echo "1..4"

report 1 "no SQL built by string formatting in src/" "$(formatted_sql "$srcroot/src")"
report 2 "sqlite3_exec and sqlite3_*printf only in src/store/pm-schema-sqlite.c" \
  "$(raw_sqlite "$srcroot/src")"

# The same checks on a copy of src/ with one of each planted, the SQL on
# the call's second line.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pm-lint-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
cp -R "$srcroot/src" "$scratch/src"
cat > "$scratch/src/store/pm-planted.c" <<'PLANTED'
static char *
find_kpi_sql (const char *title)
{
  return g_strdup_printf ("SELECT id FROM kpi "
                          "WHERE title = '%s'", title);
}

static void
delete_kpi (GString *sql, gint64 id)
{
  g_string_append_printf (sql,
                          "DELETE FROM kpi WHERE id = %" G_GINT64_FORMAT ";", id);
}
PLANTED
cat >> "$scratch/src/store/pm-store.c" <<'PLANTED'
static void
planted (sqlite3 *db)
{
  sqlite3_exec (db, "UPDATE kpi SET title = 'x'", NULL, NULL, NULL);
}
PLANTED

planted_format=$(formatted_sql "$scratch/src" | grep -c 'pm-planted\.c')
if [ "$planted_format" -eq 2 ]; then
  report_found 3 "finds both formatting calls planted in a copy of src/" \
    "$(formatted_sql "$scratch/src" | sed "s|$scratch/||")"
else
  echo "not ok 3 - finds both formatting calls planted in a copy of src/ (found $planted_format)"
fi
report_found 4 "finds sqlite3_exec planted in a copy of src/" \
  "$(raw_sqlite "$scratch/src" | sed "s|$scratch/||")"
