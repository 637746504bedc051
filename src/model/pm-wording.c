/* pm-wording.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-date.h"
#include "pm-schedule.h"
#include "pm-site-value.h"
#include "pm-wording.h"

/* Whole percent, rounded half up, so 7 of 125 (5.6%) reads "6%". */
static int
percent_of (gint64 part,
            gint64 whole)
{
  if (whole <= 0)
    return 0;

  return (int) floor (100.0 * (double) part / (double) whole + 0.5);
}

char *
pm_wording_reach_noun (const char *unit,
                       gint64      count)
{
  gulong n = (gulong) MIN (ABS (count), G_MAXLONG);

  if (unit == NULL || g_str_equal (unit, "families"))
    /* Translators: what a pilot's reach counts, by default */
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "family", "families", n));
  if (g_str_equal (unit, "children"))
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "child", "children", n));
  if (g_str_equal (unit, "people"))
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "person", "people", n));
  if (g_str_equal (unit, "visits"))
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "visit", "visits", n));
  if (g_str_equal (unit, "places"))
    return g_strdup (g_dngettext (GETTEXT_PACKAGE, "place", "places", n));

  /* A noun of the programme's own, as typed. */
  return g_strdup (unit);
}

char *
pm_wording_reach_title (const char *unit)
{
  g_autofree char *noun = pm_wording_reach_noun (unit, 2);
  char first[8] = { 0, };

  if (noun[0] == '\0')
    return g_steal_pointer (&noun);

  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (noun)), first);

  return g_strconcat (first, g_utf8_next_char (noun), NULL);
}

/* "1,287 children"; the number alone when @unit is "" (pilots counting
 * different things, whose sum has no one noun). */
static char *
count_with_noun (gint64      count,
                 const char *unit)
{
  g_autofree char *number = pm_unit_format_value (PM_UNIT_COUNT, (double) count);
  g_autofree char *noun = NULL;

  if (unit != NULL && unit[0] == '\0')
    return g_steal_pointer (&number);

  noun = pm_wording_reach_noun (unit, count);
  /* Translators: a number reached and what it counts, "1,287 families" */
  return g_strdup_printf (_("%s %s"), number, noun);
}

const char *
pm_wording_reach_unit_join (gboolean    first,
                            const char *so_far,
                            const char *next)
{
  if (first)
    return next;

  return g_strcmp0 (so_far, next) == 0 ? so_far : "";
}

char *
pm_wording_reach (int         reached,
                  int         target,
                  const char *unit)
{
  g_autofree char *target_text = NULL;
  g_autofree char *reached_text = NULL;

  if (reached < 0 && target <= 0)
    return g_strdup (_("Not reported"));

  if (reached < 0)
    {
      target_text = count_with_noun (target, unit);
      /* Translators: reach when nothing is reported yet, "Not reported
       * (target 125 families)" */
      return g_strdup_printf (_("Not reported (target %s)"), target_text);
    }

  if (target <= 0)
    return count_with_noun (reached, unit);

  reached_text = pm_unit_format_value (PM_UNIT_COUNT, reached);
  target_text = count_with_noun (target, unit);
  /* Translators: reach against the target, with the share: “7 of 125
   * families (6%)” */
  return g_strdup_printf (_("%s of %s (%d%%)"), reached_text, target_text,
                          percent_of (reached, target));
}

char *
pm_wording_reach_total (int         reached,
                        int         reached_with_target,
                        int         target,
                        const char *unit)
{
  g_autofree char *against = NULL;
  g_autofree char *reached_text = NULL;

  if (reached < 0 || reached == reached_with_target || target <= 0)
    return pm_wording_reach (reached, target, unit);

  against = pm_wording_reach (MAX (reached_with_target, 0), target, unit);
  reached_text = count_with_noun (reached, unit);
  /* Translators: "201 families; against targets, 7 of 125 families (6%)" */
  return g_strdup_printf (_("%s; against targets, %s"), reached_text, against);
}

