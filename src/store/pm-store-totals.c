/* pm-store-totals.c: programme-wide RAG counts without loading the programme
 *
 * A one-district summary prints the whole programme's ratings beside the
 * district's. Loading 15,000 KPIs with their baselines, targets and values
 * to count four numbers is most of its time, so the database narrows each
 * KPI to what its rating rests on (two queries, ordered by KPI, and a
 * third only for KPIs of another frequency than the period's), and the
 * model's own rule (pm_rag_profiled_schedule(), pm_rag_evaluate()) judges
 * it, as PmAssessment does for a loaded KPI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/pm-assessment.h"
#include "model/pm-date.h"

#include "pm-store-private.h"

/* Every KPI of the programme (the first, as a load reads it), with what
 * its baseline value is: a fraction gives it, else the value, else for a
 * count or money the sum of its sites (as a load totals them); and for a
 * KPI of the period's frequency (?2) its value at the period (?1), joined
 * here rather than read by a query of its own. CROSS JOIN keeps SQLite
 * walking kpi in id order: the ORDER BY needs no sort and the progress
 * lookups go through its key in order. @progress: the table, as the
 * engine and version want it (below). */
#define KPIS_SQL(progress) \
  "SELECT kpi.id, kpi.direction, kpi.tolerance, kpi.frequency, b.state, b.date, " \
  "       CASE WHEN b.numerator IS NOT NULL AND b.denominator <> 0 " \
  "            THEN 100.0 * b.numerator / b.denominator " \
  "            WHEN b.value IS NOT NULL THEN b.value " \
  "            WHEN kpi.unit IN ('count', 'money') " \
  "            THEN (SELECT sum (s.value) FROM baseline_site s WHERE s.kpi_id = kpi.id) END, " \
  "       p.kpi_id, " \
  "       CASE WHEN p.numerator IS NOT NULL AND p.denominator <> 0 " \
  "            THEN 100.0 * p.numerator / p.denominator ELSE p.value END " \
  "FROM kpi CROSS JOIN pilot CROSS JOIN district " \
  "LEFT JOIN baseline b ON b.kpi_id = kpi.id " \
  "LEFT JOIN " progress " ON p.kpi_id = kpi.id AND p.period = ?1 AND kpi.frequency = ?2 " \
  "WHERE pilot.id = kpi.pilot_id AND district.id = pilot.district_id " \
  "  AND district.programme_id = (SELECT id FROM programme ORDER BY id LIMIT 1) " \
  "ORDER BY kpi.id"

/* A file from schema 19 has the covering index progress_value, which
 * gives each KPI's value at the period without a read of the table's
 * rows (those of one period lie pages apart); sqlite would take the
 * key's index, so the query names it. A server picks its own plan, and
 * an older file (read-only, not migrated) has no such index. */
#define KPIS_COVERED_SQL KPIS_SQL ("progress p INDEXED BY progress_value")
#define KPIS_PLAIN_SQL KPIS_SQL ("progress p")

/* Each target, each milestone's latest revision last. */
#define TARGETS_SQL \
  "SELECT kpi_id, value, date, milestone FROM target ORDER BY kpi_id, id"

/* Every value of a KPI of another frequency than the period's (?1), in
 * period order (the latest ended by then counts). A fraction gives the
 * value. Read only when the programme has such a KPI. */
#define VALUES_SQL \
  "SELECT p.kpi_id, p.period, " \
  "       CASE WHEN p.numerator IS NOT NULL AND p.denominator <> 0 " \
  "            THEN 100.0 * p.numerator / p.denominator ELSE p.value END " \
  "FROM progress p " \
  "WHERE p.kpi_id IN (SELECT id FROM kpi WHERE frequency IS DISTINCT FROM ?1) " \
  "  AND (p.value IS NOT NULL OR (p.numerator IS NOT NULL AND p.denominator IS NOT NULL)) " \
  "ORDER BY 1, 2"

const char *
_pm_store_totals_kpis_sql (PmDatabase *db,
                           int         version)
{
  return version >= 19 && !pm_database_is_server (db) ? KPIS_COVERED_SQL : KPIS_PLAIN_SQL;
}

typedef struct
{
  double  value;
  guint32 day;
  guint   milestone;
} Milestone;

