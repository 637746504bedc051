/* pm-mirror.h: a list of row objects that follows a list of model objects
 *
 * Like GtkMapListModel, but the rows are made once and kept, so a row
 * keeps its identity (and the selection stays on it) while the period
 * changes or the figures behind it are recomputed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Returns a new reference to the row for @item. */
typedef gpointer (*PmMirrorFunc) (gpointer item,
                                  gpointer user_data);

/* A GListStore of @row_type holding @func (item) for each item of
 * @source, in the same order, for as long as the store lives. */
GListModel *pm_mirror_new (GListModel   *source,
                           GType         row_type,
                           PmMirrorFunc  func,
                           gpointer      user_data);

G_END_DECLS
