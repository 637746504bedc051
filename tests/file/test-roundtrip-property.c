/* test-roundtrip-property.c: whatever the store takes, every file Pilot
 * Monitor writes gives back
 *
 * Programmes are generated from a seed (g_test_rand_int(): the run's seed
 * is printed at the start, and --seed repeats it; each programme's own
 * seed is printed before it is tried): random sizes, texts of every kind
 * up to and at their limits with the characters writers get wrong, every
 * unit, every baseline state, site splits, fractions, targets, notes,
 * narratives, reach and spend. Each is written into a store and read
 * back, written as a programme file and read back, sent district by
 * district as returns merged into an office's copy that lacks the
 * quarter, and sent as the quarter's CSV table imported into such a copy;
 * each time the whole model must come back the same. Two more programmes
 * hold every text, then every list, at its limit.
 *
 * PM_TEST_SLOW (the sanitizer and valgrind runs) tries fewer programmes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "model/pm-date.h"
#include "model/pm-limits.h"
#include "model/pm-site-value.h"
#include "pm-programme-file.h"
#include "pm-progress-import.h"
#include "pm-progress-writer.h"
#include "pm-return-merge.h"
#include "pm-return.h"
#include "pm-signing-key.h"
#include "pm-store.h"
#include "report/pm-table-export.h"
#include "store-test-util.h"

/* The quarter the returns and the CSV file carry: every programme has
 * values in it. */
#define QUARTER_CODE "FY2020-Q2"

typedef enum
{
  TEXT_RANDOM,  /* any length up to the limit, often at it */
  TEXT_LIMIT,   /* every text exactly at its limit */
  TEXT_SHORT,   /* a few characters: for many things at once */
} TextMode;

typedef struct
{
  guint32  seed;
  guint    districts;
  guint    pilots;     /* per district */
  guint    kpis;       /* per pilot */
  guint    quarters;   /* values per KPI, the quarter above among them */
  TextMode texts;
  gboolean full_lists; /* the first pilot and KPI hold every list at its limit */
} Shape;

typedef struct
{
  GRand   *rand;
  Shape    shape;
  PmPeriod *quarter;
} Generator;

/* ---- texts -------------------------------------------------------------- */

/* What writers get wrong: quotes, a backslash, line breaks, a tab,
 * control characters, two-, three- and four-byte characters, a comma. */
static const char * const pieces[] = {
  "a", "b", "Z", " ", "é", "Ł", "“", "”", "\"", "\\", "\n", "\r\n", "\t", "\x01", "\x1f",
  "中", "𝄞", ",", "'", "&", "<", "0", "=",
};

static const char * const letters[] = { "a", "k", "W", "é", "Ł", "ß" };

/* @n_chars characters exactly, starting with @prefix and ending with a
 * letter (a CSV cell's spaces around it are not kept). */
static char *
text_of (Generator  *g,
         const char *prefix,
         guint       n_chars)
{
  GString *text = g_string_new (prefix);
  guint length = g_utf8_strlen (prefix, -1);

  g_assert_cmpuint (length, <, n_chars);
  if (length == 0)
    {
      g_string_append (text, letters[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (letters))]);
      length++;
    }
  while (length + 1 < n_chars)
    {
      const char *piece = pieces[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (pieces))];
      guint piece_length = g_utf8_strlen (piece, -1);

      /* "\r\n" is two characters: no room for it at the end. */
      if (length + piece_length + 1 > n_chars)
        {
          piece = "a";
          piece_length = 1;
        }
      g_string_append (text, piece);
      length += piece_length;
    }
  if (length < n_chars)
    g_string_append (text, letters[g_rand_int_range (g->rand, 0, G_N_ELEMENTS (letters))]);

  return g_string_free (text, FALSE);
}

/* A text for @field: its whole limit, or some length up to it. */
static char *
text_for (Generator  *g,
          PmField     field,
          const char *prefix)
{
  guint max = pm_limits_get_max_chars (field);
  guint min = g_utf8_strlen (prefix, -1) + 1;
  guint n;

  switch (g->shape.texts)
    {
    case TEXT_LIMIT:
      n = max;
      break;
    case TEXT_SHORT:
      n = min + g_rand_int_range (g->rand, 0, 8);
      break;
    case TEXT_RANDOM:
    default:
      switch (g_rand_int_range (g->rand, 0, 4))
        {
        case 0:
          n = max;
          break;
        case 1:
          n = g_rand_int_range (g->rand, min, max + 1);
          break;
        default:
          n = g_rand_int_range (g->rand, min, MIN (max, min + 40) + 1);
        }
    }

  return text_of (g, prefix, n);
}

