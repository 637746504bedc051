/* fuzz-return.c: libFuzzer target for reading a lead's quarterly return
 *
 * Every input must either be read or be refused with a GError, never
 * both and never neither. A return that is read must write out and read
 * back (signature and all) to the very same text, and be matched against
 * the sample programme without a crash: refused with its reason, or
 * giving items that name the office's own KPIs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "model/pm-limits.h"
#include "pm-return-merge.h"
#include "pm-sample.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static PmStore *office_store;
static PmProgramme *office;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PmProgramme) sample = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  sample = pm_sample_programme_load (&error);
  g_assert_no_error (error);

  /* The office's database, only ever read by the merge check. */
  dir = g_dir_make_tmp ("pm-fuzz-return-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "office.db", NULL);
  office_store = pm_store_open (path, PM_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (pm_store_import (office_store, sample, &error));
  office = pm_store_load (office_store, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PmReturn) ret = NULL;
  g_autoptr(PmReturn) again = NULL;
  g_autoptr(PmReturnMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize written_length = 0;
  gsize rewritten_length = 0;

  ret = pm_return_parse ((const char *) data, size, &error);
  g_assert_true ((ret == NULL) != (error == NULL));
  if (ret == NULL)
    {
      g_assert_true (error->domain == PM_FILE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* What the reader takes the store and the writers take too. */
  if (!pm_limits_check_text (PM_FIELD_AUTHOR, pm_return_get_author (ret), &error) ||
      !pm_limits_check_programme (pm_return_get_content (ret), TRUE, &error))
    g_error ("a return that was read is past a limit: %s", error->message);

  written = pm_return_to_data (ret, &written_length);
  again = pm_return_parse (written, written_length, &error);
  if (again == NULL)
    g_error ("a return that was read could not be read back once written: %s\n%s",
             error->message, written);
  rewritten = pm_return_to_data (again, &rewritten_length);
  if (written_length != rewritten_length || memcmp (written, rewritten, written_length) != 0)
    g_error ("writing a return read back gives a different file:\n%s\n---\n%s", written, rewritten);

  merge = pm_return_merge_new (office_store, office, ret, &error);
  g_assert_true ((merge == NULL) != (error == NULL));
  if (merge == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  for (guint i = 0; i < pm_return_merge_get_n_items (merge); i++)
    g_assert_nonnull (pm_return_merge_get_pilot (merge, i));

  return 0;
}
