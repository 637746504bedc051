/* pm-programme.h: a programme of district pilots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-district.h"
#include "pm-indicator.h"

G_BEGIN_DECLS

#define PM_TYPE_PROGRAMME (pm_programme_get_type ())
G_DECLARE_FINAL_TYPE (PmProgramme, pm_programme, PM, PROGRAMME, GObject)

/* Properties: "id" (gint64), "name", "description", "design-criteria"
 * (GStrv), "districts" (GListModel of PmDistrict, read-only), and what
 * the committee pack prints on its first page and running header:
 * "committee", "meeting-date" (ISO "YYYY-MM-DD"), "report-title",
 * "contact-officer" (strings or NULL when not set). */
PmProgramme        *pm_programme_new                 (const char         *name);
gint64              pm_programme_get_id              (PmProgramme        *self);
void                pm_programme_set_id              (PmProgramme        *self,
                                                      gint64              id);
const char         *pm_programme_get_name            (PmProgramme        *self);
void                pm_programme_set_name            (PmProgramme        *self,
                                                      const char         *name);
const char         *pm_programme_get_description     (PmProgramme        *self);
void                pm_programme_set_description     (PmProgramme        *self,
                                                      const char         *description);
const char * const *pm_programme_get_design_criteria (PmProgramme        *self);
void                pm_programme_set_design_criteria (PmProgramme        *self,
                                                      const char * const *criteria);
const char         *pm_programme_get_committee       (PmProgramme        *self);
void                pm_programme_set_committee       (PmProgramme        *self,
                                                      const char         *value);
const char         *pm_programme_get_meeting_date    (PmProgramme        *self);
void                pm_programme_set_meeting_date    (PmProgramme        *self,
                                                      const char         *value);
const char         *pm_programme_get_report_title    (PmProgramme        *self);
void                pm_programme_set_report_title    (PmProgramme        *self,
                                                      const char         *value);
const char         *pm_programme_get_contact_officer (PmProgramme        *self);
void                pm_programme_set_contact_officer (PmProgramme        *self,
                                                      const char         *value);
GListModel         *pm_programme_get_districts       (PmProgramme        *self);
/* Refuses a second district of the same name (PM_MODEL_ERROR_DUPLICATE). */
gboolean            pm_programme_add_district        (PmProgramme        *self,
                                                      PmDistrict         *district,
                                                      GError            **error);
void                pm_programme_remove_district     (PmProgramme        *self,
                                                      PmDistrict         *district);
/* Case-insensitive match on the name, NULL when there is none. */
PmDistrict         *pm_programme_find_district       (PmProgramme        *self,
                                                      const char         *name);
/* Every KPI of every pilot, in display order (a new GListStore). */
GListModel         *pm_programme_list_kpis           (PmProgramme        *self);
void                pm_programme_count_rag           (PmProgramme        *self,
                                                      PmPeriod           *period,
                                                      guint              *counts);
/* The programme-wide indicators (GListModel of PmIndicator, in file
 * order); a KPI names one by its key (pm_kpi_get_indicator()). */
GListModel         *pm_programme_get_indicators      (PmProgramme        *self);
/* Exact match on the key, NULL when there is none. */
PmIndicator        *pm_programme_find_indicator      (PmProgramme        *self,
                                                      const char         *key);
/* Refuses a second indicator of the same key (PM_MODEL_ERROR_DUPLICATE). */
gboolean            pm_programme_add_indicator       (PmProgramme        *self,
                                                      PmIndicator        *indicator,
                                                      GError            **error);

G_END_DECLS
