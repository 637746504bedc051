/* test-pilot-programme.c: pilots, districts and the programme as a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pm-assessment.h"
#include "pm-district.h"
#include "pm-pilot.h"
#include "pm-programme.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  ItemsChanged change = { position, removed, added };

  g_array_append_val (log, change);
}

static void
assert_change (GArray *log,
               guint   index,
               guint   position,
               guint   removed,
               guint   added)
{
  ItemsChanged *change;

  g_assert_cmpuint (log->len, >, index);
  change = &g_array_index (log, ItemsChanged, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static PmPeriod *
period (int year,
        int quarter)
{
  return pm_period_new (year, quarter);
}

/* Reach */

static PmPilot *
make_cannock_pilot (void)
{
  PmPilot *pilot = pm_pilot_new ("Chadsmoor & Western Springs Community Family Intervention Service");
  g_autoptr(PmProvider) wcfc = pm_provider_new ("WCFC");
  g_autoptr(PmProvider) cess = pm_provider_new ("CESS");

  pm_provider_set_reach_target (wcfc, 75);
  pm_provider_set_reach_target (cess, 50);
  pm_pilot_add_provider (pilot, wcfc);
  pm_pilot_add_provider (pilot, cess);

  return pilot;
}

static void
add_reach (PmPilot    *pilot,
           int         year,
           int         quarter,
           const char *provider,
           int         families)
{
  g_autoptr(PmPeriod) p = period (year, quarter);
  g_autoptr(PmReachEntry) entry = pm_reach_entry_new (p, provider, families);

  pm_pilot_set_reach (pilot, entry);
}

static int
reach_at (PmPilot *pilot,
          int      year,
          int      quarter)
{
  g_autoptr(PmPeriod) p = period (year, quarter);

  return pm_pilot_get_reach_at (pilot, p);
}

static void
test_pilot_reach_target (void)
{
  g_autoptr(PmPilot) pilot = make_cannock_pilot ();
  g_autoptr(PmPilot) empty = pm_pilot_new ("No providers yet");

  /* "support 125 families within twelve months": 75 by WCFC, 50 by CESS */
  g_assert_cmpint (pm_pilot_get_reach_target (pilot), ==, 125);
  g_assert_cmpint (pm_pilot_get_reach_target (empty), ==, 0);

  g_assert_nonnull (pm_pilot_find_provider (pilot, "CESS"));
  g_assert_cmpint (pm_provider_get_reach_target (pm_pilot_find_provider (pilot, "CESS")), ==, 50);
  g_assert_null (pm_pilot_find_provider (pilot, "Visyon"));
  g_assert_null (pm_pilot_find_provider (pilot, NULL));
}

static void
test_pilot_reach_at (void)
{
  g_autoptr(PmPilot) pilot = make_cannock_pilot ();

  /* Entered out of order on purpose: the latest period counts, not the
   * latest entry. */
  add_reach (pilot, 2016, 4, "WCFC", 12);
  add_reach (pilot, 2016, 3, "WCFC", 5);
  add_reach (pilot, 2016, 3, "CESS", 2);

  /* "WCFC working with five families and CESS with two" */
  g_assert_cmpint (reach_at (pilot, 2016, 3), ==, 7);
  /* CESS reported nothing new in Q4: its Q3 figure still stands. */
  g_assert_cmpint (reach_at (pilot, 2016, 4), ==, 14);
  /* Nothing reported by Q2. */
  g_assert_cmpint (reach_at (pilot, 2016, 2), ==, -1);

  /* The pilot as a whole is one more contributor. */
  add_reach (pilot, 2016, 4, NULL, 3);
  g_assert_cmpint (reach_at (pilot, 2016, 3), ==, 7);
  g_assert_cmpint (reach_at (pilot, 2016, 4), ==, 17);

  add_reach (pilot, 2017, 1, "CESS", 10);
  g_assert_cmpint (reach_at (pilot, 2017, 1), ==, 12 + 10 + 3);
}

static void
test_pilot_reach_replaces (void)
{
  g_autoptr(PmPilot) pilot = make_cannock_pilot ();
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));

  add_reach (pilot, 2016, 3, "WCFC", 5);
  add_reach (pilot, 2016, 3, "CESS", 2);
  g_signal_connect (pm_pilot_get_reach (pilot), "items-changed", G_CALLBACK (items_changed_cb), log);

  /* Same period and provider: a correction, not a second figure. */
  add_reach (pilot, 2016, 3, "WCFC", 6);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_reach (pilot)), ==, 2);
  g_assert_cmpint (reach_at (pilot, 2016, 3), ==, 8);
  assert_change (log, 0, 0, 1, 1);

  /* A NULL provider is its own key, not a match for every provider. */
  add_reach (pilot, 2016, 3, NULL, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_reach (pilot)), ==, 3);
  g_assert_cmpint (reach_at (pilot, 2016, 3), ==, 9);
}