/* An optional text: absent as often as not (an empty one is the same as
 * none in every format). */
static char *
maybe_text (Generator *g,
            PmField    field)
{
  if (g->shape.texts != TEXT_LIMIT && g_rand_boolean (g->rand))
    return NULL;
  return text_for (g, field, "");
}

static char *
random_date (Generator *g,
             int        first_year,
             int        last_year)
{
  int year = g_rand_int_range (g->rand, first_year, last_year + 1);
  int month = g_rand_int_range (g->rand, 1, 13);

  if (g_rand_boolean (g->rand))
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, g_rand_int_range (g->rand, 1, 29));
}

/* ---- values ------------------------------------------------------------- */

static double
random_value (Generator *g,
              PmUnit     unit)
{
  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
      return g_rand_int_range (g->rand, 0, 4) == 0 ? g_rand_int_range (g->rand, 0, 101)
                                                   : g_rand_double_range (g->rand, 0, 100);
    case PM_UNIT_RATE:
      switch (g_rand_int_range (g->rand, 0, 3))
        {
        case 0:
          return g_rand_double_range (g->rand, 0, 1e-3);
        case 1:
          return g_rand_double_range (g->rand, 0, 1e12);
        default:
          return g_rand_double_range (g->rand, 0, 10);
        }
    case PM_UNIT_MONEY:
      return g_rand_int_range (g->rand, 0, 4) == 0 ? 999999999999999.0
                                                   : (double) g_rand_int_range (g->rand, 0, G_MAXINT32);
    case PM_UNIT_COUNT:
    case PM_UNIT_DAYS:
    default:
      return g_rand_int_range (g->rand, 0, 8) == 0 ? 999999999999999.0
                                                   : (double) g_rand_int_range (g->rand, 0, 100000);
    }
}

/* ---- the programme ------------------------------------------------------ */

static void
add_baseline (Generator *g,
              PmKpi     *kpi,
              guint      state_hint,
              gboolean   full)
{
  PmUnit unit = pm_kpi_get_unit (kpi);
  PmBaselineState state = state_hint % 5;
  g_autoptr(PmBaseline) baseline = NULL;
  g_autofree char *note = maybe_text (g, PM_FIELD_BASELINE_NOTE);
  g_autoptr(GError) error = NULL;

  switch (state)
    {
    case PM_BASELINE_VALUE:
      {
        g_autofree char *date = g_rand_boolean (g->rand) ? random_date (g, 2010, 2011) : NULL;
        guint n_sites = full ? PM_LIMIT_SITES : (guint) g_rand_int_range (g->rand, 0, 3);
        guint form = g_rand_int_range (g->rand, 0, 3);

        /* Counts and money by site carry their sum (pm_baseline_total_sites()). */
        if (n_sites > 0 && (form == 0 || pm_unit_is_additive (unit)))
          baseline = pm_baseline_new_sites (date, note);
        else
          baseline = pm_baseline_new_value (random_value (g, unit), date, note);
        if (unit == PM_UNIT_PERCENTAGE && form == 1)
          {
            double denominator = g_rand_int_range (g->rand, 1, 1000);

            g_assert_true (pm_baseline_set_fraction (baseline, g_rand_int_range (g->rand, 0, denominator + 1),
                                                     denominator, &error));
            g_assert_no_error (error);
          }
        for (guint i = 0; i < n_sites; i++)
          {
            g_autofree char *prefix = g_strdup_printf ("S%u ", i);
            g_autofree char *site = text_for (g, PM_FIELD_SITE, prefix);

            double value = random_value (g, unit);

            /* Sites of an additive unit small enough that their sum is a
             * value too. */
            if (pm_unit_is_additive (unit))
              value = floor (value / (PM_LIMIT_SITES + 1));
            pm_baseline_add_site (baseline, site, value);
          }
        g_assert_true (pm_baseline_total_sites (baseline, unit, &error));
        g_assert_no_error (error);
      }
      break;

    case PM_BASELINE_TO_BE_REPORTED:
      {
        g_autoptr(PmPeriod) period = pm_period_new (g_rand_int_range (g->rand, 2016, 2030),
                                                    g_rand_int_range (g->rand, 1, 5));

        baseline = pm_baseline_new_state (state);
        pm_baseline_set_period (baseline, period);
        pm_baseline_set_note (baseline, note);
      }
      break;

    case PM_BASELINE_AWAITING_DATA:
      {
        g_autofree char *source = text_for (g, PM_FIELD_BASELINE_SOURCE, "");

        baseline = pm_baseline_new_state (state);
        pm_baseline_set_source (baseline, source);
        pm_baseline_set_note (baseline, note);
      }
      break;

    case PM_BASELINE_TO_BE_CONFIRMED:
    case PM_BASELINE_NONE:
    default:
      baseline = pm_baseline_new_state (state);
      pm_baseline_set_note (baseline, note);
    }

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, &error));
  g_assert_no_error (error);
}

