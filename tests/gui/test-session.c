/* test-session.c: what the window's pages and dialogs report through (no
 * display)
 *
 * A PmSession on a fresh copy of the sample programme: a saved change is
 * announced with its undo, and the undo puts the file back; a failure is
 * announced with its heading; a sign-off or a committee round that moved
 * says so, and one refused does not. What is asserted about the data is
 * read back from the file by a fresh PmStore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "gui-test-util.h"
#include "pm-session.h"

#define CANNOCK "Cannock Chase"
#define WCFC "WCFC to work with 75"

typedef struct
{
  char      *dir;
  char      *path;
  PmSession *session;

  /* What the session said */
  guint      n_saved;
  char      *saved_message;
  gpointer   saved_undo;
  guint      n_failed;
  char      *failed_heading;
  GError    *failed_error;
  guint      n_signoff_changed;
  guint      n_read_failed;
  char      *read_failed_heading;
  GError    *read_failed_error;
  GString   *notified;
} Fixture;

static void
saved_cb (PmSession  *session,
          const char *message,
          PmUndo     *undo,
          Fixture    *fixture)
{
  fixture->n_saved++;
  g_free (fixture->saved_message);
  fixture->saved_message = g_strdup (message);
  fixture->saved_undo = undo;
}

static void
failed_cb (PmSession    *session,
           const char   *heading,
           const GError *error,
           Fixture      *fixture)
{
  fixture->n_failed++;
  g_free (fixture->failed_heading);
  fixture->failed_heading = g_strdup (heading);
  g_clear_error (&fixture->failed_error);
  fixture->failed_error = g_error_copy (error);
}

static void
read_failed_cb (PmSession    *session,
                const char   *heading,
                const GError *error,
                Fixture      *fixture)
{
  fixture->n_read_failed++;
  g_free (fixture->read_failed_heading);
  fixture->read_failed_heading = g_strdup (heading);
  g_clear_error (&fixture->read_failed_error);
  fixture->read_failed_error = g_error_copy (error);
}

static void
signoff_changed_cb (PmSession *session,
                    Fixture   *fixture)
{
  fixture->n_signoff_changed++;
}

static void
notify_cb (PmSession  *session,
           GParamSpec *pspec,
           Fixture    *fixture)
{
  g_string_append_printf (fixture->notified, "%s;", pspec->name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = gui_test_make_sample_database ("pm-test-session", &fixture->path);
  fixture->notified = g_string_new (NULL);
  fixture->session = pm_session_new ();
  g_signal_connect (fixture->session, "saved", G_CALLBACK (saved_cb), fixture);
  g_signal_connect (fixture->session, "failed", G_CALLBACK (failed_cb), fixture);
  g_signal_connect (fixture->session, "signoff-changed", G_CALLBACK (signoff_changed_cb), fixture);
  g_signal_connect (fixture->session, "read-failed", G_CALLBACK (read_failed_cb), fixture);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (notify_cb), fixture);

  g_assert_true (pm_session_open (fixture->session, fixture->path, NULL, PM_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = pm_session_get_settings (fixture->session);

  if (settings != NULL)
    {
      g_settings_reset (settings, "author-name");
      g_settings_reset (settings, "recent-databases");
      g_settings_reset (settings, "last-database");
    }
  if (pm_session_get_store (fixture->session) != NULL)
    pm_store_close (pm_session_get_store (fixture->session));
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->saved_message, g_free);
  g_clear_pointer (&fixture->failed_heading, g_free);
  g_clear_error (&fixture->failed_error);
  g_clear_pointer (&fixture->read_failed_heading, g_free);
  g_clear_error (&fixture->read_failed_error);
  g_string_free (fixture->notified, TRUE);

  pm_test_clear_dir (&fixture->dir);
  g_free (fixture->path);
}

static PmKpi *
find_wcfc (PmProgramme *programme)
{
  return pm_test_find_kpi (programme, CANNOCK, WCFC);
}

/* WCFC's value for Q3 2016/17 as the file holds it. */
static double
read_back_wcfc (Fixture *fixture)
{
  g_autoptr(PmProgramme) programme = pm_test_store_read (fixture->path, PM_STORE_OPEN_READ_ONLY);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  PmProgressEntry *entry = pm_kpi_get_entry (find_wcfc (programme), q3);

  g_assert_nonnull (entry);
  return pm_progress_entry_get_value (entry);
}

/* WCFC's Q3 2016/17 value set to 9 through the store, and reported as
 * saved with its undo, as the entry panel does. */
static void
save_nine (Fixture *fixture)
{
  PmKpi *kpi = find_wcfc (pm_session_get_programme (fixture->session));
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmUndo *undo = NULL;

  g_assert_true (pm_edit_set_entry (pm_session_get_store (fixture->session), kpi, q3, "9", "", &undo, &error));
  g_assert_no_error (error);
  pm_session_report_saved (fixture->session, "Saved for Q3 2016/17", undo);
}

/* The document is announced store first, then programme; the lookups by
 * id find the objects the pages show. */
static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  PmProgramme *programme = pm_session_get_programme (fixture->session);
  PmKpi *kpi;
  PmPilot *pilot;
  GSettings *settings = pm_session_get_settings (fixture->session);

  g_assert_nonnull (programme);
  g_assert_cmpstr (pm_store_get_path (pm_session_get_store (fixture->session)), ==, fixture->path);
  g_assert_nonnull (strstr (fixture->notified->str, "store;programme;"));

  kpi = find_wcfc (programme);
  pilot = pm_kpi_get_pilot (kpi);
  g_assert_true (pm_session_find_kpi (fixture->session, pm_kpi_get_id (kpi)) == kpi);
  g_assert_true (pm_session_find_pilot (fixture->session, pm_pilot_get_id (pilot)) == pilot);
  g_assert_true (pm_session_find_district (fixture->session, pm_district_get_id (pm_pilot_get_district (pilot)))
                 == pm_pilot_get_district (pilot));
  /* Ids are the store's: a KPI's is no pilot's. */
  g_assert_null (pm_session_find_pilot (fixture->session, pm_kpi_get_id (kpi) + 100000));
  g_assert_null (pm_session_find_kpi (fixture->session, 0));

  /* Remembered for Open Recent. */
  if (settings != NULL)
    {
      g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-databases");

      g_assert_cmpstr (recent[0], ==, fixture->path);
    }
}

