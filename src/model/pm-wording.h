/* pm-wording.h: how a value, a target, a baseline, reach and spend are
 * worded for people
 *
 * One place for every user-visible wording of the programme's figures,
 * used by the window, the printed reports and the command line alike, so
 * that a cell on screen and the same figure on paper read the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-assessment.h"
#include "pm-indicator-total.h"
#include "pm-kpi.h"

G_BEGIN_DECLS

/* What a pilot's reach counts, for @count of them: "family" or
 * "families" for @unit NULL or "families"; "child"/"children",
 * "person"/"people", "visit"/"visits", "place"/"places" for those units;
 * any other @unit as it is. */
char *pm_wording_reach_noun  (const char  *unit,
                              gint64       count);
/* The plural noun as a heading starts: "Families", "Children", "Volunteers". */
char *pm_wording_reach_title (const char  *unit);
/* "7 of 125 families (6%)"; "Not reported (target 125 families)" when
 * @reached is -1 ("Not reported" with no target either); "7 families"
 * when there is no target (@target 0 or less). Numbers have thousands
 * separators ("1,287"); @unit is the pilot's reach unit
 * (pm_pilot_get_reach_unit(), NULL for families), or "" for the number
 * without a noun (a total of pilots counting different things). */
char *pm_wording_reach       (int          reached,
                              int          target,
                              const char  *unit);
/* For a district or the programme: @reached by all its pilots, of which
 * @reached_with_target by the pilots that have a reach target; "201
 * families; against targets, 7 of 125 families (6%)" when the two
 * differ, since families reached where there is no target do not count
 * against the others'. */
char *pm_wording_reach_total (int          reached,
                              int          reached_with_target,
                              int          target,
                              const char  *unit);
/* "£4,900". */
char *pm_wording_money       (gint64       pence);
/* The same, or "not reported" when @pence is -1: a sum nobody entered is
 * never printed as £0. */
char *pm_wording_money_reported (gint64    pence);
/* What a total of families covers: "201 families; target 125 for 1 of 8
 * pilots that set one" when only some of @n_pilots set a reach target,
 * "201 families; no pilot set a target" when none did, and as
 * pm_wording_reach() when all did. @reached is -1 when none reported. */
char *pm_wording_reach_cover (int          reached,
                              int          target,
                              guint        n_targeted,
                              guint        n_pilots,
                              const char  *unit);
/* For a total over pilots: the unit so far joined with the next pilot's,
 * @next itself for the first, "" once two differ (the number is then
 * printed without a noun). */
const char *pm_wording_reach_unit_join (gboolean     first,
                                        const char  *so_far,
                                        const char  *next);
/* The lead's own view of delivery beside what the KPIs say, labelled so
 * that neither is read as the other: "Lead’s view: on track · KPIs this
 * quarter: 0 G, 0 A, 2 R, 3 not judged" ("Lead’s view: not stated" when
 * nobody entered it). @counts is indexed by PmRag. */
char *pm_wording_lead_and_kpis (PmDeliveryStatus  status,
                                const guint      *counts);
/* "£4,900 of £50,000 (10%)", "£4,900 spent", with ", £30,000 committed"
 * when some is committed ("£30,000 committed" alone when nothing is spent
 * and there is no budget); "None recorded" when there is nothing at all.
 * @budget_pence is -1 when the budget is not known; @spent_pence and
 * @committed_pence are -1 when nothing is reported (pm_pilot_get_spend_reported()),
 * so that a budget with nothing reported against it is not "£0 of". */
char *pm_wording_spend       (gint64       spent_pence,
                              gint64       committed_pence,
                              gint64       budget_pence);
/* "13 by 30 November 2017", or the value alone when it has no date. */
char *pm_wording_target      (PmTarget    *target,
                              PmUnit       unit);
/* @kpi's target as above, or NULL when it has none; a schedule gives each
 * milestone, earliest first, joined by "; ". */
char *pm_wording_kpi_target  (PmKpi       *kpi);
/* @kpi's value for @period as it would be typed back ("44.8%",
 * "£4,900"), or NULL when there is none. */