static void
add_targets (Generator *g,
             PmKpi     *kpi,
             gboolean   full)
{
  guint n = full ? PM_LIMIT_TARGETS : (guint) g_rand_int_range (g->rand, 0, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = g_rand_boolean (g->rand) ? random_date (g, 2016, 2030) : NULL;
      g_autofree char *set_on = g_rand_boolean (g->rand) ? random_date (g, 2012, 2020) : NULL;
      g_autofree char *reason = maybe_text (g, PM_FIELD_TARGET_REASON);

      store_test_add_target (kpi, random_value (g, pm_kpi_get_unit (kpi)), date, set_on, reason);
    }
}

static void
add_entry (Generator *g,
           PmKpi     *kpi,
           PmPeriod  *period)
{
  PmUnit unit = pm_kpi_get_unit (kpi);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autofree char *note = maybe_text (g, PM_FIELD_VALUE_NOTE);
  g_autoptr(GError) error = NULL;
  guint form = g_rand_int_range (g->rand, 0, 4);

  /* A value, a fraction, or (with a note) neither. */
  if (unit == PM_UNIT_PERCENTAGE && form == 0)
    {
      double denominator = g_rand_int_range (g->rand, 1, 5000);

      g_assert_true (pm_progress_entry_set_fraction (entry, g_rand_int_range (g->rand, 0, denominator + 1),
                                                     denominator, &error));
      g_assert_no_error (error);
    }
  else if (form != 1 || note == NULL)
    pm_progress_entry_set_value (entry, random_value (g, unit));
  pm_progress_entry_set_note (entry, note);

  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

/* With @full, the KPI holds every list at its limit. */
static PmKpi *
make_kpi (Generator *g,
          guint      k,
          guint      salt,
          gboolean   full)
{
  g_autofree char *prefix = g_strdup_printf ("K%u ", k);
  g_autofree char *title = text_for (g, PM_FIELD_KPI_TITLE, prefix);
  g_autofree char *source = maybe_text (g, PM_FIELD_DATA_SOURCE);
  g_autofree char *notes = maybe_text (g, PM_FIELD_DATA_NOTES);
  /* Every unit and every baseline state, in turn across KPIs. */
  PmKpi *kpi = pm_kpi_new (title, (k + salt) % 5, g_rand_int_range (g->rand, 0, 3));
  guint n_quarters = full ? PM_LIMIT_QUARTERS : g->shape.quarters;

  pm_kpi_set_measure (kpi, g_rand_int_range (g->rand, 0, 3));
  pm_kpi_set_tolerance (kpi, g_rand_boolean (g->rand) ? PM_KPI_DEFAULT_TOLERANCE
                                                      : g_rand_double_range (g->rand, 0, 1));
  pm_kpi_set_data_source (kpi, source);
  pm_kpi_set_data_notes (kpi, notes);
  /* Every state with every unit, across KPIs and programmes. */
  add_baseline (g, kpi, k / 5 + k + salt, full);
  add_targets (g, kpi, full);

  if (n_quarters >= PM_LIMIT_QUARTERS)
    {
      for (guint q = 0; q < PM_LIMIT_QUARTERS; q++)
        {
          g_autoptr(PmPeriod) period = pm_period_new_from_index (PM_PERIOD_MIN_YEAR * 4 + q);

          add_entry (g, kpi, period);
        }
    }
  else
    {
      /* The quarter, and others at random. */
      add_entry (g, kpi, g->quarter);
      for (guint q = 1; q < n_quarters; q++)
        {
          g_autoptr(PmPeriod) period = pm_period_new (g_rand_int_range (g->rand, 2012, 2030),
                                                      g_rand_int_range (g->rand, 1, 5));

          if (pm_kpi_get_entry (kpi, period) == NULL)
            add_entry (g, kpi, period);
        }
    }

  return kpi;
}

static void
add_narrative (Generator *g,
               PmPilot   *pilot,
               PmPeriod  *period)
{
  g_autoptr(PmNarrative) narrative = pm_narrative_new (period);
  g_autofree char *progress = maybe_text (g, PM_FIELD_NARRATIVE_PROGRESS);
  g_autofree char *learning = maybe_text (g, PM_FIELD_NARRATIVE_LEARNING);
  g_autofree char *case_study = maybe_text (g, PM_FIELD_NARRATIVE_CASE_STUDY);
  g_autofree char *risks = maybe_text (g, PM_FIELD_NARRATIVE_RISKS);
  g_autofree char *milestones = maybe_text (g, PM_FIELD_NARRATIVE_MILESTONES);

  /* An empty narrative is no narrative. */
  if (progress == NULL && learning == NULL && case_study == NULL)
    progress = text_for (g, PM_FIELD_NARRATIVE_PROGRESS, "");
  pm_narrative_set_progress (narrative, progress);
  pm_narrative_set_learning (narrative, learning);
  pm_narrative_set_case_study (narrative, case_study);
  pm_narrative_set_risks (narrative, risks);
  pm_narrative_set_milestones (narrative, milestones);
  pm_pilot_set_narrative (pilot, narrative);
}

static GStrv
make_strv (Generator *g,
           PmField    field,
           guint      n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = text_for (g, field, "");

      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static PmPilot *
make_pilot (Generator *g,
            guint      d,
            guint      p)
{
  gboolean full = g->shape.full_lists && p == 0;
  g_autofree char *prefix = g_strdup_printf ("P%u ", p);
  g_autofree char *title = text_for (g, PM_FIELD_PILOT_TITLE, prefix);
  g_autofree char *summary = maybe_text (g, PM_FIELD_PILOT_SUMMARY);
  g_autofree char *focus = maybe_text (g, PM_FIELD_FOCUS_AREA);
  g_autofree char *start = g_rand_boolean (g->rand) ? random_date (g, 2014, 2017) : NULL;
  g_autofree char *lead = maybe_text (g, PM_FIELD_LEAD);
  g_autofree char *status_note = maybe_text (g, PM_FIELD_STATUS_NOTE);
  g_autofree char *funding = maybe_text (g, PM_FIELD_FUNDING);
  g_autofree char *data_notes = maybe_text (g, PM_FIELD_DATA_NOTES);
  g_auto(GStrv) outcomes = make_strv (g, PM_FIELD_KEY_OUTCOME,
                                      full ? PM_LIMIT_KEY_OUTCOMES : (guint) g_rand_int_range (g->rand, 0, 3));
  guint n_providers = full ? PM_LIMIT_PROVIDERS : (guint) g_rand_int_range (g->rand, 0, 3);
  guint n_reach = full ? PM_LIMIT_REACH : (guint) g_rand_int_range (g->rand, 0, 4);
  guint n_spend = full ? PM_LIMIT_SPEND : (guint) g_rand_int_range (g->rand, 0, 3);
  guint n_kpis = full ? PM_LIMIT_KPIS : g->shape.kpis;
  PmPilot *pilot = pm_pilot_new (title);

  pm_pilot_set_summary (pilot, summary);
  pm_pilot_set_focus_area (pilot, focus);
  pm_pilot_set_start_date (pilot, start);
  pm_pilot_set_lead (pilot, lead);
  pm_pilot_set_delivery_status (pilot, g_rand_int_range (g->rand, 0, PM_DELIVERY_NOT_STATED + 1));
  pm_pilot_set_status_note (pilot, status_note);
  pm_pilot_set_budget_pence (pilot, g_rand_boolean (g->rand) ? -1 : g_rand_int_range (g->rand, 0, G_MAXINT32));
  pm_pilot_set_funding (pilot, funding);
  pm_pilot_set_data_notes (pilot, data_notes);
  if (outcomes[0] != NULL)
    pm_pilot_set_key_outcomes (pilot, (const char * const *) outcomes);

  for (guint i = 0; i < n_providers; i++)
    {
      g_autofree char *name_prefix = g_strdup_printf ("V%u ", i);
      g_autofree char *name = text_for (g, PM_FIELD_PROVIDER_NAME, name_prefix);
      g_autofree char *full_name = maybe_text (g, PM_FIELD_PROVIDER_FULL_NAME);
      g_autoptr(PmProvider) provider = pm_provider_new (name);

      pm_provider_set_full_name (provider, full_name);
      pm_provider_set_reach_target (provider, g_rand_int_range (g->rand, 0, 1000));
      pm_pilot_add_provider (pilot, provider);
    }

  /* Each for a quarter and a provider (or the pilot as a whole) of its own. */
  for (guint i = 0; i < n_reach; i++)
    {
      GListModel *providers = pm_pilot_get_providers (pilot);
      guint n = g_list_model_get_n_items (providers) + 1;
      g_autoptr(PmPeriod) period = pm_period_new_from_index (2010 * 4 + (int) (i / n));
      g_autoptr(PmProvider) provider = i % n == 0 ? NULL : g_list_model_get_item (providers, i % n - 1);
      g_autoptr(PmReachEntry) entry = pm_reach_entry_new (period, provider != NULL
                                                                  ? pm_provider_get_name (provider) : NULL,
                                                          g_rand_int_range (g->rand, 0, 5000));

      pm_pilot_set_reach (pilot, entry);
    }

  for (guint i = 0; i < n_spend; i++)
    {
      g_autofree char *description = text_for (g, PM_FIELD_SPEND_DESCRIPTION, "");
      g_autoptr(PmSpendItem) item = pm_spend_item_new (description, g_rand_int_range (g->rand, 0, G_MAXINT32));

      if (g_rand_boolean (g->rand))
        {
          g_autoptr(PmPeriod) period = pm_period_new (g_rand_int_range (g->rand, 2014, 2020),
                                                      g_rand_int_range (g->rand, 1, 5));

          pm_spend_item_set_period (item, period);
        }
      pm_spend_item_set_status (item, g_rand_int_range (g->rand, 0, 2));
      pm_pilot_add_spend (pilot, item);
    }

  if (full)
    for (guint q = 0; q < PM_LIMIT_QUARTERS; q++)
      {
        g_autoptr(PmPeriod) period = pm_period_new_from_index (PM_PERIOD_MIN_YEAR * 4 + q);

        add_narrative (g, pilot, period);
      }
  else
    {
      add_narrative (g, pilot, g->quarter);
      for (guint i = 0; i < 2; i++)
        if (g_rand_boolean (g->rand))
          {
            g_autoptr(PmPeriod) period = pm_period_new (g_rand_int_range (g->rand, 2012, 2030),
                                                        g_rand_int_range (g->rand, 1, 5));

            add_narrative (g, pilot, period);
          }
    }

  for (guint k = 0; k < n_kpis; k++)
    {
      g_autoptr(PmKpi) kpi = make_kpi (g, k, d + p, full && k == 0);

      pm_pilot_add_kpi (pilot, kpi);
    }

  return pilot;
}

static PmProgramme *
generate (const Shape *shape)
{
  Generator g = { g_rand_new_with_seed (shape->seed), *shape, pm_period_parse (QUARTER_CODE, NULL) };
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) criteria = NULL;
  PmProgramme *programme;

  name = text_for (&g, PM_FIELD_PROGRAMME_NAME, "");
  description = maybe_text (&g, PM_FIELD_PROGRAMME_DESCRIPTION);
  criteria = make_strv (&g, PM_FIELD_DESIGN_CRITERION,
                        shape->full_lists ? PM_LIMIT_DESIGN_CRITERIA : (guint) g_rand_int_range (g.rand, 0, 3));
  programme = pm_programme_new (name);
  pm_programme_set_description (programme, description);
  if (criteria[0] != NULL)
    pm_programme_set_design_criteria (programme, (const char * const *) criteria);

  for (guint d = 0; d < shape->districts; d++)
    {
      g_autofree char *prefix = g_strdup_printf ("D%u ", d);
      g_autofree char *district_name = text_for (&g, PM_FIELD_DISTRICT_NAME, prefix);
      g_autoptr(PmDistrict) district = pm_district_new (district_name);
      guint n_pilots = shape->full_lists && d == 0 ? PM_LIMIT_PILOTS : shape->pilots;
      g_autoptr(GError) error = NULL;

      /* With every list full, the other districts are bare. */
      if (!shape->full_lists || d == 0)
        for (guint p = 0; p < n_pilots; p++)
          {
            g_autoptr(PmPilot) pilot = make_pilot (&g, d, p);

            pm_district_add_pilot (district, pilot);
          }
      g_assert_true (pm_programme_add_district (programme, district, &error));
      g_assert_no_error (error);
    }

  g_rand_free (g.rand);
  g_object_unref (g.quarter);

  /* Within every limit, or the test would test nothing. */
  {
    g_autoptr(GError) error = NULL;

    pm_limits_check_programme (programme, TRUE, &error);
    g_assert_no_error (error);
  }
  return programme;
}

/* ---- the ways round ----------------------------------------------------- */

static void
through_store (const char  *dir,
               PmProgramme *programme)
{
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(PmProgramme) loaded = NULL;

  pm_test_store_create (path, programme);
  loaded = pm_test_store_read (path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (programme, loaded, FALSE);
}

static void
through_file (const char  *dir,
              PmProgramme *programme)
{
  g_autofree char *path = g_build_filename (dir, "programme.json", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.json", NULL);
  g_autoptr(PmProgramme) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (pm_programme_file_save (programme, path, &error));
  g_assert_no_error (error);
  loaded = pm_programme_file_load (path, &error);
  g_assert_no_error (error);
  store_test_assert_programmes_equal (programme, loaded, FALSE);

  /* Written again, the same file. */
  g_assert_true (pm_programme_file_save (loaded, again_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (again_path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
}

/* A store holding @programme but none of the quarter's values (nor, with
 * @narratives, its narratives): an office that has not had the quarter's
 * figures yet. */
static PmStore *
office_without_quarter (const char   *path,
                        PmProgramme  *programme,
                        gboolean      narratives,
                        PmProgramme **loaded)
{
  g_autoptr(GError) error = NULL;
  PmStore *store;

  g_unlink (path);
  pm_test_store_create (path, programme);
  store_test_exec (path, "DELETE FROM progress WHERE period = '" QUARTER_CODE "'");
  if (narratives)
    store_test_exec (path, "DELETE FROM narrative WHERE period = '" QUARTER_CODE "'");
  store = pm_store_open (path, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  *loaded = pm_store_load (store, &error);
  g_assert_no_error (error);
  return store;
}

/* Each district's return for the quarter, written, read and merged into
 * an office that lacks it: the office then holds what the leads do. */
static void
through_returns (const char  *dir,
                 PmProgramme *programme)
{
  g_autofree char *office_path = g_build_filename (dir, "office.db", NULL);
  g_autofree char *return_path = g_build_filename (dir, "return.json", NULL);
  g_autofree char *key_dir = g_build_filename (dir, "keys", NULL);
  g_autoptr(PmProgramme) office = NULL;
  g_autoptr(PmProgramme) merged = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(PmPeriod) quarter = pm_period_parse (QUARTER_CODE, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  GListModel *districts = pm_programme_get_districts (programme);
  g_autofree char *author = NULL;
  Generator g = { g_rand_new_with_seed (g_list_model_get_n_items (districts)), { 0, }, NULL };

  g.shape.texts = TEXT_LIMIT;
  author = text_for (&g, PM_FIELD_AUTHOR, "");
  g_rand_free (g.rand);

  key = pm_signing_key_load_or_create (key_dir, &error);
  g_assert_no_error (error);
  store = office_without_quarter (office_path, programme, TRUE, &office);

  for (guint d = 0; d < g_list_model_get_n_items (districts); d++)
    {
      PmDistrict *district = pm_test_item (districts, d);
      g_autoptr(PmReturn) ret = NULL;
      g_autoptr(PmReturn) read = NULL;
      g_autoptr(PmReturnMerge) merge = NULL;

      /* A district with no pilot has nothing to send. */
      if (g_list_model_get_n_items (pm_district_get_pilots (district)) == 0)
        continue;

      ret = pm_return_new (programme, district, NULL, quarter, author, now, key);
      g_assert_true (pm_return_save (ret, return_path, &error));
      g_assert_no_error (error);
      read = pm_return_load (return_path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pm_return_get_author (read), ==, author);

      merge = pm_return_merge_new (store, office, read, &error);
      g_assert_no_error (error);
      if (pm_return_merge_get_key_state (merge) == PM_RETURN_KEY_NEW)
        pm_return_merge_set_trust_key (merge, TRUE);
      g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
      g_assert_no_error (error);
    }

  /* The office's model was kept up to date, and so was its file. */
  store_test_assert_programmes_equal (programme, office, FALSE);
  merged = pm_test_store_read (office_path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (programme, merged, FALSE);
}

/* The quarter's table as CSV, imported into an office that lacks it:
 * the CSV carries a percentage's numerator and denominator beside its
 * value, so the fractions come through as well. */
static void
through_csv (const char  *dir,
             PmProgramme *programme,
             PmProgramme *expected)
{
  g_autofree char *office_path = g_build_filename (dir, "csv-office.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "quarter.csv", NULL);
  g_autoptr(PmPeriod) quarter = pm_period_parse (QUARTER_CODE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autoptr(PmProgramme) office = NULL;
  g_autoptr(PmProgramme) merged = NULL;
  g_autoptr(PmStore) store = NULL;
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(PmProgressWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_table_export_csv (programme, quarter, csv_path, &error));
  g_assert_no_error (error);

  /* Narratives are not in the table: the office keeps its own. */
  store = office_without_quarter (office_path, programme, FALSE, &office);
  import = pm_progress_import_new_for_file (office, file, NULL, &error);
  g_assert_no_error (error);
  if (pm_progress_import_get_n_rejected (import) > 0)
    g_error ("%s", pm_progress_import_get_rejection (import, 0, NULL));
  writer = pm_progress_writer_new (store, import);
  g_assert_true (pm_progress_writer_run (writer, NULL, &error));
  g_assert_no_error (error);

  store_test_assert_programmes_equal (expected, office, FALSE);
  merged = pm_test_store_read (office_path, PM_STORE_OPEN_DEFAULT);
  store_test_assert_programmes_equal (expected, merged, FALSE);
}

static void
round_trip (const Shape *shape)
{
  g_autofree char *dir = pm_test_dir_new ("pm-roundtrip");
  g_autoptr(PmProgramme) programme = generate (shape);
  g_autoptr(PmProgramme) expected = generate (shape);

  g_test_message ("programme of seed %" G_GUINT32_FORMAT ": %u districts, %u pilots, %u KPIs, "
                  "%u quarters, texts %s%s",
                  shape->seed, shape->districts, shape->pilots, shape->kpis, shape->quarters,
                  shape->texts == TEXT_LIMIT ? "at their limits" :
                  shape->texts == TEXT_SHORT ? "short" : "of any length",
                  shape->full_lists ? ", every list full" : "");

  g_test_message ("through a programme file");
  through_file (dir, programme);
  g_test_message ("through a store");
  through_store (dir, programme);
  g_test_message ("through returns");
  through_returns (dir, programme);
  g_test_message ("through a CSV file");
  through_csv (dir, programme, expected);

  pm_test_remove_tree (dir);
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_random (void)
{
  guint n = g_getenv ("PM_TEST_SLOW") != NULL ? 3 : 20;

  for (guint i = 0; i < n; i++)
    {
      Shape shape = {
        .seed = (guint32) g_test_rand_int (),
        .districts = g_test_rand_int_range (1, 4),
        .pilots = g_test_rand_int_range (1, 3),
        .kpis = g_test_rand_int_range (1, 6),
        .quarters = g_test_rand_int_range (1, 5),
        .texts = TEXT_RANDOM,
      };

      round_trip (&shape);
    }
}

/* Every text at its limit: five KPIs to a pilot, so that each unit and
 * each baseline state has one. */
static void
test_texts_at_limits (void)
{
  Shape shape = { .seed = 14, .districts = 2, .pilots = 2, .kpis = 5, .quarters = 2,
                  .texts = TEXT_LIMIT };

  round_trip (&shape);
}

/* Every list at its limit, texts short: a programme of 10,000 districts,
 * one of 100 pilots, one with 100 KPIs, providers, key outcomes, 1,000
 * reach figures and spend items and a narrative every quarter there is,
 * one KPI with a value every quarter, 100 targets and 100 sites. */
static void
test_lists_at_limits (void)
{
  Shape shape = { .seed = 8, .districts = PM_LIMIT_DISTRICTS, .pilots = 1, .kpis = 1, .quarters = 1,
                  .texts = TEXT_SHORT, .full_lists = TRUE };

  /* Under the sanitizers a tenth of the districts: the lists below the
   * first district are the same. */
  if (g_getenv ("PM_TEST_SLOW") != NULL)
    shape.districts /= 10;
  round_trip (&shape);
}

/* The largest return is worked out in pm-limits.c from an allowance for
 * the JSON around each KPI and pilot: check it against what the writer
 * makes, with every text at its limit and every character escaped. */
static void
test_return_allowance (void)
{
  g_autoptr(PmPeriod) quarter = pm_period_parse (QUARTER_CODE, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *key_dir = NULL;
  g_autofree char *dir = pm_test_dir_new ("pm-roundtrip");
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped_name = g_strnfill (PM_LIMIT_NAME_CHARS, '\x01');
  g_autofree char *escaped_note = g_strnfill (PM_LIMIT_NOTE_CHARS, '\x01');
  g_autofree char *escaped_long = g_strnfill (PM_LIMIT_NARRATIVE_CHARS, '\x01');
  gsize sizes[3];
  const guint n_kpis[3] = { 1, 2, 2 };
  const guint n_pilots[3] = { 1, 1, 2 };

  key_dir = g_build_filename (dir, "keys", NULL);
  key = pm_signing_key_load_or_create (key_dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PmProgramme) p = pm_programme_new ("P");
      g_autoptr(PmDistrict) d = pm_district_new ("D");
      g_autoptr(PmReturn) ret = NULL;
      g_autofree char *data = NULL;

      for (guint j = 0; j < n_pilots[i]; j++)
        {
          g_autofree char *title = g_strdup_printf ("%u%s", j, escaped_name + 1);
          g_autoptr(PmPilot) pilot = pm_pilot_new (title);
          g_autoptr(PmNarrative) narrative = pm_narrative_new (quarter);

          pm_narrative_set_progress (narrative, escaped_long);
          pm_narrative_set_learning (narrative, escaped_long);
          pm_narrative_set_case_study (narrative, escaped_long);
          pm_pilot_set_narrative (pilot, narrative);
          for (guint k = 0; k < n_kpis[i]; k++)
            {
              g_autofree char *kpi_title = g_strdup_printf ("%u%s", k, escaped_name + 1);
              g_autoptr(PmKpi) kpi = pm_kpi_new (kpi_title, PM_UNIT_PERCENTAGE, PM_DIRECTION_MAINTAIN);
              g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (quarter);

              g_assert_true (pm_progress_entry_set_fraction (entry, 1, 3, &error));
              pm_progress_entry_set_note (entry, escaped_note);
              g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
              pm_pilot_add_kpi (pilot, kpi);
            }
          pm_district_add_pilot (d, pilot);
        }
      g_assert_true (pm_programme_add_district (p, d, &error));
      ret = pm_return_new (p, d, NULL, quarter, escaped_name, now, key);
      data = pm_return_to_data (ret, &sizes[i]);
    }

  /* One more KPI, then one more pilot, each within its allowance (1,024
   * bytes besides its texts, each character six bytes). */
  g_test_message ("a KPI takes %" G_GSIZE_FORMAT " bytes, a pilot %" G_GSIZE_FORMAT,
                  sizes[1] - sizes[0], sizes[2] - sizes[1]);
  g_assert_cmpuint (sizes[1] - sizes[0], <=, 6 * (PM_LIMIT_NAME_CHARS + PM_LIMIT_NOTE_CHARS) + 1024);
  g_assert_cmpuint (sizes[2] - sizes[1], <=,
                    6 * (PM_LIMIT_NAME_CHARS + 3 * PM_LIMIT_NARRATIVE_CHARS) + 1024 +
                    2 * (6 * (PM_LIMIT_NAME_CHARS + PM_LIMIT_NOTE_CHARS) + 1024));
  pm_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file/roundtrip/random", test_random);
  g_test_add_func ("/file/roundtrip/texts-at-limits", test_texts_at_limits);
  g_test_add_func ("/file/roundtrip/lists-at-limits", test_lists_at_limits);
  g_test_add_func ("/file/roundtrip/return-allowance", test_return_allowance);

  return g_test_run ();
}
