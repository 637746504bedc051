/* pm-report-pdf.h: amending the PDF cairo writes
 *
 * Not for use outside src/report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "util/pm-safe-file.h"
#include "pm-report.h"

G_BEGIN_DECLS

/* A PDF as cairo 1.16 writes it: classic objects and cross-reference
 * table, no object streams. */
typedef struct
{
  const char *data;
  gsize       length;
  GArray     *offsets;  /* gsize per object number; 0 when free */
} Pdf;

const char *_pm_pdf_find               (const Pdf  *pdf,
                                        gsize       from,
                                        const char *needle);
const char *_pm_pdf_find_last          (const Pdf  *pdf,
                                        const char *needle);
/* Fills pdf->offsets from the last cross-reference section. */
gboolean    _pm_pdf_read_xref          (Pdf        *pdf);
/* The text of object @number between "obj" and "endobj", or NULL. */
char       *_pm_pdf_object_dict        (const Pdf  *pdf,
                                        guint       number);
/* The object number of the reference after @key in @dict, or 0. */
guint       _pm_pdf_dict_ref           (const char *dict,
                                        const char *key);
/* A PDF text string: UTF-16BE with its byte-order mark, in hex. */
void        _pm_pdf_append_text_string (GString    *out,
                                        const char *utf8);

/* Writes to @update (empty) what to append to the PDF in @data (as cairo
 * wrote it, read back from the file): an incremental update giving the
 * document its @language ("en-GB") and each Figure of its structure tree,
 * in the tree's order, its alternative text from @alt_texts
 * (NULL-terminated, one per figure). */
gboolean _pm_report_pdf_add_accessibility (const char         *data,
                                           gsize               length,
                                           const char * const *alt_texts,
                                           const char         *language,
                                           GString            *update,
                                           GError            **error);

/* Writes to @file one PDF of the @parts (paths, NULL-terminated), each
 * written by cairo for the pages that follow the previous part's, with
 * one page tree, structure tree and name tree, and the @outline
 * (PmReportOutlineEntry: page from 0, y from the top of a page
 * @page_height high). The first part's document information is kept. */
gboolean _pm_report_pdf_join (const char * const *parts,
                              const GArray       *outline,
                              double              page_height,
                              PmSafeFile         *file,
                              GError            **error);

/* A PDF surface writing @report's pages into @file, with the document
 * information (title, author, creator) set. */
cairo_surface_t *_pm_report_pdf_surface_new    (PmReport    *report,
                                                PmSafeFile  *file);
/* The @outline (PmReportOutlineEntry) as cairo's outline of @surface. */
void             _pm_report_pdf_add_outline    (const GArray    *outline,
                                                cairo_surface_t *surface);
/* A context drawing on a new _pm_report_pdf_surface_new(). */
cairo_t         *_pm_report_pdf_context_new    (PmReport    *report,
                                                PmSafeFile  *file);
/* The temporary file for part @number of the export into @file, beside
 * it and removed when freed. */
PmSafeFile      *_pm_report_pdf_part_begin     (PmSafeFile  *file,
                                                guint        number,
                                                GError     **error);
/* A part is a temporary file of the export into @file: @error (may be
 * NULL), when it names one of the @parts (PmSafeFile; may be NULL), names
 * the file the user chose instead ("NAME.pdf", not "NAME.pdf.part2"). */
void             _pm_report_pdf_name_export    (GError      *error,
                                                PmSafeFile  *file,
                                                GPtrArray   *parts);
/* Destroys @cr and finishes its surface: FALSE, with the reason, when
 * @file could not be written. */
gboolean         _pm_report_pdf_surface_finish (cairo_t     *cr,
                                                PmSafeFile  *file,
                                                GError     **error);
/* Reads back what cairo wrote into @file and appends the accessibility
 * update (_pm_report_pdf_add_accessibility()). */
gboolean         _pm_report_pdf_file_add_accessibility (PmSafeFile          *file,
                                                        const char * const  *alt_texts,
                                                        GError             **error);

G_END_DECLS
