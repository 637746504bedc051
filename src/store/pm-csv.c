/* pm-csv.c: comma-separated values as RFC 4180 writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pm-csv.h"
#include "pm-store-error.h"

#define UTF8_BOM "\xEF\xBB\xBF"

void
pm_csv_record_free (PmCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

static void
end_record (GPtrArray  *fields,
            guint       line,
            PmCsvFunc   func,
            gpointer    user_data)
{
  PmCsvRecord record;

  /* A line with nothing on it is no record (trailing blank lines). */
  if (fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  g_ptr_array_add (fields, NULL);
  record.line = line;
  record.fields = (GStrv) fields->pdata;
  func (&record, user_data);
  g_ptr_array_set_size (fields, 0);
}

static gboolean
malformed (GError    **error,
           guint       line,
           const char *what)
{
  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_MALFORMED,
               /* Translators: “line 12: a quote is never closed” */
               _("Line %u: %s"), line, what);
  return FALSE;
}

static void
collect_cb (const PmCsvRecord *record,
            gpointer           user_data)
{
  PmCsvRecord *copy = g_new0 (PmCsvRecord, 1);

  copy->line = record->line;
  copy->fields = g_strdupv (record->fields);
  g_ptr_array_add (user_data, copy);
}

GPtrArray *
pm_csv_parse (const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_csv_record_free);

  if (!pm_csv_foreach (text, length, collect_cb, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

gboolean
pm_csv_foreach (const char  *text,
                gsize        length,
                PmCsvFunc    func,
                gpointer     user_data,
                GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  const char *p = text;
  const char *end = text + length;
  const char *bad_utf8 = NULL;
  guint line = 1;
  guint record_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate_len (text, length, &bad_utf8))
    {
      guint bad_line = 1;

      for (const char *q = text; q < bad_utf8; q++)
        bad_line += *q == '\n';
      return malformed (error, bad_line,
                        _("the text is not in UTF-8. Save the file as “CSV UTF-8” and try again."));
    }

  if (length >= 3 && memcmp (p, UTF8_BOM, 3) == 0)
    p += 3;

  fields = g_ptr_array_new_with_free_func (g_free);
  field = g_string_new (NULL);

  while (p < end)
    {
      char c = *p++;

      if (quoted)
        {
          if (c == '"')
            {
              if (p < end && *p == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      switch (c)
        {
        case '"':
          if (field->len > 0 || was_quoted)
            return malformed (error, line,
                              _("a quote in the middle of a field. Put the whole field in quotes and double the quotes inside it."));
          quoted = TRUE;
          was_quoted = TRUE;
          break;

        case ',':
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          break;

        case '\r':
          /* CRLF ends a line; a lone CR is a line end too (old Mac files). */
          if (p < end && *p == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          end_record (fields, record_line, func, user_data);
          line++;
          record_line = line;
          break;

        default:
          if (was_quoted)
            return malformed (error, line,
                              _("text after a closing quote. Put the whole field in quotes and double the quotes inside it."));
          g_string_append_c (field, c);
          break;
        }
    }

  if (quoted)
    return malformed (error, record_line,
                      _("a quote is opened and never closed."));

  if (field->len > 0 || was_quoted || fields->len > 0)
    {
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      end_record (fields, record_line, func, user_data);
    }

  return TRUE;
}
