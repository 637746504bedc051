/* pm-indicator-total.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "pm-assessment.h"
#include "pm-indicator-total.h"
#include "pm-pilot.h"

/* What the RAG of the total is judged on, summed over those reported. */
typedef struct
{
  gboolean judgeable;
  double   baseline;
  double   target;
  double   profiled;
  double   tolerance;
} TotalJudgement;

/* The value of @kpi that is @period's: of the KPI's own frequency, the one
 * ending when @period does (a quarter's for its last month or, the fourth,
 * for its year). A value ending earlier is shown, with its own period, in
 * the KPI's row, but is not this period's in a total. */
static PmProgressEntry *
entry_ending_with (PmKpi    *kpi,
                   PmPeriod *period)
{
  PmProgressEntry *entry = pm_kpi_get_entry_at (kpi, period);
  GDate entry_end, end;

  if (entry == NULL)
    return NULL;
  pm_period_get_end_date (pm_progress_entry_get_period (entry), &entry_end);
  pm_period_get_end_date (period, &end);
  return g_date_compare (&entry_end, &end) == 0 ? entry : NULL;
}

static void
read_share (PmIndicatorShare *share,
            PmKpi            *kpi,
            PmPeriod         *period)
{
  g_autoptr(PmAssessment) assessment = pm_assessment_new (kpi, period);
  PmProgressEntry *entry = entry_ending_with (kpi, period);

  share->kpi = kpi;
  share->has_value = entry != NULL && pm_progress_entry_has_value (entry);
  if (share->has_value)
    share->value = pm_progress_entry_get_value (entry);
  share->has_fraction = share->has_value && pm_progress_entry_has_fraction (entry);
  if (share->has_fraction)
    {
      share->numerator = pm_progress_entry_get_numerator (entry);
      share->denominator = pm_progress_entry_get_denominator (entry);
    }
  share->has_target = pm_assessment_has_profiled_target (assessment);
  if (share->has_target)
    share->target = pm_assessment_get_profiled_target (assessment);
  share->rag = pm_assessment_get_rag (assessment);
}

/* Adds @part, one more KPI of the district of @share, to @share. */
static void
merge_part (PmIndicatorShare       *share,
            const PmIndicatorShare *part)
{
  /* A percentage's target counts by its denominator, as in the total. */
  if (share->n_kpis == 1 && share->has_fraction)
    share->target *= share->denominator;
  if (share->n_kpis == 1 && !share->has_value)
    share->missing = pm_pilot_get_title (pm_kpi_get_pilot (share->kpi));
  share->n_kpis++;
  share->n_kpis_reported += part->n_kpis_reported;
  if (!part->has_value && share->missing == NULL)
    share->missing = pm_pilot_get_title (pm_kpi_get_pilot (part->kpi));
  share->has_value = share->has_value && part->has_value;
  share->value += part->value;
  share->has_fraction = share->has_fraction && part->has_fraction;
  share->numerator += part->numerator;
  share->denominator += part->denominator;
  share->has_target = share->has_target && part->has_target;
  /* Weighted by the denominator, as the total's target is. */
  share->target += part->has_fraction ? part->target * part->denominator : part->target;
  if (part->rag != share->rag)
    share->rag = PM_RAG_GREY;
}

/* A district of several KPIs: its value from the sums merge_part() made. */
static void
finish_share (PmIndicatorShare *share,
              PmAggregation     rule)
{
  if (share->n_kpis == 1)
    return;
  /* Only a part is missing when another part is there. */
  if (share->n_kpis_reported == 0)
    share->missing = NULL;

  if (rule == PM_AGGREGATION_RATIO && share->has_fraction && share->denominator > 0)
    {
      share->value = 100.0 * share->numerator / share->denominator;
      share->target /= share->denominator;
    }
  else if (rule != PM_AGGREGATION_SUM)
    {
      share->combined = FALSE;
      share->has_target = FALSE;
    }
}

static PmIndicatorShare *
find_share (GArray     *shares,
            const char *district)
{
  for (guint i = 0; i < shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (shares, PmIndicatorShare, i);

      if (g_strcmp0 (share->district, district) == 0)
        return share;
    }

  return NULL;
}

/* Each KPI of the indicator into @parts, and each district once into
 * the total's shares. */
static void
collect_shares (PmIndicatorTotal *self,
                PmProgramme      *programme,
                GArray           *parts)
{
  g_autoptr(GListModel) kpis = pm_programme_list_kpis (programme);
  const char *key = pm_indicator_get_key (self->indicator);
  guint n = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      PmIndicatorShare share = { 0, };
      PmIndicatorShare *same;
      PmPilot *pilot;
      PmDistrict *district;

      if (g_strcmp0 (pm_kpi_get_indicator (kpi), key) != 0)
        continue;

      pilot = pm_kpi_get_pilot (kpi);
      district = pilot != NULL ? pm_pilot_get_district (pilot) : NULL;
      share.district = district != NULL ? pm_district_get_name (district) : NULL;
      if (share.district == NULL)
        share.district = pm_kpi_get_title (kpi);
      share.n_kpis = 1;
      share.combined = TRUE;
      /* The programme's list holds a reference to each KPI's pilot. */
      read_share (&share, kpi, self->period);
      share.n_kpis_reported = share.has_value ? 1 : 0;
      g_array_append_val (parts, share);

      same = district != NULL ? find_share (self->shares, share.district) : NULL;
      if (same != NULL)
        merge_part (same, &share);
      else
        g_array_append_val (self->shares, share);
    }

  for (guint i = 0; i < self->shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (self->shares, PmIndicatorShare, i);

      finish_share (share, pm_indicator_get_aggregation (self->indicator));
    }
}

