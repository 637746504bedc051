/* pm-csv-cell.h: one cell of a CSV file, written as RFC 4180 and
 * spreadsheets want it
 *
 * The writing half of CSV, below every layer that writes a file: the
 * reader (store/pm-csv.h) undoes exactly what is done here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @field to @out, quoted when it holds a comma, a quote or a line
 * break (quotes doubled). NULL is an empty field. */
void        pm_csv_append_field  (GString      *out,
                                  const char   *field);
/* The same for a file a spreadsheet will open: text starting with =, +,
 * -, @, a tab or a carriage return, which a spreadsheet would run as a
 * formula, is written with an apostrophe before it (as OWASP advises),
 * and so is text whose leading apostrophes come before one of those, so
 * that pm_csv_strip_formula_guard() gives back exactly what was written.
 * A plain number ("-5", "0.25") is written as it is. */
void        pm_csv_append_cell   (GString      *out,
                                  const char   *field);
/* Removes, in place, the apostrophe pm_csv_append_cell() put before
 * @field; any other field is left as it is. */
void        pm_csv_strip_formula_guard (char   *field);

G_END_DECLS