char *pm_wording_kpi_value   (PmKpi       *kpi,
                              PmPeriod    *period);
/* Sites as a person reads them: "1,000 Rawlett and 3,592 TEC", "4.6%
 * Rawlett, 4.1% TEC and 3.9% Moor"; NULL when there are none. */
char *pm_wording_sites       (GListModel      *sites,
                              PmUnit           unit);
/* @entry's value as printed: a percentage entered as its parts with
 * them, "24.1% (212 of 879)"; any other value as pm_unit_format_value();
 * a value given by site with its sites beside it, "4,592 (1,000 Rawlett
 * and 3,592 TEC)", or the sites alone when they have no total (a
 * percentage). NULL when @entry has neither value nor sites. */
char *pm_wording_entry_value (PmProgressEntry *entry,
                              PmUnit           unit);
/* @kpi's value for @period as printed (pm_wording_entry_value()): its
 * latest of its own frequency by @period, labelled with its period when
 * that is a year or a month in a quarter's report ("41 (2020/21)"); NULL
 * when there is none. Unlike pm_wording_kpi_value(), not for typing back. */
char *pm_wording_kpi_value_printed (PmKpi    *kpi,
                                    PmPeriod *period);
/* @kpi's baseline ("0 (October 2016)", "To be confirmed"), with its note
 * when the state's words leave the note out. */
char *pm_wording_kpi_baseline (PmKpi      *kpi);
/* How @kpi's value for @period moved: since the previous period with a
 * value, else since the baseline, as pm_assessment judges it. Sets
 * @travel (PM_TRAVEL_UNKNOWN when there is nothing to compare) and
 * returns the move, "down from 17 to 16", "up from a baseline of 5 to 7",
 * "unchanged at 16", or NULL when the travel is not known. */
char *pm_wording_travel_move  (PmKpi      *kpi,
                               PmPeriod   *period,
                               PmTravel   *travel);
/* The word with its reason, for a tooltip or a screen reader:
 * "Improving: down from 17 to 16, and this KPI should go down";
 * "Not known" when there is nothing to compare. */
char *pm_wording_travel_reason (PmKpi     *kpi,
                                PmPeriod  *period);
/* What to weigh a new value for @kpi in @period against, beside the field
 * it is typed in: the latest earlier value and the profiled target for
 * the period, "Last quarter 5 · on track needs ≥ 12.5" (or "Q1 2016/17:
 * 5" when the latest is older; "No earlier value", "no target to judge
 * by" when there is none). */
char *pm_wording_entry_context (PmKpi     *kpi,
                                PmPeriod  *period);
/* "3 green, 1 amber, 0 red, 2 not judged": what a screen reader says for
 * a row of RAG pills. @counts is indexed by PmRag. */
char *pm_wording_rag_counts  (const guint *counts);
/* What @kpi's trend chart up to @period shows, for those who cannot see
 * it (a PDF figure's alternative text): "Families supported: 5 in Q3
 * 2016/17 against a profiled target of 12.5; off track". */
char *pm_wording_chart_summary (PmKpi      *kpi,
                                PmPeriod   *period);
/* Who reported towards an indicator's total: "4 of 4 districts
 * reported", "3 of 4 districts reported; not reported: Tamworth". */
char *pm_wording_total_reported (PmIndicatorTotal *total);
/* The programme total: "1,234", "62.5% (250 of 400)", or why there is
 * none: "No total: Lichfield gave a percentage without its numerator and
 * denominator", "No total: no district has reported", "No total: levels
 * and rates are not added up". */
char *pm_wording_total_value    (PmIndicatorTotal *total);

/* One district's part of a total: "Cannock Chase 30", "Lichfield 62.5%
 * (250 of 400)", "Tamworth not reported", "Rugby not reported (Castle
 * Centre missing)". */
char *pm_wording_indicator_share (PmIndicatorShare *share,
                                  PmUnit            unit);

G_END_DECLS