char *
pm_wording_money (gint64 pence)
{
  return pm_unit_format_value (PM_UNIT_MONEY, (double) pence);
}

char *
pm_wording_money_reported (gint64 pence)
{
  if (pence < 0)
    /* Translators: a sum of money nobody has entered */
    return g_strdup (_("not reported"));

  return pm_wording_money (pence);
}

char *
pm_wording_reach_cover (int         reached,
                        int         target,
                        guint       n_targeted,
                        guint       n_pilots,
                        const char *unit)
{
  g_autofree char *reached_text = NULL;
  g_autofree char *target_text = NULL;

  if (n_targeted >= n_pilots || target <= 0 || n_targeted == 0)
    {
      if (n_targeted == 0 && reached >= 0)
        {
          reached_text = count_with_noun (reached, unit);
          /* Translators: reach of pilots none of which set a target,
           * "201 families; no pilot set a target" */
          return g_strdup_printf (_("%s; no pilot set a target"), reached_text);
        }
      return pm_wording_reach (reached, target, unit);
    }

  if (reached < 0)
    reached_text = g_strdup (_("Not reported"));
  else
    reached_text = count_with_noun (reached, unit);
  target_text = pm_unit_format_value (PM_UNIT_COUNT, target);

  /* Translators: "201 families; target 125 for 1 of 8 pilots that set one" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; target %s for %u of %u pilots that set one",
                                       "%s; target %s for %u of %u pilots that set one", n_pilots),
                          reached_text, target_text, n_targeted, n_pilots);
}

static const char *
lead_view_words (PmDeliveryStatus status)
{
  switch (status)
    {
    case PM_DELIVERY_NOT_STARTED: return _("not started");
    case PM_DELIVERY_ON_TRACK:    return _("on track");
    case PM_DELIVERY_DELAYED:     return _("delayed");
    case PM_DELIVERY_AT_RISK:     return _("at risk");
    case PM_DELIVERY_COMPLETED:   return _("completed");
    case PM_DELIVERY_NOT_STATED:  return _("not stated");
    default:                      g_return_val_if_reached ("");
    }
}

char *
pm_wording_lead_and_kpis (PmDeliveryStatus  status,
                          const guint      *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  /* Translators: a pilot's delivery status as its lead sees it, then its
   * KPIs' RAG marks: "Lead’s view: on track · KPIs this quarter: 0 G, 0 A,
   * 2 R, 3 not judged" */
  return g_strdup_printf (_("Lead’s view: %s · KPIs this quarter: %u G, %u A, %u R, %u not judged"),
                          lead_view_words (status),
                          counts[PM_RAG_GREEN], counts[PM_RAG_AMBER],
                          counts[PM_RAG_RED], counts[PM_RAG_GREY]);
}

char *
pm_wording_spend (gint64 spent_pence,
                  gint64 committed_pence,
                  gint64 budget_pence)
{
  g_autofree char *spent = pm_wording_money (spent_pence);
  g_autofree char *committed = pm_wording_money (committed_pence);
  g_autofree char *main_part = NULL;

  if (spent_pence <= 0 && committed_pence <= 0 && budget_pence < 0)
    return g_strdup (_("None recorded"));

  if (budget_pence < 0 && spent_pence <= 0)
    /* Translators: "£30,000 committed" */
    return g_strdup_printf (_("%s committed"), committed);

  if (budget_pence >= 0 && spent_pence < 0)
    {
      g_autofree char *budget = pm_wording_money (budget_pence);

      /* Translators: a budget with no spending reported against it */
      main_part = g_strdup_printf (_("Not reported, budget %s"), budget);
    }
  else if (budget_pence >= 0)
    {
      g_autofree char *budget = pm_wording_money (budget_pence);

      /* Translators: spend against budget: "£4,900 of £50,000 (10%)" */
      main_part = g_strdup_printf (_("%s of %s (%d%%)"), spent, budget,
                                   percent_of (spent_pence, budget_pence));
    }
  else
    {
      /* Translators: "£4,900 spent" */
      main_part = g_strdup_printf (_("%s spent"), spent);
    }

  if (committed_pence > 0)
    /* Translators: "£4,900 spent, £30,000 committed" */
    return g_strdup_printf (_("%s, %s committed"), main_part, committed);

  return g_steal_pointer (&main_part);
}

