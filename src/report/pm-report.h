/* pm-report.h: a printed document, laid out into pages
 *
 * A report is laid out for one page size on one cairo context (a PDF
 * surface, or GtkPrintOperation's context), then each page is drawn on
 * demand. Subclasses (PmSummaryReport, PmAppendixReport) say what goes on
 * the pages; this class keeps the pages and writes PDF files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_REPORT (pm_report_get_type ())
G_DECLARE_DERIVABLE_TYPE (PmReport, pm_report, PM, REPORT, GObject)

typedef struct _PmReportFlow PmReportFlow;

struct _PmReportClass
{
  GObjectClass parent_class;

  /* Places the whole document with @flow (see pm-report-private.h). */
  void          (*layout)        (PmReport     *self,
                                  PmReportFlow *flow);
  /* The running header's text on the left of every page. */
  char         *(*get_title)     (PmReport     *self);
  /* Pango markup printed at the foot of every page, or NULL. */
  char         *(*get_footnote)  (PmReport     *self);

  gpointer padding[7];
};

/* Properties: "programme" (PmProgramme), "period" (PmPeriod), "district"
 * (PmDistrict or NULL for all; construct-only), "landscape" (boolean,
 * construct-only: the orientation the document is designed for),
 * "printed-date" (ISO date printed in headings, default today),
 * "n-pages" (read-only). */
PmProgramme *pm_report_get_programme    (PmReport    *self);
PmPeriod    *pm_report_get_period       (PmReport    *self);
PmDistrict  *pm_report_get_district     (PmReport    *self);
gboolean     pm_report_get_landscape    (PmReport    *self);
const char  *pm_report_get_printed_date (PmReport    *self);
void         pm_report_set_printed_date (PmReport    *self,
                                         const char  *iso);
/* "District summaries, Q3 2016/17": the job name and the PDF title. */
char        *pm_report_get_title        (PmReport    *self);

/* A4 in points, in the orientation the document is designed for. */
void         pm_report_get_paper_size   (PmReport    *self,
                                         double      *width,
                                         double      *height);

/* Lays the document out for pages of @width x @height points, measuring
 * text on @cr's target. Replaces any earlier layout. */
void         pm_report_paginate         (PmReport    *self,
                                         cairo_t     *cr,
                                         double       width,
                                         double       height);
/* 0 until paginated. */
guint        pm_report_get_n_pages      (PmReport    *self);
/* Draws page @page (from 0) in the user space of @cr, in points. */
void         pm_report_draw_page        (PmReport    *self,
                                         cairo_t     *cr,
                                         guint        page);

/* Lays the document out on A4 and writes it to @path as PDF. The file is
 * written beside @path under a temporary name (mode 0600) and renamed over
 * @path only once complete, so a failure leaves no file and an existing
 * one untouched. @path is refused as pm_safe_file_begin() says (a symbolic
 * link, the open database, any database, anything but a regular file). */
gboolean     pm_report_export_pdf       (PmReport    *self,
                                         const char  *path,
                                         GError     **error);

/* Told after each page is written (@done of @n_pages); may be called from
 * the thread that exports. */
typedef void (*PmReportProgressFunc) (guint    done,
                                      guint    n_pages,
                                      gpointer user_data);

/* The same, checking @cancellable between pages (G_IO_ERROR_CANCELLED:
 * no file is left) and telling @progress. Safe to run in a worker thread
 * while nothing changes the programme. */
gboolean     pm_report_export_pdf_full  (PmReport              *self,
                                         const char            *path,
                                         GCancellable          *cancellable,
                                         PmReportProgressFunc   progress,
                                         gpointer               user_data,
                                         GError               **error);

G_END_DECLS
