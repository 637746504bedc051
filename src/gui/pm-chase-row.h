/* pm-chase-row.h: a pilot's row of the overview's chase list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An expander row for @items, one pilot's PmChaseItems (at least one). */
GtkWidget *pm_chase_row_new (GListModel *items);

G_END_DECLS