static void
test_pilot_reach_entry (void)
{
  g_autoptr(PmPilot) pilot = make_cannock_pilot ();
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmPeriod) q4 = period (2016, 4);
  PmReachEntry *entry;

  add_reach (pilot, 2016, 3, "WCFC", 5);
  add_reach (pilot, 2016, 3, NULL, 1);
  add_reach (pilot, 2016, 3, "WCFC", 6);

  entry = pm_pilot_get_reach_entry (pilot, q3, "WCFC");
  g_assert_nonnull (entry);
  g_assert_cmpint (pm_reach_entry_get_families (entry), ==, 6);
  entry = pm_pilot_get_reach_entry (pilot, q3, NULL);
  g_assert_nonnull (entry);
  g_assert_cmpint (pm_reach_entry_get_families (entry), ==, 1);
  g_assert_null (pm_pilot_get_reach_entry (pilot, q3, "CESS"));
  g_assert_null (pm_pilot_get_reach_entry (pilot, q4, "WCFC"));
}

/* Spend */

static void
add_spend (PmPilot       *pilot,
           const char    *description,
           gint64         pence,
           int            quarter,
           PmSpendStatus  status)
{
  g_autoptr(PmSpendItem) item = pm_spend_item_new (description, pence);

  if (quarter > 0)
    {
      g_autoptr(PmPeriod) p = period (2016, quarter);

      pm_spend_item_set_period (item, p);
    }
  pm_spend_item_set_status (item, status);
  pm_pilot_add_spend (pilot, item);
}

static gint64
spend_at (PmPilot       *pilot,
          int            quarter,
          PmSpendStatus  status)
{
  g_autoptr(PmPeriod) p = period (2016, quarter);

  return pm_pilot_get_spend_at (pilot, p, status);
}

static void
test_pilot_spend_at (void)
{
  g_autoptr(PmPilot) pilot = make_cannock_pilot ();

  add_spend (pilot, "UPSHOT software licence", 490000, 3, PM_SPEND_SPENT);
  add_spend (pilot, "Marketing and engagement", 400000, 4, PM_SPEND_SPENT);
  add_spend (pilot, "Family support service", 3000000, 3, PM_SPEND_COMMITTED);
  add_spend (pilot, "Room hire", 10000, 0, PM_SPEND_SPENT);

  /* Undated items count whenever we look. */
  g_assert_cmpint (spend_at (pilot, 2, PM_SPEND_SPENT), ==, 10000);
  g_assert_cmpint (spend_at (pilot, 3, PM_SPEND_SPENT), ==, 500000);
  g_assert_cmpint (spend_at (pilot, 4, PM_SPEND_SPENT), ==, 900000);
  g_assert_cmpint (spend_at (pilot, 2, PM_SPEND_COMMITTED), ==, 0);
  g_assert_cmpint (spend_at (pilot, 3, PM_SPEND_COMMITTED), ==, 3000000);
  g_assert_cmpint (spend_at (pilot, 4, PM_SPEND_COMMITTED), ==, 3000000);
}

/* RAG counts */

static PmKpi *
make_kpi (double value)
{
  PmKpi *kpi = pm_kpi_new ("Families supported", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(PmBaseline) baseline = pm_baseline_new_value (0, NULL, NULL);
  g_autoptr(PmTarget) target = pm_target_new (100, NULL);
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);

  g_assert_true (pm_kpi_set_baseline (kpi, baseline, NULL));
  g_assert_true (pm_kpi_add_target (kpi, target, NULL));
  if (value >= 0)
    {
      pm_progress_entry_set_value (entry, value);
      g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
    }

  return kpi;
}

static void
add_kpi (PmPilot *pilot,
         double   value)
{
  g_autoptr(PmKpi) kpi = make_kpi (value);

  pm_pilot_add_kpi (pilot, kpi);
}

