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
end_record (GPtrArray *records,
            GPtrArray *fields,
            guint      line)
{
  PmCsvRecord *record;

  /* A line with nothing on it is no record (trailing blank lines). */
  if (fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  g_ptr_array_add (fields, NULL);
  record = g_new0 (PmCsvRecord, 1);
  record->line = line;
  record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (records, record);
}

static GPtrArray *
malformed (GPtrArray  *records,
           GError    **error,
           guint       line,
           const char *what)
{
  g_set_error (error, PM_FILE_ERROR, PM_FILE_ERROR_MALFORMED,
               /* Translators: “line 12: a quote is never closed” */
               _("Line %u: %s"), line, what);
  g_ptr_array_unref (records);
  return NULL;
}

GPtrArray *
pm_csv_parse (const char  *text,
              gsize        length,
              GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GString) field = NULL;
  GPtrArray *records;
  const char *p = text;
  const char *end = text + length;
  const char *bad_utf8 = NULL;
  guint line = 1;
  guint record_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) pm_csv_record_free);

  if (!g_utf8_validate_len (text, length, &bad_utf8))
    {
      guint bad_line = 1;

      for (const char *q = text; q < bad_utf8; q++)
        bad_line += *q == '\n';
      return malformed (records, error, bad_line,
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
            return malformed (records, error, line,
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
          end_record (records, fields, record_line);
          line++;
          record_line = line;
          break;

        default:
          if (was_quoted)
            return malformed (records, error, line,
                              _("text after a closing quote. Put the whole field in quotes and double the quotes inside it."));
          g_string_append_c (field, c);
          break;
        }
    }

  if (quoted)
    return malformed (records, error, record_line,
                      _("a quote is opened and never closed."));

  if (field->len > 0 || was_quoted || fields->len > 0)
    {
      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      end_record (records, fields, record_line);
    }

  return records;
}

void
pm_csv_append_field (GString    *out,
                     const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}
