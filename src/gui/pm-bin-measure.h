/* pm-bin-measure.h: the measure of an AdwBin that allocates its child
 *
 * libadwaita 1.2 has no breakpoints, so the pages that change with their
 * width (the overview, a pilot page, the KPI table) override
 * size_allocate and fit themselves there. GTK never calls a widget's
 * size_allocate when it has a layout manager, so they measure their
 * child themselves, all in the same way: this function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A GtkWidgetClass.measure for an AdwBin: its child's measure, or
 * nothing without a child. */
void pm_bin_measure_child (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline);

G_END_DECLS
