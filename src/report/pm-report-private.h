/* pm-report-private.h: what the report classes share among themselves
 *
 * A report is laid out once into pages of drawing operations (text, boxes,
 * rules, charts), then any page can be drawn on any cairo context: a PDF
 * surface for the headless export, or GtkPrintOperation's context. Text is
 * laid out with Pango at 72 dpi with hinting off, so what was measured is
 * what is drawn, whatever the target.
 *
 * Not for use outside src/report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "model/pm-kpi.h"
#include "model/pm-pilot.h"
#include "model/pm-period.h"
#include "model/pm-wording.h"
#include "util/pm-safe-file.h"
#include "pm-report.h"

G_BEGIN_DECLS

/* A4 in points. */
#define PM_REPORT_A4_SHORT 595.2756
#define PM_REPORT_A4_LONG  841.8898

typedef enum
{
  PM_REPORT_FONT_BODY,
  PM_REPORT_FONT_BODY_BOLD,
  PM_REPORT_FONT_SMALL,
  PM_REPORT_FONT_SMALL_BOLD,
  PM_REPORT_FONT_TABLE,
  PM_REPORT_FONT_TABLE_BOLD,
  PM_REPORT_FONT_TITLE,
  PM_REPORT_FONT_HEADING,
  PM_REPORT_FONT_SUBHEADING,
  PM_REPORT_FONT_BADGE,
  PM_REPORT_N_FONTS,
} PmReportFont;

typedef struct
{
  double red;
  double green;
  double blue;
} PmReportColour;

extern const PmReportColour pm_report_black;
extern const PmReportColour pm_report_secondary;  /* notes, captions */
extern const PmReportColour pm_report_rule;       /* table rules */
extern const PmReportColour pm_report_header_fill;
extern const PmReportColour pm_report_stripe_fill;
extern const PmReportColour pm_report_accent;     /* chart lines */

/* The fill and letter colours of a RAG badge. */
void _pm_report_rag_colours (PmRag           rag,
                             PmReportColour *fill,
                             PmReportColour *letter);

/* ------------------------------------------------------------------ */
/* Pages: lists of drawing operations */

typedef struct _PmReportPage PmReportPage;

PmReportPage *_pm_report_page_new        (void);
void          _pm_report_page_free       (PmReportPage         *page);
/* Draws the lines of @layout between @from and @to (layout coordinates,
 * points; @to < 0 for the end) with their top at @y. */
void          _pm_report_page_add_text   (PmReportPage         *page,
                                          PangoLayout          *layout,
                                          double                x,
                                          double                y,
                                          double                from,
                                          double                to,
                                          const PmReportColour *colour);
void          _pm_report_page_add_rect   (PmReportPage         *page,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height,
                                          double                radius,
                                          const PmReportColour *fill);
void          _pm_report_page_add_line   (PmReportPage         *page,
                                          double                x1,
                                          double                y1,
                                          double                x2,
                                          double                y2,
                                          double                width,
                                          const PmReportColour *colour);
void          _pm_report_page_add_chart  (PmReportPage         *page,
                                          PmKpi                *kpi,
                                          PmPeriod             *upto,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height);
void          _pm_report_page_draw       (PmReportPage         *page,
                                          cairo_t              *cr);
/* Structure tags for a tagged PDF (cairo_tag_begin()): @attributes are
 * cairo's (may be NULL), @alt a figure's alternative text (may be NULL).
 * A chart is tagged as a Figure by _pm_report_page_add_chart() itself. */
void          _pm_report_page_begin_tag  (PmReportPage         *page,
                                          const char           *tag,
                                          const char           *attributes,
                                          const char           *alt);
void          _pm_report_page_end_tag    (PmReportPage         *page,
                                          const char           *tag);
/* How many drawing operations @page holds; dropping those after the
 * first @n_items. */
guint         _pm_report_page_get_n_items (PmReportPage        *page);
void          _pm_report_page_truncate   (PmReportPage         *page,
                                          guint                 n_items);
