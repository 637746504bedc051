/* pm-print-operation.h: printing the district summaries and the appendix
 *
 * A GtkPrintOperation whose pages come from the report layer (PmReport),
 * so the printed pages, the print preview and "Export PDF…" are the same
 * layout. The print dialog gets a "Report" tab to choose the document, the
 * district (for the summaries) and the reporting period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/pm-programme.h"
#include "report/pm-report.h"
#include "store/pm-store.h"

G_BEGIN_DECLS

typedef enum
{
  PM_PRINT_DISTRICT_SUMMARIES,
  PM_PRINT_PROGRAMME_APPENDIX,
} PmPrintDocument;

#define PM_TYPE_PRINT_OPERATION (pm_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (PmPrintOperation, pm_print_operation, PM, PRINT_OPERATION, GtkPrintOperation)

/* Properties: "programme" (construct-only), "period", "district"
 * (PmDistrict or NULL for all), "document" (PmPrintDocument, as an int);
 * the Report tab of the print dialog sets the last three. */
PmPrintOperation *pm_print_operation_new           (PmProgramme       *programme,
                                                    PmPeriod          *period);
PmPeriod         *pm_print_operation_get_period    (PmPrintOperation  *self);
void              pm_print_operation_set_period    (PmPrintOperation  *self,
                                                    PmPeriod          *period);
PmDistrict       *pm_print_operation_get_district  (PmPrintOperation  *self);
void              pm_print_operation_set_district  (PmPrintOperation  *self,
                                                    PmDistrict        *district);
/* The restatements the district summaries list (see
 * pm_summary_report_set_restatements()); NULL for none. */
void              pm_print_operation_set_restatements (PmPrintOperation *self,
                                                       GListModel       *restatements);
PmPrintDocument   pm_print_operation_get_document  (PmPrintOperation  *self);
void              pm_print_operation_set_document  (PmPrintOperation  *self,
                                                    PmPrintDocument    document);

/* Where the district summaries read each district's sign-off of the
 * period printed; NULL (the default) prints none. */
void              pm_print_operation_set_store     (PmPrintOperation  *self,
                                                    PmStore           *store);

/* Shows the print dialog (with preview and the Report tab) for @parent and
 * prints, with the sign-offs read from @store (or none when NULL).
 * Cancelling is not an error. */
gboolean          pm_print_operation_run           (GtkWindow         *parent,
                                                    PmStore           *store,
                                                    PmProgramme       *programme,
                                                    PmPeriod          *period,
                                                    GListModel        *restatements,
                                                    GError           **error);
/* The document pm_print_operation_export_pdf() writes, to export it some
 * other way (in a worker thread, with progress). */
PmReport         *pm_print_operation_make_report   (PmProgramme       *programme,
                                                    PmPeriod          *period,
                                                    const char        *district_or_null,
                                                    gboolean           appendix,
                                                    GListModel        *restatements,
                                                    GError           **error);
/* Writes the document straight to @path as PDF, with no dialog: the
 * district summaries (of @district_or_null, matched as
 * pm_programme_find_district() does, or of every district), or the
 * programme appendix when @appendix. Nothing is written on failure. */
gboolean          pm_print_operation_export_pdf    (PmProgramme       *programme,
                                                    PmPeriod          *period,
                                                    const char        *district_or_null,
                                                    gboolean           appendix,
                                                    GListModel        *restatements,
                                                    const char        *path,
                                                    GError           **error);

G_END_DECLS
