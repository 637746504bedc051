/* test-return-signing.c: returns are signed, keys are trusted, old
 * returns do not undo new ones
 *
 * A lead's copy (the sample programme, in memory) signs its returns with
 * a key made in a folder of the test's own; the office's database is a
 * file, or with PM_TEST_ENGINE=postgresql a database on the test server.
 * Each case is what a careless or hostile sender could try: a value
 * edited on the way, a return re-signed by someone else, an old unsigned
 * return with its checksum recomputed, a return written before one
 * already merged, a time that is not one, a value for another quarter,
 * several returns of which one is refused. Each checks on disk that
 * nothing was written that should not be. The last cases run the real
 * command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pg-test-util.h"
#include "pm-programme-file.h"
#include "pm-return-merge.h"
#include "pm-sample.h"
#include "store-test-util.h"

#define CANNOCK "Cannock Chase"
#define TAMWORTH "Tamworth"
#define WCFC "WCFC"
#define CESS "CESS"
#define REFERRALS "Referrals per family"

typedef struct
{
  char         *dir;
  char         *office_path;
  PmStore      *office;
  PmProgramme  *office_programme;
  PmProgramme  *lead;          /* the leads' copy, in memory */
  char         *lead_key_dir;
  PmSigningKey *lead_key;      /* the Cannock Chase lead's */
  char         *other_key_dir;
  PmSigningKey *other_key;     /* someone else's */
} Fixture;

static PmSigningKey *
make_key (const char *dir)
{
  g_autoptr(GError) error = NULL;
  PmSigningKey *key = pm_signing_key_load_or_create (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (key);
  return key;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = pm_test_dir_new ("pm-signing");
  fixture->office_path = store_test_location (fixture->dir, "office.db");
  fixture->office = pm_test_sample_store_new (fixture->office_path, &fixture->office_programme);
  pm_store_set_author (fixture->office, "Programme Office");

  fixture->lead = pm_test_sample_load ();
  fixture->lead_key_dir = g_build_filename (fixture->dir, "lead-keys", NULL);
  fixture->lead_key = make_key (fixture->lead_key_dir);
  fixture->other_key_dir = g_build_filename (fixture->dir, "other-keys", NULL);
  fixture->other_key = make_key (fixture->other_key_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->office_programme);
  pm_test_store_clear (&fixture->office);
  g_clear_object (&fixture->lead);
  g_clear_object (&fixture->lead_key);
  g_clear_object (&fixture->other_key);

  store_test_clear_dir (&fixture->dir);
  g_free (fixture->office_path);
  g_free (fixture->lead_key_dir);
  g_free (fixture->other_key_dir);
}

/* The lead enters @value for @quarter of FY2016 in their own copy. */
static void
lead_enters (Fixture    *fixture,
             const char *district,
             const char *kpi_title,
             int         quarter,
             double      value)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, quarter);

  pm_test_set_value (NULL, pm_test_find_kpi (fixture->lead, district, kpi_title), period, value, NULL);
}

/* Now, less @seconds. */
static GDateTime *
ago (int seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_seconds (now, -seconds);
}

static PmReturn *
make_return (Fixture      *fixture,
             PmSigningKey *key,
             const char   *district,
             int           quarter,
             GDateTime    *created)
{
  g_autoptr(PmPeriod) period = pm_period_new (2016, quarter);

  return pm_return_new (fixture->lead, pm_programme_find_district (fixture->lead, district), NULL,
                        period, "Alex Lead", created, key);
}

static char *
save_return (Fixture    *fixture,
             PmReturn   *ret,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (pm_return_save (ret, path, &error));
  g_assert_no_error (error);
  return path;
}

/* A Q4 return of @district signed with @key, written @seconds_ago. */
static char *
send (Fixture      *fixture,
      PmSigningKey *key,
      const char   *district,
      int           seconds_ago,
      const char   *name)
{
  g_autoptr(GDateTime) created = ago (seconds_ago);
  g_autoptr(PmReturn) ret = make_return (fixture, key, district, 4, created);

  return save_return (fixture, ret, name);
}

/* What the office sees of a return, or NULL with @error. */
static PmReturnMerge *
review (Fixture     *fixture,
        const char  *path,
        GError     **error)
{
  g_autoptr(PmReturn) ret = pm_return_load (path, error);

  if (ret == NULL)
    return NULL;
  return pm_return_merge_new (fixture->office, fixture->office_programme, ret, error);
}

static PmReturnMerge *
review_ok (Fixture    *fixture,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  PmReturnMerge *merge = review (fixture, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merge);
  return merge;
}

/* Merges @path trusting its key: the office has checked it. */
static void
merge_trusting (Fixture    *fixture,
                const char *path)
{
  g_autoptr(PmReturnMerge) merge = review_ok (fixture, path);
  g_autoptr(GError) error = NULL;

  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
}

/* The office's value in FY2016 Q@quarter, as the engine holds it; NAN
 * when there is none. */
static double
office_value (Fixture    *fixture,
              const char *district,
              const char *kpi_start,
              int         quarter)
{
  /* Constants of the tests only. */
  g_autofree char *sql = g_strdup_printf ("SELECT p.value FROM progress p "
                                          "JOIN kpi k ON k.id = p.kpi_id "
                                          "JOIN pilot i ON i.id = k.pilot_id "
                                          "JOIN district d ON d.id = i.district_id "
                                          "WHERE d.name = '%s' AND k.title LIKE '%s%%' "
                                          "AND p.period = 'FY2016-Q%d'",
                                          district, kpi_start, quarter);
  g_autofree char *text = store_test_query_text (fixture->office_path, sql);

  return text != NULL ? g_ascii_strtod (text, NULL) : NAN;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return store_test_query_int (fixture->office_path, sql);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* @text with its first @from replaced by @to. */
static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
assert_message_has (const GError *error,
                    const char   *words)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” is not in: %s", words, error->message);
}