/* Moves the items of @first in front of those of @page. */
void          _pm_report_page_prepend    (PmReportPage         *page,
                                          PmReportPage         *first);
/* Adds the alternative text of each Figure on @page, in order. */
void          _pm_report_page_collect_alt_texts (PmReportPage  *page,
                                                 GPtrArray     *alt_texts);

/* ------------------------------------------------------------------ */
/* Text */

/* A layout of @markup (Pango markup; NULL for none) in @font, wrapped at
 * @width points (< 0: no wrapping), with hyphenation off. */
PangoLayout *_pm_report_layout_new        (PangoContext  *context,
                                           PmReportFont   font,
                                           const char    *markup,
                                           double         width);
/* As above with plain text, escaped for the caller. */
PangoLayout *_pm_report_layout_new_text   (PangoContext  *context,
                                           PmReportFont   font,
                                           const char    *text,
                                           double         width);
double       _pm_report_layout_height     (PangoLayout   *layout);
double       _pm_report_layout_width      (PangoLayout   *layout);
/* The lowest line boundary at or below @from + @max_height, in layout
 * coordinates; @from when not even one line fits. */
double       _pm_report_layout_cut        (PangoLayout   *layout,
                                           double         from,
                                           double         max_height);
/* The height of the first @n_lines lines (or of the whole layout). */
double       _pm_report_layout_lines_height (PangoLayout *layout,
                                             int          n_lines);

/* Sets the context up for measuring: 72 dpi, no hinting, so measurements
 * do not depend on the device. */
void         _pm_report_context_setup     (PangoContext  *context);

/* A bulleted list as one layout with a hanging indent. */
PangoLayout *_pm_report_bullets_new       (PangoContext       *context,
                                           PmReportFont        font,
                                           const char * const *items,
                                           double              width);

/* The notes on a pilot's or a KPI's data as they print under it, in
 * both reports: Pango markup, or NULL when there are none. */
char        *_pm_report_data_notes_markup (const char         *notes);

/* ------------------------------------------------------------------ */
/* Flow: places blocks down the pages, breaking pages as needed */

typedef struct _PmReportFlow  PmReportFlow;
typedef struct _PmReportTable PmReportTable;

/* An entry of the PDF's outline: a title at @y on page @page (from 0). */
typedef struct
{
  char  *title;
  guint  page;
  double y;
} PmReportOutlineEntry;

void           _pm_report_outline_entry_clear (gpointer        data);

/* Called on every new page, before anything else is placed. */
typedef void (*PmReportPageFunc) (PmReportFlow *flow,
                                  gpointer      user_data);
/* Called with each page once nothing more can go on it (@index from 0);
 * unless it returns TRUE (keep), the flow then frees the page and keeps
 * NULL in its place. */
typedef gboolean (*PmReportDoneFunc) (PmReportPage *page,
                                      guint         index,
                                      gpointer      user_data);

PmReportFlow  *_pm_report_flow_new           (PangoContext     *context,
                                              double            page_width,
                                              double            page_height,
                                              double            margin_x,
                                              double            body_top,
                                              double            body_bottom);
/* Hands the pages over (a GPtrArray of PmReportPage) and frees the flow. */
GPtrArray     *_pm_report_flow_finish        (PmReportFlow     *flow);
void           _pm_report_flow_free          (PmReportFlow     *flow);

PangoContext  *_pm_report_flow_get_context   (PmReportFlow     *flow);
PmReportPage  *_pm_report_flow_get_page      (PmReportFlow     *flow);
guint          _pm_report_flow_get_n_pages   (PmReportFlow     *flow);
double         _pm_report_flow_get_left      (PmReportFlow     *flow);
double         _pm_report_flow_get_width     (PmReportFlow     *flow);
double         _pm_report_flow_get_y         (PmReportFlow     *flow);
void           _pm_report_flow_set_y         (PmReportFlow     *flow,
                                              double            y);
