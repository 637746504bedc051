/* pm-report-page.c: a laid-out page, as a list of drawing operations
 *
 * Keeping the operations rather than drawing at once lets the report count
 * its pages before anything is printed (GtkPrintOperation wants the number
 * up front, and so does "Page N of M"), and draw any page again for the
 * print preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pm-report-private.h"
#include "pm-trend-chart.h"

#include "model/pm-wording.h"

const PmReportColour pm_report_black = { 0.0, 0.0, 0.0 };
const PmReportColour pm_report_secondary = { 0.24, 0.22, 0.27 };      /* #3d3846 */
const PmReportColour pm_report_rule = { 0.60, 0.60, 0.59 };           /* #9a9996 */
const PmReportColour pm_report_header_fill = { 0.87, 0.87, 0.85 };    /* #deddda */
const PmReportColour pm_report_stripe_fill = { 0.965, 0.961, 0.957 }; /* #f6f5f4 */
const PmReportColour pm_report_accent = { 0.11, 0.44, 0.85 };         /* #1c71d8 */

void
_pm_report_rag_colours (PmRag           rag,
                        PmReportColour *fill,
                        PmReportColour *letter)
{
  /* libadwaita's palette; the letter carries the meaning for readers who
   * cannot tell the colours apart, or print in black and white. */
  static const PmReportColour green = { 0.18, 0.76, 0.49 };  /* #2ec27e */
  static const PmReportColour amber = { 0.96, 0.76, 0.07 };  /* #f5c211 */
  static const PmReportColour red = { 0.75, 0.11, 0.16 };    /* #c01c28 */
  static const PmReportColour grey = { 0.87, 0.87, 0.85 };   /* #deddda */
  static const PmReportColour white = { 1.0, 1.0, 1.0 };

  switch (rag)
    {
    case PM_RAG_GREEN:
      *fill = green;
      *letter = pm_report_black;
      break;
    case PM_RAG_AMBER:
      *fill = amber;
      *letter = pm_report_black;
      break;
    case PM_RAG_RED:
      *fill = red;
      *letter = white;
      break;
    case PM_RAG_GREY:
    default:
      *fill = grey;
      *letter = pm_report_black;
      break;
    }
}

typedef enum
{
  ITEM_TEXT,
  ITEM_RECT,
  ITEM_LINE,
  ITEM_CHART,
  ITEM_TAG_BEGIN,
  ITEM_TAG_END,
} ItemKind;

typedef struct
{
  ItemKind        kind;
  PmReportColour  colour;
  double          x;
  double          y;
  double          width;   /* rect, chart; x2 for a line */
  double          height;  /* rect, chart; y2 for a line */
  double          extra;   /* radius, line width */
  double          from;    /* text: visible part of the layout */
  double          to;
  PangoLayout    *layout;
  PmKpi          *kpi;
  PmPeriod       *period;
  char           *tag;         /* tags: the structure type, "Link", ... */
  char           *attributes;  /* tags: cairo's attributes, or NULL */
  char           *alt;         /* figures: the alternative text */
} Item;

struct _PmReportPage
{
  GArray *items;
};

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_object (&item->kpi);
  g_clear_object (&item->period);
  g_clear_pointer (&item->tag, g_free);
  g_clear_pointer (&item->attributes, g_free);
  g_clear_pointer (&item->alt, g_free);
}

PmReportPage *
_pm_report_page_new (void)
{
  PmReportPage *page = g_new0 (PmReportPage, 1);

  page->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (page->items, item_clear);

  return page;
}

void
_pm_report_page_free (PmReportPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_array_unref);
  g_free (page);
}

void
_pm_report_page_add_text (PmReportPage         *page,
                          PangoLayout          *layout,
                          double                x,
                          double                y,
                          double                from,
                          double                to,
                          const PmReportColour *colour)
{
  Item item = { ITEM_TEXT, };

  g_assert (page != NULL);
  g_assert (PANGO_IS_LAYOUT (layout));

  item.layout = g_object_ref (layout);
  item.colour = colour != NULL ? *colour : pm_report_black;
  item.x = x;
  item.y = y;
  item.from = from;
  item.to = to;
  g_array_append_val (page->items, item);
}

void
_pm_report_page_add_rect (PmReportPage         *page,
                          double                x,
                          double                y,
                          double                width,
                          double                height,
                          double                radius,
                          const PmReportColour *fill)
{
  Item item = { ITEM_RECT, };

  item.colour = *fill;
  item.x = x;
  item.y = y;
  item.width = width;
  item.height = height;
  item.extra = radius;
  g_array_append_val (page->items, item);
}

void
_pm_report_page_add_line (PmReportPage         *page,
                          double                x1,
                          double                y1,
                          double                x2,
                          double                y2,
                          double                width,
                          const PmReportColour *colour)
{
  Item item = { ITEM_LINE, };

  item.colour = *colour;
  item.x = x1;
  item.y = y1;
  item.width = x2;
  item.height = y2;
  item.extra = width;
  g_array_append_val (page->items, item);
}