static void
programme_told_cb (PmSession  *session,
                   GParamSpec *pspec,
                   char      **period)
{
  g_free (*period);
  *period = pm_period_to_code (pm_session_get_period (session));
}

/* When a session tells of the programme it opened, its period is already
 * the one it opens on, so that views are built once, at it; the period
 * is told of once, after the programme. */
static void
test_open_period_first (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PmSession) session = pm_session_new ();
  g_autoptr(PmPeriod) current = pm_period_new_current ();
  g_autoptr(GError) error = NULL;
  g_autofree char *at_programme = NULL;
  g_autofree char *opened_on = NULL;
  const char *told;

  g_string_truncate (fixture->notified, 0);
  g_signal_connect (session, "notify", G_CALLBACK (notify_cb), fixture);
  g_signal_connect (session, "notify::programme", G_CALLBACK (programme_told_cb), &at_programme);
  g_assert_true (pm_session_open (session, fixture->path, NULL, PM_STORE_OPEN_DEFAULT, &error));
  g_assert_no_error (error);

  opened_on = pm_period_to_code (pm_session_get_period (session));
  g_assert_false (pm_period_equal (pm_session_get_period (session), current));
  g_assert_cmpstr (at_programme, ==, opened_on);
  told = strstr (fixture->notified->str, "programme;");
  g_assert_nonnull (told);
  g_assert_nonnull (strstr (told, "period;"));
  g_assert_null (strstr (strstr (fixture->notified->str, "period;") + 1, "period;"));
  pm_store_close (pm_session_get_store (session));
}

/* A file that is not a database: refused, and the document stays. */
static void
test_open_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *junk = g_build_filename (fixture->dir, "notes.db", NULL);
  PmProgramme *programme = pm_session_get_programme (fixture->session);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (junk, "Not a database at all.\n", -1, &error));
  g_assert_no_error (error);
  g_string_truncate (fixture->notified, 0);

  g_assert_false (pm_session_open (fixture->session, junk, NULL, PM_STORE_OPEN_DEFAULT, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_NOT_A_DATABASE);
  g_assert_true (pm_session_get_programme (fixture->session) == programme);
  g_assert_cmpstr (fixture->notified->str, ==, "");
}

/* A change saved is announced with its undo; the session runs the undo
 * through the store, and says so. */
static void
test_saved_then_undone (Fixture       *fixture,
                        gconstpointer  data)
{
  PmKpi *kpi = find_wcfc (pm_session_get_programme (fixture->session));
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmUndo *undo = NULL;

  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
  g_assert_true (pm_edit_set_entry (pm_session_get_store (fixture->session), kpi, q3, "9", "", &undo, &error));
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 9);

  pm_session_report_saved (fixture->session, "Saved for Q3 2016/17", undo);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpstr (fixture->saved_message, ==, "Saved for Q3 2016/17");
  g_assert_true (fixture->saved_undo == undo);

  pm_session_undo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  g_assert_cmpstr (fixture->saved_message, ==, "Change undone");
  g_assert_null (fixture->saved_undo);
  g_assert_cmpuint (fixture->n_failed, ==, 0);

  /* Once only: nothing is left to undo. */
  pm_session_undo (fixture->session);
  g_assert_cmpuint (fixture->n_saved, ==, 2);
}