double         _pm_report_flow_get_remaining (PmReportFlow     *flow);
double         _pm_report_flow_get_body_height (PmReportFlow   *flow);
gboolean       _pm_report_flow_is_page_empty (PmReportFlow     *flow);
void           _pm_report_flow_set_page_func (PmReportFlow     *flow,
                                              PmReportPageFunc  func,
                                              gpointer          user_data);

/* Hands over the pages as they are complete, so that a long document
 * need not be held whole: a page is complete once the page after next
 * has begun (a heading may still move from the last page to the next). */
void           _pm_report_flow_set_done_func (PmReportFlow     *flow,
                                              PmReportDoneFunc  func,
                                              gpointer          user_data);
/* Hands over every page not yet handed over: the document is complete. */
void           _pm_report_flow_flush         (PmReportFlow     *flow);

void           _pm_report_flow_new_page      (PmReportFlow     *flow);
/* A new page that takes along the heading placed last, when nothing has
 * been placed under it: a table that moves over keeps its heading. */
void           _pm_report_flow_new_page_with_heading (PmReportFlow *flow);
/* Starts a new page unless @height fits in what is left of this one. */
void           _pm_report_flow_ensure        (PmReportFlow     *flow,
                                              double            height);
void           _pm_report_flow_skip          (PmReportFlow     *flow,
                                              double            height);
/* A paragraph at @indent from the left margin; split across pages at
 * line boundaries, never leaving a single line behind. */
void           _pm_report_flow_add_text      (PmReportFlow     *flow,
                                              PangoLayout      *layout,
                                              double            indent,
                                              const PmReportColour *colour,
                                              double            space_after);
/* A heading kept on the same page as the first @keep points after it,
 * tagged H3, H4 or H5 by the size of its font. */
void           _pm_report_flow_add_heading   (PmReportFlow     *flow,
                                              PangoLayout      *layout,
                                              double            space_before,
                                              double            keep,
                                              double            space_after);
/* The same, tagged H@level; with an entry @outline in the PDF's outline
 * and a destination named @dest for links (both may be NULL). */
void           _pm_report_flow_add_heading_full (PmReportFlow  *flow,
                                              PangoLayout      *layout,
                                              guint             level,
                                              const char       *outline,
                                              const char       *dest,
                                              double            space_before,
                                              double            keep,
                                              double            space_after);
/* An entry in the PDF's outline at the flow's place. */
void           _pm_report_flow_add_outline   (PmReportFlow     *flow,
                                              const char       *title);
/* The page (from 1) of the latest outline entry; 0 when none. */
guint          _pm_report_flow_get_last_outline_page (PmReportFlow *flow);
/* The outline entries so far (PmReportOutlineEntry), handed over. */
GArray        *_pm_report_flow_steal_outline (PmReportFlow     *flow);
/* Structure tags (P, Table, TR...) around what is placed next; any open
 * at a page break are closed there and opened again on the next page. */
void           _pm_report_flow_begin_tag     (PmReportFlow     *flow,
                                              const char       *tag);
void           _pm_report_flow_end_tag       (PmReportFlow     *flow);
/* The footnote (the RAG legend) is printed once, at the foot of the first
 * page that asks for it: @space is what it takes there. */
void           _pm_report_flow_set_footnote_space (PmReportFlow *flow,
                                              double            space);
void           _pm_report_flow_reserve_footnote (PmReportFlow  *flow);
/* The page (from 0) that holds the footnote, or -1. */
int            _pm_report_flow_get_footnote_page (PmReportFlow *flow);

/* Tables: a row never splits across pages unless it is taller than a
 * whole page, and then only at line boundaries, marked "continued"; the
 * header row is repeated on every page the table runs on to, never with
 * one row alone under it. Rows are kept and placed by
 * _pm_report_table_end(). A row with a RAG badge reserves the footnote. */
PmReportTable *_pm_report_table_new          (PmReportFlow       *flow,
                                              guint               n_columns,
                                              const double       *widths,
                                              const char * const *headers,
                                              const char         *continued_caption);
