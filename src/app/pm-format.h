/* pm-format.h: what the window's cells and fields need beyond the
 * figures' wording (model/pm-wording.h): CSS classes, parsing what is typed,
 * the quarters offered, search
 *
 * Nothing here touches a widget, so all of it is tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-assessment.h"
#include "model/pm-programme.h"
#include "model/pm-wording.h"

G_BEGIN_DECLS

/* @kpi's current target as the window shows it (see
 * pm_wording_kpi_target()), or "None set". */
char       *pm_format_kpi_target        (PmKpi           *kpi);
/* One milestone of @kpi's schedule (pm_kpi_get_milestones()), numbered:
 * "Milestone 2: 60 by 31 March 2022". */
char       *pm_format_milestone         (PmKpi           *kpi,
                                         PmTarget        *milestone);
/* The CSS class colouring a RAG pill: "rag-green", "rag-amber"... */
const char *pm_format_rag_css_class     (PmRag            rag);
/* "status-on-track", "status-delayed"...: the delivery status pill. */
const char *pm_format_status_css_class  (PmDeliveryStatus status);
/* The delivery status as the lead judged it, said to be the lead's so
 * that it is not read as the KPIs' RAG: "Lead: on track". */
const char *pm_format_lead_status       (PmDeliveryStatus status);

/* Who a window on a server is connected as, for its header: "jo, lead
 * of Cannock Chase", "sam, programme office", "committee, viewer: read
 * only", "pm_admin, owner". @districts: the districts a lead may change
 * (names; NULL or empty for none). */
char       *pm_format_person_role       (const char          *name,
                                         PmAccess             access,
                                         const char * const  *districts);
/* A role alone, as the People page lists it: "Programme office"... */
const char *pm_format_access            (PmAccess             access);
/* Names as a sentence lists them: "Cannock Chase, Lichfield and Tamworth";
 * "" for none. */
char       *pm_format_name_list         (const char * const  *names);
/* Why @access may not change @district's values (NULL when it may, as
 * @may_edit says): a viewer's, or another district's lead. */
char       *pm_format_read_only_reason  (PmAccess             access,
                                         const char          *district,
                                         gboolean             may_edit);

/* Families supported: a whole number, not negative ("1,250" is allowed). */
gboolean    pm_format_parse_count       (const char      *text,
                                         int             *count,
                                         GError         **error);
/* A period as a person types it: "Q4 2016/17" or "FY2016-Q4". */
PmPeriod   *pm_format_parse_period      (const char      *text,
                                         GError         **error);
/* An optional ISO date: NULL or "" is no date (TRUE, *@date NULL). */
gboolean    pm_format_parse_date        (const char      *text,
                                         char           **date,
                                         GError         **error);

/* The quarters the period selector offers: from a year before the
 * earliest period anything in @programme refers to, to four quarters
 * after @current (or after the latest period in the data, if later); a
 * year or a month counts as the quarter it ends in. Indices as
 * pm_period_get_index() of quarters. @programme may be NULL. */
void        pm_period_range             (PmProgramme     *programme,
                                         PmPeriod        *current,
                                         int             *first_index,
                                         int             *last_index);

/* The quarters for which some KPI of @programme has a value (a year's or
 * a month's in the quarter it ends in): a set of quarters' indices as
 * pm_period_get_index() (GINT_TO_POINTER keys). */
GHashTable *pm_period_indexes_with_values (PmProgramme   *programme);
/* The quarter whose return is due, where the window opens: the latest
 * with any value while some KPI still lacks one; once every KPI has its
 * value, the next quarter if it has ended by @current (today's quarter),
 * else that same one. With no values at all, the last quarter ended
 * before @current. @programme may be NULL. */
PmPeriod   *pm_period_due               (PmProgramme     *programme,
                                         PmPeriod        *current);

/* Case- and accent-insensitive search. pm_search_prepare() gives the key
 * that the other functions take (NULL for an empty search). */
char       *pm_search_prepare           (const char      *text);
gboolean    pm_search_text_matches      (const char      *text,
                                         const char      *key);
/* A pilot matches on its title, focus area, lead, providers, district or
 * any KPI title; a district on its name or any of its pilots. */
gboolean    pm_search_pilot_matches     (PmPilot         *pilot,
                                         const char      *key);
gboolean    pm_search_district_matches  (PmDistrict      *district,
                                         const char      *key);
/* The first of @pilot's KPIs whose title matches, or NULL. */
PmKpi      *pm_search_find_kpi          (PmPilot         *pilot,
                                         const char      *key);

G_END_DECLS
