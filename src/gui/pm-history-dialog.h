/* pm-history-dialog.h: a KPI's audit trail, newest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/pm-store.h"

G_BEGIN_DECLS

#define PM_TYPE_HISTORY_DIALOG (pm_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PmHistoryDialog, pm_history_dialog, PM, HISTORY_DIALOG, AdwWindow)

/* @changes: a GListModel of PmChange for @kpi, as pm_store_list_changes()
 * gives it. */
PmHistoryDialog *pm_history_dialog_new        (GtkWindow  *parent,
                                               PmKpi      *kpi,
                                               GListModel *changes);

/* What a row says of @change: "Q3 2016/17: 50 → 55" and "30 Nov 2026,
 * 09:15 · Alex Lead · typed · Note: …". */
void             pm_history_describe_change  (PmKpi      *kpi,
                                               PmChange   *change,
                                               char      **title,
                                               char      **subtitle);

G_END_DECLS
