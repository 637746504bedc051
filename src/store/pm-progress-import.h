/* pm-progress-import.h: quarterly values from a CSV file, checked first
 *
 * A PmProgressImport reads a CSV file with the columns district, pilot,
 * kpi, period, value and (optionally) note, numerator and denominator (a
 * percentage's parts: both or neither; the value is worked out from them,
 * and one given as well must agree to the decimals it is written with;
 * the columns are found by their names) (an empty note keeps the note
 * already held; an apostrophe before text starting with =, +, -, @, a
 * tab or a carriage return is a spreadsheet's mark of text, as the CSV
 * export writes it, and is taken off), and checks every row against
 * the programme without writing anything: each row either becomes a value
 * to save (new, changed or the same as already held) or is refused with
 * its line number and the reason. A PmProgressWriter writes the accepted
 * rows once the user agrees.
 *
 * Reading and checking a large file takes a second or more, so a window
 * does it in a worker thread, in three steps: pm_progress_import_new()
 * copies what the check needs of the programme (the names of its
 * districts, pilots and KPIs, and each KPI's unit) on the programme's
 * own thread; pm_progress_import_read_file() reads and checks the file
 * against that copy alone, on any thread, while the programme goes on
 * changing; and pm_progress_import_compare(), back on the programme's
 * thread, compares each row with the value its KPI holds then. Only the
 * last step reads the programme's values and hands out its KPIs, so what
 * the review shows as held is what the writer makes sure is still there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_PROGRESS_IMPORT (pm_progress_import_get_type ())
G_DECLARE_FINAL_TYPE (PmProgressImport, pm_progress_import, PM, PROGRESS_IMPORT, GObject)

typedef enum
{
  PM_IMPORT_CHANGE_NEW,        /* no value held for this KPI and period */
  PM_IMPORT_CHANGE_CHANGED,    /* a different value or note is held */
  PM_IMPORT_CHANGE_UNCHANGED,  /* the same value and note: nothing to write */
} PmImportChange;

/* All three steps at once, on the programme's thread. Fails only when
 * the file as a whole cannot be used (not CSV, not UTF-8, no header
 * naming the columns); a bad row is a rejection, not an error. */
PmProgressImport *pm_progress_import_new_from_csv  (PmProgramme       *programme,
                                                    const char        *text,
                                                    gsize              length,
                                                    GError           **error);
PmProgressImport *pm_progress_import_new_for_file  (PmProgramme       *programme,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

/* One step at a time. The copy takes milliseconds even for 15,000 KPIs.
 * A file is read once, with the same errors as above. */
PmProgressImport *pm_progress_import_new           (PmProgramme       *programme);
gboolean          pm_progress_import_read_csv      (PmProgressImport  *self,
                                                    const char        *text,
                                                    gsize              length,
                                                    GError           **error);
gboolean          pm_progress_import_read_file     (PmProgressImport  *self,
                                                    GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
/* Once the file is read. A row whose KPI was deleted meanwhile, or given
 * another unit, is refused; a KPI renamed meanwhile is still the one the
 * row named. The rows and refusals below can be listed only after this. */
void              pm_progress_import_compare       (PmProgressImport  *self);

PmProgramme      *pm_progress_import_get_programme (PmProgressImport  *self);
/* Rows with a value, in file order (including unchanged ones). */
guint             pm_progress_import_get_n_rows    (PmProgressImport  *self);
/* Rows with neither value nor note, left out silently. */
guint             pm_progress_import_get_n_blank   (PmProgressImport  *self);
guint             pm_progress_import_count_change  (PmProgressImport  *self,
                                                    PmImportChange     change);
/* Row @index: its line in the file, KPI, new entry and the entry held now
 * (NULL for a new value). */
guint             pm_progress_import_get_row       (PmProgressImport  *self,
                                                    guint              index,
                                                    PmKpi            **kpi,
                                                    PmProgressEntry  **entry,
                                                    PmProgressEntry  **held);
PmImportChange    pm_progress_import_get_change    (PmProgressImport  *self,
                                                    guint              index);

/* Row @index's warning, or NULL: it is saved as given, but looks like
 * a mistake (0.62 for a percentage whose other values are above 1, as
 * if 62% were meant). */
const char       *pm_progress_import_get_warning   (PmProgressImport  *self,
                                                    guint              index);
guint             pm_progress_import_get_n_warnings (PmProgressImport *self);

/* Refused rows, each a sentence starting with its line number. */
guint             pm_progress_import_get_n_rejected (PmProgressImport *self);
const char       *pm_progress_import_get_rejection  (PmProgressImport *self,
                                                     guint             index,
                                                     guint            *line);

G_END_DECLS
