/* pm-report-text.c: fonts, measured layouts and the shared wording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pm-report-private.h"

#include "model/pm-date.h"

/* Cantarell is GNOME's own face; DejaVu Sans covers what it lacks (arrows,
 * the minus sign). Both come with Debian: fonts-cantarell,
 * fonts-dejavu-core. */
static const char * const font_names[PM_REPORT_N_FONTS] = {
  /* Body text at 10 pt and tables at 9 pt: the least a committee member
   * should have to read; notes and the running header at 8 pt. */
  [PM_REPORT_FONT_BODY] = "Cantarell, DejaVu Sans 10",
  [PM_REPORT_FONT_BODY_BOLD] = "Cantarell, DejaVu Sans Bold 10",
  [PM_REPORT_FONT_SMALL] = "Cantarell, DejaVu Sans 8",
  [PM_REPORT_FONT_SMALL_BOLD] = "Cantarell, DejaVu Sans Bold 8",
  [PM_REPORT_FONT_TABLE] = "Cantarell, DejaVu Sans 9",
  [PM_REPORT_FONT_TABLE_BOLD] = "Cantarell, DejaVu Sans Bold 9",
  [PM_REPORT_FONT_TITLE] = "Cantarell, DejaVu Sans Bold 20",
  [PM_REPORT_FONT_HEADING] = "Cantarell, DejaVu Sans Bold 13",
  [PM_REPORT_FONT_SUBHEADING] = "Cantarell, DejaVu Sans Bold 11",
  [PM_REPORT_FONT_BADGE] = "DejaVu Sans Bold 8",
};

void
_pm_report_context_setup (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics scale linearly, so a layout measured here has the
   * same line breaks on paper, on a PDF page and in the print preview. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
}

PangoLayout *
_pm_report_layout_new (PangoContext *context,
                       PmReportFont  font,
                       const char   *markup,
                       double        width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *description;
  PangoAttrList *attributes;

  g_assert (font < PM_REPORT_N_FONTS);

  description = pango_font_description_from_string (font_names[font]);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);

  if (markup != NULL)
    pango_layout_set_markup (layout, markup, -1);

  /* No hyphens: a word broken at the margin should still read as written
   * (and be found by a search of the PDF). */
  attributes = pango_layout_get_attributes (layout);
  attributes = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  /* No ligatures either: "ﬁ" in "Lichfield" cut the word short for
   * screen readers and searches that read the PDF's text. */
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("liga=0, clig=0"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return g_steal_pointer (&layout);
}

PangoLayout *
_pm_report_layout_new_text (PangoContext *context,
                            PmReportFont  font,
                            const char   *text,
                            double        width)
{
  g_autofree char *markup = g_markup_escape_text (text != NULL ? text : "", -1);

  return _pm_report_layout_new (context, font, markup, width);
}

double
_pm_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (logical.y + logical.height) / (double) PANGO_SCALE;
}

double
_pm_report_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (logical.x + logical.width) / (double) PANGO_SCALE;
}

double
_pm_report_layout_cut (PangoLayout *layout,
                       double       from,
                       double       max_height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double best = from;

  do
    {
      int y0, y1;
      double bottom;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      bottom = y1 / (double) PANGO_SCALE;

      if (bottom <= from + 0.01)
        continue;
      if (bottom - from > max_height + 0.01)
        break;
      best = bottom;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return best;
}

double
_pm_report_layout_lines_height (PangoLayout *layout,
                                int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double height = 0;
  int line = 0;

  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      height = y1 / (double) PANGO_SCALE;
      line++;
    }
  while (line < n_lines && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return height;
}

PangoLayout *
_pm_report_bullets_new (PangoContext       *context,
                        PmReportFont        font,
                        const char * const *items,
                        double              width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoLayout) bullet = NULL;
  PangoLayout *layout;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (items[i], -1);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "•\u2002%s", escaped);
    }

  layout = _pm_report_layout_new (context, font, text->str, width);

  /* A hanging indent as wide as the bullet, so wrapped lines start under
   * the text rather than under the bullet. */
  bullet = _pm_report_layout_new (context, font, "•\u2002", -1);
  pango_layout_set_indent (layout, -(int) (_pm_report_layout_width (bullet) * PANGO_SCALE));

  return layout;
}

char *
_pm_report_data_notes_markup (const char *notes)
{
  g_autofree char *trimmed = NULL;

  if (notes == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (notes));
  if (trimmed[0] == '\0')
    return NULL;

  /* Translators: before the notes on a pilot's or a KPI's data (where the
   * figures come from, where the sources disagree) in a printed report */
  return g_markup_printf_escaped ("<span foreground=\"#3d3846\"><i>%s</i> %s</span>",
                                  _("Notes on the data:"), trimmed);
}