static void
test_pilot_count_rag (void)
{
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  guint counts[PM_N_RAG] = { 99, 99, 99, 99 };

  /* Target 100 from 0, band 10: green, amber, red, red, grey. */
  add_kpi (pilot, 100);
  add_kpi (pilot, 95);
  add_kpi (pilot, 50);
  add_kpi (pilot, 80);
  add_kpi (pilot, -1);

  pm_pilot_count_rag (pilot, q3, counts);
  g_assert_cmpuint (counts[PM_RAG_GREEN], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_AMBER], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_RED], ==, 2);
  g_assert_cmpuint (counts[PM_RAG_GREY], ==, 1);
}

static void
test_programme_count_rag (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Children and Families System Transformation Programme");
  g_autoptr(PmDistrict) cannock = pm_district_new ("Cannock Chase");
  g_autoptr(PmDistrict) newcastle = pm_district_new ("Newcastle-under-Lyme");
  g_autoptr(PmPilot) a = pm_pilot_new ("A");
  g_autoptr(PmPilot) b = pm_pilot_new ("B");
  g_autoptr(PmPilot) c = pm_pilot_new ("C");
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  guint counts[PM_N_RAG];

  add_kpi (a, 100);
  add_kpi (b, 95);
  add_kpi (b, 100);
  add_kpi (c, 10);
  pm_district_add_pilot (cannock, a);
  /* Newcastle runs two pilots. */
  pm_district_add_pilot (newcastle, b);
  pm_district_add_pilot (newcastle, c);
  g_assert_true (pm_programme_add_district (programme, cannock, NULL));
  g_assert_true (pm_programme_add_district (programme, newcastle, NULL));

  pm_district_count_rag (newcastle, q3, counts);
  g_assert_cmpuint (counts[PM_RAG_GREEN], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_AMBER], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_RED], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_GREY], ==, 0);

  pm_programme_count_rag (programme, q3, counts);
  g_assert_cmpuint (counts[PM_RAG_GREEN], ==, 2);
  g_assert_cmpuint (counts[PM_RAG_AMBER], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_RED], ==, 1);
  g_assert_cmpuint (counts[PM_RAG_GREY], ==, 0);
}

/* Districts */

static void
test_programme_duplicate_district (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmDistrict) cannock = pm_district_new ("Cannock Chase");
  g_autoptr(PmDistrict) lower = pm_district_new ("cannock chase");
  g_autoptr(PmDistrict) upper = pm_district_new ("CANNOCK CHASE");
  g_autoptr(PmDistrict) stafford = pm_district_new ("Stafford");
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_programme_add_district (programme, cannock, &error));
  g_assert_no_error (error);

  g_assert_false (pm_programme_add_district (programme, lower, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==, "The programme already has a district called “cannock chase”.");
  g_clear_error (&error);
  g_assert_false (pm_programme_add_district (programme, upper, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);

  /* Refused districts are not attached. */
  g_assert_null (pm_district_get_programme (lower));
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (programme)), ==, 1);

  g_assert_true (pm_programme_add_district (programme, stafford, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (programme)), ==, 2);

  g_assert_true (pm_programme_find_district (programme, "CANNOCK chase") == cannock);
  g_assert_true (pm_programme_find_district (programme, "Stafford") == stafford);
  g_assert_null (pm_programme_find_district (programme, "Tamworth"));
}

/* Names are looked up in an index: a rename, a removal and many
 * districts must find what a walk of the list would. */
static void
test_programme_find_after_changes (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmDistrict) cannock = pm_district_new ("Cannock Chase");
  g_autoptr(PmDistrict) stafford = pm_district_new ("Stafford");
  g_autoptr(PmDistrict) again = pm_district_new ("cannock chase");
  g_autoptr(PmDistrict) duplicate = pm_district_new ("DISTRICT 0");
  g_autoptr(GError) error = NULL;

  g_assert_true (pm_programme_add_district (programme, cannock, NULL));
  g_assert_true (pm_programme_add_district (programme, stafford, NULL));
  g_assert_true (pm_programme_find_district (programme, "cannock CHASE") == cannock);

  /* Renamed: found by the new name, the old one is free. */
  pm_district_set_name (cannock, "Cannock");
  g_assert_null (pm_programme_find_district (programme, "Cannock Chase"));
  g_assert_true (pm_programme_find_district (programme, "CANNOCK") == cannock);
  g_assert_true (pm_programme_add_district (programme, again, &error));
  g_assert_no_error (error);
  g_assert_true (pm_programme_find_district (programme, "Cannock Chase") == again);

  /* Renamed to clash: the first in the list is the one found, and a
   * third of that name is refused. */
  pm_district_set_name (stafford, "CANNOCK");
  g_assert_true (pm_programme_find_district (programme, "cannock") == cannock);
  pm_programme_remove_district (programme, cannock);
  g_assert_true (pm_programme_find_district (programme, "cannock") == stafford);

  /* Removed: not found, and its name may be used again. */
  pm_programme_remove_district (programme, again);
  g_assert_null (pm_programme_find_district (programme, "Cannock Chase"));
  pm_district_set_name (again, "Tamworth");
  g_assert_null (pm_programme_find_district (programme, "Tamworth"));

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("District %u", i);
      g_autoptr(PmDistrict) district = pm_district_new (name);

      g_assert_true (pm_programme_add_district (programme, district, &error));
      g_assert_no_error (error);
    }
  g_assert_nonnull (pm_programme_find_district (programme, "district 1999"));
  g_assert_false (pm_programme_add_district (programme, duplicate, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_DUPLICATE);
}