char *
pm_wording_target (PmTarget *target,
                   PmUnit    unit)
{
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (PM_IS_TARGET (target), NULL);

  value = pm_unit_format_value (unit, pm_target_get_value (target));
  date = pm_date_format (pm_target_get_date (target));
  if (date == NULL)
    return g_steal_pointer (&value);

  /* Translators: a target and the date to meet it: "75 by 31 October 2017" */
  return g_strdup_printf (_("%s by %s"), value, date);
}

char *
pm_wording_kpi_target (PmKpi *kpi)
{
  g_autoptr(GPtrArray) milestones = NULL;
  char *text = NULL;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);

  /* Every milestone of a schedule, earliest first. */
  milestones = pm_kpi_get_milestones (kpi);
  for (guint i = 0; i < milestones->len; i++)
    {
      g_autofree char *one = pm_wording_target (g_ptr_array_index (milestones, i),
                                                pm_kpi_get_unit (kpi));
      g_autofree char *before = text;

      if (before == NULL)
        text = g_steal_pointer (&one);
      else
        /* Translators: the milestones of a schedule of targets, earliest
         * first: "40 by 31 March 2021; 60 by 31 March 2022" */
        text = g_strdup_printf (_("%s; %s"), before, one);
    }

  return text;
}

char *
pm_wording_kpi_value (PmKpi    *kpi,
                      PmPeriod *period)
{
  PmProgressEntry *entry;
  PmPeriod *own;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  entry = pm_kpi_get_entry_at (kpi, period);
  if (entry == NULL || !pm_progress_entry_has_value (entry))
    return NULL;

  value = pm_unit_format_value (pm_kpi_get_unit (kpi), pm_progress_entry_get_value (entry));
  own = pm_progress_entry_get_period (entry);
  if (pm_period_get_frequency (own) == pm_period_get_frequency (period))
    return g_steal_pointer (&value);

  /* A year's outturn or a month's figure in a quarter's report says
   * which period it is. */
  label = pm_period_get_label (own);
  /* Translators: a value and its own period: "41 (2020/21)" */
  return g_strdup_printf (_("%s (%s)"), value, label);
}

char *
pm_wording_sites (GListModel *sites,
                  PmUnit      unit)
{
  guint n_sites;
  GString *str;

  g_return_val_if_fail (G_IS_LIST_MODEL (sites), NULL);

  n_sites = g_list_model_get_n_items (sites);
  if (n_sites == 0)
    return NULL;

  str = g_string_new (NULL);
  for (guint i = 0; i < n_sites; i++)
    {
      g_autoptr(PmSiteValue) site = g_list_model_get_item (sites, i);
      g_autofree char *value = pm_unit_format_value (unit, pm_site_value_get_value (site));

      if (i > 0 && i == n_sites - 1)
        g_string_append (str, _(" and "));
      else if (i > 0)
        g_string_append (str, _(", "));

      /* Translators: a site's value then its name, "4.6% Rawlett" */
      g_string_append_printf (str, _("%s %s"), value, pm_site_value_get_site (site));
    }

  return g_string_free (str, FALSE);
}

static char *
entry_figure (PmProgressEntry *entry,
              PmUnit           unit)
{
  g_autofree char *value = NULL;
  g_autofree char *numerator = NULL;
  g_autofree char *denominator = NULL;

  value = pm_unit_format_value (unit, pm_progress_entry_get_value (entry));
  if (unit != PM_UNIT_PERCENTAGE || !pm_progress_entry_has_fraction (entry))
    return g_steal_pointer (&value);

  numerator = pm_unit_format_value (PM_UNIT_COUNT, pm_progress_entry_get_numerator (entry));
  denominator = pm_unit_format_value (PM_UNIT_COUNT, pm_progress_entry_get_denominator (entry));

  /* Translators: a percentage with the counts it was worked out from,
   * "24.1% (212 of 879)" */
  return g_strdup_printf (_("%s (%s of %s)"), value, numerator, denominator);
}

