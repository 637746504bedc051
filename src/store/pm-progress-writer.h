/* pm-progress-writer.h: writes a checked CSV import into the store
 *
 * The whole import is one transaction, written a slice at a time so that
 * a window can show progress and offer Cancel between slices: cancelling
 * (or any failure) rolls the transaction back and the database is as it
 * was. Only once it has committed are the model's KPIs updated. While a
 * writer is open the store refuses other edits.
 *
 * Every value is written, or for an unchanged row checked, only if it is
 * still the one the review compared it with: one saved by someone else
 * since (changed, added or deleted) fails the whole import with
 * PM_STORE_ERROR_CONFLICT naming it, so nothing they saved is overwritten
 * unseen and the review's counts are what was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-progress-import.h"
#include "pm-store.h"

G_BEGIN_DECLS

#define PM_TYPE_PROGRESS_WRITER (pm_progress_writer_get_type ())
G_DECLARE_FINAL_TYPE (PmProgressWriter, pm_progress_writer, PM, PROGRESS_WRITER, GObject)

PmProgressWriter *pm_progress_writer_new          (PmStore           *store,
                                                   PmProgressImport  *import);
/* Takes the write lock and opens the transaction. */
gboolean          pm_progress_writer_begin        (PmProgressWriter  *self,
                                                   GError           **error);
/* Writes up to @max_rows more rows; TRUE once every row is written
 * (then call finish), FALSE with @error unset while rows remain, FALSE
 * with @error set on failure (already rolled back). */
gboolean          pm_progress_writer_step         (PmProgressWriter  *self,
                                                   guint              max_rows,
                                                   GError           **error);
/* Rows looked at so far, and in all (for a progress bar). */
guint             pm_progress_writer_get_position (PmProgressWriter  *self);
guint             pm_progress_writer_get_n_rows   (PmProgressWriter  *self);
/* Rows written (new and changed values). */
guint             pm_progress_writer_get_n_written (PmProgressWriter *self);
/* Commits, then updates the model. */
gboolean          pm_progress_writer_finish       (PmProgressWriter  *self,
                                                   GError           **error);
/* Rolls back: the database and the model are as before begin. */
void              pm_progress_writer_cancel       (PmProgressWriter  *self);

/* All of the above in one call; @cancellable is checked between slices. */
gboolean          pm_progress_writer_run          (PmProgressWriter  *self,
                                                   GCancellable      *cancellable,
                                                   GError           **error);

/* Before begin: write row by row through the schema's triggers, as on a
 * server, even to a file (for tests comparing the two ways). */
void              _pm_progress_writer_set_row_by_row (PmProgressWriter *self,
                                                      gboolean          row_by_row);

G_END_DECLS