static void
test_programme_list_kpis (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmDistrict) first = pm_district_new ("Cannock Chase");
  g_autoptr(PmDistrict) second = pm_district_new ("East Staffordshire");
  g_autoptr(PmPilot) a = pm_pilot_new ("A");
  g_autoptr(PmPilot) b = pm_pilot_new ("B");
  g_autoptr(PmKpi) k1 = make_kpi (1);
  g_autoptr(PmKpi) k2 = make_kpi (2);
  g_autoptr(PmKpi) k3 = make_kpi (3);
  g_autoptr(GListModel) kpis = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(PmKpi) item = NULL;

  pm_pilot_add_kpi (a, k1);
  pm_pilot_add_kpi (a, k2);
  pm_pilot_add_kpi (b, k3);
  pm_district_add_pilot (first, a);
  pm_district_add_pilot (second, b);
  g_assert_true (pm_programme_add_district (programme, first, NULL));
  g_assert_true (pm_programme_add_district (programme, second, NULL));

  kpis = pm_programme_list_kpis (programme);
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, 3);
  g_assert_true (g_list_model_get_item_type (kpis) == PM_TYPE_KPI);
  item = g_list_model_get_item (kpis, 2);
  g_assert_true (item == k3);

  /* A new list every time. */
  again = pm_programme_list_kpis (programme);
  g_assert_true (again != kpis);
}

/* Back-pointers */

static void
test_weak_pointers_removed (void)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Programme");
  g_autoptr(PmDistrict) district = pm_district_new ("Tamworth");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  g_autoptr(PmKpi) kpi = make_kpi (1);
  guint notified = 0;

  g_signal_connect (kpi, "notify::pilot", G_CALLBACK (count_notify_cb), &notified);

  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, NULL));

  g_assert_true (pm_kpi_get_pilot (kpi) == pilot);
  g_assert_true (pm_pilot_get_district (pilot) == district);
  g_assert_true (pm_district_get_programme (district) == programme);
  g_assert_cmpuint (notified, ==, 1);

  pm_pilot_remove_kpi (pilot, kpi);
  pm_district_remove_pilot (district, pilot);
  pm_programme_remove_district (programme, district);

  g_assert_null (pm_kpi_get_pilot (kpi));
  g_assert_null (pm_pilot_get_district (pilot));
  g_assert_null (pm_district_get_programme (district));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_kpis (pilot)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_district_get_pilots (district)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pm_programme_get_districts (programme)), ==, 0);

  /* Removed objects can join another container. */
  pm_pilot_add_kpi (pilot, kpi);
  g_assert_true (pm_kpi_get_pilot (kpi) == pilot);
}

static void
test_weak_pointers_finalized (void)
{
  PmProgramme *programme = pm_programme_new ("Programme");
  PmDistrict *district = pm_district_new ("Lichfield");
  PmPilot *pilot = pm_pilot_new ("Pilot");
  g_autoptr(PmKpi) kpi = make_kpi (1);

  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, NULL));

  /* Each container owns what it holds; its contents only point back. */
  g_object_unref (pilot);
  g_object_unref (district);
  g_assert_true (pm_kpi_get_pilot (kpi) != NULL);

  g_object_add_weak_pointer (G_OBJECT (programme), (gpointer *) &programme);
  g_object_unref (programme);
  g_assert_null (programme);

  /* The whole tree went with the programme, but the KPI we still hold
   * no longer points at a dead pilot. */
  g_assert_null (pm_kpi_get_pilot (kpi));
}

