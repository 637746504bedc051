/* pm-chart-palette.c: chart colours and status marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pm-chart-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const PmChartPalette light = {
  .background = RGB (0xffffff),
  .text = RGB (0x241f31),        /* dark_4 */
  .secondary = RGB (0x5e5c64),   /* dark_1 */
  .grid = RGB (0xdeddda),        /* light_3 */
  .line = RGB (0x1c71d8),        /* blue_4 */
  .baseline = RGB (0x77767b),    /* dark_1 lighter */
  .target = RGB (0x9c6e03),      /* yellow_5 darkened for contrast on paper */
  .wrong_side = RGB (0xe01b24),  /* red_3, drawn faintly */
  .focus = RGB (0x3584e4),       /* blue_3 */
  .rag = {
    [PM_RAG_GREY] = RGB (0x9a9996),   /* light_5 */
    [PM_RAG_RED] = RGB (0xc01c28),    /* red_4 */
    [PM_RAG_AMBER] = RGB (0xe5a50a),  /* yellow_5 */
    [PM_RAG_GREEN] = RGB (0x26a269),  /* green_5 */
  },
};

static const PmChartPalette dark = {
  .background = RGB (0x242424),
  .text = RGB (0xffffff),
  .secondary = RGB (0xc0bfbc),   /* light_4 */
  .grid = RGB (0x3d3846),        /* dark_3 */
  .line = RGB (0x62a0ea),        /* blue_2 */
  .baseline = RGB (0x9a9996),
  .target = RGB (0xf6d32d),      /* yellow_3 */
  .wrong_side = RGB (0xf66151),  /* red_1 */
  .focus = RGB (0x99c1f1),       /* blue_1 */
  .rag = {
    [PM_RAG_GREY] = RGB (0x9a9996),
    [PM_RAG_RED] = RGB (0xf66151),    /* red_1 */
    [PM_RAG_AMBER] = RGB (0xf8e45c),  /* yellow_2 */
    [PM_RAG_GREEN] = RGB (0x57e389),  /* green_2 */
  },
};

const PmChartPalette *
pm_chart_palette_get (gboolean is_dark)
{
  return is_dark ? &dark : &light;
}

void
pm_chart_set_source (cairo_t             *cr,
                     const PmChartColour *colour,
                     double               alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, alpha);
}

#define MIX(a, b, share) ((a) * (share) + (b) * (1 - (share)))

/* The width of a mark's outline. */
static double
outline_width (PmRag  rag,
               double radius)
{
  return rag == PM_RAG_GREY ? MAX (1.0, radius / 3) : MAX (0.5, radius / 5);
}

/* Adds the shape of a mark to the path, as a sub-path of its own. */
static void
add_mark_path (cairo_t *cr,
               PmRag    rag,
               double   x,
               double   y,
               double   radius)
{
  cairo_new_sub_path (cr);
  switch (rag)
    {
    case PM_RAG_GREEN:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;
    case PM_RAG_AMBER:
      cairo_move_to (cr, x, y - radius * 1.2);
      cairo_line_to (cr, x + radius * 1.1, y + radius * 0.8);
      cairo_line_to (cr, x - radius * 1.1, y + radius * 0.8);
      cairo_close_path (cr);
      break;
    case PM_RAG_RED:
      cairo_rectangle (cr, x - radius * 0.9, y - radius * 0.9, radius * 1.8, radius * 1.8);
      break;
    case PM_RAG_GREY:
    default:
      cairo_arc (cr, x, y, radius * 0.85, 0, 2 * G_PI);
      break;
    }
}

/* Fills and outlines the path, marks of @rag, and clears it. */
static void
paint_marks (cairo_t              *cr,
             const PmChartPalette *palette,
             PmRag                 rag,
             double                radius)
{
  if (rag == PM_RAG_GREY)
    {
      pm_chart_set_source (cr, &palette->background, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, outline_width (rag, radius));
      pm_chart_set_source (cr, &palette->rag[PM_RAG_GREY], 1);
      cairo_stroke (cr);
      return;
    }

  pm_chart_set_source (cr, &palette->rag[rag], 1);
  cairo_fill_preserve (cr);
  /* An outline keeps light marks visible on paper. It is the text's
   * colour at 60% over the mark's, mixed here rather than drawn
   * translucent: a PDF page writes an opaque fill and outline of one
   * path as one operator, the path once, not twice. */
  cairo_set_line_width (cr, outline_width (rag, radius));
  cairo_set_source_rgb (cr,
                        MIX (palette->text.red, palette->rag[rag].red, 0.6),
                        MIX (palette->text.green, palette->rag[rag].green, 0.6),
                        MIX (palette->text.blue, palette->rag[rag].blue, 0.6));
  cairo_stroke (cr);
}