/* A forgotten undo (its toast went) is not run. */
static void
test_forgotten_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  save_nine (fixture);
  pm_session_forget_undo (fixture->session);
  pm_session_undo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 9);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
}

/* An undo the store cannot write is a failure, with its heading. */
static void
test_undo_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  save_nine (fixture);
  pm_store_close (pm_session_get_store (fixture->session));

  pm_session_undo (fixture->session);
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_cmpstr (fixture->failed_heading, ==, "Could Not Undo");
  g_assert_error (fixture->failed_error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 9);
}

/* After an undo the session keeps the redo: Redo writes the value again
 * and is announced with the undo that takes it back; a new save drops
 * the redo. */
static void
test_undone_then_redone (Fixture       *fixture,
                         gconstpointer  data)
{
  PmKpi *kpi = find_wcfc (pm_session_get_programme (fixture->session));
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;
  PmUndo *undo = NULL;

  g_assert_false (pm_session_can_redo (fixture->session));
  save_nine (fixture);
  g_assert_false (pm_session_can_redo (fixture->session));

  /* Nothing undone yet: nothing to redo. */
  pm_session_redo (fixture->session);
  g_assert_cmpuint (fixture->n_saved, ==, 1);

  pm_session_undo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  g_assert_null (fixture->saved_undo);
  g_assert_true (pm_session_can_redo (fixture->session));

  pm_session_redo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 9);
  g_assert_cmpuint (fixture->n_saved, ==, 3);
  g_assert_cmpstr (fixture->saved_message, ==, "Change redone");
  g_assert_nonnull (fixture->saved_undo);
  g_assert_false (pm_session_can_redo (fixture->session));
  g_assert_cmpuint (fixture->n_failed, ==, 0);

  /* Undo and redo again, as often as wanted. */
  pm_session_undo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
  g_assert_true (pm_session_can_redo (fixture->session));

  /* A new change saved: the redo is gone. */
  undo = NULL;
  g_assert_true (pm_edit_set_entry (pm_session_get_store (fixture->session), kpi, q3, "7", "", &undo, &error));
  pm_session_report_saved (fixture->session, "Saved for Q3 2016/17", undo);
  g_assert_false (pm_session_can_redo (fixture->session));
  pm_session_redo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 7);
  g_assert_cmpuint (fixture->n_saved, ==, 5);
}

/* The redo goes with its toast, and with the document. */
static void
test_redo_forgotten (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  save_nine (fixture);
  pm_session_undo (fixture->session);
  g_assert_true (pm_session_can_redo (fixture->session));
  pm_session_forget_undo (fixture->session);
  g_assert_false (pm_session_can_redo (fixture->session));
  pm_session_redo (fixture->session);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
  g_assert_cmpuint (fixture->n_saved, ==, 2);

  /* Redone, undone again, then the programme read again. */
  save_nine (fixture);
  pm_session_undo (fixture->session);
  g_assert_true (pm_session_can_redo (fixture->session));
  g_assert_true (pm_session_reload (fixture->session, &error));
  g_assert_no_error (error);
  g_assert_false (pm_session_can_redo (fixture->session));
}

/* A redo the store cannot write is a failure, with its heading. */
static void
test_redo_failed (Fixture       *fixture,
                  gconstpointer  data)
{

  save_nine (fixture);
  pm_session_undo (fixture->session);
  pm_store_close (pm_session_get_store (fixture->session));

  pm_session_redo (fixture->session);
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_cmpstr (fixture->failed_heading, ==, "Could Not Redo");
  g_assert_error (fixture->failed_error, PM_STORE_ERROR, PM_STORE_ERROR_IO);
  g_assert_cmpuint (fixture->n_saved, ==, 2);
  g_assert_cmpfloat (read_back_wcfc (fixture), ==, 5);
}