/* One KPI's rating inputs, filled from the queries in turn. */
typedef struct
{
  gint64       id;
  PmDirection  direction;
  double       tolerance;
  gboolean     same_frequency;
  gboolean     has_baseline;
  double       baseline;
  guint32      baseline_day;
  GArray      *milestones;   /* Milestone, by number (0: none) */
  gboolean     has_value;
  double       value;
  guint32      judged_day;   /* the end of the value's own period */
} Rating;

static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  const Milestone *ma = a;
  const Milestone *mb = b;

  /* As pm_kpi_get_milestones() sorts them: by date, then number. */
  if (ma->day != mb->day)
    return ma->day < mb->day ? -1 : 1;
  return (int) ma->milestone - (int) mb->milestone;
}

/* As PmAssessment rates a KPI: grey without a value, a baseline value or
 * a target; else the value against the profile at the end of its period. */
static PmRag
rate (Rating *rating)
{
  g_autoptr(GArray) current = g_array_new (FALSE, FALSE, sizeof (Milestone));
  g_autofree double *values = NULL;
  g_autofree guint32 *days = NULL;
  double profiled, heading = 0.0;

  for (guint i = 0; i < rating->milestones->len; i++)
    {
      Milestone *milestone = &g_array_index (rating->milestones, Milestone, i);

      if (milestone->milestone != 0)
        g_array_append_val (current, *milestone);
    }

  if (!rating->has_value || !rating->has_baseline || current->len == 0)
    return PM_RAG_GREY;

  g_array_sort (current, compare_milestones);
  values = g_new (double, current->len);
  days = g_new (guint32, current->len);
  for (guint i = 0; i < current->len; i++)
    {
      values[i] = g_array_index (current, Milestone, i).value;
      days[i] = g_array_index (current, Milestone, i).day;
    }

  profiled = pm_rag_profiled_schedule (rating->baseline, rating->baseline_day, values, days,
                                       current->len, rating->judged_day, &heading);
  return pm_rag_evaluate (rating->direction, rating->baseline, heading, profiled,
                          rating->value, rating->tolerance);
}

static gboolean
read_kpis (PmDatabase  *db,
           int          version,
           PmPeriod    *period,
           const char  *code,
           const char  *frequency,
           GArray      *ratings,
           GHashTable  *by_id,
           gboolean    *other_frequency,
           GError     **error)
{
  g_autoptr(PmStatement) stmt = pm_database_prepare (db, _pm_store_totals_kpis_sql (db, version),
                                                     error);
  GError *local_error = NULL;
  guint32 period_end;
  GDate end;

  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, code);
  pm_statement_bind_text (stmt, 2, frequency);
  pm_period_get_end_date (period, &end);
  period_end = g_date_get_julian (&end);
  *other_frequency = FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      Rating rating = { 0, };
      int direction;

      rating.id = pm_statement_get_int64 (stmt, 0);
      /* One baseline a KPI; should there be more, the first counts. */
      if (g_hash_table_contains (by_id, &rating.id))
        continue;
      if (!_pm_store_read_enum (db, PM_TYPE_DIRECTION, pm_statement_get_text (stmt, 1), &direction, error))
        return FALSE;
      rating.direction = direction;
      rating.tolerance = pm_statement_get_double (stmt, 2);
      rating.same_frequency = g_strcmp0 (pm_statement_get_text (stmt, 3), frequency) == 0;
      *other_frequency |= !rating.same_frequency;
      rating.has_baseline = g_strcmp0 (pm_statement_get_text (stmt, 4), "value") == 0 &&
                            !pm_statement_is_null (stmt, 6);
      rating.baseline = rating.has_baseline ? pm_statement_get_double (stmt, 6) : 0.0;
      rating.baseline_day = rating.has_baseline ? pm_date_to_julian (pm_statement_get_text (stmt, 5)) : 0;
      /* Of its frequency, the period's own value (a row, maybe empty). */
      if (rating.same_frequency && !pm_statement_is_null (stmt, 7))
        {
          rating.has_value = !pm_statement_is_null (stmt, 8);
          rating.value = pm_statement_get_double (stmt, 8);
          rating.judged_day = period_end;
        }
      rating.milestones = g_array_new (FALSE, TRUE, sizeof (Milestone));
      g_array_append_val (ratings, rating);
      g_hash_table_insert (by_id, g_memdup2 (&rating.id, sizeof rating.id),
                           GUINT_TO_POINTER (ratings->len));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static Rating *
find_rating (GArray     *ratings,
             GHashTable *by_id,
             gint64      id)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &id));

  return position > 0 ? &g_array_index (ratings, Rating, position - 1) : NULL;
}

