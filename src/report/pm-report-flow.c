/* pm-report-flow.c: placing blocks down the pages
 *
 * Everything is measured before it is placed: a block that does not fit in
 * what is left of the page moves to the next one, and only a block taller
 * than a whole page is split, at a line boundary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pm-report-flow-private.h"

#define HEADER_TEXT_Y     28.0
#define FOOTER_RULE_SPACE 30.0  /* from the foot of the page to the footer rule */
#define FOOTNOTE_GAP      10.0

double
_pm_report_body_bottom (double       page_height,
                        PangoLayout *footnote)
{
  double bottom = page_height - FOOTER_RULE_SPACE - 8;

  if (footnote != NULL)
    bottom -= _pm_report_layout_height (footnote) + FOOTNOTE_GAP + 4;

  return bottom;
}

PmReportFlow *
_pm_report_flow_new (PangoContext *context,
                     double        page_width,
                     double        page_height,
                     double        margin_x,
                     double        body_top,
                     double        body_bottom)
{
  PmReportFlow *flow = g_new0 (PmReportFlow, 1);

  g_assert (PANGO_IS_CONTEXT (context));
  g_assert (body_bottom > body_top);

  flow->context = g_object_ref (context);
  flow->page_width = page_width;
  flow->page_height = page_height;
  flow->margin_x = margin_x;
  flow->body_top = body_top;
  flow->body_bottom = body_bottom;
  flow->full_bottom = body_bottom;
  flow->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) _pm_report_page_free);
  flow->tags = g_ptr_array_new_with_free_func (g_free);
  flow->outline = g_array_new (FALSE, TRUE, sizeof (PmReportOutlineEntry));
  g_array_set_clear_func (flow->outline, _pm_report_outline_entry_clear);
  flow->footnote_page = -1;

  return flow;
}

void
_pm_report_flow_free (PmReportFlow *flow)
{
  if (flow == NULL)
    return;

  g_clear_object (&flow->context);
  g_clear_pointer (&flow->pages, g_ptr_array_unref);
  g_clear_pointer (&flow->tags, g_ptr_array_unref);
  g_clear_pointer (&flow->outline, g_array_unref);
  g_clear_object (&flow->heading_layout);
  g_clear_pointer (&flow->heading_outline, g_free);
  g_clear_pointer (&flow->heading_dest, g_free);
  g_free (flow);
}

void
_pm_report_outline_entry_clear (gpointer data)
{
  PmReportOutlineEntry *entry = data;

  g_clear_pointer (&entry->title, g_free);
}

GArray *
_pm_report_flow_steal_outline (PmReportFlow *flow)
{
  GArray *outline = g_steal_pointer (&flow->outline);

  flow->outline = g_array_new (FALSE, TRUE, sizeof (PmReportOutlineEntry));
  g_array_set_clear_func (flow->outline, _pm_report_outline_entry_clear);

  return outline;
}

int
_pm_report_flow_get_footnote_page (PmReportFlow *flow)
{
  return flow->footnote_page;
}

void
_pm_report_flow_set_footnote_space (PmReportFlow *flow,
                                    double        space)
{
  flow->footnote_space = space;
}

void
_pm_report_flow_reserve_footnote (PmReportFlow *flow)
{
  double bottom = flow->full_bottom - flow->footnote_space;

  if (flow->footnote_space <= 0 || flow->footnote_page >= 0)
    return;

  if (flow->page == NULL || flow->y > bottom + 0.01)
    _pm_report_flow_new_page (flow);

  flow->body_bottom = bottom;
  flow->footnote_page = flow->pages->len - 1;
}

void
_pm_report_flow_begin_tag (PmReportFlow *flow,
                           const char   *tag)
{
  _pm_report_page_begin_tag (_pm_report_flow_get_page (flow), tag, NULL, NULL);
  g_ptr_array_add (flow->tags, g_strdup (tag));
}

void
_pm_report_flow_end_tag (PmReportFlow *flow)
{
  g_assert (flow->tags->len > 0);

  _pm_report_page_end_tag (flow->page, g_ptr_array_index (flow->tags, flow->tags->len - 1));
  g_ptr_array_remove_index (flow->tags, flow->tags->len - 1);
}

void
_pm_report_flow_add_outline (PmReportFlow *flow,
                             const char   *title)
{
  PmReportOutlineEntry entry = { NULL, };

  entry.title = g_strdup (title);
  entry.page = _pm_report_flow_get_n_pages (flow) > 0 ? flow->pages->len - 1 : 0;
  entry.y = flow->y;
  g_array_append_val (flow->outline, entry);
}

