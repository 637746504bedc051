/* pm-pilot.h: one district pilot project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-enums.h"
#include "pm-kpi.h"
#include "pm-narrative.h"
#include "pm-period.h"
#include "pm-provider.h"
#include "pm-reach-entry.h"
#include "pm-spend-item.h"

G_BEGIN_DECLS

#define PM_TYPE_PILOT (pm_pilot_get_type ())
G_DECLARE_FINAL_TYPE (PmPilot, pm_pilot, PM, PILOT, GObject)

typedef struct _PmDistrict PmDistrict;

/* Properties: "id" (gint64), "title", "summary", "focus-area",
 * "start-date" (ISO or NULL), "lead", "delivery-status"
 * (PmDeliveryStatus), "status-note", "budget-pence" (gint64, -1 when not
 * known), "funding", "reach-unit" (string or NULL for families), "key-outcomes" (GStrv), "data-notes" (notes on
 * the data: where figures disagree or come from, string or NULL), "district" (weak, read-only),
 * and the read-only lists "providers", "reach", "spend", "narratives",
 * "kpis" (GListModels of PmProvider, PmReachEntry, PmSpendItem,
 * PmNarrative, PmKpi). */
PmPilot            *pm_pilot_new                  (const char         *title);

gint64              pm_pilot_get_id               (PmPilot            *self);
void                pm_pilot_set_id               (PmPilot            *self,
                                                   gint64              id);
const char         *pm_pilot_get_title            (PmPilot            *self);
void                pm_pilot_set_title            (PmPilot            *self,
                                                   const char         *title);
const char         *pm_pilot_get_summary          (PmPilot            *self);
void                pm_pilot_set_summary          (PmPilot            *self,
                                                   const char         *summary);
const char         *pm_pilot_get_focus_area       (PmPilot            *self);
void                pm_pilot_set_focus_area       (PmPilot            *self,
                                                   const char         *focus_area);
const char         *pm_pilot_get_start_date       (PmPilot            *self);
void                pm_pilot_set_start_date       (PmPilot            *self,
                                                   const char         *start_date);
const char         *pm_pilot_get_lead             (PmPilot            *self);
void                pm_pilot_set_lead             (PmPilot            *self,
                                                   const char         *lead);
PmDeliveryStatus    pm_pilot_get_delivery_status  (PmPilot            *self);
void                pm_pilot_set_delivery_status  (PmPilot            *self,
                                                   PmDeliveryStatus    status);
const char         *pm_pilot_get_status_note      (PmPilot            *self);
void                pm_pilot_set_status_note      (PmPilot            *self,
                                                   const char         *note);
gint64              pm_pilot_get_budget_pence     (PmPilot            *self);
void                pm_pilot_set_budget_pence     (PmPilot            *self,
                                                   gint64              budget_pence);
const char         *pm_pilot_get_funding          (PmPilot            *self);
void                pm_pilot_set_funding          (PmPilot            *self,
                                                   const char         *funding);
/* What the reach counts, as a plural noun: NULL for the default,
 * families; "children", "people", "visits", "places" (worded by
 * pm_wording_reach_noun()) or any other noun as typed. */
const char         *pm_pilot_get_reach_unit       (PmPilot            *self);
void                pm_pilot_set_reach_unit       (PmPilot            *self,
                                                   const char         *reach_unit);
const char         *pm_pilot_get_data_notes       (PmPilot            *self);
void                pm_pilot_set_data_notes       (PmPilot            *self,
                                                   const char         *notes);
const char * const *pm_pilot_get_key_outcomes     (PmPilot            *self);
void                pm_pilot_set_key_outcomes     (PmPilot            *self,
                                                   const char * const *outcomes);
PmDistrict         *pm_pilot_get_district         (PmPilot            *self);

GListModel         *pm_pilot_get_providers        (PmPilot            *self);
void                pm_pilot_add_provider         (PmPilot            *self,
                                                   PmProvider         *provider);
PmProvider         *pm_pilot_find_provider        (PmPilot            *self,
                                                   const char         *name);

GListModel         *pm_pilot_get_reach            (PmPilot            *self);
/* The entry for @period and @provider (NULL for the pilot as a whole),
 * or NULL when there is none. */
PmReachEntry       *pm_pilot_get_reach_entry      (PmPilot            *self,
                                                   PmPeriod           *period,
                                                   const char         *provider);
/* Replaces the entry for the same period and provider, else appends. */
void                pm_pilot_set_reach            (PmPilot            *self,
                                                   PmReachEntry       *entry);
/* Sum of the providers' reach targets. */
int                 pm_pilot_get_reach_target     (PmPilot            *self);
/* Families reached by the end of @period: for each provider (and the pilot
 * as a whole) its latest cumulative figure at or before @period, summed.
 * -1 when nothing has been reported by then. */
int                 pm_pilot_get_reach_at         (PmPilot            *self,
                                                   PmPeriod           *period);

GListModel         *pm_pilot_get_spend            (PmPilot            *self);
void                pm_pilot_add_spend            (PmPilot            *self,
                                                   PmSpendItem        *item);
/* Spent and committed up to the end of @period (undated items count). */
gint64              pm_pilot_get_spend_at         (PmPilot            *self,
                                                   PmPeriod           *period,
                                                   PmSpendStatus       status);

/* The same, or -1 when no item of @status is recorded by then, so that
 * nothing entered is not printed as £0. */
gint64              pm_pilot_get_spend_reported   (PmPilot            *self,
                                                   PmPeriod           *period,
                                                   PmSpendStatus       status);

GListModel         *pm_pilot_get_narratives       (PmPilot            *self);
PmNarrative        *pm_pilot_get_narrative        (PmPilot            *self,
                                                   PmPeriod           *period);
/* Replaces the narrative for the same period, keeping period order. */
void                pm_pilot_set_narrative        (PmPilot            *self,
                                                   PmNarrative        *narrative);

GListModel         *pm_pilot_get_kpis             (PmPilot            *self);
void                pm_pilot_add_kpi              (PmPilot            *self,
                                                   PmKpi              *kpi);
void                pm_pilot_remove_kpi           (PmPilot            *self,
                                                   PmKpi              *kpi);
/* Counts the KPIs by RAG status for @period into @counts[PM_N_RAG]
 * (indexed by PmRag). */
void                pm_pilot_count_rag            (PmPilot            *self,
                                                   PmPeriod           *period,
                                                   guint              *counts);

G_END_DECLS
