/* pm-store-read.c: builds the model from the database
 *
 * Objects are filled in through the model's own setters and add functions,
 * so what is loaded passes the same rules as what a person types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/pm-date.h"
#include "model/pm-site-value.h"

#include "pm-store-private.h"

/* Prepares @sql with ?1 bound to @id. */
static PmStatement *
prepare_with_id (PmDatabase  *db,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  PmStatement *stmt = pm_database_prepare (db, sql, error);

  if (stmt != NULL)
    pm_statement_bind_int64 (stmt, 1, id);

  return stmt;
}

/* An enum column by its nick; PM_STORE_ERROR_CORRUPT naming the file when
 * the text is not one this version knows. */
gboolean
_pm_store_read_enum (PmDatabase   *db,
                     GType         enum_type,
                     const char   *name,
                     int          *value,
                     GError      **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *shown = NULL;

  if (name != NULL && pm_enum_from_name (enum_type, name, value))
    return TRUE;

  /* The text may be a damaged file's bytes: messages stay UTF-8. */
  shown = g_utf8_make_valid (name != NULL ? name : "", -1);
  display_name = g_filename_display_basename (pm_database_get_path (db));
  g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_CORRUPT,
               _("“%s” holds “%s”, which this version of Pilot Monitor does not understand."),
               display_name, shown);
  return FALSE;
}

/* A period column, or NULL (without error) when the column is NULL. */
static gboolean
read_period (PmStatement  *stmt,
             int           column,
             PmPeriod    **period,
             GError      **error)
{
  const char *code = pm_statement_get_text (stmt, column);

  *period = NULL;
  if (code == NULL)
    return TRUE;

  *period = pm_period_parse (code, error);
  return *period != NULL;
}

/* Whether the database has the committee pack's columns (schema 11): one
 * opened read-only is not migrated, and reads as it is. */
static gboolean
has_pack_columns (PmDatabase  *db,
                  gboolean    *has,
                  GError     **error)
{
  int version = 0;

  if (!pm_database_get_schema_version (db, &version, error))
    return FALSE;

  *has = version >= 11;
  return TRUE;
}

/* What a load has read so far. Each table is read in one query, ordered
 * by its parent's row id, and its rows found their parent through these
 * indexes: a few large reads rather than one query per object, which on a
 * server is one round trip each. An object joins its parent only once it
 * is complete, as it did when each was read on its own, so the model's
 * rules see the same order of calls for each object. */
typedef struct
{
  PmDatabase *db;
  int         version;
  /* A scoped read (pm_store_load_district()): the district whose values
   * and narratives are read, by name then by row id (-1 for none); the
   * period, and its frequency's name, for the values of the others. */
  char       *scope_name;     /* casefolded, NULL when everything is read */
  gboolean    scope_shown;    /* pm_store_load_shown(): the period's values */
  gint64      scope_district;
  char       *scope_period;
  const char *scope_frequency;
  GHashTable *districts;      /* row id → PmDistrict, borrowed */
  GHashTable *pilots;         /* row id → PmPilot, borrowed */
  GHashTable *kpis;           /* row id → PmKpi, borrowed */
  GHashTable *outcomes;       /* PmPilot → GPtrArray of strings */
  GHashTable *baselines;      /* PmKpi → PmBaseline read from its row */
  GHashTable *periods;        /* code → PmPeriod, each parsed once */
  GHashTable *value_sites;    /* the sites of values, see _pm_store_read_value_sites () */
  GPtrArray  *district_list;  /* owned, in the programme's order */
  GPtrArray  *pilot_list;     /* owned, by district and position */
  GPtrArray  *pilot_parents;  /* the district of each pilot, borrowed */
  GPtrArray  *kpi_list;       /* owned, by pilot and position */
  GPtrArray  *kpi_parents;    /* the pilot of each KPI, borrowed */
  PmKpi      *entries_kpi;    /* whose values these are, borrowed */
  GPtrArray  *entries;        /* values read, not yet added to it */
} Load;

typedef gboolean (*LoadRowFunc) (Load         *load,
                                 gpointer      parent,
                                 PmStatement  *stmt,
                                 GError      **error);