guint
_pm_report_flow_get_last_outline_page (PmReportFlow *flow)
{
  if (flow->outline->len == 0)
    return 0;

  return g_array_index (flow->outline, PmReportOutlineEntry, flow->outline->len - 1).page + 1;
}

GPtrArray *
_pm_report_flow_finish (PmReportFlow *flow)
{
  GPtrArray *pages = g_steal_pointer (&flow->pages);

  _pm_report_flow_free (flow);

  return pages;
}

PangoContext *
_pm_report_flow_get_context (PmReportFlow *flow)
{
  return flow->context;
}

PmReportPage *
_pm_report_flow_get_page (PmReportFlow *flow)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  return flow->page;
}

guint
_pm_report_flow_get_n_pages (PmReportFlow *flow)
{
  return flow->pages->len;
}

double
_pm_report_flow_get_left (PmReportFlow *flow)
{
  return flow->margin_x;
}

double
_pm_report_flow_get_width (PmReportFlow *flow)
{
  return flow->page_width - 2 * flow->margin_x;
}

double
_pm_report_flow_get_y (PmReportFlow *flow)
{
  return flow->y;
}

void
_pm_report_flow_set_y (PmReportFlow *flow,
                       double        y)
{
  if (y > flow->y + 0.001)
    flow->page_empty = FALSE;
  flow->y = y;
}

double
_pm_report_flow_get_remaining (PmReportFlow *flow)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  return flow->body_bottom - flow->y;
}

double
_pm_report_flow_get_body_height (PmReportFlow *flow)
{
  return flow->full_bottom - flow->body_top;
}

gboolean
_pm_report_flow_is_page_empty (PmReportFlow *flow)
{
  return flow->page == NULL || flow->page_empty;
}

void
_pm_report_flow_set_page_func (PmReportFlow     *flow,
                               PmReportPageFunc  func,
                               gpointer          user_data)
{
  flow->page_func = func;
  flow->page_data = user_data;
}

void
_pm_report_flow_set_done_func (PmReportFlow     *flow,
                               PmReportDoneFunc  func,
                               gpointer          user_data)
{
  flow->done_func = func;
  flow->done_data = user_data;
}

static void
hand_over (PmReportFlow *flow,
           guint         end)
{
  for (; flow->done_func != NULL && flow->n_done < end; flow->n_done++)
    {
      PmReportPage *page = g_ptr_array_index (flow->pages, flow->n_done);

      if (flow->done_func (page, flow->n_done, flow->done_data))
        continue;
      if (flow->heading_page == page)
        flow->heading_page = NULL;
      _pm_report_page_free (page);
      flow->pages->pdata[flow->n_done] = NULL;
    }
}

void
_pm_report_flow_flush (PmReportFlow *flow)
{
  flow->page = NULL;
  flow->heading_page = NULL;
  hand_over (flow, flow->pages->len);
}

void
_pm_report_flow_new_page (PmReportFlow *flow)
{
  /* The structure open at the foot of the page is closed there and opened
   * again on the next, so that the running header and footer, drawn
   * first, belong to no table or paragraph. */
  if (flow->page != NULL)
    for (guint i = flow->tags->len; i > 0; i--)
      _pm_report_page_end_tag (flow->page, g_ptr_array_index (flow->tags, i - 1));

  flow->page = _pm_report_page_new ();
  g_ptr_array_add (flow->pages, flow->page);
  if (flow->pages->len > 2)
    hand_over (flow, flow->pages->len - 2);
  flow->y = flow->body_top;
  flow->body_bottom = flow->full_bottom;

  for (guint i = 0; i < flow->tags->len; i++)
    _pm_report_page_begin_tag (flow->page, g_ptr_array_index (flow->tags, i), NULL, NULL);

  if (flow->page_func != NULL)
    flow->page_func (flow, flow->page_data);

  if (flow->table != NULL)
    _pm_report_table_place_continued_header (flow->table);

  flow->page_empty = TRUE;
}

void
_pm_report_flow_ensure (PmReportFlow *flow,
                        double        height)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);
  else if (flow->body_bottom - flow->y < height - 0.01 && !flow->page_empty)
    _pm_report_flow_new_page (flow);
}

void
_pm_report_flow_skip (PmReportFlow *flow,
                      double        height)
{
  if (flow->page == NULL)
    _pm_report_flow_new_page (flow);

  /* Space at the top of a page helps nobody. */
  if (flow->page_empty)
    return;

  flow->y = MIN (flow->y + height, flow->body_bottom);
}

