/* pm-import-dialog.h: quarterly values from a CSV file, reviewed then saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pm-store.h"

G_BEGIN_DECLS

#define PM_TYPE_IMPORT_DIALOG (pm_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmImportDialog, pm_import_dialog, PM, IMPORT_DIALOG, AdwWindow)

/* Checks @file against @programme off the main thread, shows what it
 * would change and what it refuses, and on Import writes the accepted
 * rows in one transaction, a slice at a time, with a progress bar and
 * Cancel. Emits "finished" (guint n_written, GError *error) once: error
 * is G_IO_ERROR_CANCELLED when the person cancelled, and then nothing
 * was written. The dialog closes itself after "finished". */
PmImportDialog *pm_import_dialog_new          (GtkWindow      *parent,
                                               PmStore        *store,
                                               PmProgramme    *programme,
                                               GFile          *file);
/* Rows per slice (a main-loop turn) while writing: tests make it small. */
void            pm_import_dialog_set_slice    (PmImportDialog *self,
                                               guint           n_rows);
/* "checking", "review" or "writing". */
const char     *pm_import_dialog_get_stage    (PmImportDialog *self);
double          pm_import_dialog_get_fraction (PmImportDialog *self);

G_END_DECLS
