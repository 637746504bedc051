/* fuzz-programme-file.c: libFuzzer target for the programme JSON reader
 *
 * Every input must either parse or be refused with a GError, never both
 * and never neither. A programme that parses must be within every limit
 * the store keeps (model/pm-limits.h), and write out and read back to the
 * very same text, as docs/programme-format.md promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "model/pm-limits.h"
#include "pm-programme-file.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail or g_warning reached from a file is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PmProgramme) programme = NULL;
  g_autoptr(PmProgramme) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize written_length = 0;
  gsize rewritten_length = 0;

  if (size > G_MAXSSIZE)
    return 0;

  programme = pm_programme_file_parse ((const char *) data, (gssize) size, &error);
  g_assert_true ((programme == NULL) != (error == NULL));
  if (programme == NULL)
    {
      g_assert_true (error->domain == PM_FILE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* What the reader takes the store and the writers take too. */
  if (!pm_limits_check_programme (programme, TRUE, &error))
    g_error ("a programme that was read is past a limit: %s", error->message);

  written = pm_programme_file_to_data (programme, &written_length);
  again = pm_programme_file_parse (written, (gssize) written_length, &error);
  if (again == NULL)
    g_error ("a programme that was read could not be read back once written: %s\n%s",
             error->message, written);

  rewritten = pm_programme_file_to_data (again, &rewritten_length);
  if (written_length != rewritten_length || memcmp (written, rewritten, written_length) != 0)
    g_error ("writing a programme read back gives a different file:\n%s\n---\n%s",
             written, rewritten);

  return 0;
}
