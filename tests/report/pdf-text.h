/* pdf-text.h: what a PDF says and where, as poppler's pdftotext reads it
 *
 * The tests read the printed documents back with the tools a person would
 * use (pdftotext, pdfinfo), so they check the PDF itself rather than the
 * code that wrote it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  page;  /* from 0 */
  double x0;
  double y0;
  double x1;
  double y1;
  char  *text;
} PdfWord;

typedef struct
{
  guint      n_pages;
  GArray    *page_widths;   /* double */
  GArray    *page_heights;  /* double */
  GPtrArray *words;         /* PdfWord, in reading order per page */
} PdfText;

/* Runs `pdftotext -bbox` on @path. */
PdfText  *pdf_text_load          (const char     *path,
                                  GError        **error);
void      pdf_text_free          (PdfText        *text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfText, pdf_text_free)

/* The "Pages:" line of `pdfinfo`. */
guint     pdf_info_n_pages       (const char     *path);

/* Words of page @page (or every page for G_MAXUINT) whose left edge is in
 * [@x_from, @x_to) and top in [@y_from, @y_to), sorted into lines. */
GPtrArray *pdf_text_select       (PdfText        *text,
                                  guint           page,
                                  double          x_from,
                                  double          x_to,
                                  double          y_from,
                                  double          y_to);
/* Joins words with single spaces into normalised text; a word ending in a
 * hyphen at the end of a line is joined to the next without a space (a
 * compound word broken at its hyphen). @offsets, if given, receives for
 * each byte of the result the index of the word it came from. */
char     *pdf_words_join         (GPtrArray      *words,
                                  GArray        **offsets);
/* Collapses runs of white space into single spaces and trims. */
char     *normalise_space        (const char     *text);
/* Finds @needle in @haystack at or after @from, standing as a token of its
 * own (not inside a longer number or word); -1 when absent. */
gssize    find_token             (const char     *haystack,
                                  const char     *needle,
                                  gsize           from);

/* The first word on @page with exactly @text whose following words (on
 * the same line) are @following (NULL-terminated, may be empty); NULL
 * when there is none. */
PdfWord  *pdf_text_find_phrase   (PdfText        *text,
                                  guint           page,
                                  const char     *first,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Runs @argv, returning the exit status (or -1) with output captured. */
int       run_command            (const char * const *argv,
                                  const char * const *envp,
                                  char              **out,
                                  char              **err);

G_END_DECLS