void
pm_chart_draw_rag_mark (cairo_t              *cr,
                        const PmChartPalette *palette,
                        PmRag                 rag,
                        double                x,
                        double                y,
                        double                radius)
{
  if ((guint) rag >= PM_N_RAG)
    rag = PM_RAG_GREY;

  cairo_save (cr);
  cairo_new_path (cr);
  add_mark_path (cr, rag, x, y, radius);
  paint_marks (cr, palette, rag, radius);
  cairo_restore (cr);
}

/* The box a mark covers, outline included: [left, top, right, bottom].
 * A triangle's mitred corners reach further than half the outline. */
static void
mark_box (const PmChartMark *mark,
          double             radius,
          double             box[4])
{
  double w = outline_width (mark->rag, radius);
  double side, top, bottom;

  switch (mark->rag)
    {
    case PM_RAG_GREEN:
      side = top = bottom = radius + w / 2;
      break;
    case PM_RAG_AMBER:
      side = radius * 1.1 + w * 0.85;
      top = radius * 1.2 + w * 1.05;
      bottom = radius * 0.8 + w / 2;
      break;
    case PM_RAG_RED:
      side = top = bottom = radius * 0.9 + w / 2;
      break;
    case PM_RAG_GREY:
    default:
      side = top = bottom = radius * 0.85 + w / 2;
      break;
    }

  box[0] = mark->x - side;
  box[1] = mark->y - top;
  box[2] = mark->x + side;
  box[3] = mark->y + bottom;
}

/* Whether marks[@n] touches any of marks[0 .. @n - 1]. */
static gboolean
touches_earlier (const PmChartMark *marks,
                 guint              n,
                 double             radius)
{
  double box[4], other[4];

  mark_box (&marks[n], radius, box);
  for (guint i = 0; i < n; i++)
    {
      mark_box (&marks[i], radius, other);
      if (box[0] <= other[2] && other[0] <= box[2] && box[1] <= other[3] && other[1] <= box[3])
        return TRUE;
    }
  return FALSE;
}

void
pm_chart_draw_rag_marks (cairo_t              *cr,
                         const PmChartPalette *palette,
                         const PmChartMark    *marks,
                         guint                 n_marks,
                         double                radius)
{
  guint start = 0;

  g_return_if_fail (n_marks == 0 || marks != NULL);

  /* Drawn one by one, a mark is two operations a PDF page analyses and
   * writes apart: thousands a district summary. Marks that touch none
   * other of their run can go in any order, so a run is drawn as one
   * fill and one outline a status; a mark touching an earlier one of the
   * run starts the next run, so the later mark still covers the earlier. */
  while (start < n_marks)
    {
      guint n = 1;

      while (start + n < n_marks && !touches_earlier (marks + start, n, radius))
        n++;

      cairo_save (cr);
      for (guint rag = 0; rag < PM_N_RAG; rag++)
        {
          gboolean any = FALSE;

          cairo_new_path (cr);
          for (guint i = start; i < start + n; i++)
            {
              guint mark_rag = (guint) marks[i].rag < PM_N_RAG ? marks[i].rag : PM_RAG_GREY;

              if (mark_rag == rag)
                {
                  add_mark_path (cr, (PmRag) rag, marks[i].x, marks[i].y, radius);
                  any = TRUE;
                }
            }
          if (any)
            paint_marks (cr, palette, (PmRag) rag, radius);
        }
      cairo_new_path (cr);
      cairo_restore (cr);
      start += n;
    }
}

const char *
pm_chart_rag_words (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_GREEN:
      return _("on track");
    case PM_RAG_AMBER:
      return _("close to track");
    case PM_RAG_RED:
      return _("off track");
    case PM_RAG_GREY:
    default:
      return _("not judged");
    }
}