/* ---- the key file ------------------------------------------------------- */

static void
test_key_file_private (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "lead-home", "pilot-monitor", NULL);
  g_autofree char *path = g_build_filename (dir, PM_SIGNING_KEY_FILE, NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "lead-home", "moved.key", NULL);
  g_autoptr(PmSigningKey) key = NULL;
  g_autoptr(PmSigningKey) again = NULL;
  g_autoptr(PmSigningKey) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) form = g_regex_new ("^[0-9A-F]{4}(-[0-9A-F]{4}){3}$", 0, 0, NULL);
  GStatBuf st;

  if (store_test_skip_unless_file ())
    return;

  /* Made on first use, readable by the user alone, in a folder of theirs. */
  key = make_key (dir);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_regex_match (form, pm_signing_key_get_fingerprint (key), 0, NULL));
  g_assert_cmpstr (pm_signing_key_get_fingerprint (key), !=,
                   pm_signing_key_get_fingerprint (fixture->lead_key));

  /* The same key the next time, not a new one. */
  again = make_key (dir);
  g_assert_cmpstr (pm_signing_key_get_fingerprint (again), ==, pm_signing_key_get_fingerprint (key));
  g_assert_cmpmem (pm_signing_key_get_public_key (again), PM_SIGNING_PUBLIC_KEY_BYTES,
                   pm_signing_key_get_public_key (key), PM_SIGNING_PUBLIC_KEY_BYTES);

  /* Readable by others: refused, and left as it is. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  refused = pm_signing_key_load_or_create (dir, &error);
  g_assert_null (refused);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  assert_message_has (error, "Other users may read or change");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  /* A link in its place is not followed. */
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  g_assert_cmpint (symlink (moved, path), ==, 0);
  refused = pm_signing_key_load_or_create (dir, &error);
  g_assert_null (refused);
  assert_message_has (error, "is a link");
  g_clear_error (&error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Damaged: refused, never replaced by a new key. */
  pm_test_write_file (path, "ed25519-seed:not base64\n", -1);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  refused = pm_signing_key_load_or_create (dir, &error);
  g_assert_null (refused);
  assert_message_has (error, "damaged");
  g_clear_error (&error);
  g_unlink (path);
  g_unlink (moved);

  /* Fingerprints are compared as people type them. */
  g_assert_true (pm_signing_fingerprint_matches ("3F2A-9C01-77BE-D402", "3f2a 9c01 77be d402"));
  g_assert_true (pm_signing_fingerprint_matches ("3F2A-9C01-77BE-D402", "3F2A9C0177BED402"));
  g_assert_false (pm_signing_fingerprint_matches ("3F2A-9C01-77BE-D402", "3F2A-9C01-77BE-D403"));
  g_assert_false (pm_signing_fingerprint_matches ("3F2A-9C01-77BE-D402", "3F2A-9C01"));
  g_assert_false (pm_signing_fingerprint_matches ("3F2A-9C01-77BE-D402", ""));
}

/* ---- forgeries ---------------------------------------------------------- */

/* The return as the last Pilot Monitor without signatures wrote it, its
 * SHA-256 checksum computed as that version documented: what anyone
 * editing a return could do. */
static char *
unsigned_return (Fixture *fixture,
                 PmReturn *ret)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *content = NULL;
  g_autofree char *period = pm_period_to_code (pm_return_get_period (ret));
  g_autofree char *content_json = NULL;
  gsize length = 0;
  const char *fields[] = {
    "pilot-monitor-return", pm_return_get_programme_name (ret), pm_return_get_district_name (ret),
    "", period, pm_return_get_author (ret), pm_return_get_created (ret),
  };

  content = pm_programme_file_to_data (pm_return_get_content (ret), &length);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_checksum_update (checksum, (const guchar *) fields[i], strlen (fields[i]) + 1);
  g_checksum_update (checksum, (const guchar *) content, length);

  /* The content, indented one level as it sits in the return. */
  content_json = g_strchomp (g_strdup (content));
  {
    g_auto(GStrv) lines = g_strsplit (content_json, "\n", -1);
    g_autofree char *indented = g_strjoinv ("\n  ", lines);

    return g_strdup_printf ("{\n  \"format\": \"pilot-monitor-return\",\n  \"version\": 1,\n"
                            "  \"programme\": \"%s\",\n  \"district\": \"%s\",\n"
                            "  \"period\": \"%s\",\n  \"author\": \"%s\",\n  \"created\": \"%s\",\n"
                            "  \"checksum\": \"sha256:%s\",\n  \"content\": %s\n}\n",
                            pm_return_get_programme_name (ret), pm_return_get_district_name (ret),
                            period, pm_return_get_author (ret), pm_return_get_created (ret),
                            g_checksum_get_string (checksum), indented);
  }
}