void
_pm_report_page_begin_tag (PmReportPage *page,
                           const char   *tag,
                           const char   *attributes,
                           const char   *alt)
{
  Item item = { ITEM_TAG_BEGIN, };

  g_assert (page != NULL);
  g_assert (tag != NULL);

  item.tag = g_strdup (tag);
  item.attributes = g_strdup (attributes);
  item.alt = g_strdup (alt);
  g_array_append_val (page->items, item);
}

void
_pm_report_page_end_tag (PmReportPage *page,
                         const char   *tag)
{
  Item item = { ITEM_TAG_END, };

  g_assert (page != NULL);

  item.tag = g_strdup (tag);
  g_array_append_val (page->items, item);
}

guint
_pm_report_page_get_n_items (PmReportPage *page)
{
  return page->items->len;
}

void
_pm_report_page_truncate (PmReportPage *page,
                          guint         n_items)
{
  if (n_items < page->items->len)
    g_array_set_size (page->items, n_items);
}

void
_pm_report_page_prepend (PmReportPage *page,
                         PmReportPage *first)
{
  gsize n_items = 0;
  Item *items = g_array_steal (first->items, &n_items);

  /* The items change hands: @first is left empty, nothing is cleared. */
  g_array_prepend_vals (page->items, items, n_items);
  g_free (items);
}

void
_pm_report_page_collect_alt_texts (PmReportPage *page,
                                   GPtrArray    *alt_texts)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      if (item->kind == ITEM_TAG_BEGIN && g_str_equal (item->tag, "Figure"))
        g_ptr_array_add (alt_texts, g_strdup (item->alt != NULL ? item->alt : ""));
    }
}

void
_pm_report_page_add_chart (PmReportPage *page,
                           PmKpi        *kpi,
                           PmPeriod     *upto,
                           double        x,
                           double        y,
                           double        width,
                           double        height)
{
  Item item = { ITEM_CHART, };
  g_autofree char *alt = pm_wording_chart_summary (kpi, upto);

  /* A chart is a figure, told in words to those who cannot see it. */
  _pm_report_page_begin_tag (page, "Figure", NULL, alt);

  item.kpi = g_object_ref (kpi);
  item.period = g_object_ref (upto);
  item.x = x;
  item.y = y;
  item.width = width;
  item.height = height;
  g_array_append_val (page->items, item);

  _pm_report_page_end_tag (page, "Figure");
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_text (cairo_t    *cr,
           const Item *item)
{
  double to = item->to;
  PangoLayoutIter *iter;

  cairo_save (cr);
  cairo_set_source_rgb (cr, item->colour.red, item->colour.green, item->colour.blue);

  if (item->from <= 0 && to < 0)
    {
      cairo_move_to (cr, item->x, item->y);
      /* Keep the layout's own context: updating it from @cr could change the
       * font options and so the line breaks that pagination measured. */
      pango_cairo_show_layout (cr, item->layout);
      cairo_new_path (cr);
      cairo_restore (cr);
      return;
    }

  /* Only the lines between from and to belong on this page: the others
   * are not drawn at all (clipped, they would still be in the PDF's text,
   * read twice by a screen reader and found twice by a search). */
  iter = pango_layout_get_iter (item->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (y0 / (double) PANGO_SCALE < item->from - 0.01)
        continue;
      if (to >= 0 && y1 / (double) PANGO_SCALE > to + 0.01)
        break;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, item->x + logical.x / (double) PANGO_SCALE,
                     item->y - item->from + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  cairo_new_path (cr);
  cairo_restore (cr);
}

void
_pm_report_page_draw (PmReportPage *page,
                      cairo_t      *cr)
{
  g_assert (page != NULL);

  for (guint i = 0; i < page->items->len; i++)
    {
      const Item *item = &g_array_index (page->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TEXT:
          draw_text (cr, item);
          break;

        case ITEM_RECT:
          cairo_save (cr);
          rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->extra);
          cairo_set_source_rgb (cr, item->colour.red, item->colour.green, item->colour.blue);
          cairo_fill (cr);
          cairo_restore (cr);
          break;

        case ITEM_LINE:
          cairo_save (cr);
          cairo_set_line_width (cr, item->extra);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          cairo_move_to (cr, item->x, item->y);
          cairo_line_to (cr, item->width, item->height);
          cairo_set_source_rgb (cr, item->colour.red, item->colour.green, item->colour.blue);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;

        case ITEM_CHART:
          cairo_save (cr);
          pm_trend_chart_draw (cr, item->kpi, item->period,
                               item->x, item->y, item->width, item->height);
          cairo_restore (cr);
          break;

        case ITEM_TAG_BEGIN:
          cairo_tag_begin (cr, item->tag, item->attributes != NULL ? item->attributes : "");
          break;

        case ITEM_TAG_END:
          cairo_tag_end (cr, item->tag);
          break;

        default:
          g_assert_not_reached ();
        }
    }
}