void           _pm_report_table_free         (PmReportTable      *table);
void           _pm_report_table_begin        (PmReportTable      *table);
/* For a caller placing its own rows: places the header row now, with
 * @keep points under it (and makes the flow repeat it on new pages). */
void           _pm_report_table_place_header (PmReportTable      *table,
                                              double              keep);
/* Aligns a column's cells (and header): PANGO_ALIGN_RIGHT for figures. */
void           _pm_report_table_set_alignment (PmReportTable     *table,
                                              guint               column,
                                              PangoAlignment      alignment);
/* Identical adjacent cells of @column are printed once, across their rows
 * (kept on one page when they fit it). */
void           _pm_report_table_set_merge_column (PmReportTable  *table,
                                              guint               column);
/* Makes the last row's cell in @column a link to the destination @dest. */
void           _pm_report_table_link_last_row (PmReportTable     *table,
                                              guint               column,
                                              const char         *dest);
/* Adds a reference to each layout (NULL cells allowed): the caller keeps
 * its own. @rags, if given, marks the cells drawn as a RAG badge with
 * their status (PM_REPORT_NO_BADGE for the others). */
void           _pm_report_table_add_row      (PmReportTable      *table,
                                              PangoLayout       **cells,
                                              const PmRag        *rags,
                                              gboolean            emphasis);
void           _pm_report_table_end          (PmReportTable      *table,
                                              double              space_after);
double         _pm_report_table_get_column_x (PmReportTable      *table,
                                              guint               column);
#define PM_REPORT_CELL_PADDING 3.0
#define PM_REPORT_NO_BADGE ((PmRag) -1)

/* The "Programme totals" section (pm-indicator-totals.c): a heading and
 * a table of each programme indicator's district values, total, target
 * and status; nothing when the programme has no indicators. */
void           _pm_report_add_indicator_totals (PmReportFlow   *flow,
                                              PmProgramme      *programme,
                                              PmPeriod         *period);
/* For a one-district summary: a heading and, for each programme
 * indicator @district has a KPI of, a line with the district's value
 * beside the programme total ("Programme total: 212, 3 of 4 districts
 * reported"); nothing when it has none. */
void           _pm_report_add_district_indicator_totals (PmReportFlow *flow,
                                                         PmProgramme  *programme,
                                                         PmDistrict   *district,
                                                         PmPeriod     *period);

/* ------------------------------------------------------------------ */

typedef struct _PmReport PmReport;

/* The name printed at the top right of the pages started from now on
 * (the district whose section it is), or NULL. */
void           _pm_report_set_section        (PmReport         *report,
                                              const char       *section);
/* The meeting the pack is for ("Cabinet, 14 January 2027"), or NULL
 * when the programme's settings name none. */
char          *_pm_report_meeting_text       (PmReport         *report);
/* The line for a pack's first page: "Report to Cabinet, 14 January 2027
 * · Contact officer: Jane Smith", or NULL when nothing is set. */
char          *_pm_report_committee_text     (PmReport         *report);
/* The margin at each side for pages @page_width wide. */
double         _pm_report_margin_for_width   (double            page_width,
                                              double            page_height);

/* Where the body of a page starts and ends, around the running header,
 * the footnote (may be NULL: the space it takes is then not counted) and
 * the footer. */
#define PM_REPORT_BODY_TOP 58.0
double         _pm_report_body_top           (double            page_width,
                                              double            page_height);
double         _pm_report_body_bottom        (double            page_height,
                                              PangoLayout      *footnote);
/* Decorations drawn once the number of pages is known, before anything
 * else on the page: the running header (@right_header: the page's own,
 * or NULL), the footnote on page @footnote_page (-1: none) and the footer
 * ("Page N of M"). */
typedef struct
{
  PangoContext *context;
  double        page_width;
  double        page_height;
  double        margin_x;
  PangoLayout  *left;
  PangoLayout  *footer;
  PangoLayout  *footnote;
  int           footnote_page;
  guint         n_pages;
} PmReportFurniture;