static void
test_forged_value_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "edited.json", NULL);
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  good = send (fixture, fixture->lead_key, CANNOCK, 60, "good.json");

  /* 9 changed to 90 on the way, the signature left as it was. */
  text = read_text (good);
  edited = replace_once (text, "\"value\": 9\n", "\"value\": 90\n");
  pm_test_write_file (bad, edited, -1);
  merge = review (fixture, bad, &error);
  g_assert_null (merge);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  assert_message_has (error, "changed since it was signed");
  g_clear_error (&error);

  /* The author's name changed: signed too. */
  g_free (edited);
  edited = replace_once (text, "\"author\": \"Alex Lead\"", "\"author\": \"Sam Lead\"");
  pm_test_write_file (bad, edited, -1);
  merge = review (fixture, bad, &error);
  g_assert_null (merge);
  assert_message_has (error, "changed since it was signed");
  g_clear_error (&error);

  /* Signed by someone else with their own key: a valid signature, but
   * not of a key the office trusts. Nothing is written. */
  merge_trusting (fixture, good);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  lead_enters (fixture, CANNOCK, WCFC, 4, 90);
  g_free (bad);
  bad = send (fixture, fixture->other_key, CANNOCK, 30, "re-signed.json");
  merge = review_ok (fixture, bad);
  g_assert_cmpint (pm_return_merge_get_key_state (merge), ==, PM_RETURN_KEY_OTHER);
  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_REPLACE, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
}

static void
test_unsigned_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) created = ago (60);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturn) loaded = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "old.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  /* Edited to 90 and its checksum computed again: the old format could
   * not tell. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 90);
  ret = make_return (fixture, fixture->lead_key, CANNOCK, 4, created);
  text = unsigned_return (fixture, ret);
  pm_test_write_file (path, text, -1);

  loaded = pm_return_load (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNSIGNED);
  assert_message_has (error, "older Pilot Monitor");
  assert_message_has (error, "did not sign returns");
  assert_message_has (error, "send the return again");
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
}

/* ---- trust -------------------------------------------------------------- */