char *
pm_wording_entry_value (PmProgressEntry *entry,
                        PmUnit           unit)
{
  g_autofree char *figure = NULL;
  g_autofree char *sites = NULL;

  g_return_val_if_fail (PM_IS_PROGRESS_ENTRY (entry), NULL);

  /* As a baseline: the total with its sites beside it, "4,592 (1,000
   * Rawlett and 3,592 TEC)"; sites without a total (percentages, which
   * are not averaged) alone. */
  sites = pm_wording_sites (pm_progress_entry_get_sites (entry), unit);
  if (!pm_progress_entry_has_value (entry))
    return g_steal_pointer (&sites);

  figure = entry_figure (entry, unit);
  if (sites == NULL)
    return g_steal_pointer (&figure);

  /* Translators: a total then the sites it adds up from, "4,592 (1,000
   * Rawlett and 3,592 TEC)" */
  return g_strdup_printf (_("%s (%s)"), figure, sites);
}

char *
pm_wording_kpi_value_printed (PmKpi    *kpi,
                              PmPeriod *period)
{
  PmProgressEntry *entry;
  g_autofree char *value = NULL;
  g_autofree char *label = NULL;
  PmPeriod *own;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  entry = pm_kpi_get_entry_at (kpi, period);
  if (entry == NULL)
    return NULL;

  value = pm_wording_entry_value (entry, pm_kpi_get_unit (kpi));
  if (value == NULL)
    return NULL;
  own = pm_progress_entry_get_period (entry);
  if (pm_period_get_frequency (own) == pm_period_get_frequency (period))
    return g_steal_pointer (&value);

  /* As pm_wording_kpi_value(): a year's or a month's figure says which. */
  label = pm_period_get_label (own);
  return g_strdup_printf (_("%s (%s)"), value, label);
}

char *
pm_wording_kpi_baseline (PmKpi *kpi)
{
  PmBaseline *baseline;
  g_autofree char *text = NULL;
  const char *note;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);

  baseline = pm_kpi_get_baseline (kpi);
  text = pm_baseline_format (baseline, pm_kpi_get_unit (kpi));
  note = pm_baseline_get_note (baseline);

  /* Some states are written without their note ("To be reported at Q1
   * 2017/18"); a reader needs the reason too. */
  if (note != NULL && note[0] != '\0' && strstr (text, note) == NULL)
    return g_strdup_printf ("%s. %s", text, note);

  return g_steal_pointer (&text);
}

char *
pm_wording_rag_counts (const guint *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  /* Translators: what a screen reader says for the RAG pills of a row */
  return g_strdup_printf (_("%u green, %u amber, %u red, %u not judged"),
                          counts[PM_RAG_GREEN], counts[PM_RAG_AMBER],
                          counts[PM_RAG_RED], counts[PM_RAG_GREY]);
}

