/* pm-report-pdf.c: what cairo 1.16 cannot say in a tagged PDF
 *
 * cairo writes the structure tree (cairo_tag_begin()) but has no way to
 * give a Figure its alternative text (/Alt) or the document its language
 * (/Lang). Both are added here as an incremental update, the way PDF
 * editors amend a file: new versions of the figures' structure elements
 * and of the catalogue are appended with their own cross-reference
 * section, leaving cairo's bytes as they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-report-pdf.h"

/* Searches bytes, not strings: compressed streams hold NULs, where
 * g_strstr_len() would stop. */
const char *
_pm_pdf_find (const Pdf  *pdf,
      gsize       from,
      const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = from; i + length <= pdf->length; i++)
    if (pdf->data[i] == needle[0] && memcmp (pdf->data + i, needle, length) == 0)
      return pdf->data + i;

  return NULL;
}

const char *
_pm_pdf_find_last (const Pdf  *pdf,
           const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = pdf->length; i >= length; i--)
    if (memcmp (pdf->data + i - length, needle, length) == 0)
      return pdf->data + i - length;

  return NULL;
}

gboolean
_pm_pdf_read_xref (Pdf *pdf)
{
  const char *end = pdf->data + pdf->length;
  const char *p;
  gsize at;

  /* "startxref\nN\n%%EOF" closes the file: the last one counts. */
  for (p = end - 9; p > pdf->data && (gsize) (end - p) < 64; p--)
    if (memcmp (p, "startxref", 9) == 0)
      break;
  if ((gsize) (end - p) >= 64 || p <= pdf->data)
    return FALSE;

  at = g_ascii_strtoull (p + 9, NULL, 10);
  if (at >= pdf->length || memcmp (pdf->data + at, "xref", 4) != 0)
    return FALSE;

  p = pdf->data + at + 4;
  for (;;)
    {
      char *next;
      guint64 first, count;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        break;

      first = g_ascii_strtoull (p, &next, 10);
      count = g_ascii_strtoull (next, &next, 10);
      p = next;
      while (p < end && (*p == ' ' || *p == '\r' || *p == '\n'))
        p++;
      if (first + count > 1000000 || (gsize) (end - p) < count * 20)
        return FALSE;

      if (pdf->offsets->len < first + count)
        g_array_set_size (pdf->offsets, first + count);
      for (guint64 i = 0; i < count; i++, p += 20)
        if (p[17] == 'n')
          g_array_index (pdf->offsets, gsize, first + i) = g_ascii_strtoull (p, NULL, 10);
    }

  return pdf->offsets->len > 0;
}

/* The dictionary of object @number, "<< ... >>", or NULL. */
char *
_pm_pdf_object_dict (const Pdf *pdf,
             guint      number)
{
  const char *start, *stop;
  gsize at;

  if (number == 0 || number >= pdf->offsets->len)
    return NULL;

  at = g_array_index (pdf->offsets, gsize, number);
  start = _pm_pdf_find (pdf, at, "obj");
  stop = _pm_pdf_find (pdf, at, "endobj");
  if (at == 0 || start == NULL || stop == NULL || stop < start)
    return NULL;

  start += 3;
  return g_strstrip (g_strndup (start, stop - start));
}

/* The object number of the reference after @key in @dict ("/Root 5 0 R"),
 * or 0. */
guint
_pm_pdf_dict_ref (const char *dict,
          const char *key)
{
  const char *p = strstr (dict, key);

  if (p == NULL)
    return 0;

  return (guint) g_ascii_strtoull (p + strlen (key), NULL, 10);
}

static void
walk (const Pdf *pdf,
      guint      number,
      GArray    *figures,
      guint      depth)
{
  g_autofree char *dict = _pm_pdf_object_dict (pdf, number);
  const char *p;
  int nesting = 0;

  if (dict == NULL || depth > 64)
    return;

  if (strstr (dict, "/S /Figure") != NULL)
    g_array_append_val (figures, number);

  /* The kids: references to elements, marked-content numbers and
   * references (<< /Type /MCR ... >>), which are not elements. */
  p = strstr (dict, "/K ");
  if (p == NULL)
    return;

  for (p += 3; *p != '\0'; p++)
    {
      if (p[0] == '<' && p[1] == '<')
        {
          nesting++;
          p++;
        }
      else if (p[0] == '>' && p[1] == '>')
        {
          if (nesting == 0)
            break;
          nesting--;
          p++;
        }
      else if (*p == '/' && nesting == 0)
        break;
      else if (g_ascii_isdigit (*p) && nesting == 0)
        {
          char *next;
          guint kid = (guint) g_ascii_strtoull (p, &next, 10);

          if (g_str_has_prefix (next, " 0 R"))
            {
              walk (pdf, kid, figures, depth + 1);
              next += 4;
            }
          p = next - 1;
        }
    }
}