static void
load_init (Load       *load,
           PmDatabase *db)
{
  load->db = db;
  load->version = 0;
  load->scope_name = NULL;
  load->scope_shown = FALSE;
  load->scope_district = -1;
  load->scope_period = NULL;
  load->scope_frequency = NULL;
  load->districts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  load->pilots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  load->kpis = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  load->outcomes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  load->baselines = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  load->periods = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  load->value_sites = NULL;
  load->district_list = g_ptr_array_new_with_free_func (g_object_unref);
  load->pilot_list = g_ptr_array_new_with_free_func (g_object_unref);
  load->pilot_parents = g_ptr_array_new ();
  load->kpi_list = g_ptr_array_new_with_free_func (g_object_unref);
  load->kpi_parents = g_ptr_array_new ();
  load->entries_kpi = NULL;
  load->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
load_clear (Load *load)
{
  g_clear_pointer (&load->scope_name, g_free);
  g_clear_pointer (&load->scope_period, g_free);
  g_clear_pointer (&load->districts, g_hash_table_unref);
  g_clear_pointer (&load->pilots, g_hash_table_unref);
  g_clear_pointer (&load->kpis, g_hash_table_unref);
  g_clear_pointer (&load->outcomes, g_hash_table_unref);
  g_clear_pointer (&load->baselines, g_hash_table_unref);
  g_clear_pointer (&load->periods, g_hash_table_unref);
  g_clear_pointer (&load->value_sites, g_hash_table_unref);
  g_clear_pointer (&load->district_list, g_ptr_array_unref);
  g_clear_pointer (&load->pilot_list, g_ptr_array_unref);
  g_clear_pointer (&load->pilot_parents, g_ptr_array_unref);
  g_clear_pointer (&load->kpi_list, g_ptr_array_unref);
  g_clear_pointer (&load->kpi_parents, g_ptr_array_unref);
  g_clear_pointer (&load->entries, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Load, load_clear)

static void
index_add (GHashTable *index,
           gint64      id,
           gpointer    object)
{
  g_hash_table_insert (index, g_memdup2 (&id, sizeof id), object);
}

/* Steps over every row of @stmt, whose column @parent_column holds a row
 * id in @parents, and hands each row to @func with its parent. Rows of
 * another programme's objects have no parent here and are passed over. */
static gboolean
load_statement_rows (Load         *load,
                     GHashTable   *parents,
                     PmStatement  *stmt,
                     int           parent_column,
                     LoadRowFunc   func,
                     GError      **error)
{
  GError *local_error = NULL;

  while (pm_statement_step (stmt, &local_error))
    {
      gint64 parent_id = pm_statement_get_int64 (stmt, parent_column);
      gpointer parent = g_hash_table_lookup (parents, &parent_id);

      if (parent != NULL && !func (load, parent, stmt, error))
        return FALSE;
    }

  /* Values read before an error go in first, as they did before it was
   * met: a value they refuse is the error told. */
  if (!_pm_store_add_read_entries (load->entries_kpi, load->entries, error))
    {
      g_clear_error (&local_error);
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* load_statement_rows() over the rows of @sql. */
static gboolean
load_rows (Load         *load,
           GHashTable   *parents,
           const char   *sql,
           int           parent_column,
           LoadRowFunc   func,
           GError      **error)
{
  g_autoptr(PmStatement) stmt = pm_database_prepare (load->db, sql, error);

  return stmt != NULL && load_statement_rows (load, parents, stmt, parent_column, func, error);
}

/* load_rows() for a scoped read: ?1 is the district's row id; with
 * @values, ?2 the period's code and ?3 its frequency's name too. */
static gboolean
load_scoped_rows (Load         *load,
                  GHashTable   *parents,
                  const char   *sql,
                  gboolean      values,
                  int           parent_column,
                  LoadRowFunc   func,
                  GError      **error)
{
  g_autoptr(PmStatement) stmt = pm_database_prepare (load->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  pm_statement_bind_int64 (stmt, 1, load->scope_district);
  if (values)
    {
      pm_statement_bind_text (stmt, 2, load->scope_period);
      pm_statement_bind_text (stmt, 3, load->scope_frequency);
    }
  return load_statement_rows (load, parents, stmt, parent_column, func, error);
}

/* load_rows() of @whole, or of @scoped in a scoped read. */
static gboolean
load_kpi_rows (Load         *load,
               GHashTable   *parents,
               const char   *whole,
               const char   *scoped,
               int           parent_column,
               LoadRowFunc   func,
               GError      **error)
{
  if (load->scope_name != NULL)
    return load_scoped_rows (load, parents, scoped, FALSE, parent_column, func, error);
  return load_rows (load, parents, whole, parent_column, func, error);
}

/* read_period() for the many rows of a load, which name few periods:
 * periods are immutable, so the entries of one quarter share one. */
static gboolean
load_period (Load         *load,
             PmStatement  *stmt,
             int           column,
             PmPeriod    **period,
             GError      **error)
{
  const char *code = pm_statement_get_text (stmt, column);
  PmPeriod *known = code != NULL ? g_hash_table_lookup (load->periods, code) : NULL;

  if (known != NULL)
    {
      *period = g_object_ref (known);
      return TRUE;
    }

  if (!read_period (stmt, column, period, error))
    return FALSE;
  if (*period != NULL)
    g_hash_table_insert (load->periods, g_strdup (code), g_object_ref (*period));
  return TRUE;
}

static gboolean
baseline_row (Load         *load,
              gpointer      parent,
              PmStatement  *stmt,
              GError      **error)
{
  g_autoptr(PmBaseline) baseline = NULL;
  g_autoptr(PmPeriod) period = NULL;
  int state;

  /* One row a KPI; should there be more, the first counts. */
  if (g_hash_table_contains (load->baselines, parent))
    return TRUE;

  if (!_pm_store_read_enum (load->db, PM_TYPE_BASELINE_STATE, pm_statement_get_text (stmt, 0), &state, error) ||
      !read_period (stmt, 6, &period, error))
    return FALSE;

  if (state != PM_BASELINE_VALUE)
    baseline = pm_baseline_new_state (state);
  else if (pm_statement_is_null (stmt, 1))
    baseline = pm_baseline_new_sites (NULL, NULL);
  else
    baseline = pm_baseline_new_value (pm_statement_get_double (stmt, 1), NULL, NULL);

  if (state == PM_BASELINE_VALUE &&
      !pm_statement_is_null (stmt, 2) && !pm_statement_is_null (stmt, 3) &&
      !pm_baseline_set_fraction (baseline,
                                 pm_statement_get_double (stmt, 2),
                                 pm_statement_get_double (stmt, 3),
                                 error))
    return FALSE;

  pm_baseline_set_date (baseline, pm_statement_get_text (stmt, 4));
  pm_baseline_set_note (baseline, pm_statement_get_text (stmt, 5));
  if (period != NULL)
    pm_baseline_set_period (baseline, period);
  pm_baseline_set_source (baseline, pm_statement_get_text (stmt, 7));

  g_hash_table_insert (load->baselines, parent, g_steal_pointer (&baseline));
  return TRUE;
}

static gboolean
baseline_site_row (Load         *load,
                   gpointer      parent,
                   PmStatement  *stmt,
                   GError      **error)
{
  PmBaseline *baseline = g_hash_table_lookup (load->baselines, parent);

  /* A KPI without a baseline row keeps the model's default, sites or not. */
  if (baseline != NULL)
    pm_baseline_add_site (baseline, pm_statement_get_text (stmt, 0),
                          pm_statement_get_double (stmt, 1));
  return TRUE;
}

/* Every KPI's baseline, before its targets, whose dates are checked
 * against it. */
static gboolean
read_baselines (Load    *load,
                GError **error)
{
#define BASELINES "SELECT state, value, numerator, denominator, date, note, period, source, kpi_id " \
                  "FROM baseline "
#define BASELINE_SITES "SELECT site, value, kpi_id FROM baseline_site "
  if (!load_kpi_rows (load, load->kpis, BASELINES "ORDER BY kpi_id",
                      BASELINES "WHERE kpi_id IN " PM_STORE_SQL_SCOPE_KPI_IDS " ORDER BY kpi_id",
                      8, baseline_row, error) ||
      !load_kpi_rows (load, load->kpis, BASELINE_SITES "ORDER BY kpi_id, position, id",
                      BASELINE_SITES "WHERE kpi_id IN " PM_STORE_SQL_SCOPE_KPI_IDS " ORDER BY kpi_id, position, id",
                      2, baseline_site_row, error))
    return FALSE;

  for (guint i = 0; i < load->kpi_list->len; i++)
    {
      PmKpi *kpi = g_ptr_array_index (load->kpi_list, i);
      PmBaseline *baseline = g_hash_table_lookup (load->baselines, kpi);
      g_autoptr(PmBaseline) missing = NULL;

      /* Every KPI is written with its baseline; keep the model's default
       * rather than refuse the whole programme. */
      if (baseline == NULL)
        baseline = missing = pm_baseline_new_state (PM_BASELINE_TO_BE_CONFIRMED);
      /* A count stored by site before totals were kept gets its sum; with
       * no stored total there is nothing it could differ from. */
      else if (!pm_baseline_has_value (baseline) &&
               !pm_baseline_total_sites (baseline, pm_kpi_get_unit (kpi), error))
        return FALSE;

      if (!pm_kpi_set_baseline (kpi, baseline, error))
        return FALSE;
    }

  g_hash_table_remove_all (load->baselines);
  return TRUE;
}

static gboolean
target_row (Load         *load,
            gpointer      parent,
            PmStatement  *stmt,
            GError      **error)
{
  g_autoptr(PmTarget) target = NULL;

  target = pm_target_new (pm_statement_get_double (stmt, 0),
                          pm_statement_get_text (stmt, 1));
  pm_target_set_set_on (target, pm_statement_get_text (stmt, 2));
  pm_target_set_reason (target, pm_statement_get_text (stmt, 3));
  pm_target_set_milestone (target, (guint) MAX (pm_statement_get_int64 (stmt, 4), 1));

  return pm_kpi_add_target (parent, target, error);
}

static gboolean
entry_row (Load         *load,
           gpointer      parent,
           PmStatement  *stmt,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PmPeriod) period = NULL;
  PmProgressEntry *entry = NULL;

  /* A KPI's values join it together (pm-store-read-values.c). */
  if (parent != load->entries_kpi &&
      !_pm_store_add_read_entries (load->entries_kpi, load->entries, error))
    return FALSE;
  load->entries_kpi = parent;

  /* A bad row: first what the values before it would have refused. */
  if (!load_period (load, stmt, 0, &period, &local_error) ||
      !(entry = _pm_store_read_entry (stmt, period, pm_kpi_get_id (parent),
                                      load->value_sites, &local_error)))
    {
      if (_pm_store_add_read_entries (load->entries_kpi, load->entries, error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_ptr_array_add (load->entries, entry);
  return TRUE;
}

static gboolean
kpi_row (Load         *load,
         gpointer      parent,
         PmStatement  *stmt,
         GError      **error)
{
  g_autoptr(PmKpi) kpi = NULL;
  int unit, direction, measure, frequency;

  if (!_pm_store_read_enum (load->db, PM_TYPE_UNIT, pm_statement_get_text (stmt, 2), &unit, error) ||
      !_pm_store_read_enum (load->db, PM_TYPE_DIRECTION, pm_statement_get_text (stmt, 3), &direction, error) ||
      !_pm_store_read_enum (load->db, PM_TYPE_MEASURE, pm_statement_get_text (stmt, 4), &measure, error) ||
      !_pm_store_read_enum (load->db, PM_TYPE_FREQUENCY, pm_statement_get_text (stmt, 9), &frequency, error))
    return FALSE;

  kpi = pm_kpi_new (pm_statement_get_text (stmt, 1), unit, direction);
  pm_kpi_set_id (kpi, pm_statement_get_int64 (stmt, 0));
  pm_kpi_set_measure (kpi, measure);
  pm_kpi_set_frequency (kpi, frequency);
  pm_kpi_set_tolerance (kpi, pm_statement_get_double (stmt, 5));
  pm_kpi_set_data_source (kpi, pm_statement_get_text (stmt, 6));
  pm_kpi_set_data_notes (kpi, pm_statement_get_text (stmt, 7));
  pm_kpi_set_indicator (kpi, pm_statement_get_text (stmt, 8));

  index_add (load->kpis, pm_kpi_get_id (kpi), kpi);
  g_ptr_array_add (load->kpi_parents, parent);
  g_ptr_array_add (load->kpi_list, g_steal_pointer (&kpi));
  return TRUE;
}

/* Every KPI with its baseline, targets and values, each then added to its
 * pilot in order. */
static gboolean
read_kpis (Load    *load,
           GError **error)
{
  /* Schema 9 and older (read-only, so not migrated) have no notes; 11
   * and older no indicators, 14 and older no frequency: every KPI is then
   * quarterly. Schema 12 and older number no milestones: every target is
   * milestone 1, as it meant then. Schema 1 has no row versions. */
  int version = load->version;

  if (load->scope_name != NULL)
    load->value_sites = _pm_store_read_scoped_value_sites (load->db, load->scope_district, error);
  else if (load->scope_shown)
    load->value_sites = _pm_store_read_shown_value_sites (load->db, load->scope_period,
                                                          load->scope_frequency, error);
  else
    load->value_sites = _pm_store_read_value_sites (load->db, error);
  if (load->value_sites == NULL)
    return FALSE;

#define KPIS_15 "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, " \
                "  (SELECT key FROM indicator i WHERE i.id = kpi.indicator_id), frequency, pilot_id FROM kpi "
  if (!load_kpi_rows (load, load->pilots,
                  version >= 15
                  ? KPIS_15 "ORDER BY pilot_id, position, id"
                  : version >= 12
                  ? "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, "
                    "  (SELECT key FROM indicator i WHERE i.id = kpi.indicator_id), 'quarterly', pilot_id "
                    "FROM kpi ORDER BY pilot_id, position, id"
                  : version >= 10
                  ? "SELECT id, title, unit, direction, measure, tolerance, data_source, data_notes, NULL, "
                    "  'quarterly', pilot_id "
                    "FROM kpi ORDER BY pilot_id, position, id"
                  : "SELECT id, title, unit, direction, measure, tolerance, data_source, NULL, NULL, "
                    "  'quarterly', pilot_id "
                    "FROM kpi ORDER BY pilot_id, position, id",
                  KPIS_15 "WHERE id IN " PM_STORE_SQL_SCOPE_KPI_IDS " ORDER BY pilot_id, position, id",
                  10, kpi_row, error) ||
      !read_baselines (load, error) ||
      !load_kpi_rows (load, load->kpis,
                  version >= 13
                  ? "SELECT value, date, set_on, reason, milestone, kpi_id FROM target "
                    "ORDER BY kpi_id, id"
                  : "SELECT value, date, set_on, reason, 1, kpi_id FROM target "
                    "ORDER BY kpi_id, id",
                  "SELECT value, date, set_on, reason, milestone, kpi_id FROM target "
                  "WHERE kpi_id IN " PM_STORE_SQL_SCOPE_KPI_IDS " ORDER BY kpi_id, id",
                  5, target_row, error) ||
      !(load->scope_name != NULL
        ? load_scoped_rows (load, load->kpis,
                            "SELECT period, value, numerator, denominator, note, revision, kpi_id "
                            "FROM progress WHERE kpi_id IN " PM_STORE_SQL_SCOPE_KPI_IDS " ORDER BY 7, 1",
                            FALSE, 6, entry_row, error)
        : load->scope_shown
        ? load_scoped_rows (load, load->kpis, PM_STORE_SQL_SHOWN_VALUES, TRUE, 6, entry_row, error)
        : load_rows (load, load->kpis,
                  version >= 2
                  ? "SELECT period, value, numerator, denominator, note, revision, kpi_id FROM progress "
                    "ORDER BY kpi_id, period"
                  : "SELECT period, value, numerator, denominator, note, 0, kpi_id FROM progress "
                    "ORDER BY kpi_id, period",
                  6, entry_row, error)))
    return FALSE;

  for (guint i = 0; i < load->kpi_list->len; i++)
    pm_pilot_add_kpi (g_ptr_array_index (load->kpi_parents, i),
                      g_ptr_array_index (load->kpi_list, i));
  return TRUE;
}

static gboolean
outcome_row (Load         *load,
             gpointer      parent,
             PmStatement  *stmt,
             GError      **error)
{
  GPtrArray *outcomes = g_hash_table_lookup (load->outcomes, parent);

  if (outcomes == NULL)
    {
      outcomes = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (load->outcomes, parent, outcomes);
    }
  g_ptr_array_add (outcomes, g_strdup (pm_statement_get_text (stmt, 0)));
  return TRUE;
}

static gboolean
read_outcomes (Load    *load,
               GError **error)
{
  if (!load_rows (load, load->pilots,
                  "SELECT text, pilot_id FROM key_outcome ORDER BY pilot_id, position, id",
                  1, outcome_row, error))
    return FALSE;

  for (guint i = 0; i < load->pilot_list->len; i++)
    {
      PmPilot *pilot = g_ptr_array_index (load->pilot_list, i);
      GPtrArray *outcomes = g_hash_table_lookup (load->outcomes, pilot);
      const char *none[] = { NULL };

      if (outcomes != NULL)
        g_ptr_array_add (outcomes, NULL);
      pm_pilot_set_key_outcomes (pilot, outcomes != NULL
                                        ? (const char * const *) outcomes->pdata : none);
    }

  g_hash_table_remove_all (load->outcomes);
  return TRUE;
}

static gboolean
provider_row (Load         *load,
              gpointer      parent,
              PmStatement  *stmt,
              GError      **error)
{
  g_autoptr(PmProvider) provider = pm_provider_new (pm_statement_get_text (stmt, 0));

  pm_provider_set_full_name (provider, pm_statement_get_text (stmt, 1));
  pm_provider_set_reach_target (provider, (int) pm_statement_get_int64 (stmt, 2));
  pm_pilot_add_provider (parent, provider);
  return TRUE;
}

static gboolean
reach_row (Load         *load,
           gpointer      parent,
           PmStatement  *stmt,
           GError      **error)
{
  g_autoptr(PmReachEntry) entry = NULL;
  g_autoptr(PmPeriod) period = NULL;

  if (!load_period (load, stmt, 0, &period, error))
    return FALSE;

  entry = pm_reach_entry_new (period, pm_statement_get_text (stmt, 1),
                              (int) pm_statement_get_int64 (stmt, 2));
  pm_pilot_set_reach (parent, entry);
  return TRUE;
}

static gboolean
spend_row (Load         *load,
           gpointer      parent,
           PmStatement  *stmt,
           GError      **error)
{
  g_autoptr(PmSpendItem) item = NULL;
  g_autoptr(PmPeriod) period = NULL;
  int status;

  if (!load_period (load, stmt, 2, &period, error) ||
      !_pm_store_read_enum (load->db, PM_TYPE_SPEND_STATUS, pm_statement_get_text (stmt, 3), &status, error))
    return FALSE;

  item = pm_spend_item_new (pm_statement_get_text (stmt, 0),
                            pm_statement_get_int64 (stmt, 1));
  pm_spend_item_set_period (item, period);
  pm_spend_item_set_status (item, status);
  pm_pilot_add_spend (parent, item);
  return TRUE;
}

static gboolean
narrative_row (Load         *load,
               gpointer      parent,
               PmStatement  *stmt,
               GError      **error)
{
  g_autoptr(PmNarrative) narrative = NULL;
  g_autoptr(PmPeriod) period = NULL;

  if (!load_period (load, stmt, 0, &period, error))
    return FALSE;

  narrative = pm_narrative_new (period);
  pm_narrative_set_progress (narrative, pm_statement_get_text (stmt, 1));
  pm_narrative_set_learning (narrative, pm_statement_get_text (stmt, 2));
  pm_narrative_set_case_study (narrative, pm_statement_get_text (stmt, 3));
  pm_narrative_set_risks (narrative, pm_statement_get_text (stmt, 4));
  pm_narrative_set_milestones (narrative, pm_statement_get_text (stmt, 5));
  pm_pilot_set_narrative (parent, narrative);
  return TRUE;
}

static gboolean
pilot_row (Load         *load,
           gpointer      parent,
           PmStatement  *stmt,
           GError      **error)
{
  g_autoptr(PmPilot) pilot = NULL;
  int status;

  if (!_pm_store_read_enum (load->db, PM_TYPE_DELIVERY_STATUS, pm_statement_get_text (stmt, 6), &status, error))
    return FALSE;

  pilot = pm_pilot_new (pm_statement_get_text (stmt, 1));
  pm_pilot_set_id (pilot, pm_statement_get_int64 (stmt, 0));
  pm_pilot_set_summary (pilot, pm_statement_get_text (stmt, 2));
  pm_pilot_set_focus_area (pilot, pm_statement_get_text (stmt, 3));
  pm_pilot_set_start_date (pilot, pm_statement_get_text (stmt, 4));
  pm_pilot_set_lead (pilot, pm_statement_get_text (stmt, 5));
  pm_pilot_set_delivery_status (pilot, status);
  pm_pilot_set_status_note (pilot, pm_statement_get_text (stmt, 7));
  pm_pilot_set_budget_pence (pilot, pm_statement_is_null (stmt, 8)
                                    ? -1 : pm_statement_get_int64 (stmt, 8));
  pm_pilot_set_funding (pilot, pm_statement_get_text (stmt, 9));
  pm_pilot_set_data_notes (pilot, pm_statement_get_text (stmt, 10));
  pm_pilot_set_reach_unit (pilot, pm_statement_get_text (stmt, 11));

  index_add (load->pilots, pm_pilot_get_id (pilot), pilot);
  g_ptr_array_add (load->pilot_parents, parent);
  g_ptr_array_add (load->pilot_list, g_steal_pointer (&pilot));
  return TRUE;
}

/* Every pilot of the loaded districts, with all it holds, each then added
 * to its district in order. */
static gboolean
read_pilots (Load    *load,
             GError **error)
{
  /* Schema 9 and older (read-only, so not migrated) have no notes on the
   * data; 10 and older no committee pack columns. */
  int version = load->version;
  gboolean pack = version >= 11;

  if (!load_rows (load, load->districts,
                  version >= 14
                  ? "SELECT id, title, summary, focus_area, start_date, lead, "
                    "       CASE WHEN delivery_stated = 1 THEN delivery_status ELSE 'not-stated' END, "
                    "       status_note, budget_pence, funding, data_notes, reach_unit, district_id "
                    "FROM pilot ORDER BY district_id, position, id"
                  : pack
                  ? "SELECT id, title, summary, focus_area, start_date, lead, "
                    "       CASE WHEN delivery_stated = 1 THEN delivery_status ELSE 'not-stated' END, "
                    "       status_note, budget_pence, funding, data_notes, NULL, district_id "
                    "FROM pilot ORDER BY district_id, position, id"
                  : version >= 10
                  ? "SELECT id, title, summary, focus_area, start_date, lead, "
                    "       delivery_status, status_note, budget_pence, funding, data_notes, NULL, district_id "
                    "FROM pilot ORDER BY district_id, position, id"
                  : "SELECT id, title, summary, focus_area, start_date, lead, "
                    "       delivery_status, status_note, budget_pence, funding, NULL, NULL, district_id "
                    "FROM pilot ORDER BY district_id, position, id",
                  12, pilot_row, error) ||
      !read_outcomes (load, error) ||
      /* Providers before reach, which names them. */
      !load_rows (load, load->pilots,
                  "SELECT name, full_name, reach_target, pilot_id FROM provider "
                  "ORDER BY pilot_id, position, id",
                  3, provider_row, error) ||
      !load_rows (load, load->pilots,
                  "SELECT period, provider, families, pilot_id FROM reach_entry "
                  "ORDER BY pilot_id, position, id",
                  3, reach_row, error) ||
      !load_rows (load, load->pilots,
                  "SELECT description, amount_pence, period, status, pilot_id FROM spend_item "
                  "ORDER BY pilot_id, position, id",
                  4, spend_row, error) ||
      /* The window's first read leaves the narratives to the rest: its
       * first frame shows none, and they are a large part of the file. */
      !(load->scope_shown
        || (load->scope_name != NULL
        ? load_scoped_rows (load, load->pilots,
                            "SELECT n.period, n.progress, n.learning, n.case_study, n.risks, "
                            "       n.milestones, n.pilot_id "
                            "FROM pilot JOIN narrative n ON n.pilot_id = pilot.id "
                            "WHERE pilot.district_id = ?1 ORDER BY n.pilot_id, n.period",
                            FALSE, 6, narrative_row, error)
        : load_rows (load, load->pilots,
                  pack
                  ? "SELECT period, progress, learning, case_study, risks, milestones, pilot_id "
                    "FROM narrative ORDER BY pilot_id, period"
                  : "SELECT period, progress, learning, case_study, NULL, NULL, pilot_id "
                    "FROM narrative ORDER BY pilot_id, period",
                  6, narrative_row, error))) ||
      !read_kpis (load, error))
    return FALSE;

  for (guint i = 0; i < load->pilot_list->len; i++)
    pm_district_add_pilot (g_ptr_array_index (load->pilot_parents, i),
                           g_ptr_array_index (load->pilot_list, i));
  return TRUE;
}

static gboolean
district_row (Load         *load,
              gpointer      parent,
              PmStatement  *stmt,
              GError      **error)
{
  g_autoptr(PmDistrict) district = pm_district_new (pm_statement_get_text (stmt, 1));

  pm_district_set_id (district, pm_statement_get_int64 (stmt, 0));
  /* Casefolded, as pm_programme_find_district() finds it. */
  if (load->scope_name != NULL && load->scope_district == -1 && pm_district_get_name (district) != NULL)
    {
      g_autofree char *name = g_utf8_casefold (pm_district_get_name (district), -1);

      if (g_str_equal (name, load->scope_name))
        load->scope_district = pm_district_get_id (district);
    }
  index_add (load->districts, pm_district_get_id (district), district);
  g_ptr_array_add (load->district_list, g_steal_pointer (&district));
  return TRUE;
}

/* The programme's districts, with all they hold; with @district, only
 * what a summary of it at @period needs (pm_store_load_district()). */
static gboolean
read_districts (PmDatabase   *db,
                PmProgramme  *programme,
                const char   *district,
                PmPeriod     *period,
                GError      **error)
{
  g_auto(Load) load;
  g_autoptr(GHashTable) programmes = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 programme_id = pm_programme_get_id (programme);

  load_init (&load, db);
  if (!pm_database_get_schema_version (db, &load.version, error))
    return FALSE;

  /* Files before schema 18 (read-only, not migrated) lack columns the
   * scoped read selects on: they are read whole. */
  if (period != NULL && load.version >= 18)
    {
      load.scope_name = district != NULL ? g_utf8_casefold (district, -1) : NULL;
      load.scope_shown = district == NULL;
      load.scope_period = pm_period_to_code (period);
      load.scope_frequency = pm_enum_to_name (PM_TYPE_FREQUENCY, pm_period_get_frequency (period));
    }

  g_hash_table_add (programmes, &programme_id);
  if (!load_rows (&load, programmes,
                  "SELECT id, name, programme_id FROM district ORDER BY programme_id, position, id",
                  2, district_row, error) ||
      !read_pilots (&load, error))
    return FALSE;

  for (guint i = 0; i < load.district_list->len; i++)
    if (!pm_programme_add_district (programme, g_ptr_array_index (load.district_list, i), error))
      return FALSE;
  return TRUE;
}

PmProgramme *
_pm_store_read_programme (PmDatabase  *db,
                          const char  *district,
                          PmPeriod    *period,
                          GError     **error)
{
  g_autoptr(PmStatement) stmt = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_auto(GStrv) criteria = NULL;
  GError *local_error = NULL;
  gboolean pack = FALSE;

  if (!has_pack_columns (db, &pack, error))
    return NULL;
  stmt = pm_database_prepare (db,
                              pack
                              ? "SELECT id, name, description, committee, meeting_date, report_title, "
                                "       contact_officer FROM programme ORDER BY id LIMIT 1"
                              : "SELECT id, name, description, NULL, NULL, NULL, NULL "
                                "FROM programme ORDER BY id LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  if (!pm_statement_step (stmt, &local_error))
    {
      g_autofree char *display_name = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }

      display_name = g_filename_display_basename (pm_database_get_path (db));
      g_set_error (error, PM_STORE_ERROR, PM_STORE_ERROR_EMPTY,
                   _("“%s” holds no programme yet."), display_name);
      return NULL;
    }

  programme = pm_programme_new (pm_statement_get_text (stmt, 1));
  pm_programme_set_id (programme, pm_statement_get_int64 (stmt, 0));
  pm_programme_set_description (programme, pm_statement_get_text (stmt, 2));
  pm_programme_set_committee (programme, pm_statement_get_text (stmt, 3));
  if (pm_date_validate_day (pm_statement_get_text (stmt, 4), NULL))
    pm_programme_set_meeting_date (programme, pm_statement_get_text (stmt, 4));
  pm_programme_set_report_title (programme, pm_statement_get_text (stmt, 5));
  pm_programme_set_contact_officer (programme, pm_statement_get_text (stmt, 6));

  g_clear_pointer (&stmt, pm_statement_free);
  stmt = prepare_with_id (db,
                          "SELECT text FROM design_criterion WHERE programme_id = ?1 "
                          "ORDER BY position, id",
                          pm_programme_get_id (programme), error);
  if (stmt == NULL)
    return NULL;
  criteria = _pm_store_read_strings (stmt, error);
  if (criteria == NULL)
    return NULL;
  pm_programme_set_design_criteria (programme, (const char * const *) criteria);
  if (!_pm_store_read_indicators (db, programme, error))
    return NULL;

  if (!read_districts (db, programme, district, period, error))
    return NULL;

  return g_steal_pointer (&programme);
}
