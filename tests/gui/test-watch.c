/* test-watch.c: watches on one model object, sharing what they listen to
 * (no display)
 *
 * Every watch on a root is told of every change under it, once per
 * change, in the order the watches were made, and a watch freed by
 * another's callback is told of nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "model/pm-programme.h"
#include "pm-watch.h"

typedef struct
{
  GString  *log;      /* shared: who was called, in order */
  char     *name;
  PmWatch **to_free;  /* freed when this one is called */
} Watcher;

static void
called_cb (gpointer user_data)
{
  Watcher *watcher = user_data;

  g_string_append_printf (watcher->log, "%s;", watcher->name);
  if (watcher->to_free != NULL)
    g_clear_pointer (watcher->to_free, pm_watch_free);
}

/* A programme of one district, one pilot and one KPI. */
static PmProgramme *
make_programme (PmKpi **kpi_out,
                PmPilot **pilot_out)
{
  g_autoptr(PmProgramme) programme = pm_programme_new ("Watched");
  g_autoptr(PmDistrict) district = pm_district_new ("North");
  g_autoptr(PmPilot) pilot = pm_pilot_new ("Visits");
  g_autoptr(PmKpi) kpi = pm_kpi_new ("Families", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  g_autoptr(GError) error = NULL;

  pm_pilot_add_kpi (pilot, kpi);
  pm_district_add_pilot (district, pilot);
  g_assert_true (pm_programme_add_district (programme, district, &error));
  g_assert_no_error (error);
  *kpi_out = kpi;
  *pilot_out = pilot;
  return g_steal_pointer (&programme);
}

static void
set_value (PmKpi      *kpi,
           const char *code,
           double      value)
{
  g_autoptr(PmPeriod) period = pm_period_parse (code, NULL);
  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (period);
  g_autoptr(GError) error = NULL;

  pm_progress_entry_set_value (entry, value);
  g_assert_true (pm_kpi_set_entry (kpi, entry, &error));
  g_assert_no_error (error);
}

/* Two watches on the programme and one on its pilot: each told once of a
 * value saved, in the order made; a KPI added later is listened to by
 * both programme watches. */
static void
test_shared (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  PmKpi *kpi, *added;
  PmPilot *pilot;
  g_autoptr(PmProgramme) programme = make_programme (&kpi, &pilot);
  Watcher first = { log, "first", NULL }, second = { log, "second", NULL }, third = { log, "pilot", NULL };
  g_autoptr(PmWatch) a = pm_watch_new (G_OBJECT (programme), called_cb, &first);
  g_autoptr(PmWatch) b = pm_watch_new (G_OBJECT (programme), called_cb, &second);
  g_autoptr(PmWatch) c = pm_watch_new (G_OBJECT (pilot), called_cb, &third);

  set_value (kpi, "FY2016-Q1", 3);
  g_assert_cmpstr (log->str, ==, "first;second;pilot;");

  g_string_truncate (log, 0);
  added = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  pm_pilot_add_kpi (pilot, added);
  g_object_unref (added);
  /* (Told as the list grows and as the KPI learns its pilot.) */
  g_assert_true (g_str_has_prefix (log->str, "first;second;pilot;"));

  g_string_truncate (log, 0);
  set_value (added, "FY2016-Q1", 4);
  g_assert_cmpstr (log->str, ==, "first;second;pilot;");

  /* Once one is freed the other still listens. */
  g_clear_pointer (&a, pm_watch_free);
  g_string_truncate (log, 0);
  set_value (kpi, "FY2016-Q2", 5);
  g_assert_cmpstr (log->str, ==, "second;pilot;");

  /* And once all are, a new one listens afresh. */
  g_clear_pointer (&b, pm_watch_free);
  a = pm_watch_new (G_OBJECT (programme), called_cb, &first);
  g_string_truncate (log, 0);
  set_value (added, "FY2016-Q2", 6);
  g_assert_cmpstr (log->str, ==, "pilot;first;");
}

/* A watch freed by the callback of one made before it on the same root
 * is not called for that change, nor later. */
static void
test_freed_by_another (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  PmKpi *kpi;
  PmPilot *pilot;
  g_autoptr(PmProgramme) programme = make_programme (&kpi, &pilot);
  PmWatch *b = NULL;
  Watcher first = { log, "first", &b }, second = { log, "second", NULL };
  g_autoptr(PmWatch) a = pm_watch_new (G_OBJECT (programme), called_cb, &first);

  b = pm_watch_new (G_OBJECT (programme), called_cb, &second);
  set_value (kpi, "FY2016-Q1", 3);
  g_assert_cmpstr (log->str, ==, "first;");
  g_assert_null (b);

  g_string_truncate (log, 0);
  set_value (kpi, "FY2016-Q2", 4);
  g_assert_cmpstr (log->str, ==, "first;");
}

/* While frozen nothing is told; at the thaw each watch that saw a change
 * is told once, and a KPI added meanwhile is listened to afterwards, by
 * a watch made during the freeze too. */
static void
test_frozen (void)
{
  g_autoptr(GString) log = g_string_new (NULL);
  PmKpi *kpi, *added;
  PmPilot *pilot;
  g_autoptr(PmProgramme) programme = make_programme (&kpi, &pilot);
  Watcher first = { log, "first", NULL }, second = { log, "second", NULL };
  g_autoptr(PmWatch) a = pm_watch_new (G_OBJECT (programme), called_cb, &first);
  g_autoptr(PmWatch) b = NULL;

  pm_watch_freeze_all ();
  set_value (kpi, "FY2016-Q1", 3);
  set_value (kpi, "FY2016-Q2", 4);
  added = pm_kpi_new ("Referrals", PM_UNIT_COUNT, PM_DIRECTION_INCREASE);
  pm_pilot_add_kpi (pilot, added);
  g_object_unref (added);
  b = pm_watch_new (G_OBJECT (programme), called_cb, &second);
  g_assert_cmpstr (log->str, ==, "");
  pm_watch_thaw_all ();
  g_assert_cmpstr (log->str, ==, "first;");

  g_string_truncate (log, 0);
  set_value (added, "FY2016-Q1", 5);
  g_assert_cmpstr (log->str, ==, "first;second;");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/watch/shared", test_shared);
  g_test_add_func ("/gui/watch/freed-by-another", test_freed_by_another);
  g_test_add_func ("/gui/watch/frozen", test_frozen);

  return g_test_run ();
}