void           _pm_report_furniture_init     (PmReportFurniture *furniture,
                                              PangoContext      *context,
                                              double             page_width,
                                              double             page_height,
                                              double             margin_x,
                                              const char        *left_header,
                                              const char        *footer_left,
                                              PangoLayout       *footnote,
                                              int                footnote_page,
                                              guint              n_pages);
void           _pm_report_furniture_add      (const PmReportFurniture *furniture,
                                              PmReportPage      *page,
                                              guint              index,
                                              const char        *right_header);
void           _pm_report_furniture_clear    (PmReportFurniture *furniture);

/* Exports of more than @n_pages (100 unless set) are laid out twice and
 * drawn as they are laid out, not held whole: for tests of both ways. */
void           _pm_report_set_kept_pages     (PmReport          *report,
                                              guint              n_pages);

/* The processes a long export is drawn in (1: one after the other); the
 * number of processors (at most 4) unless set. */
void           _pm_report_set_processes      (PmReport          *report,
                                              guint              n_processes);
/* Whether this process has one thread, and so may fork(). */
gboolean       _pm_report_can_fork           (void);
/* The document laid out as for an export, pages handed to @done; with
 * the paper size's furniture, and the running header of a page. */
GPtrArray     *_pm_report_lay_out            (PmReport          *report,
                                              cairo_t           *cr,
                                              PmReportDoneFunc   done,
                                              gpointer           done_data,
                                              PangoLayout      **footnote,
                                              int               *footnote_page);
void           _pm_report_furniture_for      (PmReport          *report,
                                              PmReportFurniture *furniture,
                                              PangoLayout       *footnote,
                                              int                footnote_page,
                                              guint              n_pages);
const char    *_pm_report_section_of_page    (PmReport          *report,
                                              guint              page);
/* pm-report-parts.c: an export drawn in parts side by side, by
 * @n_processes processes: the first into files[0] (already there), the
 * others by children forked while the pages are counted, into new parts
 * beside @file, added to @files. @footnote is where the count's layout
 * puts its footnote. */
typedef struct _PmReportParts PmReportParts;

PmReportParts *_pm_report_parts_new          (PmReport              *report,
                                              PmSafeFile            *file,
                                              GPtrArray             *files,
                                              guint                  n_processes,
                                              PangoLayout          **footnote);
/* Called by a report's layout where a section (a district) begins, with
 * the work before it out of the whole (its KPIs, say): while the pages
 * are counted a child may take over from here. FALSE: stop the layout,
 * the part drawn here is complete. */
gboolean       _pm_report_resume_point       (PmReport              *report,
                                              PmReportFlow          *flow,
                                              guint64                work_done,
                                              guint64                work_total);
/* Once the pages are counted (in a child this never returns): @parts,
 * or NULL when the document is drawn @whole after all (the children and
 * their files go, and @parts is freed). */
PmReportParts *_pm_report_parts_counted      (PmReportParts         *parts,
                                              gboolean               whole);
/* Draws the @n_pages counted: the first part on @cr (taken), the others
 * by the children, and frees @parts. Returns the pages as laid out, or NULL when cancelled
 * (@cancelled) or failed. */
GPtrArray     *_pm_report_draw_parts         (PmReportParts         *parts,
                                              cairo_t               *cr,
                                              guint                  n_pages,
                                              int                    footnote_page,
                                              GPtrArray             *alt_texts,
                                              GCancellable          *cancellable,
                                              PmReportProgressFunc   progress,
                                              gpointer               user_data,
                                              gboolean              *cancelled,
                                              GError               **error);

/* Exports drawn in parts of @n_pages (0: one file, the default), each
 * on its own surface, and joined: for tests of the joining. */
void           _pm_report_set_part_pages     (PmReport          *report,
                                              guint              n_pages);

G_END_DECLS
