/* pm-chart-palette.h: the colours charts are drawn in
 *
 * Taken from the libadwaita palette, in a light variant (screen and paper)
 * and a dark one (the window in dark style). Status is never shown by
 * colour alone: the drawing functions add a shape or a word.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "model/pm-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} PmChartColour;

typedef struct
{
  PmChartColour background;
  PmChartColour text;
  PmChartColour secondary;    /* axis labels, notes */
  PmChartColour grid;
  PmChartColour line;         /* the values */
  PmChartColour baseline;
  PmChartColour target;
  PmChartColour wrong_side;   /* the tint where values would be off track */
  PmChartColour focus;
  PmChartColour rag[PM_N_RAG];
} PmChartPalette;

/* A status mark's place, for pm_chart_draw_rag_marks(). */
typedef struct
{
  double x;
  double y;
  PmRag  rag;
} PmChartMark;

const PmChartPalette *pm_chart_palette_get     (gboolean              dark);
void                  pm_chart_set_source      (cairo_t              *cr,
                                                const PmChartColour  *colour,
                                                double                alpha);
/* Draws the mark of a status at (@x, @y): a circle when on track, a
 * triangle when close, a square when off track, a hollow circle when it
 * cannot be judged. */
void                  pm_chart_draw_rag_mark   (cairo_t              *cr,
                                                const PmChartPalette *palette,
                                                PmRag                 rag,
                                                double                x,
                                                double                y,
                                                double                radius);
/* Draws @n_marks marks of @radius as pm_chart_draw_rag_mark() would one
 * after another (a later one covering an earlier it touches), in fewer
 * operations: marks that touch no other are drawn together. */
void                  pm_chart_draw_rag_marks  (cairo_t              *cr,
                                                const PmChartPalette *palette,
                                                const PmChartMark    *marks,
                                                guint                 n_marks,
                                                double                radius);
/* "on track", "close to track", "off track", "not judged". */
const char           *pm_chart_rag_words       (PmRag                 rag);

G_END_DECLS
