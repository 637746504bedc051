/* pm-summary-report.h: the district summaries for a reporting period
 *
 * A4 portrait: a first page summarising the programme (each district
 * beside the programme total), then one section per district, each
 * starting on a new page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-report.h"

G_BEGIN_DECLS

#define PM_TYPE_SUMMARY_REPORT (pm_summary_report_get_type ())
G_DECLARE_FINAL_TYPE (PmSummaryReport, pm_summary_report, PM, SUMMARY_REPORT, PmReport)

/* @district: the one district to print, or NULL for all of them. */
PmReport *pm_summary_report_new (PmProgramme *programme,
                                 PmPeriod    *period,
                                 PmDistrict  *district);

/* Values changed since the committee's latest round (a GListModel of
 * PmRestatement, from pm_store_list_restatements()); each district's
 * section lists its own, up to the report's period. NULL prints none. */
void      pm_summary_report_set_restatements (PmSummaryReport *self,
                                              GListModel      *restatements);

/* How @district's quarter stands (the words of pm_signoff_state_to_words (),
 * "Submitted", "Accepted", "Open"...), printed under the district's
 * heading. A district with none set prints none. */
void      pm_summary_report_set_signoff      (PmSummaryReport *self,
                                              PmDistrict      *district,
                                              const char      *state);
/* The whole programme's RAG counts at the report's period (PM_N_RAG of
 * them, indexed by PmRag, from pm_store_count_programme_rag()) for the
 * programme row, when the programme given holds only the KPIs of the
 * district printed (pm_store_load_district()). NULL: counted from the
 * programme, which then holds them all. */
void      pm_summary_report_set_programme_rag (PmSummaryReport *self,
                                               const guint     *counts);
/* Whether each district's section starts on a new page (FALSE: the
 * districts follow one another, which takes fewer pages). */
void      pm_summary_report_set_district_per_page (PmSummaryReport *self,
                                                   gboolean         district_per_page);
gboolean  pm_summary_report_get_district_per_page (PmSummaryReport *self);

G_END_DECLS
