/* pm-summary-row.h: a pilot, district or the whole programme in one line
 *
 * The overview's tables show, for a period, each pilot's delivery status,
 * reach against target, spend against budget and KPIs by RAG status, and
 * the same summed for each district and the programme. A summary row
 * computes those figures and keeps them current as the models change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_SUMMARY_ROW (pm_summary_row_get_type ())
G_DECLARE_FINAL_TYPE (PmSummaryRow, pm_summary_row, PM, SUMMARY_ROW, GObject)

/* Properties: "item" (PmPilot, PmDistrict or PmProgramme, construct-only),
 * "period", and read-only: "name", "district-name", "status-label",
 * "pilots-text", "reach-text", "spend-text", "rag-text" (for screen
 * readers), "green", "amber", "red", "grey" (guint counts), the sort keys
 * "sort-reach" and "sort-spend" (fractions, -1 when unknown) and
 * "sort-status" (int). */
PmSummaryRow *pm_summary_row_new           (GObject      *item,
                                            PmPeriod     *period);
GObject      *pm_summary_row_get_item      (PmSummaryRow *self);
void          pm_summary_row_set_period    (PmSummaryRow *self,
                                            PmPeriod     *period);
const char   *pm_summary_row_get_name      (PmSummaryRow *self);
const char   *pm_summary_row_get_reach_text (PmSummaryRow *self);
const char   *pm_summary_row_get_spend_text (PmSummaryRow *self);
/* @counts has PM_N_RAG elements, indexed by PmRag. */
void          pm_summary_row_get_rag_counts (PmSummaryRow *self,
                                             guint        *counts);

G_END_DECLS
