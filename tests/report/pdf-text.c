/* pdf-text.c: reading printed documents back with poppler's tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "pdf-text.h"

static void
word_free (gpointer data)
{
  PdfWord *word = data;

  g_free (word->text);
  g_free (word);
}

typedef struct
{
  PdfText *text;
  PdfWord *word;  /* being read */
} Parser;

static double
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return g_ascii_strtod (values[i], NULL);

  return 0;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Parser *parser = user_data;

  if (g_str_equal (element, "page"))
    {
      double width = attribute (names, values, "width");
      double height = attribute (names, values, "height");

      g_array_append_val (parser->text->page_widths, width);
      g_array_append_val (parser->text->page_heights, height);
      parser->text->n_pages++;
    }
  else if (g_str_equal (element, "word"))
    {
      parser->word = g_new0 (PdfWord, 1);
      parser->word->page = parser->text->n_pages - 1;
      parser->word->x0 = attribute (names, values, "xMin");
      parser->word->y0 = attribute (names, values, "yMin");
      parser->word->x1 = attribute (names, values, "xMax");
      parser->word->y1 = attribute (names, values, "yMax");
      parser->word->text = g_strdup ("");
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Parser *parser = user_data;

  if (g_str_equal (element, "word") && parser->word != NULL)
    g_ptr_array_add (parser->text->words, g_steal_pointer (&parser->word));
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parser *parser = user_data;
  char *joined;

  if (parser->word == NULL)
    return;

  joined = g_strdup_printf ("%s%.*s", parser->word->text, (int) length, text);
  g_free (parser->word->text);
  parser->word->text = joined;
}

int
run_command (const char * const  *argv,
             const char * const  *envp,
             char               **out,
             char               **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, err, &status, &error))
    {
      g_test_message ("could not run %s: %s", argv[0], error->message);
      return -1;
    }

  if (!WIFEXITED (status))
    return -1;

  return WEXITSTATUS (status);
}

PdfText *
pdf_text_load (const char  *path,
               GError     **error)
{
  const char *argv[] = { "pdftotext", "-bbox", path, "-", NULL };
  static const GMarkupParser callbacks = { start_element, end_element, text_cb, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  PdfText *text;
  Parser parser = { NULL, };

  if (run_command (argv, NULL, &out, &err) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "pdftotext failed on %s: %s", path, err);
      return NULL;
    }

  text = g_new0 (PdfText, 1);
  text->page_widths = g_array_new (FALSE, FALSE, sizeof (double));
  text->page_heights = g_array_new (FALSE, FALSE, sizeof (double));
  text->words = g_ptr_array_new_with_free_func (word_free);
  parser.text = text;

  context = g_markup_parse_context_new (&callbacks, 0, &parser, NULL);
  if (!g_markup_parse_context_parse (context, out, -1, error) ||
      !g_markup_parse_context_end_parse (context, error))
    {
      g_clear_pointer (&parser.word, word_free);
      pdf_text_free (text);
      return NULL;
    }

  return text;
}

void
pdf_text_free (PdfText *text)
{
  if (text == NULL)
    return;

  g_array_unref (text->page_widths);
  g_array_unref (text->page_heights);
  g_ptr_array_unref (text->words);
  g_free (text);
}

guint
pdf_info_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  if (run_command (argv, NULL, &out, NULL) != 0)
    return 0;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint) g_ascii_strtoull (g_strstrip (lines[i] + strlen ("Pages:")), NULL, 10);

  return 0;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  const PdfWord *wa = *(const PdfWord **) a;
  const PdfWord *wb = *(const PdfWord **) b;

  if (wa->page != wb->page)
    return wa->page < wb->page ? -1 : 1;
  /* Words of one line share their top to a fraction of a point. */
  if (ABS (wa->y0 - wb->y0) > 1.0)
    return wa->y0 < wb->y0 ? -1 : 1;
  if (wa->x0 != wb->x0)
    return wa->x0 < wb->x0 ? -1 : 1;
  return 0;
}

GPtrArray *
pdf_text_select (PdfText *text,
                 guint    page,
                 double   x_from,
                 double   x_to,
                 double   y_from,
                 double   y_to)
{
  GPtrArray *selected = g_ptr_array_new ();

  for (guint i = 0; i < text->words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (text->words, i);

      if ((page == G_MAXUINT || word->page == page) &&
          word->x0 >= x_from && word->x0 < x_to &&
          word->y0 >= y_from && word->y0 < y_to)
        g_ptr_array_add (selected, word);
    }

  g_ptr_array_sort (selected, compare_words);

  return selected;
}

char *
pdf_words_join (GPtrArray  *words,
                GArray    **offsets)
{
  GString *joined = g_string_new (NULL);
  GArray *map = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      if (i > 0)
        {
          PdfWord *previous = g_ptr_array_index (words, i - 1);
          gsize len = strlen (previous->text);
          gboolean new_line = previous->page != word->page || ABS (previous->y0 - word->y0) > 1.0;

          if (!(new_line && len > 1 && previous->text[len - 1] == '-'))
            {
              g_string_append_c (joined, ' ');
              g_array_append_val (map, i);
            }
        }

      g_string_append (joined, word->text);
      for (gsize b = 0; word->text[b] != '\0'; b++)
        g_array_append_val (map, i);
    }

  if (offsets != NULL)
    *offsets = map;
  else
    g_array_unref (map);

  return g_string_free (joined, FALSE);
}

char *
normalise_space (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " \t\n\r\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

gssize
find_token (const char *haystack,
            const char *needle,
            gsize       from)
{
  gsize needle_len = strlen (needle);
  const char *p = haystack + from;

  while ((p = strstr (p, needle)) != NULL)
    {
      char before = p > haystack ? p[-1] : ' ';
      const char *after = p + needle_len;
      gboolean starts = !g_ascii_isalnum (before) && before != '.';
      gboolean ends = !g_ascii_isalnum (after[0]) && after[0] != '%' &&
                      !(after[0] == '.' && g_ascii_isdigit (after[1]));

      if (starts && ends)
        return p - haystack;
      p++;
    }

  return -1;
}

PdfWord *
pdf_text_find_phrase (PdfText    *text,
                      guint       page,
                      const char *first,
                      ...)
{
  g_autoptr(GPtrArray) following = g_ptr_array_new ();
  va_list args;
  const char *next;

  va_start (args, first);
  while ((next = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (following, (gpointer) next);
  va_end (args);

  for (guint i = 0; i < text->words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (text->words, i);
      g_autoptr(GPtrArray) line = NULL;
      gboolean match = TRUE;
      guint at = 0;

      if (word->page != page || !g_str_equal (word->text, first))
        continue;

      /* The rest of the line, left to right, whatever order the words
       * came out of the PDF in. */
      line = pdf_text_select (text, page, word->x0, G_MAXDOUBLE, word->y0 - 1.0, word->y0 + 1.0);
      while (at < line->len && g_ptr_array_index (line, at) != word)
        at++;

      for (guint f = 0; match && f < following->len; f++)
        {
          PdfWord *other = at + 1 + f < line->len ? g_ptr_array_index (line, at + 1 + f) : NULL;

          match = other != NULL && g_str_equal (other->text, g_ptr_array_index (following, f));
        }

      if (match)
        return word;
    }

  return NULL;
}