char *
pm_wording_travel_move (PmKpi    *kpi,
                        PmPeriod *period,
                        PmTravel *travel)
{
  g_autoptr(PmAssessment) assessment = NULL;
  PmUnit unit;
  PmProgressEntry *shown;
  PmProgressEntry *previous;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean from_baseline = FALSE;
  double from, to;
  PmTravel found;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);
  g_return_val_if_fail (travel != NULL, NULL);

  assessment = pm_assessment_new (kpi, period);
  unit = pm_kpi_get_unit (kpi);
  /* As the assessment does: a KPI of another frequency moves from the
   * value before the one shown, which may be months or a year back. */
  shown = pm_kpi_get_entry_at (kpi, period);
  previous = pm_kpi_get_previous_entry (kpi, shown != NULL
                                        ? pm_progress_entry_get_period (shown)
                                        : period);

  /* The same choice as the window's and the prints' Travel column. */
  found = pm_assessment_get_travel_since_previous (assessment);
  if (found != PM_TRAVEL_UNKNOWN && previous != NULL)
    {
      from = pm_progress_entry_get_value (previous);
    }
  else
    {
      found = pm_assessment_get_travel_since_baseline (assessment);
      from_baseline = TRUE;
      from = found != PM_TRAVEL_UNKNOWN ? pm_baseline_get_value (pm_kpi_get_baseline (kpi)) : 0.0;
    }

  *travel = found;
  if (found == PM_TRAVEL_UNKNOWN)
    return NULL;

  to = pm_assessment_get_value (assessment);
  from_text = pm_unit_format_value (unit, from);
  to_text = pm_unit_format_value (unit, to);

  if (g_strcmp0 (from_text, to_text) == 0)
    /* Translators: a KPI's value did not move, e.g. "unchanged at 16" */
    return g_strdup_printf (_("unchanged at %s"), to_text);

  if (from_baseline)
    return g_strdup_printf (to > from
                            /* Translators: "up from a baseline of 5 to 7" */
                            ? _("up from a baseline of %s to %s")
                            : _("down from a baseline of %s to %s"),
                            from_text, to_text);

  return g_strdup_printf (to > from
                          /* Translators: "up from 5 to 7", since the previous quarter */
                          ? _("up from %s to %s")
                          : _("down from %s to %s"),
                          from_text, to_text);
}

char *
pm_wording_travel_reason (PmKpi    *kpi,
                          PmPeriod *period)
{
  PmTravel travel = PM_TRAVEL_UNKNOWN;
  g_autofree char *move = NULL;
  const char *aim;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  move = pm_wording_travel_move (kpi, period, &travel);
  if (move == NULL)
    return g_strdup (pm_travel_get_label (PM_TRAVEL_UNKNOWN));

  switch (pm_kpi_get_direction (kpi))
    {
    case PM_DIRECTION_INCREASE:
      aim = _("this KPI should go up");
      break;

    case PM_DIRECTION_REDUCE:
      aim = _("this KPI should go down");
      break;

    case PM_DIRECTION_MAINTAIN:
    default:
      aim = _("this KPI should hold its level");
      break;
    }

  /* Translators: "Improving: down from 17 to 16, and this KPI should go down" */
  return g_strdup_printf (_("%s: %s, and %s"), pm_travel_get_label (travel), move, aim);
}

