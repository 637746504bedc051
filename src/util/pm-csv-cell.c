/* pm-csv-cell.c: one cell of a CSV file, written as RFC 4180 and
 * spreadsheets want it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pm-csv-cell.h"

void
pm_csv_append_field (GString    *out,
                     const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A spreadsheet takes a cell starting with one of these for a formula. */
static gboolean
starts_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* "-5", "12", "0.25": written by the exporter for numbers, and read by a
 * spreadsheet as a number, never as a formula. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text + (text[0] == '-');

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

/* Text that gets an apostrophe: a formula start, perhaps after
 * apostrophes (so that one written with its own is told apart). */
static gboolean
needs_formula_guard (const char *text)
{
  while (*text == '\'')
    text++;

  return starts_formula (text);
}

void
pm_csv_append_cell (GString    *out,
                    const char *field)
{
  g_autofree char *guarded = NULL;

  g_return_if_fail (out != NULL);

  if (field != NULL && needs_formula_guard (field) && !is_plain_number (field))
    field = guarded = g_strconcat ("'", field, NULL);

  pm_csv_append_field (out, field);
}

void
pm_csv_strip_formula_guard (char *field)
{
  g_return_if_fail (field != NULL);

  if (field[0] == '\'' && needs_formula_guard (field + 1))
    memmove (field, field + 1, strlen (field));
}