/* Entries and narratives */

static void
set_entry (PmKpi  *kpi,
           int     year,
           int     quarter,
           double  value)
{
  g_autoptr(PmPeriod) p = period (year, quarter);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (p);

  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi, entry, NULL));
}

static int
entry_quarter (PmKpi *kpi,
               guint  position)
{
  g_autoptr(PmProgressEntry) entry = g_list_model_get_item (pm_kpi_get_entries (kpi), position);

  return pm_period_get_quarter (pm_progress_entry_get_period (entry));
}

static void
test_kpi_entries_sorted_replaced (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmProgressEntry) over = pm_progress_entry_new (q3);
  g_autoptr(PmProgressEntry) middle = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (pm_kpi_get_entries (kpi), "items-changed", G_CALLBACK (items_changed_cb), log);

  set_entry (kpi, 2016, 4, 90);
  set_entry (kpi, 2016, 2, 80);
  set_entry (kpi, 2016, 3, 85);

  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (kpi)), ==, 3);
  g_assert_cmpint (entry_quarter (kpi, 0), ==, 2);
  g_assert_cmpint (entry_quarter (kpi, 1), ==, 3);
  g_assert_cmpint (entry_quarter (kpi, 2), ==, 4);
  assert_change (log, 0, 0, 0, 1);
  assert_change (log, 1, 0, 0, 1);
  assert_change (log, 2, 1, 0, 1);

  /* Same period: the entry is replaced in place. */
  set_entry (kpi, 2016, 3, 86);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (kpi)), ==, 3);
  g_assert_cmpuint (log->len, ==, 4);
  assert_change (log, 3, 1, 1, 1);
  middle = g_list_model_get_item (pm_kpi_get_entries (kpi), 1);
  g_assert_cmpfloat (pm_progress_entry_get_value (middle), ==, 86);
  g_assert_true (pm_kpi_get_entry (kpi, q3) == middle);

  /* A value out of the unit's range changes nothing. */
  pm_progress_entry_set_value (over, 140);
  g_assert_false (pm_kpi_set_entry (kpi, over, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_true (pm_kpi_get_entry (kpi, q3) == middle);

  g_assert_true (pm_kpi_remove_entry (kpi, q3));
  assert_change (log, 4, 1, 1, 0);
  g_assert_false (pm_kpi_remove_entry (kpi, q3));
  g_assert_null (pm_kpi_get_entry (kpi, q3));
}

static PmProgressEntry *
entry_of (int     quarter,
          double  value)
{
  g_autoptr(PmPeriod) p = period (2016, quarter);
  g_autoptr(GError) error = NULL;
  PmProgressEntry *entry = pm_progress_entry_new_full (p, TRUE, value, FALSE, 0, 0, NULL, 0, &error);

  g_assert_no_error (error);
  return entry;
}

static double
entry_value (PmKpi *kpi,
             guint  position)
{
  g_autoptr(PmProgressEntry) entry = g_list_model_get_item (pm_kpi_get_entries (kpi), position);

  return pm_progress_entry_get_value (entry);
}

/* Entries added together as a load adds them: in period order after the
 * last, one items-changed; out of order or for a period already there,
 * as pm_kpi_set_entry() one by one; the first refused stops the rest
 * with its own message, and those before it stay. */
static void
test_kpi_add_entries (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Attendance", PM_UNIT_PERCENTAGE, PM_DIRECTION_INCREASE);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (ItemsChanged));
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_signal_connect (pm_kpi_get_entries (kpi), "items-changed", G_CALLBACK (items_changed_cb), log);

  g_ptr_array_add (first, entry_of (1, 70));
  g_ptr_array_add (first, entry_of (2, 75));
  g_assert_true (pm_kpi_add_entries (kpi, (PmProgressEntry **) first->pdata, first->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 1);
  assert_change (log, 0, 0, 0, 2);

  /* Q3 after the last; then Q2 again (replaces 75) and Q4 before Q3's
   * replacement: the whole list still in period order. */
  g_ptr_array_add (second, entry_of (3, 80));
  g_ptr_array_add (second, entry_of (2, 76));
  g_ptr_array_add (second, entry_of (4, 90));
  g_ptr_array_add (second, entry_of (3, 81));
  g_assert_true (pm_kpi_add_entries (kpi, (PmProgressEntry **) second->pdata, second->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (kpi)), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (entry_quarter (kpi, i), ==, i + 1);
  g_assert_cmpfloat (entry_value (kpi, 0), ==, 70);
  g_assert_cmpfloat (entry_value (kpi, 1), ==, 76);
  g_assert_cmpfloat (entry_value (kpi, 2), ==, 81);
  g_assert_cmpfloat (entry_value (kpi, 3), ==, 90);
  assert_change (log, 1, 2, 0, 1);
  assert_change (log, 2, 1, 1, 1);
  assert_change (log, 3, 3, 0, 1);
  assert_change (log, 4, 2, 1, 1);
  g_assert_cmpuint (log->len, ==, 5);

  /* A value the unit refuses: the same message as pm_kpi_set_entry(),
   * the one before it added, none after it. */
  g_ptr_array_add (refused, entry_of (1, 71));
  g_ptr_array_add (refused, entry_of (2, 140));
  g_ptr_array_add (refused, entry_of (3, 150));
  g_assert_false (pm_kpi_add_entries (kpi, (PmProgressEntry **) refused->pdata, refused->len, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "140"));
  g_assert_cmpfloat (entry_value (kpi, 0), ==, 71);
  g_assert_cmpfloat (entry_value (kpi, 1), ==, 76);
  g_assert_cmpfloat (entry_value (kpi, 2), ==, 81);

  /* None at all: nothing changes. */
  g_assert_true (pm_kpi_add_entries (kpi, NULL, 0, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pm_kpi_get_entries (kpi)), ==, 4);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* The constructor a load uses gives what the setters give, refuses the
 * fractions pm_progress_entry_set_fraction() refuses, and has no sites
 * until some are added. */
static void
test_progress_entry_new_full (void)
{
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmProgressEntry) fraction = NULL;
  g_autoptr(PmProgressEntry) value = NULL;
  g_autoptr(PmProgressEntry) words = NULL;
  g_autoptr(PmProgressEntry) bad = NULL;
  g_autoptr(PmProgressEntry) expected = pm_progress_entry_new (q3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) setter_error = NULL;
  guint n_notified = 0;

  /* With both, the fraction gives the value, as the loader always did. */
  fraction = pm_progress_entry_new_full (q3, TRUE, 12, TRUE, 6, 7, "six of seven", 4, &error);
  g_assert_no_error (error);
  g_assert_true (pm_progress_entry_get_period (fraction) == q3);
  g_assert_true (pm_progress_entry_has_fraction (fraction));
  g_assert_cmpfloat_with_epsilon (pm_progress_entry_get_value (fraction), 600.0 / 7, 1e-9);
  g_assert_cmpfloat (pm_progress_entry_get_numerator (fraction), ==, 6);
  g_assert_cmpfloat (pm_progress_entry_get_denominator (fraction), ==, 7);
  g_assert_cmpstr (pm_progress_entry_get_note (fraction), ==, "six of seven");
  g_assert_cmpint (pm_progress_entry_get_revision (fraction), ==, 4);
  g_assert_true (pm_progress_entry_set_fraction (expected, 6, 7, NULL));
  pm_progress_entry_set_note (expected, "six of seven");
  g_assert_true (pm_progress_entry_equal (fraction, expected));

  /* A value typed over it drops the fraction, and says so. */
  g_signal_connect_swapped (fraction, "notify::has-fraction", G_CALLBACK (count_notify), &n_notified);
  g_signal_connect_swapped (fraction, "notify::numerator", G_CALLBACK (count_notify), &n_notified);
  pm_progress_entry_set_value (fraction, 90);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_false (pm_progress_entry_has_fraction (fraction));
  g_assert_cmpfloat (pm_progress_entry_get_numerator (fraction), ==, 0);
  g_assert_cmpfloat (pm_progress_entry_get_denominator (fraction), ==, 0);

  value = pm_progress_entry_new_full (q3, TRUE, 12.5, FALSE, 0, 0, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (pm_progress_entry_has_value (value));
  g_assert_false (pm_progress_entry_has_fraction (value));
  g_assert_cmpfloat (pm_progress_entry_get_value (value), ==, 12.5);
  g_assert_null (pm_progress_entry_get_note (value));

  words = pm_progress_entry_new_full (q3, FALSE, 0, FALSE, 0, 0, "Awaiting data", 0, &error);
  g_assert_no_error (error);
  g_assert_false (pm_progress_entry_has_value (words));
  g_assert_false (pm_progress_entry_get_site_sum (words, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (words)), ==, 0);
  pm_progress_entry_add_site (words, "Rawlett", 4);
  g_assert_cmpuint (g_list_model_get_n_items (pm_progress_entry_get_sites (words)), ==, 1);

  bad = pm_progress_entry_new_full (q3, TRUE, 0, TRUE, 8, 7, NULL, 0, &error);
  g_assert_null (bad);
  g_assert_false (pm_progress_entry_set_fraction (expected, 8, 7, &setter_error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==, setter_error->message);
}

static void
test_kpi_previous_latest (void)
{
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_REDUCE);
  g_autoptr(PmPeriod) q1 = period (2016, 1);
  g_autoptr(PmPeriod) q2 = period (2016, 2);
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmPeriod) q4 = period (2016, 4);
  g_autoptr(PmProgressEntry) words = pm_progress_entry_new (q3);

  set_entry (kpi, 2016, 1, 20);
  set_entry (kpi, 2016, 2, 18);
  pm_progress_entry_set_note (words, "Awaiting police data");
  g_assert_true (pm_kpi_set_entry (kpi, words, NULL));

  g_assert_null (pm_kpi_get_previous_entry (kpi, q1));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_previous_entry (kpi, q2)), ==, 20);
  /* Strictly before, and only entries with a value. */
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_previous_entry (kpi, q4)), ==, 18);

  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, q1)), ==, 20);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, q2)), ==, 18);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, q3)), ==, 18);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, NULL)), ==, 18);

  /* Before every entry, and in the middle of a longer history, a
   * period with an entry and one without. */
  {
    g_autoptr(PmPeriod) before = period (2015, 4);
    g_autoptr(PmPeriod) q3_next = period (2017, 3);
    g_autoptr(PmPeriod) q4_next = period (2017, 4);

    g_assert_null (pm_kpi_get_latest_entry (kpi, before));
    g_assert_null (pm_kpi_get_previous_entry (kpi, before));
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_previous_entry (kpi, q3)), ==, 18);
    set_entry (kpi, 2017, 1, 16);
    set_entry (kpi, 2017, 2, 15);
    set_entry (kpi, 2018, 1, 11);
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_previous_entry (kpi, q3_next)), ==, 15);
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, q4_next)), ==, 15);
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, q4)), ==, 18);
    g_assert_cmpfloat (pm_progress_entry_get_value (pm_kpi_get_latest_entry (kpi, NULL)), ==, 11);
  }
}