char *
pm_wording_entry_context (PmKpi    *kpi,
                          PmPeriod *period)
{
  g_autoptr(PmAssessment) assessment = NULL;
  PmUnit unit;
  PmProgressEntry *previous;
  g_autofree char *earlier = NULL;
  g_autofree char *track = NULL;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  unit = pm_kpi_get_unit (kpi);
  previous = pm_kpi_get_previous_entry (kpi, period);
  if (previous == NULL)
    {
      earlier = g_strdup (_("No earlier value"));
    }
  else
    {
      PmPeriod *when = pm_progress_entry_get_period (previous);
      g_autofree char *value = pm_unit_format_value (unit, pm_progress_entry_get_value (previous));

      PmFrequency frequency = pm_period_get_frequency (period);
      gboolean just_before = pm_period_get_frequency (when) == frequency &&
                             pm_period_get_index (when) == pm_period_get_index (period) - 1;

      if (just_before && (frequency == PM_FREQUENCY_YEARLY ||
                          frequency == PM_FREQUENCY_CALENDAR_YEARLY))
        /* Translators: the value of the year before, beside the field: "Last year 5" */
        earlier = g_strdup_printf (_("Last year %s"), value);
      else if (just_before && frequency == PM_FREQUENCY_MONTHLY)
        /* Translators: the value of the month before, beside the field: "Last month 5" */
        earlier = g_strdup_printf (_("Last month %s"), value);
      else if (just_before)
        /* Translators: the value of the quarter before, beside the field: "Last quarter 5" */
        earlier = g_strdup_printf (_("Last quarter %s"), value);
      else
        {
          g_autofree char *label = pm_period_get_label (when);

          /* Translators: the latest earlier value: "Q1 2016/17: 5" */
          earlier = g_strdup_printf (_("%s: %s"), label, value);
        }
    }

  assessment = pm_assessment_new (kpi, period);
  if (!pm_assessment_has_profiled_target (assessment))
    track = g_strdup (_("no target to judge by"));
  else
    {
      g_autofree char *target = pm_unit_format_value (unit, pm_assessment_get_profiled_target (assessment));

      switch (pm_kpi_get_direction (kpi))
        {
        case PM_DIRECTION_INCREASE:
          /* Translators: the profiled target for the quarter: "on track needs ≥ 12.5" */
          track = g_strdup_printf (_("on track needs ≥ %s"), target);
          break;

        case PM_DIRECTION_REDUCE:
          track = g_strdup_printf (_("on track needs ≤ %s"), target);
          break;

        case PM_DIRECTION_MAINTAIN:
        default:
          track = g_strdup_printf (_("on track is close to %s"), target);
          break;
        }
    }

  /* Translators: "Last quarter 5 · on track needs ≥ 12.5" */
  return g_strdup_printf (_("%s · %s"), earlier, track);
}

/* The RAG status as the chart's legend words it. */
static const char *
rag_track_word (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_GREEN:
      return _("on track");
    case PM_RAG_AMBER:
      return _("close to track");
    case PM_RAG_RED:
      return _("off track");
    case PM_RAG_GREY:
    default:
      return _("not judged");
    }
}

char *
pm_wording_chart_summary (PmKpi    *kpi,
                          PmPeriod *period)
{
  g_autoptr(PmAssessment) assessment = NULL;
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  const char *track;
  PmUnit unit;

  g_return_val_if_fail (PM_IS_KPI (kpi), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  assessment = pm_assessment_new (kpi, period);
  label = pm_period_get_label (period);
  unit = pm_kpi_get_unit (kpi);
  track = rag_track_word (pm_assessment_get_rag (assessment));

  if (!pm_assessment_has_value (assessment))
    /* Translators: a chart's alternative text: "Families supported: no value for Q3 2016/17; not judged" */
    return g_strdup_printf (_("%s: no value for %s; %s"), pm_kpi_get_title (kpi), label, track);

  value = pm_unit_format_value (unit, pm_assessment_get_value (assessment));
  if (!pm_assessment_has_profiled_target (assessment))
    /* Translators: a chart's alternative text: "Families supported: 5 in Q3 2016/17, with no target to judge by; not judged" */
    return g_strdup_printf (_("%s: %s in %s, with no target to judge by; %s"),
                            pm_kpi_get_title (kpi), value, label, track);

  target = pm_unit_format_value (unit, pm_assessment_get_profiled_target (assessment));
  /* Translators: a chart's alternative text: "Families supported: 5 in Q3 2016/17 against a profiled target of 12.5; off track" */
  return g_strdup_printf (_("%s: %s in %s against a profiled target of %s; %s"),
                          pm_kpi_get_title (kpi), value, label, target, track);
}

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_copy (names, NULL, NULL);

  g_ptr_array_add (copy, NULL);
  /* Translators: the separator between district names in a list */
  return g_strjoinv (_(", "), (char **) copy->pdata);
}

/* The districts that have not reported, each with the part missing when
 * the rest of it is there: "Tamworth, Rugby (Castle Centre missing)". */
static char *
not_reported_names (PmIndicatorTotal *total)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < total->shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (total->shares, PmIndicatorShare, i);

      if (share->has_value)
        continue;
      if (share->missing != NULL)
        /* Translators: a district that reported for one pilot but not
         * another: "Rugby (Castle Centre missing)" */
        g_ptr_array_add (names, g_strdup_printf (_("%s (%s missing)"), share->district, share->missing));
      else
        g_ptr_array_add (names, g_strdup (share->district));
    }

  g_ptr_array_add (names, NULL);
  /* Translators: the separator between district names in a list */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