void
_pm_report_flow_add_text (PmReportFlow         *flow,
                          PangoLayout          *layout,
                          double                indent,
                          const PmReportColour *colour,
                          double                space_after)
{
  double height = _pm_report_layout_height (layout);
  double x = flow->margin_x + indent;
  double from = 0;

  _pm_report_flow_ensure (flow, MIN (height, _pm_report_layout_lines_height (layout, 2)));
  _pm_report_flow_begin_tag (flow, "P");

  while (from < height - 0.01)
    {
      double remaining = flow->body_bottom - flow->y;
      double cut;

      if (height - from <= remaining + 0.01)
        {
          _pm_report_page_add_text (flow->page, layout, x, flow->y, from, from > 0 ? height : -1, colour);
          flow->y += height - from;
          flow->page_empty = FALSE;
          break;
        }

      cut = _pm_report_layout_cut (layout, from, remaining);

      /* Not even a line fits: on a fresh page that line is taller than the
       * page, so take it anyway rather than loop for ever. */
      if (cut <= from && flow->page_empty)
        cut = height;

      if (cut > from)
        {
          _pm_report_page_add_text (flow->page, layout, x, flow->y, from, cut, colour);
          flow->y += cut - from;
          flow->page_empty = FALSE;
          from = cut;
        }

      if (from < height - 0.01)
        _pm_report_flow_new_page (flow);
    }

  _pm_report_flow_end_tag (flow);
  flow->y = MIN (flow->y + space_after, flow->body_bottom);
}

void
_pm_report_flow_add_heading_full (PmReportFlow *flow,
                                  PangoLayout  *layout,
                                  guint         level,
                                  const char   *outline,
                                  const char   *dest,
                                  double        space_before,
                                  double        keep,
                                  double        space_after)
{
  double height = _pm_report_layout_height (layout);
  char tag[4];

  g_assert (level >= 1 && level <= 6);

  _pm_report_flow_skip (flow, space_before);
  _pm_report_flow_ensure (flow, height + space_after + keep);

  flow->heading_page = flow->page;
  flow->heading_n_items = _pm_report_page_get_n_items (flow->page);
  g_set_object (&flow->heading_layout, layout);
  flow->heading_level = level;
  g_free (flow->heading_outline);
  flow->heading_outline = g_strdup (outline);
  g_free (flow->heading_dest);
  flow->heading_dest = g_strdup (dest);
  flow->heading_space_after = space_after;

  if (outline != NULL)
    _pm_report_flow_add_outline (flow, outline);

  g_snprintf (tag, sizeof tag, "H%u", level);
  _pm_report_page_begin_tag (flow->page, tag, NULL, NULL);
  if (dest != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("name='%s'", dest);

      _pm_report_page_begin_tag (flow->page, CAIRO_TAG_DEST, attributes, NULL);
    }
  _pm_report_page_add_text (flow->page, layout, flow->margin_x, flow->y, 0, -1, NULL);
  if (dest != NULL)
    _pm_report_page_end_tag (flow->page, CAIRO_TAG_DEST);
  _pm_report_page_end_tag (flow->page, tag);

  flow->y += height + space_after;
  flow->page_empty = FALSE;
  flow->heading_bottom = flow->y;
}

void
_pm_report_flow_new_page_with_heading (PmReportFlow *flow)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *dest = NULL;

  if (flow->heading_page == NULL || flow->heading_page != flow->page ||
      ABS (flow->heading_bottom - flow->y) > 0.001 || flow->tags->len > 0)
    {
      _pm_report_flow_new_page (flow);
      return;
    }

  /* Nothing under the heading yet: take it off this page, onto the next. */
  _pm_report_page_truncate (flow->page, flow->heading_n_items);
  if (flow->heading_outline != NULL && flow->outline->len > 0)
    g_array_set_size (flow->outline, flow->outline->len - 1);
  layout = g_steal_pointer (&flow->heading_layout);
  outline = g_steal_pointer (&flow->heading_outline);
  dest = g_steal_pointer (&flow->heading_dest);

  _pm_report_flow_new_page (flow);
  _pm_report_flow_add_heading_full (flow, layout, flow->heading_level, outline, dest, 0, 0,
                                    flow->heading_space_after);
}