/* A PDF text string: UTF-16BE with its byte-order mark, in hex. */
void
_pm_pdf_append_text_string (GString    *out,
                    const char *utf8)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);

  g_string_append (out, "<FEFF");
  for (guint i = 0; utf16 != NULL && utf16[i] != 0; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

static void
append_object (GString    *update,
               GArray     *entries,
               gsize       base,
               guint       number,
               const char *dict,
               const char *key,
               GString    *value)
{
  guint entry[2] = { number, (guint) (base + update->len) };

  g_array_append_vals (entries, entry, 2);
  /* The new key first, so that it wins over none. */
  g_string_append_printf (update, "%u 0 obj\n<< %s %s\n%s\nendobj\n", number, key, value->str, dict + 2);
}

gboolean
_pm_report_pdf_add_accessibility (const char         *data,
                                  gsize               length,
                                  const char * const *alt_texts,
                                  const char         *language,
                                  GString            *update,
                                  GError            **error)
{
  Pdf pdf = { data, length, NULL };
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) value = g_string_new (NULL);
  g_autofree char *trailer = NULL;
  g_autofree char *catalog = NULL;
  g_autofree char *tree = NULL;
  const char *trailer_at;
  guint root, info, n_alt;
  gsize base, xref;

  pdf.offsets = offsets;
  n_alt = alt_texts != NULL ? g_strv_length ((char **) alt_texts) : 0;

  trailer_at = _pm_pdf_read_xref (&pdf) ? _pm_pdf_find_last (&pdf, "trailer") : NULL;
  if (trailer_at != NULL)
    trailer = g_strndup (trailer_at, pdf.data + pdf.length - trailer_at);
  root = trailer != NULL ? _pm_pdf_dict_ref (trailer, "/Root ") : 0;
  info = trailer != NULL ? _pm_pdf_dict_ref (trailer, "/Info ") : 0;
  catalog = _pm_pdf_object_dict (&pdf, root);
  if (catalog == NULL || !g_str_has_prefix (catalog, "<<"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF written by cairo could not be read back to tag it."));
      return FALSE;
    }

  tree = _pm_pdf_object_dict (&pdf, _pm_pdf_dict_ref (catalog, "/StructTreeRoot "));
  if (tree != NULL)
    walk (&pdf, _pm_pdf_dict_ref (catalog, "/StructTreeRoot "), figures, 0);

  /* Each figure was tagged in the order its alternative text was taken. */
  if (figures->len != n_alt)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The PDF has %u figures where %u were drawn."), figures->len, n_alt);
      return FALSE;
    }

  base = length;
  if (data[length - 1] != '\n')
    g_string_append_c (update, '\n');

  g_string_append (value, "(");
  for (const char *c = language; *c != '\0'; c++)
    if (g_ascii_isalnum (*c) || *c == '-')
      g_string_append_c (value, *c);
  g_string_append (value, ")");
  append_object (update, entries, base, root, catalog, "/Lang", value);

  for (guint i = 0; i < figures->len; i++)
    {
      guint number = g_array_index (figures, guint, i);
      g_autofree char *dict = _pm_pdf_object_dict (&pdf, number);

      g_string_truncate (value, 0);
      _pm_pdf_append_text_string (value, alt_texts[i]);
      append_object (update, entries, base, number, dict, "/Alt", value);
    }

  xref = base + update->len;
  g_string_append (update, "xref\n");
  for (guint i = 0; i < entries->len; i += 2)
    g_string_append_printf (update, "%u 1\n%010u 00000 n \n",
                            g_array_index (entries, guint, i), g_array_index (entries, guint, i + 1));
  g_string_append_printf (update, "trailer\n<< /Size %u /Root %u 0 R", offsets->len, root);
  if (info != 0)
    g_string_append_printf (update, " /Info %u 0 R", info);
  g_string_append_printf (update, " /Prev %" G_GSIZE_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (gsize) g_ascii_strtoull (_pm_pdf_find_last (&pdf, "startxref") + 9, NULL, 10),
                          xref);

  return TRUE;
}