static void
test_progress_entry_fraction (void)
{
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (q3);
  g_autoptr(PmProgressEntry) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pm_progress_entry_set_fraction (entry, 1, 0, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_progress_entry_set_fraction (entry, 0, 0, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_progress_entry_set_fraction (entry, 1, -5, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_progress_entry_set_fraction (entry, -1, 7, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_progress_entry_set_fraction (entry, 8, 7, &error));
  g_assert_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (pm_progress_entry_has_value (entry));
  g_assert_false (pm_progress_entry_has_fraction (entry));

  /* "6 out of 7 completed" */
  g_assert_true (pm_progress_entry_set_fraction (entry, 6, 7, &error));
  g_assert_no_error (error);
  g_assert_true (pm_progress_entry_has_value (entry));
  g_assert_cmpfloat_with_epsilon (pm_progress_entry_get_value (entry), 600.0 / 7, 1e-9);
  g_assert_cmpfloat (pm_progress_entry_get_numerator (entry), ==, 6);
  g_assert_cmpfloat (pm_progress_entry_get_denominator (entry), ==, 7);

  copy = pm_progress_entry_copy (entry);
  g_assert_true (pm_progress_entry_has_fraction (copy));
  g_assert_cmpfloat (pm_progress_entry_get_value (copy), ==, pm_progress_entry_get_value (entry));

  pm_progress_entry_clear_value (entry);
  g_assert_false (pm_progress_entry_has_value (entry));
  g_assert_false (pm_progress_entry_has_fraction (entry));
}

static void
set_narrative (PmPilot    *pilot,
               int         quarter,
               const char *progress)
{
  g_autoptr(PmPeriod) p = period (2016, quarter);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (p);

  pm_narrative_set_progress (narrative, progress);
  pm_pilot_set_narrative (pilot, narrative);
}

static void
test_pilot_narratives (void)
{
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  g_autoptr(PmPeriod) q3 = period (2016, 3);
  g_autoptr(PmPeriod) q2 = period (2016, 2);
  g_autoptr(PmNarrative) first = NULL;
  g_autoptr(PmNarrative) empty = pm_narrative_new (q2);

  set_narrative (pilot, 4, "Key workers in post");
  set_narrative (pilot, 3, "Three successful engagement events held");
  set_narrative (pilot, 3, "Four engagement events held");

  g_assert_cmpuint (g_list_model_get_n_items (pm_pilot_get_narratives (pilot)), ==, 2);
  first = g_list_model_get_item (pm_pilot_get_narratives (pilot), 0);
  g_assert_true (pm_period_equal (pm_narrative_get_period (first), q3));
  g_assert_cmpstr (pm_narrative_get_progress (pm_pilot_get_narrative (pilot, q3)), ==,
                   "Four engagement events held");
  g_assert_null (pm_pilot_get_narrative (pilot, q2));

  g_assert_true (pm_narrative_is_empty (empty));
  pm_narrative_set_case_study (empty, "  ");
  g_assert_true (pm_narrative_is_empty (empty));
  pm_narrative_set_learning (empty, "Schools need more notice");
  g_assert_false (pm_narrative_is_empty (empty));
}

static void
test_pilot_properties (void)
{
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Pilot");
  const char * const outcomes[] = { "Children are kept safe", "Improved social networks", NULL };
  const char * const same[] = { "Children are kept safe", "Improved social networks", NULL };
  g_auto(GStrv) read_back = NULL;
  guint title = 0, outcomes_count = 0, budget = 0;

  g_assert_cmpint (pm_pilot_get_budget_pence (pilot), ==, -1);
  /* Nobody has said how delivery goes: not stated, never a default. */
  g_assert_cmpint (pm_pilot_get_delivery_status (pilot), ==, PM_DELIVERY_NOT_STATED);
  g_assert_cmpstr (pm_delivery_status_get_label (pm_pilot_get_delivery_status (pilot)), ==, "Not stated");

  g_signal_connect (pilot, "notify::title", G_CALLBACK (count_notify_cb), &title);
  g_signal_connect (pilot, "notify::key-outcomes", G_CALLBACK (count_notify_cb), &outcomes_count);
  g_signal_connect (pilot, "notify::budget-pence", G_CALLBACK (count_notify_cb), &budget);

  pm_pilot_set_title (pilot, "Pilot");
  pm_pilot_set_key_outcomes (pilot, outcomes);
  pm_pilot_set_key_outcomes (pilot, same);
  pm_pilot_set_budget_pence (pilot, 5000000);
  pm_pilot_set_budget_pence (pilot, 5000000);

  g_assert_cmpuint (title, ==, 0);
  g_assert_cmpuint (outcomes_count, ==, 1);
  g_assert_cmpuint (budget, ==, 1);

  g_object_get (pilot, "key-outcomes", &read_back, NULL);
  g_assert_cmpstrv (read_back, outcomes);
  g_assert_true (pm_pilot_get_providers (pilot) == pm_pilot_get_providers (pilot));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pilot/reach/target", test_pilot_reach_target);
  g_test_add_func ("/pilot/reach/at", test_pilot_reach_at);
  g_test_add_func ("/pilot/reach/replaces", test_pilot_reach_replaces);
  g_test_add_func ("/pilot/reach/entry", test_pilot_reach_entry);
  g_test_add_func ("/pilot/spend-at", test_pilot_spend_at);
  g_test_add_func ("/pilot/count-rag", test_pilot_count_rag);
  g_test_add_func ("/pilot/narratives", test_pilot_narratives);
  g_test_add_func ("/pilot/properties", test_pilot_properties);
  g_test_add_func ("/kpi/entries/sorted-replaced", test_kpi_entries_sorted_replaced);
  g_test_add_func ("/kpi/entries/previous-latest", test_kpi_previous_latest);
  g_test_add_func ("/kpi/entries/add", test_kpi_add_entries);
  g_test_add_func ("/progress-entry/new-full", test_progress_entry_new_full);
  g_test_add_func ("/progress-entry/fraction", test_progress_entry_fraction);
  g_test_add_func ("/programme/count-rag", test_programme_count_rag);
  g_test_add_func ("/programme/duplicate-district", test_programme_duplicate_district);
  g_test_add_func ("/programme/find-after-changes", test_programme_find_after_changes);
  g_test_add_func ("/programme/list-kpis", test_programme_list_kpis);
  g_test_add_func ("/programme/weak-pointers/removed", test_weak_pointers_removed);
  g_test_add_func ("/programme/weak-pointers/finalized", test_weak_pointers_finalized);

  return g_test_run ();
}
