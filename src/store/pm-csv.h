/* pm-csv.h: reading comma-separated values as RFC 4180 writes them
 *
 * The cells are written by util/pm-csv-cell.h.
 *
 * The reader is forgiving where spreadsheets differ (a UTF-8 byte order
 * mark, CRLF or LF line ends, a last line without an end) and strict where
 * a mistake would shift a value into the wrong column (a quote left open, a
 * quote in the middle of a plain field, text that is not UTF-8).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;     /* the line the record starts on, counting from 1 */
  GStrv   fields;
} PmCsvRecord;

void        pm_csv_record_free   (PmCsvRecord  *record);

/* Splits @text into records (a GPtrArray of PmCsvRecord, blank lines left
 * out). A file that cannot be read as CSV is PM_FILE_ERROR_MALFORMED with
 * the line of the fault in the message. */
GPtrArray  *pm_csv_parse         (const char   *text,
                                  gsize         length,
                                  GError      **error);

/* The same, one record at a time: @func sees each record as it is read
 * (its fields are valid only during the call), so that a large file is
 * never held twice in memory. FALSE with @error set at a fault; the
 * records before it have been seen. */
typedef void (*PmCsvFunc) (const PmCsvRecord *record,
                           gpointer           user_data);

gboolean    pm_csv_foreach       (const char   *text,
                                  gsize         length,
                                  PmCsvFunc     func,
                                  gpointer      user_data,
                                  GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmCsvRecord, pm_csv_record_free)

G_END_DECLS