static void
test_first_return_needs_trust (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(PmReturnMerge) second = NULL;
  g_autoptr(PmProgressEntry) typed = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *trusted = NULL;
  g_autofree char *sql = NULL;
  const char *fingerprint = pm_signing_key_get_fingerprint (fixture->lead_key);

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  path = send (fixture, fixture->lead_key, CANNOCK, 60, "first.json");

  /* The office trusts no key for Cannock Chase: refused by default,
   * saying which key signed it. */
  merge = review_ok (fixture, path);
  g_assert_cmpint (pm_return_merge_get_key_state (merge), ==, PM_RETURN_KEY_NEW);
  g_assert_null (pm_return_merge_get_trusted_fingerprint (merge));
  g_assert_cmpstr (pm_return_get_fingerprint (pm_return_merge_get_return (merge)), ==, fingerprint);
  g_assert_false (pm_return_merge_check (merge, PM_MERGE_CONFLICTS_REPLACE, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  assert_message_has (error, fingerprint);
  assert_message_has (error, CANNOCK);
  g_clear_error (&error);
  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_REPLACE, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  g_clear_error (&error);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM merged_return"), ==, 0);

  /* Trusted, explicitly: merged, and the key kept for the district. */
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  trusted = store_test_query_text (fixture->office_path,
                                   "SELECT r.fingerprint || ' ' || r.trusted_by FROM return_key r "
                                   "JOIN district d ON d.id = r.district_id "
                                   "WHERE d.name = 'Cannock Chase'");
  sql = g_strdup_printf ("%s Programme Office", fingerprint);
  g_assert_cmpstr (trusted, ==, sql);

  /* The audit trail names the key that signed each value merged. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE source = 'return' "
                         "AND key_fingerprint = '%s'", fingerprint);
  g_assert_cmpint (count (fixture, sql), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM audit WHERE source = 'return' "
                                   "AND key_fingerprint IS NULL"), ==, 0);

  /* A value the office types afterwards is not credited to the key. */
  typed = pm_progress_entry_new (q4);
  pm_progress_entry_set_value (typed, 11);
  g_assert_true (pm_store_save_entry (fixture->office, pm_test_find_kpi (fixture->office_programme, CANNOCK, CESS),
                                      typed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM audit WHERE source = 'typed' "
                                   "AND key_fingerprint IS NOT NULL"), ==, 0);

  /* The next return from the same key needs nothing more. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 10);
  g_free (path);
  path = send (fixture, fixture->lead_key, CANNOCK, 30, "second.json");
  second = review_ok (fixture, path);
  g_assert_cmpint (pm_return_merge_get_key_state (second), ==, PM_RETURN_KEY_TRUSTED);
  g_assert_true (pm_return_merge_apply (second, PM_MERGE_CONFLICTS_KEEP, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 10);
}

static void
test_other_key_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *old_key = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(PmReturnMerge) replaced = NULL;
  g_autoptr(PmReturnMerge) stale_key = NULL;
  g_autoptr(GError) error = NULL;
  const char *lead = pm_signing_key_get_fingerprint (fixture->lead_key);
  const char *someone = pm_signing_key_get_fingerprint (fixture->other_key);

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  first = send (fixture, fixture->lead_key, CANNOCK, 120, "lead.json");
  merge_trusting (fixture, first);

  /* Signed by any other key: refused, naming both. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 50);
  other = send (fixture, fixture->other_key, CANNOCK, 60, "other.json");
  merge = review_ok (fixture, other);
  g_assert_cmpint (pm_return_merge_get_key_state (merge), ==, PM_RETURN_KEY_OTHER);
  g_assert_cmpstr (pm_return_merge_get_trusted_fingerprint (merge), ==, lead);
  g_assert_false (pm_return_merge_check (merge, PM_MERGE_CONFLICTS_REPLACE, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  assert_message_has (error, lead);
  assert_message_has (error, someone);
  assert_message_has (error, "may not come from the lead");
  g_clear_error (&error);
  g_assert_false (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_REPLACE, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  g_clear_error (&error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);

  /* The lead's new computer: the office trusts the new key instead, as
   * a step of its own, and the old one is kept as history. */
  replaced = review_ok (fixture, other);
  pm_return_merge_set_trust_key (replaced, TRUE);
  g_assert_true (pm_return_merge_apply (replaced, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 50);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 2);
  old_key = g_strdup_printf ("SELECT count (*) FROM return_key WHERE fingerprint = '%s'", lead);
  g_assert_cmpint (count (fixture, old_key), ==, 1);

  /* Now the old key is the other one. */
  stale_key = review_ok (fixture, first);
  g_assert_cmpint (pm_return_merge_get_key_state (stale_key), ==, PM_RETURN_KEY_OTHER);
}

/* ---- stale returns ------------------------------------------------------ */

static void
test_stale_refused_unless_replace (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *newer_created = NULL;
  g_autoptr(PmReturnMerge) stale = NULL;
  g_autoptr(PmReturnMerge) replace = NULL;
  g_autoptr(GError) error = NULL;
  guint written = 0;

  /* Return A, written two hours ago, gives 10; return B, an hour ago,
   * gives 20. B arrives first. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 10);
  older = send (fixture, fixture->lead_key, CANNOCK, 7200, "a.json");
  lead_enters (fixture, CANNOCK, WCFC, 4, 20);
  newer = send (fixture, fixture->lead_key, CANNOCK, 3600, "b.json");
  merge_trusting (fixture, newer);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 20);
  newer_created = store_test_query_text (fixture->office_path, "SELECT created FROM merged_return");

  /* A is stale: refused, by the review and by the merge, and nothing is
   * written. */
  stale = review_ok (fixture, older);
  g_assert_true (pm_return_merge_is_stale (stale));
  g_assert_cmpstr (pm_return_merge_get_newer_created (stale), ==, newer_created);
  g_assert_false (pm_return_merge_check (stale, PM_MERGE_CONFLICTS_KEEP, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE);
  assert_message_has (error, "before the one already merged");
  assert_message_has (error, "Nothing was merged");
  g_clear_error (&error);
  g_assert_false (pm_return_merge_apply (stale, PM_MERGE_CONFLICTS_KEEP, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE);
  g_clear_error (&error);
  g_assert_false (pm_return_merge_apply (stale, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE);
  g_clear_error (&error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 20);

  /* Told to replace: A's value goes back, and the merge says which. */
  replace = review_ok (fixture, older);
  g_assert_true (pm_return_merge_apply (replace, PM_MERGE_CONFLICTS_REPLACE, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written, ==, 1);
  g_assert_true (pm_return_merge_is_stale (replace));
  g_assert_true (pm_return_merge_get_written (replace, 0));
  g_assert_cmpstr (pm_kpi_get_title (pm_return_merge_get_kpi (replace, 0)), ==,
                   pm_kpi_get_title (pm_test_find_kpi (fixture->office_programme, CANNOCK, WCFC)));
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_return_merge_get_office_entry (replace, 0)), ==, 20);
  g_assert_cmpfloat (pm_progress_entry_get_value (pm_return_merge_get_return_entry (replace, 0)), ==, 10);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 10);

  /* The newest return merged is still B: A stays stale. */
  {
    g_autofree char *still = store_test_query_text (fixture->office_path,
                                                    "SELECT created FROM merged_return");
    g_autoptr(PmReturnMerge) again = review_ok (fixture, older);

    g_assert_cmpstr (still, ==, newer_created);
    g_assert_true (pm_return_merge_is_stale (again));
  }
}

/* Both reviewed before either is merged: the newer one merged first
 * makes the older stale, found inside the older one's transaction. */
static void
test_stale_found_at_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autoptr(PmReturnMerge) old_merge = NULL;
  g_autoptr(PmReturnMerge) new_merge = NULL;
  g_autoptr(GError) error = NULL;

  lead_enters (fixture, CANNOCK, WCFC, 4, 10);
  older = send (fixture, fixture->lead_key, CANNOCK, 7200, "a.json");
  lead_enters (fixture, CANNOCK, WCFC, 4, 20);
  newer = send (fixture, fixture->lead_key, CANNOCK, 3600, "b.json");

  old_merge = review_ok (fixture, older);
  new_merge = review_ok (fixture, newer);
  g_assert_false (pm_return_merge_is_stale (old_merge));
  pm_return_merge_set_trust_key (old_merge, TRUE);
  pm_return_merge_set_trust_key (new_merge, TRUE);

  g_assert_true (pm_return_merge_apply (new_merge, PM_MERGE_CONFLICTS_KEEP, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pm_return_merge_apply (old_merge, PM_MERGE_CONFLICTS_KEEP, NULL, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 20);
}

/* ---- the time a return was written -------------------------------------- */

static void
test_created_must_be_a_time (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const not_times[] = {
    "2016-12-01",                /* a date */
    "2026-11-30T09:15:00",       /* no zone */
    "30/11/2026 09:15",
    "yesterday",
    "2026-13-40T09:15:00Z",      /* no such day */
  };
  g_autofree char *good = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "bad-time.json", NULL);
  g_autofree char *created = NULL;
  g_autoptr(GDateTime) future = NULL;
  g_autoptr(PmReturn) ahead = NULL;
  g_autofree char *ahead_path = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  good = send (fixture, fixture->lead_key, CANNOCK, 60, "good.json");
  text = read_text (good);
  {
    g_autoptr(PmReturn) ret = pm_return_load (good, &error);

    g_assert_no_error (error);
    created = g_strdup_printf ("\"created\": \"%s\"", pm_return_get_created (ret));
  }

  for (guint i = 0; i < G_N_ELEMENTS (not_times); i++)
    {
      g_autofree char *field = g_strdup_printf ("\"created\": \"%s\"", not_times[i]);
      g_autofree char *edited = replace_once (text, created, field);

      pm_test_write_file (bad, edited, -1);
      merge = review (fixture, bad, &error);
      g_assert_null (merge);
      g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
      assert_message_has (error, "not a time with its zone");
      g_clear_error (&error);
    }

  /* Signed, but dated three days ahead: it would make every later return
   * look stale. */
  future = ago (-3 * 24 * 3600);
  ahead = make_return (fixture, fixture->lead_key, CANNOCK, 4, future);
  ahead_path = save_return (fixture, ahead, "ahead.json");
  merge = review (fixture, ahead_path, &error);
  g_assert_null (merge);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  assert_message_has (error, "still to come");
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
}

/* ---- a value for another quarter ---------------------------------------- */

static void
test_other_quarter_refused (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GDateTime) created = ago (60);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturn) narrative_ret = NULL;
  g_autoptr(PmPeriod) q3 = pm_period_new (2016, 3);
  g_autoptr(PmProgressEntry) extra = pm_progress_entry_new (q3);
  g_autoptr(PmNarrative) narrative = pm_narrative_new (q3);
  g_autofree char *path = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  PmProgramme *content;
  PmKpi *kpi;

  /* A Q4 return that also carries a Q3 value, signed as it stands. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  ret = make_return (fixture, fixture->lead_key, CANNOCK, 4, created);
  content = pm_return_get_content (ret);
  kpi = pm_test_find_kpi (content, CANNOCK, CESS);
  pm_progress_entry_set_value (extra, 3);
  g_assert_true (pm_kpi_set_entry (kpi, extra, &error));
  g_assert_no_error (error);
  path = save_return (fixture, ret, "two-quarters.json");

  merge = review (fixture, path, &error);
  g_assert_null (merge);
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_INVALID);
  assert_message_has (error, pm_kpi_get_title (kpi));
  assert_message_has (error, "Q3 2016/17");
  assert_message_has (error, "Q4 2016/17");
  g_clear_error (&error);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));

  /* A narrative of another quarter, likewise. */
  narrative_ret = make_return (fixture, fixture->lead_key, CANNOCK, 4, created);
  pm_narrative_set_progress (narrative, "Last quarter's words");
  pm_pilot_set_narrative (pm_kpi_get_pilot (pm_test_find_kpi (pm_return_get_content (narrative_ret), CANNOCK, WCFC)),
                          narrative);
  g_free (path);
  path = save_return (fixture, narrative_ret, "old-narrative.json");
  merge = review (fixture, path, &error);
  g_assert_null (merge);
  assert_message_has (error, "narrative");
  assert_message_has (error, "Q3 2016/17");
}

/* ---- several returns at once -------------------------------------------- */

static void
test_several_all_or_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *cannock = NULL;
  g_autofree char *tamworth = NULL;
  g_autofree char *cannock_again = NULL;
  PmReturnMerge *merges[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  guint failed = 99;

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  lead_enters (fixture, TAMWORTH, REFERRALS, 4, 12);
  cannock = send (fixture, fixture->lead_key, CANNOCK, 60, "cannock.json");
  tamworth = send (fixture, fixture->other_key, TAMWORTH, 60, "tamworth.json");

  /* Cannock's key is trusted; Tamworth's is not: neither is merged. */
  merges[0] = review_ok (fixture, cannock);
  merges[1] = review_ok (fixture, tamworth);
  pm_return_merge_set_trust_key (merges[0], TRUE);
  g_assert_false (pm_return_merge_apply_all (merges, 2, PM_MERGE_CONFLICTS_FAIL, &failed, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_UNTRUSTED);
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
  g_assert_true (isnan (office_value (fixture, TAMWORTH, REFERRALS, 4)));
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 0);

  /* Refused inside the transaction, after the first was written: the
   * first is rolled back too. Tamworth's quarter has a newer return. */
  store_test_exec (fixture->office_path,
                   "INSERT INTO merged_return (district_id, period, created, created_usec, "
                   "                           fingerprint, author, merged_at) "
                   "SELECT id, 'FY2016-Q4', '2100-01-01T00:00:00Z', 4102444800000000, "
                   "       'XXXX', NULL, '2100-01-01T00:00:00Z' FROM district WHERE name = 'Tamworth'");
  pm_return_merge_set_trust_key (merges[1], TRUE);
  g_assert_false (pm_return_merge_is_stale (merges[1]));   /* not when reviewed */
  failed = 99;
  g_assert_false (pm_return_merge_apply_all (merges, 2, PM_MERGE_CONFLICTS_KEEP, &failed, &error));
  g_assert_error (error, PM_FILE_ERROR, PM_FILE_ERROR_STALE);
  g_assert_cmpuint (failed, ==, 1);
  g_clear_error (&error);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM audit WHERE source = 'return'"), ==, 0);
  store_test_exec (fixture->office_path, "DELETE FROM merged_return");
  g_clear_object (&merges[0]);
  g_clear_object (&merges[1]);

  /* Both good: both merged, in one go. */
  merges[0] = review_ok (fixture, cannock);
  merges[1] = review_ok (fixture, tamworth);
  pm_return_merge_set_trust_key (merges[0], TRUE);
  pm_return_merge_set_trust_key (merges[1], TRUE);
  g_assert_true (pm_return_merge_apply_all (merges, 2, PM_MERGE_CONFLICTS_KEEP, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  g_assert_cmpfloat (office_value (fixture, TAMWORTH, REFERRALS, 4), ==, 12);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 2);
  g_clear_object (&merges[0]);
  g_clear_object (&merges[1]);

  /* Two returns of the same district and quarter: refused together. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 11);
  cannock_again = send (fixture, fixture->lead_key, CANNOCK, 30, "cannock-again.json");
  merges[0] = review_ok (fixture, cannock);
  merges[1] = review_ok (fixture, cannock_again);
  g_assert_false (pm_return_merge_apply_all (merges, 2, PM_MERGE_CONFLICTS_KEEP, &failed, &error));
  g_assert_cmpuint (failed, ==, 1);
  assert_message_has (error, "one at a time");
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  g_clear_object (&merges[0]);
  g_clear_object (&merges[1]);
}

/* ---- a copy keeps what the office trusts -------------------------------- */

static void
test_copy_keeps_trust (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *fingerprint = NULL;
  g_autoptr(GError) error = NULL;

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  path = send (fixture, fixture->lead_key, CANNOCK, 60, "cannock.json");
  merge_trusting (fixture, path);

  g_assert_true (pm_store_copy_to (fixture->office, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (store_test_query_int (copy, "SELECT count (*) FROM return_key"), ==, 1);
  g_assert_cmpint (store_test_query_int (copy, "SELECT count (*) FROM merged_return"), ==, 1);
  fingerprint = store_test_query_text (copy, "SELECT key_fingerprint FROM audit "
                                             "WHERE source = 'return'");
  g_assert_cmpstr (fingerprint, ==, pm_signing_key_get_fingerprint (fixture->lead_key));
}

/* ---- roles on a server ---------------------------------------------------- */

/* The office's role merges a return and trusts its key; a lead's role can
 * neither trust a key nor make a return look older, even by hand. */
static void
test_server_roles (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *office_role = g_strdup_printf ("pm_test_sign_office_%d", getpid ());
  g_autofree char *lead_role = g_strdup_printf ("pm_test_sign_lead_%d", getpid ());
  g_autofree char *office_group = NULL;
  g_autofree char *lead_group = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *office_uri = NULL;
  g_autofree char *lead_uri = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PmStore) office = NULL;
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const by_hand[] = {
    "INSERT INTO return_key (district_id, public_key, fingerprint, trusted_at) "
    "SELECT id, 'ed25519:AAAA', 'AAAA', 'now' FROM district WHERE name = 'Cannock Chase'",
    "UPDATE merged_return SET created_usec = 0",
    "DELETE FROM return_key",
  };

  if (!store_test_engine_is_server ())
    {
      g_test_skip ("roles are the server's");
      return;
    }

  office_group = store_test_group_role (fixture->office_path, "office");
  lead_group = store_test_group_role (fixture->office_path, "lead");

  /* Names made here, of letters, digits and underscores only. */
  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD 'office' IN ROLE %s;"
                         "CREATE ROLE %s LOGIN PASSWORD 'lead' IN ROLE %s;"
                         "INSERT INTO lead_district (role_name, district_id) "
                         "  SELECT '%s', id FROM district WHERE name = 'Cannock Chase';",
                         office_role, office_group, lead_role, lead_group, lead_role);
  store_test_exec (fixture->office_path, sql);
  office_uri = pg_test_uri_for_user (fixture->office_path, office_role, "office");
  lead_uri = pg_test_uri_for_user (fixture->office_path, lead_role, "lead");

  lead_enters (fixture, CANNOCK, WCFC, 4, 9);
  path = send (fixture, fixture->lead_key, CANNOCK, 60, "cannock.json");
  office = pm_store_open (office_uri, PM_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pm_store_set_author (office, "Programme Office");
  programme = pm_store_load (office, &error);
  g_assert_no_error (error);
  ret = pm_return_load (path, &error);
  g_assert_no_error (error);
  merge = pm_return_merge_new (office, programme, ret, &error);
  g_assert_no_error (error);
  pm_return_merge_set_trust_key (merge, TRUE);
  g_assert_true (pm_return_merge_apply (merge, PM_MERGE_CONFLICTS_FAIL, NULL, &error));
  g_assert_no_error (error);
  pm_store_close (office);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM audit WHERE key_fingerprint IS NOT NULL"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (by_hand); i++)
    {
      g_autoptr(PGconn) conn = PQconnectdb (lead_uri);
      g_autoptr(PGresult) result = NULL;

      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      result = PQexec (conn, by_hand[i]);
      g_test_message ("%s: %s", by_hand[i], PQresultErrorMessage (result));
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
    }
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 1);

  g_free (sql);
  sql = g_strdup_printf ("DROP OWNED BY %s, %s; DROP ROLE %s; DROP ROLE %s;",
                         office_role, lead_role, office_role, lead_role);
  store_test_exec (fixture->office_path, sql);
}

/* ---- the command line --------------------------------------------------- */

/* The lead's database: the sample, with @value typed for the KPI of
 * @district starting @kpi_start in Q4. */
static void
lead_database_enters_for (const char *path,
                          const char *district,
                          const char *kpi_start,
                          double      value)
{
  g_autoptr(PmStore) store = pm_test_store_open (path, PM_STORE_OPEN_DEFAULT);
  g_autoptr(PmProgramme) programme = pm_test_store_load (store);
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);

  pm_test_set_value (store, pm_test_find_kpi (programme, district, kpi_start), q4, value, NULL);
  pm_store_close (store);
}

static void
lead_database_enters (const char *path,
                      double      value)
{
  lead_database_enters_for (path, CANNOCK, WCFC, value);
}

/* Exports the lead's return of @district for Q4 to @name, and gives the
 * fingerprint it says it was signed with. */
static char *
cli_send_of (Fixture    *fixture,
             const char *lead_db,
             const char *key_dir,
             const char *district,
             const char *name,
             char      **path)
{
  g_auto(PmTestRun) sent = { 0, };

  *path = g_build_filename (fixture->dir, name, NULL);
  sent = pm_test_cli_run_with_keys (fixture->dir, key_dir, "--database", lead_db, "--export-return", district,
                                    "--period", "FY2016-Q4", "--author", "Alex Lead", "--output", *path, NULL);
  g_assert_cmpint (sent.status, ==, 0);
  return pm_test_run_fingerprint (&sent);
}

static char *
cli_send (Fixture    *fixture,
          const char *lead_db,
          const char *key_dir,
          const char *name,
          char      **path)
{
  return cli_send_of (fixture, lead_db, key_dir, CANNOCK, name, path);
}

static void
assert_has (const char *text,
            const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” is not in:\n%s", words, text);
}

static void
test_cli_sign_trust_and_stale (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *lead_db = g_build_filename (fixture->dir, "lead.db", NULL);
  g_autofree char *key_file = g_build_filename (fixture->dir, "xdg-data", "pilot-monitor",
                                                PM_SIGNING_KEY_FILE, NULL);
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *again = NULL;
  g_autofree char *someone = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *went_back = NULL;
  g_autofree char *wcfc = NULL;
  g_auto(PmTestRun) lead_made = { 0, };
  g_auto(PmTestRun) untrusted = { 0, };
  g_auto(PmTestRun) wrong_key = { 0, };
  g_auto(PmTestRun) trusted = { 0, };
  g_auto(PmTestRun) stale = { 0, };
  g_auto(PmTestRun) replaced = { 0, };
  g_auto(PmTestRun) other = { 0, };
  g_auto(PmTestRun) misuse = { 0, };
  GStatBuf st;

  /* The office's database is made already, on the engine under test. */
  lead_made = pm_test_cli_run (fixture->dir, "--database", lead_db, "--sample", NULL);
  g_assert_cmpint (lead_made.status, ==, 0);

  /* Return A gives 10; a second later return B gives 20. */
  lead_database_enters (lead_db, 10);
  fingerprint = cli_send (fixture, lead_db, NULL, "a.json", &older);
  g_usleep (1100 * 1000);
  lead_database_enters (lead_db, 20);
  again = cli_send (fixture, lead_db, NULL, "b.json", &newer);
  g_assert_cmpstr (again, ==, fingerprint);

  /* The key was made on first use, in the user's data folder, theirs alone. */
  g_assert_cmpint (g_stat (key_file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The first return of the district: refused, showing the fingerprint
   * and how to trust it. */
  untrusted = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", newer, NULL);
  g_assert_cmpint (untrusted.status, ==, 1);
  assert_has (untrusted.err, fingerprint);
  typed = g_strdup_printf ("--trust-key %s", fingerprint);
  assert_has (untrusted.err, typed);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));

  /* A fingerprint that is not the return's: a misuse, nothing merged. */
  wrong_key = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", newer,
                               "--trust-key", "0000-0000-0000-0000", NULL);
  g_assert_cmpint (wrong_key.status, ==, 1);
  assert_has (wrong_key.err, fingerprint);
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));

  /* Trusted as the lead read it out (lower case, spaces): merged, and
   * the output shows the key. */
  {
    g_autofree char *spoken = g_ascii_strdown (fingerprint, -1);

    g_strdelimit (spoken, "-", ' ');
    trusted = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", newer,
                               "--trust-key", spoken, NULL);
  }
  g_assert_cmpint (trusted.status, ==, 0);
  assert_has (trusted.out, fingerprint);
  assert_has (trusted.out, "now trusted for " CANNOCK);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 20);

  /* A, older than B: refused as stale, saying how to merge it anyway. */
  stale = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", older, NULL);
  g_assert_cmpint (stale.status, ==, 1);
  assert_has (stale.err, "before the one already merged");
  assert_has (stale.err, "--on-conflict replace");
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 20);

  /* With --on-conflict replace: merged, listing what went back. */
  replaced = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", older,
                              "--on-conflict", "replace", NULL);
  g_assert_cmpint (replaced.status, ==, 0);
  assert_has (replaced.out, "went back");
  wcfc = g_strdup (pm_kpi_get_title (pm_test_find_kpi (fixture->lead, CANNOCK, WCFC)));
  went_back = g_strdup_printf ("“%s”: 20 → 10", wcfc);
  assert_has (replaced.out, went_back);
  assert_has (replaced.out, "which the office trusts for " CANNOCK);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 10);

  /* Someone else's key, for the same district: refused, naming both. */
  {
    g_autofree char *other_dir = g_build_filename (fixture->dir, "someone-keys", NULL);

    lead_database_enters (lead_db, 99);
    someone = cli_send (fixture, lead_db, other_dir, "forged.json", &forged);
  }
  g_assert_cmpstr (someone, !=, fingerprint);
  other = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", forged,
                           "--on-conflict", "replace", NULL);
  g_assert_cmpint (other.status, ==, 1);
  assert_has (other.err, someone);
  assert_has (other.err, fingerprint);
  assert_has (other.err, "may not come from the lead");
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 10);

  misuse = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--trust-key", fingerprint, NULL);
  g_assert_cmpint (misuse.status, ==, 2);
}