static gboolean
read_targets (PmDatabase  *db,
              GArray      *ratings,
              GHashTable  *by_id,
              GError     **error)
{
  g_autoptr(PmStatement) stmt = pm_database_prepare (db, TARGETS_SQL, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;

  while (pm_statement_step (stmt, &local_error))
    {
      Rating *rating = find_rating (ratings, by_id, pm_statement_get_int64 (stmt, 0));
      guint number = (guint) MAX (pm_statement_get_int64 (stmt, 3), 1);
      Milestone *milestone;

      if (rating == NULL)
        continue;
      /* A later revision of a milestone replaces it. */
      if (number > rating->milestones->len)
        g_array_set_size (rating->milestones, number);
      milestone = &g_array_index (rating->milestones, Milestone, number - 1);
      milestone->milestone = number;
      milestone->value = pm_statement_get_double (stmt, 1);
      milestone->day = pm_date_to_julian (pm_statement_get_text (stmt, 2));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The julian day @code's period ends on (0 for a code no period has),
 * each code parsed once. */
static guint32
end_day (GHashTable *days,
         const char *code)
{
  gpointer known = g_hash_table_lookup (days, code);
  g_autoptr(PmPeriod) period = NULL;
  GDate end;
  guint32 day = 0;

  if (known != NULL)
    return GPOINTER_TO_UINT (known);

  period = pm_period_parse (code, NULL);
  if (period != NULL)
    {
      pm_period_get_end_date (period, &end);
      day = g_date_get_julian (&end);
    }
  g_hash_table_insert (days, g_strdup (code), GUINT_TO_POINTER (day));
  return day;
}

static gboolean
read_values (PmDatabase  *db,
             PmPeriod    *period,
             const char  *frequency,
             GArray      *ratings,
             GHashTable  *by_id,
             GError     **error)
{
  g_autoptr(PmStatement) stmt = pm_database_prepare (db, VALUES_SQL, error);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GError *local_error = NULL;
  guint32 period_end;
  GDate end;

  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_text (stmt, 1, frequency);
  pm_period_get_end_date (period, &end);
  period_end = g_date_get_julian (&end);

  while (pm_statement_step (stmt, &local_error))
    {
      Rating *rating = find_rating (ratings, by_id, pm_statement_get_int64 (stmt, 0));
      guint32 day;

      if (rating == NULL || rating->same_frequency)
        continue;

      /* In period order: the latest value ended by the period's end. */
      day = end_day (days, pm_statement_get_text (stmt, 1));
      if (day != 0 && day <= period_end)
        {
          rating->has_value = TRUE;
          rating->value = pm_statement_get_double (stmt, 2);
          rating->judged_day = day;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
clear_rating (gpointer data)
{
  Rating *rating = data;

  g_clear_pointer (&rating->milestones, g_array_unref);
}

gboolean
pm_store_count_programme_rag (PmStore   *self,
                              PmPeriod  *period,
                              guint     *counts,
                              GError   **error)
{
  PmDatabase *db;
  g_autoptr(GArray) ratings = g_array_new (FALSE, TRUE, sizeof (Rating));
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *code = NULL;
  const char *frequency;
  gboolean other_frequency = FALSE;
  int version = 0;

  g_return_val_if_fail (PM_IS_STORE (self), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (period), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = _pm_store_get_database (self);
  /* Files before schema 18 (read-only, not migrated) are read whole by
   * pm_store_load_district() too, and lack columns selected here. */
  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;
  if (version < 18)
    {
      g_autoptr(PmProgramme) programme = _pm_store_read_programme (db, NULL, NULL, error);

      if (programme == NULL)
        return FALSE;
      pm_programme_count_rag (programme, period, counts);
      return TRUE;
    }

  g_array_set_clear_func (ratings, clear_rating);
  code = pm_period_to_code (period);
  frequency = pm_enum_to_name (PM_TYPE_FREQUENCY, pm_period_get_frequency (period));

  if (!read_kpis (db, version, period, code, frequency, ratings, by_id, &other_frequency, error) ||
      !read_targets (db, ratings, by_id, error) ||
      (other_frequency && !read_values (db, period, frequency, ratings, by_id, error)))
    return FALSE;

  for (guint i = 0; i < PM_N_RAG; i++)
    counts[i] = 0;
  for (guint i = 0; i < ratings->len; i++)
    counts[rate (&g_array_index (ratings, Rating, i))]++;

  return TRUE;
}