/* Moving a quarter on says so; a move the store refuses does not. */
static void
test_signoff_changed (Fixture       *fixture,
                      gconstpointer  data)
{
  PmDistrict *cannock = pm_programme_find_district (pm_session_get_programme (fixture->session), CANNOCK);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(GError) error = NULL;

  pm_session_set_period (fixture->session, q3);
  g_assert_cmpint (pm_session_get_signoff (fixture->session, cannock), ==, PM_SIGNOFF_OPEN);

  /* Accepting what was never submitted is refused. */
  g_assert_false (pm_session_set_signoff (fixture->session, cannock, PM_SIGNOFF_ACCEPTED, NULL, &error));
  g_assert_error (error, PM_STORE_ERROR, PM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_signoff_changed, ==, 0);

  g_assert_true (pm_session_set_signoff (fixture->session, cannock, PM_SIGNOFF_SUBMITTED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_signoff_changed, ==, 1);
  g_assert_cmpint (pm_session_get_signoff (fixture->session, cannock), ==, PM_SIGNOFF_SUBMITTED);

  /* The quarter shown is the session's. */
  {
    g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

    pm_session_set_period (fixture->session, q4);
    g_assert_cmpint (pm_session_get_signoff (fixture->session, cannock), ==, PM_SIGNOFF_OPEN);
  }

  g_assert_true (pm_session_freeze_round (fixture->session, "2017-01-12", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_signoff_changed, ==, 2);
  g_assert_false (pm_session_freeze_round (fixture->session, "2016-12-01", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->n_signoff_changed, ==, 2);
}

/* A sign-off that cannot be read (here its table has gone from under
 * the window) is taken as open and said to the window, which shows it:
 * not a warning on stderr that nobody reads. */
static void
test_signoff_read_failed (Fixture       *fixture,
                          gconstpointer  data)
{
  PmDistrict *cannock = pm_programme_find_district (pm_session_get_programme (fixture->session), CANNOCK);
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  sqlite3 *db = NULL;

  pm_session_set_period (fixture->session, q3);
  g_assert_cmpint (pm_session_get_signoff (fixture->session, cannock), ==, PM_SIGNOFF_OPEN);
  g_assert_cmpuint (fixture->n_read_failed, ==, 0);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE signoff RENAME TO signoff_moved", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (pm_session_get_signoff (fixture->session, cannock), ==, PM_SIGNOFF_OPEN);
  g_assert_cmpuint (fixture->n_read_failed, ==, 1);
  g_assert_cmpstr (fixture->read_failed_heading, ==, "Could not read the quarter’s sign-off");
  g_assert_nonnull (fixture->read_failed_error);
  g_assert_nonnull (strstr (fixture->read_failed_error->message, "signoff"));
  /* Nothing was being changed: no failure dialog. */
  g_assert_cmpuint (fixture->n_failed, ==, 0);
}

/* The name typed in preferences goes with every change from then on. */
static void
test_author_follows_settings (Fixture       *fixture,
                              gconstpointer  data)
{
  GSettings *settings = pm_session_get_settings (fixture->session);

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      return;
    }

  g_settings_set_string (settings, "author-name", "  Alex Lead ");
  g_assert_cmpstr (pm_session_get_author (fixture->session), ==, "Alex Lead");
  g_assert_cmpstr (pm_store_get_author (pm_session_get_store (fixture->session)), ==, "Alex Lead");
  g_assert_nonnull (strstr (fixture->notified->str, "author;"));
}

/* Who the changes are recorded under: the name typed in Preferences,
 * else the account's real name (g_get_real_name()), else its login, which
 * is then not taken for a person's name. */
static void
test_author_default (void)
{
  static const struct {
    const char *typed;
    const char *real_name;
    const char *login;
    const char *author;
    gboolean    known;
  } cases[] = {
    { NULL, "Jo Lead", "jlead", "Jo Lead", TRUE },
    { "", "Jo Lead", "jlead", "Jo Lead", TRUE },
    { "  Sam Office ", "Jo Lead", "jlead", "Sam Office", TRUE },
    { "   ", "Jo Lead", "jlead", "Jo Lead", TRUE },
    { NULL, "Unknown", "jlead", "jlead", FALSE },
    { NULL, "", "jlead", "jlead", FALSE },
    { NULL, NULL, "jlead", "jlead", FALSE },
    { NULL, "root", "root", "root", FALSE },
    { "Alex", "root", "root", "Alex", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean known = !cases[i].known;
      g_autofree char *author = pm_session_choose_author (cases[i].typed, cases[i].real_name, cases[i].login,
                                                          &known);

      g_test_message ("case %u", i);
      g_assert_cmpstr (author, ==, cases[i].author);
      g_assert_cmpint (known, ==, cases[i].known);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/session/open", test_open);
  ADD ("/gui/session/open-period-first", test_open_period_first);
  ADD ("/gui/session/open-refused", test_open_refused);
  ADD ("/gui/session/saved-then-undone", test_saved_then_undone);
  ADD ("/gui/session/forgotten-undo", test_forgotten_undo);
  ADD ("/gui/session/undo-failed", test_undo_failed);
  ADD ("/gui/session/undone-then-redone", test_undone_then_redone);
  ADD ("/gui/session/redo-forgotten", test_redo_forgotten);
  ADD ("/gui/session/redo-failed", test_redo_failed);
  ADD ("/gui/session/signoff-changed", test_signoff_changed);
  ADD ("/gui/session/signoff-read-failed", test_signoff_read_failed);
  ADD ("/gui/session/author-follows-settings", test_author_follows_settings);
  g_test_add_func ("/gui/session/author-default", test_author_default);

#undef ADD

  return g_test_run ();
}