static void
test_cli_several_and_unsigned (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *lead_db = g_build_filename (fixture->dir, "lead.db", NULL);
  g_autofree char *cannock = NULL;
  g_autofree char *tamworth = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *old_format = g_build_filename (fixture->dir, "old-format.json", NULL);
  g_autofree char *fingerprint = NULL;
  g_autofree char *tamworth_key = NULL;
  g_autofree char *someone = NULL;
  g_autofree char *tamworth_dir = g_build_filename (fixture->dir, "tamworth-keys", NULL);
  g_autofree char *other_dir = g_build_filename (fixture->dir, "someone-keys", NULL);
  g_autoptr(GDateTime) created = ago (60);
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmPeriod) q4 = pm_period_new (2016, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_auto(PmTestRun) lead_made = { 0, };
  g_auto(PmTestRun) accepted = { 0, };
  g_auto(PmTestRun) with_forged = { 0, };
  g_auto(PmTestRun) unsigned_run = { 0, };
  g_auto(PmTestRun) both = { 0, };
  PmDistrict *tamworth_district = pm_programme_find_district (fixture->office_programme, TAMWORTH);

  lead_made = pm_test_cli_run (fixture->dir, "--database", lead_db, "--sample", NULL);
  g_assert_cmpint (lead_made.status, ==, 0);
  lead_database_enters (lead_db, 9);
  lead_database_enters_for (lead_db, TAMWORTH, REFERRALS, 12);
  fingerprint = cli_send (fixture, lead_db, NULL, "cannock.json", &cannock);
  tamworth_key = cli_send_of (fixture, lead_db, tamworth_dir, TAMWORTH, "tamworth.json", &tamworth);

  /* Both keys trusted, but Tamworth's quarter is accepted, so the
   * database refuses its value: Cannock's, written first in the same
   * transaction, goes too, and the output says none was merged. */
  g_assert_true (pm_store_set_signoff (fixture->office, tamworth_district, q4, PM_SIGNOFF_SUBMITTED,
                                       NULL, &error));
  g_assert_true (pm_store_set_signoff (fixture->office, tamworth_district, q4, PM_SIGNOFF_ACCEPTED,
                                       NULL, &error));
  g_assert_no_error (error);
  accepted = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", cannock,
                              "--import-return", tamworth, "--trust-key", fingerprint,
                              "--trust-key", tamworth_key, NULL);
  g_assert_cmpint (accepted.status, ==, 1);
  assert_has (accepted.err, "tamworth.json");
  assert_has (accepted.err, "none of the 2 returns was merged");
  g_assert_cmpstr (accepted.out, ==, "");
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM return_key"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count (*) FROM merged_return"), ==, 0);

  /* A return re-signed by someone else beside a good one: likewise. */
  lead_database_enters (lead_db, 90);
  someone = cli_send (fixture, lead_db, other_dir, "forged.json", &forged);
  g_assert_cmpstr (someone, !=, fingerprint);
  with_forged = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", cannock,
                                 "--import-return", forged, "--trust-key", fingerprint, NULL);
  g_assert_cmpint (with_forged.status, ==, 1);
  assert_has (with_forged.err, "forged.json");
  assert_has (with_forged.err, "none of the 2 returns was merged");
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));

  /* A return of the old format, its checksum recomputed after an edit:
   * refused, saying why. */
  lead_enters (fixture, CANNOCK, WCFC, 4, 90);
  ret = make_return (fixture, fixture->lead_key, CANNOCK, 4, created);
  old_text = unsigned_return (fixture, ret);
  pm_test_write_file (old_format, old_text, -1);
  unsigned_run = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return",
                                  old_format, NULL);
  g_assert_cmpint (unsigned_run.status, ==, 1);
  assert_has (unsigned_run.err, "did not sign returns");
  assert_has (unsigned_run.err, "update Pilot Monitor");
  g_assert_true (isnan (office_value (fixture, CANNOCK, WCFC, 4)));

  /* The quarter reopened, the two go in together. */
  g_assert_true (pm_store_set_signoff (fixture->office, tamworth_district, q4, PM_SIGNOFF_OPEN,
                                       NULL, &error));
  g_assert_no_error (error);
  both = pm_test_cli_run (fixture->dir, "--database", fixture->office_path, "--import-return", cannock,
                          "--import-return", tamworth, "--trust-key", fingerprint,
                          "--trust-key", tamworth_key, NULL);
  g_assert_cmpint (both.status, ==, 0);
  assert_has (both.out, "cannock.json: " CANNOCK);
  assert_has (both.out, "tamworth.json: " TAMWORTH);
  g_assert_cmpfloat (office_value (fixture, CANNOCK, WCFC, 4), ==, 9);
  g_assert_cmpfloat (office_value (fixture, TAMWORTH, REFERRALS, 4), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (store_test_no_server_to_test ())
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/returns/signing/key-file-private", test_key_file_private);
  ADD ("/returns/signing/forged-value-refused", test_forged_value_refused);
  ADD ("/returns/signing/unsigned-refused", test_unsigned_refused);
  ADD ("/returns/trust/first-return-needs-trust", test_first_return_needs_trust);
  ADD ("/returns/trust/other-key-refused", test_other_key_refused);
  ADD ("/returns/stale/refused-unless-replace", test_stale_refused_unless_replace);
  ADD ("/returns/stale/found-at-merge", test_stale_found_at_merge);
  ADD ("/returns/created/must-be-a-time", test_created_must_be_a_time);
  ADD ("/returns/period/other-quarter-refused", test_other_quarter_refused);
  ADD ("/returns/several/all-or-nothing", test_several_all_or_nothing);
  ADD ("/returns/copy/keeps-trust", test_copy_keeps_trust);
  ADD ("/returns/roles/office-trusts-lead-cannot", test_server_roles);
  ADD ("/returns/cli/sign-trust-and-stale", test_cli_sign_trust_and_stale);
  ADD ("/returns/cli/several-and-unsigned", test_cli_several_and_unsigned);
#undef ADD

  return g_test_run ();
}