/* Adds one reported share's baseline and target, weighted by @weight. */
static void
judge_share (TotalJudgement   *judgement,
             PmIndicatorShare *share,
             double            weight)
{
  PmBaseline *baseline = pm_kpi_get_baseline (share->kpi);
  PmTarget *target = pm_kpi_get_current_target (share->kpi);

  if (!share->has_target || target == NULL || !pm_baseline_has_value (baseline))
    {
      judgement->judgeable = FALSE;
      return;
    }

  judgement->baseline += weight * pm_baseline_get_value (baseline);
  judgement->target += weight * pm_target_get_value (target);
  judgement->profiled += weight * share->target;
  judgement->tolerance = MIN (judgement->tolerance, pm_kpi_get_tolerance (share->kpi));
}

/* Judged KPI by KPI over the districts counted in the total. */
static void
judge_total (PmIndicatorTotal *self,
             GArray           *parts)
{
  TotalJudgement judgement = { TRUE, 0, 0, 0, G_MAXDOUBLE };
  gboolean ratio = pm_indicator_get_aggregation (self->indicator) == PM_AGGREGATION_RATIO;

  for (guint i = 0; i < parts->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (parts, PmIndicatorShare, i);
      PmIndicatorShare *district = find_share (self->shares, share->district);

      if (!share->has_value || district == NULL || !district->has_value)
        continue;
      /* A ratio's target weighs each district by its denominator, as the
       * total does: the expected numerators over the summed denominators. */
      judge_share (&judgement, share, ratio ? share->denominator / self->denominator : 1.0);
    }

  self->rag = PM_RAG_GREY;
  self->has_target = judgement.judgeable;
  if (!judgement.judgeable)
    return;

  self->target = judgement.profiled;
  self->rag = pm_rag_evaluate (pm_indicator_get_direction (self->indicator),
                               judgement.baseline, judgement.target, judgement.profiled,
                               self->total, judgement.tolerance);
}

static void
form_total (PmIndicatorTotal *self,
            GArray           *parts)
{
  PmAggregation rule = pm_indicator_get_aggregation (self->indicator);

  for (guint i = 0; i < self->shares->len; i++)
    {
      PmIndicatorShare *share = &g_array_index (self->shares, PmIndicatorShare, i);

      if (!share->has_value)
        {
          g_ptr_array_add (self->not_reported, (gpointer) share->district);
          continue;
        }

      self->n_reported++;
      self->total += share->value;
      if (rule != PM_AGGREGATION_RATIO)
        continue;
      if (!share->has_fraction || !share->combined)
        g_ptr_array_add (self->without_parts, (gpointer) share->district);
      else
        {
          self->numerator += share->numerator;
          self->denominator += share->denominator;
        }
    }

  if (rule == PM_AGGREGATION_NONE)
    self->gap = PM_TOTAL_GAP_NO_RULE;
  else if (self->n_reported == 0)
    self->gap = PM_TOTAL_GAP_NONE_REPORTED;
  else if (rule == PM_AGGREGATION_RATIO && (self->without_parts->len > 0 || self->denominator <= 0))
    self->gap = PM_TOTAL_GAP_NO_PARTS;
  else if (rule == PM_AGGREGATION_RATIO)
    self->total = 100.0 * self->numerator / self->denominator;

  if (self->gap != PM_TOTAL_GAP_NONE)
    {
      self->total = 0;
      self->rag = PM_RAG_GREY;
      return;
    }

  judge_total (self, parts);
}

PmIndicatorTotal *
pm_indicator_total_compute (PmProgramme *programme,
                            PmIndicator *indicator,
                            PmPeriod    *period)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (PmIndicatorShare));
  PmIndicatorTotal *self;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (PM_IS_PERIOD (period), NULL);

  self = g_new0 (PmIndicatorTotal, 1);
  self->indicator = g_object_ref (indicator);
  self->period = g_object_ref (period);
  self->shares = g_array_new (FALSE, TRUE, sizeof (PmIndicatorShare));
  self->not_reported = g_ptr_array_new ();
  self->without_parts = g_ptr_array_new ();
  self->rag = PM_RAG_GREY;

  collect_shares (self, programme, parts);
  form_total (self, parts);

  return self;
}

void
pm_indicator_total_free (PmIndicatorTotal *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->indicator);
  g_clear_object (&self->period);
  g_clear_pointer (&self->shares, g_array_unref);
  g_clear_pointer (&self->not_reported, g_ptr_array_unref);
  g_clear_pointer (&self->without_parts, g_ptr_array_unref);
  g_free (self);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return pm_period_compare (*(PmPeriod **) a, *(PmPeriod **) b);
}

GPtrArray *
pm_indicator_list_periods (PmProgramme *programme,
                           PmIndicator *indicator)
{
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *periods;

  g_return_val_if_fail (PM_IS_PROGRAMME (programme), NULL);
  g_return_val_if_fail (PM_IS_INDICATOR (indicator), NULL);

  periods = g_ptr_array_new_with_free_func (g_object_unref);
  kpis = pm_programme_list_kpis (programme);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(PmKpi) kpi = g_list_model_get_item (kpis, i);
      GListModel *entries = pm_kpi_get_entries (kpi);

      if (g_strcmp0 (pm_kpi_get_indicator (kpi), pm_indicator_get_key (indicator)) != 0)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(PmProgressEntry) entry = g_list_model_get_item (entries, j);
          PmPeriod *period = pm_progress_entry_get_period (entry);
          int index = pm_period_get_index (period);

          if (!pm_progress_entry_has_value (entry) ||
              g_hash_table_contains (seen, GINT_TO_POINTER (index)))
            continue;
          g_hash_table_add (seen, GINT_TO_POINTER (index));
          g_ptr_array_add (periods, g_object_ref (period));
        }
    }

  g_ptr_array_sort (periods, compare_periods);
  return periods;
}