void
_pm_report_flow_add_heading (PmReportFlow *flow,
                             PangoLayout  *layout,
                             double        space_before,
                             double        keep,
                             double        space_after)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  int size = font != NULL ? pango_font_description_get_size (font) / PANGO_SCALE : 0;

  /* Headings under a district's (H2): a pilot's title, then its parts. */
  _pm_report_flow_add_heading_full (flow, layout, size >= 13 ? 3 : size >= 11 ? 4 : 5, NULL, NULL,
                                    space_before, keep, space_after);
}

/* ------------------------------------------------------------------ */
/* Tables */

/* ------------------------------------------------------------------ */
/* Running header, footnote and footer */

void
_pm_report_furniture_init (PmReportFurniture *furniture,
                           PangoContext      *context,
                           double             page_width,
                           double             page_height,
                           double             margin_x,
                           const char        *left_header,
                           const char        *footer_left,
                           PangoLayout       *footnote,
                           int                footnote_page,
                           guint              n_pages)
{
  double width = page_width - 2 * margin_x;

  furniture->context = g_object_ref (context);
  furniture->page_width = page_width;
  furniture->page_height = page_height;
  furniture->margin_x = margin_x;
  furniture->left = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, left_header, width * 0.6);
  furniture->footer = _pm_report_layout_new_text (context, PM_REPORT_FONT_SMALL, footer_left, width * 0.7);
  furniture->footnote = footnote != NULL ? g_object_ref (footnote) : NULL;
  furniture->footnote_page = footnote_page;
  furniture->n_pages = n_pages;
}

void
_pm_report_furniture_clear (PmReportFurniture *furniture)
{
  g_clear_object (&furniture->context);
  g_clear_object (&furniture->left);
  g_clear_object (&furniture->footer);
  g_clear_object (&furniture->footnote);
}

void
_pm_report_furniture_add (const PmReportFurniture *furniture,
                          PmReportPage            *target,
                          guint                    i,
                          const char              *right_header)
{
  double page_width = furniture->page_width;
  double margin_x = furniture->margin_x;
  double footer_rule = furniture->page_height - FOOTER_RULE_SPACE;
  PangoLayout *footnote = furniture->footnote;
  /* Drawn first, outside the tables and paragraphs of the page. */
  PmReportPage *page = _pm_report_page_new ();
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *text = NULL;
  double header_bottom;

  /* Running header: what the document is, and whose page this is. */
  _pm_report_page_add_text (page, furniture->left, margin_x, HEADER_TEXT_Y, 0, -1, &pm_report_secondary);
  header_bottom = HEADER_TEXT_Y + _pm_report_layout_height (furniture->left);

  if (right_header != NULL)
    {
      g_autoptr(PangoLayout) right = NULL;

      right = _pm_report_layout_new_text (furniture->context, PM_REPORT_FONT_SMALL_BOLD, right_header, -1);
      _pm_report_page_add_text (page, right, page_width - margin_x - _pm_report_layout_width (right),
                                HEADER_TEXT_Y, 0, -1, NULL);
    }

  _pm_report_page_add_line (page, margin_x, header_bottom + 3, page_width - margin_x,
                            header_bottom + 3, RULE_WIDTH, &pm_report_rule);

  if (footnote != NULL && furniture->footnote_page == (int) i)
    {
      double top = footer_rule - 6 - _pm_report_layout_height (footnote);

      _pm_report_page_add_line (page, margin_x, top - 4, margin_x + 72, top - 4,
                                RULE_WIDTH, &pm_report_rule);
      _pm_report_page_begin_tag (page, "P", NULL, NULL);
      _pm_report_page_add_text (page, footnote, margin_x, top, 0, -1, &pm_report_secondary);
      _pm_report_page_end_tag (page, "P");
    }

  _pm_report_page_add_line (page, margin_x, footer_rule, page_width - margin_x, footer_rule,
                            RULE_WIDTH, &pm_report_rule);
  _pm_report_page_add_text (page, furniture->footer, margin_x, footer_rule + 4, 0, -1, &pm_report_secondary);

  /* Translators: the page number in the footer of printed reports */
  text = g_strdup_printf (_("Page %u of %u"), i + 1, furniture->n_pages);
  number = _pm_report_layout_new_text (furniture->context, PM_REPORT_FONT_SMALL, text, -1);
  _pm_report_page_add_text (page, number, page_width - margin_x - _pm_report_layout_width (number),
                            footer_rule + 4, 0, -1, &pm_report_secondary);

  _pm_report_page_prepend (target, page);
  _pm_report_page_free (page);
}
