/* pm-export-dialog.h: one dialog for every document the window exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pm-session.h"

G_BEGIN_DECLS

#define PM_TYPE_EXPORT_DIALOG (pm_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmExportDialog, pm_export_dialog, PM, EXPORT_DIALOG, AdwMessageDialog)

/* The documents, as win.export-to names them. */
#define PM_EXPORT_SUMMARIES "summaries"
#define PM_EXPORT_APPENDIX  "appendix"
#define PM_EXPORT_CSV       "csv"
#define PM_EXPORT_XLSX      "xlsx"
#define PM_EXPORT_RETURN    "return"
#define PM_EXPORT_PROGRAMME "programme"

/* Asks which document (@document, one of the names above, chosen at
 * first; NULL for the summaries), of which district (@district chosen at
 * first, may be NULL for all) and which quarter (the session's at
 * first), then where to write it: "Export…" runs win.export-to on
 * @parent, which asks for the file. */
PmExportDialog *pm_export_dialog_new       (GtkWindow      *parent,
                                            PmSession      *session,
                                            PmDistrict     *district,
                                            const char     *document);
/* As "Export…" would, but writing to @file (NULL: ask for one); closes
 * the dialog. */
void            pm_export_dialog_export_to (PmExportDialog *self,
                                            GFile          *file);

G_END_DECLS
