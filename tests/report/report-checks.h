/* report-checks.h: checks shared by the report tests
 *
 * The reference is tests/reference/appendix-a-kpis.tsv, Appendix A of the
 * committee report transcribed by hand: every district, headline KPI and
 * baseline there must be printed in the right district's part of the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pdf-text.h"

G_BEGIN_DECLS

typedef struct
{
  char     *district;
  char     *title;
  char     *baseline;  /* as written in the appendix */
  GStrv     keys;      /* what of it must be printed, in order */
  gboolean  repeat;    /* "(as above)": the keys of the KPI before */
  gboolean  numeric;   /* the keys are the figures the baseline opens with */
} RefKpi;

/* Reads $PM_REFERENCE_DIR/appendix-a-kpis.tsv. */
GPtrArray *reference_load            (void);
/* The districts of the reference, in order (borrowed strings). */
GPtrArray *reference_districts       (GPtrArray   *reference);

/* The running header's right-hand text of each page (the district whose
 * section it is). */
GPtrArray *summary_sections          (PdfText     *text);

/* A district's heading in the summaries: its name, where it is. */
typedef struct
{
  guint  page;  /* from 0 */
  double y;
  char  *name;
} SummaryHeading;

/* The district headings (set in the title size, after the programme's
 * own title), in order. */
GPtrArray  *summary_headings         (PdfText     *text);
/* The text of each district's section by its name, from its heading to
 * the next; "Programme summary" for what comes before the first. */
GHashTable *summary_texts            (PdfText     *text);

/* Checks a district summaries PDF: the sections are the districts given
 * (all of the reference's when @only is NULL), in order, each headed by its
 * name, each with its KPI titles and baselines in its KPI table. */
void       check_summary_pdf         (const char  *path,
                                      GPtrArray   *reference,
                                      const char  *only);
/* Checks an appendix PDF: the column headers on every page, one row per
 * district in order, each with its KPI titles and baselines, each KPI level
 * with its baseline. */
void       check_appendix_pdf        (const char  *path,
                                      GPtrArray   *reference);
/* The text of each of @districts' rows in an appendix PDF, in the order
 * of @districts: the words whose left edge is in the columns from
 * @from_column up to (not including) @to_column (0 District, 1 Summary,
 * 2 Key Outcomes, 3 Headline KPIs, 4 Baseline, 5 Progress; 6 the page's
 * edge), sorted into lines and joined by single spaces. */
GPtrArray *appendix_column_texts     (const char  *path,
                                      GPtrArray   *districts,
                                      guint        from_column,
                                      guint        to_column);
/* No two words overlap and every word is inside the margins. */
void       check_no_overlap          (const char  *path,
                                      double       margin);

G_END_DECLS
