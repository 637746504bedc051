/* fuzz-csv-import.c: libFuzzer target for the CSV import of quarterly values
 *
 * Every input is checked against the sample programme. It must either be
 * read (each row then accepted or refused with a message) or be refused
 * as a whole with a GError, never both and never neither; every accepted
 * value must be one its KPI's unit allows, and every message must be
 * text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "pm-progress-import.h"
#include "pm-sample.h"
#include "pm-store-error.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static PmProgramme *programme;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  programme = pm_sample_programme_load (&error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PmProgressImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = pm_progress_import_new_from_csv (programme, (const char *) data, size, &error);
  g_assert_true ((import == NULL) != (error == NULL));
  if (import == NULL)
    {
      g_assert_true (error->domain == PM_FILE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < pm_progress_import_get_n_rejected (import); i++)
    {
      guint line = 0;
      const char *message = pm_progress_import_get_rejection (import, i, &line);

      g_assert_true (line >= 2);
      g_assert_true (g_utf8_validate (message, -1, NULL));
    }

  for (guint i = 0; i < pm_progress_import_get_n_rows (import); i++)
    {
      PmProgressEntry *entry;
      PmKpi *kpi;

      pm_progress_import_get_row (import, i, &kpi, &entry, NULL);
      if (pm_progress_entry_has_value (entry))
        g_assert_true (pm_unit_validate_value (pm_kpi_get_unit (kpi),
                                               pm_progress_entry_get_value (entry), NULL));
    }

  return 0;
}
