/* pm-sidebar.h: the programme's districts and their pilots
 *
 * A list with the programme overview on top, then each district followed
 * by its pilots, bound to the programme's models so that a district or
 * pilot added or renamed shows at once. A search bar filters it on
 * district, pilot and KPI names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/pm-programme.h"

G_BEGIN_DECLS

#define PM_TYPE_SIDEBAR (pm_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (PmSidebar, pm_sidebar, PM, SIDEBAR, AdwBin)

/* Properties: "programme", "selected-item" (the PmProgramme, a PmDistrict,
 * a PmPilot or, found by a search, a PmKpi listed under its pilot;
 * read-only, follows the person's choice and keeps the last one while a
 * search hides it), "search-mode" (boolean).
 * Signal: "activated", when the selected row is chosen again (a click or
 * Enter on it), which changes no selection. */
GtkWidget  *pm_sidebar_new               (void);
void        pm_sidebar_set_programme     (PmSidebar   *self,
                                          PmProgramme *programme);
GObject    *pm_sidebar_get_selected_item (PmSidebar   *self);
/* Selects @item's row, clearing a search that hides it. */
gboolean    pm_sidebar_select            (PmSidebar   *self,
                                          GObject     *item);
void        pm_sidebar_set_search_mode   (PmSidebar   *self,
                                          gboolean     search_mode);
gboolean    pm_sidebar_get_search_mode   (PmSidebar   *self);
/* The prepared search key (pm_search_prepare()), or NULL. */
const char *pm_sidebar_get_search_key    (PmSidebar   *self);
void        pm_sidebar_set_key_capture_widget (PmSidebar *self,
                                               GtkWidget *widget);

G_END_DECLS