char *
pm_wording_total_reported (PmIndicatorTotal *total)
{
  g_autofree char *missing = NULL;
  guint n;

  g_return_val_if_fail (total != NULL, NULL);

  n = total->shares->len;
  if (total->not_reported->len == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u district reported",
                                         "%u of %u districts reported", n),
                            total->n_reported, n);

  missing = not_reported_names (total);
  /* Translators: "3 of 4 districts reported; not reported: Tamworth" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u district reported; not reported: %s",
                                       "%u of %u districts reported; not reported: %s", n),
                          total->n_reported, n, missing);
}

char *
pm_wording_total_value (PmIndicatorTotal *total)
{
  PmUnit unit;
  g_autofree char *value = NULL;
  g_autofree char *names = NULL;
  g_autofree char *num = NULL;
  g_autofree char *den = NULL;

  g_return_val_if_fail (total != NULL, NULL);

  unit = pm_indicator_get_unit (total->indicator);
  switch (total->gap)
    {
    case PM_TOTAL_GAP_NO_RULE:
      return g_strdup (_("No total: levels and rates are not added up"));
    case PM_TOTAL_GAP_NONE_REPORTED:
      return g_strdup (_("No total: no district has reported"));
    case PM_TOTAL_GAP_NO_PARTS:
      names = join_names (total->without_parts);
      /* Translators: %s names districts; averaging their percentages would mislead */
      return g_strdup_printf (_("No total: %s gave a percentage without its numerator and denominator"),
                              names);
    case PM_TOTAL_GAP_NONE:
    default:
      break;
    }

  value = pm_unit_format_value (unit, total->total);
  if (pm_indicator_get_aggregation (total->indicator) != PM_AGGREGATION_RATIO)
    return g_steal_pointer (&value);

  num = pm_unit_format_value (PM_UNIT_COUNT, total->numerator);
  den = pm_unit_format_value (PM_UNIT_COUNT, total->denominator);
  /* Translators: a percentage with its parts, "62.5% (250 of 400)" */
  return g_strdup_printf (_("%s (%s of %s)"), value, num, den);
}

/* "Cannock Chase 30", "Lichfield 62.5% (250 of 400)", "Tamworth not reported". */
char *
pm_wording_indicator_share (PmIndicatorShare *share,
                            PmUnit            unit)
{
  g_autofree char *value = NULL;
  g_autofree char *num = NULL;
  g_autofree char *den = NULL;

  if (!share->has_value && share->missing != NULL)
    /* Translators: a district with two pilots towards a programme total,
     * when one has no value: "Rugby not reported (Castle Centre missing)" */
    return g_strdup_printf (_("%s not reported (%s missing)"), share->district, share->missing);
  if (!share->has_value)
    /* Translators: a district's value towards a programme total, when it has none */
    return g_strdup_printf (_("%s not reported"), share->district);
  if (!share->combined)
    /* Translators: a district with several pilots whose values (rates,
     * percentages without their parts) cannot be put together */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u value, not combined",
                                         "%s %u values, not combined", share->n_kpis),
                            share->district, share->n_kpis);

  value = pm_unit_format_value (unit, share->value);
  if (!share->has_fraction)
    /* Translators: a district and its value: "Cannock Chase 30" */
    return g_strdup_printf (_("%s %s"), share->district, value);

  num = pm_unit_format_value (PM_UNIT_COUNT, share->numerator);
  den = pm_unit_format_value (PM_UNIT_COUNT, share->denominator);
  /* Translators: a district and its percentage with its parts: "Rugby 62.5% (250 of 400)" */
  return g_strdup_printf (_("%s %s (%s of %s)"), share->district, value, num, den);
}
