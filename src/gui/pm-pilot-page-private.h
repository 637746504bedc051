/* pm-pilot-page-private.h: the pilot page's parts, shared by its two files
 *
 * pm-pilot-page.c holds the header and the KPI table with its editor;
 * pm-pilot-page-report.c the quarter's report (narrative, families
 * supported, spend) and the about page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-chart.h"
#include "pm-kpi-row.h"
#include "pm-pilot-page.h"

G_BEGIN_DECLS

struct _PmPilotPage
{
  AdwBin               parent_instance;

  /* Template widgets: header */
  GtkLabel            *title_label;
  GtkLabel            *facts_label;
  GtkLabel            *status_label;
  GtkLabel            *reach_label;
  GtkLabel            *spend_label;
  AdwViewStack        *view_stack;

  /* Template widgets: KPIs */
  GtkStack            *kpi_stack;
  GtkColumnView       *kpi_view;
  GtkStack            *editor_stack;
  GtkLabel            *editor_title;
  GtkLabel            *editor_subtitle;
  AdwEntryRow         *value_row;
  GtkLabel            *value_error;
  GtkLabel            *reported_label;
  AdwEntryRow         *note_row;
  PmChart             *trend_chart;

  /* Template widgets: the quarter's report */
  AdwPreferencesGroup *narrative_group;
  GtkTextView         *progress_view;
  GtkTextView         *learning_view;
  GtkTextView         *case_study_view;
  AdwPreferencesGroup *reach_group;
  GtkListBox          *reach_list;
  GtkLabel            *reach_error;
  AdwPreferencesGroup *spend_group;
  GtkListBox          *spend_list;

  /* Template widgets: about */
  GtkLabel            *summary_label;
  GtkLabel            *outcomes_label;
  AdwActionRow        *focus_row;
  AdwActionRow        *start_row;
  AdwActionRow        *lead_row;
  AdwActionRow        *status_row;
  AdwActionRow        *budget_row;
  AdwActionRow        *funding_row;
  GtkListBox          *providers_list;

  /* Owned references */
  PmSession           *session;
  GBindingGroup       *session_bindings;
  GSignalGroup        *session_signals;
  GSignalGroup        *selected_row_signals;
  GSignalGroup        *selection_signals;
  GSignalGroup        *rows_signals;
  GSignalGroup        *reach_signals;
  GSignalGroup        *providers_signals;
  GSignalGroup        *narratives_signals;
  PmPilot             *pilot;
  PmPeriod            *period;
  GListModel          *kpi_rows;        /* PmKpiRow, one per KPI */
  GtkSingleSelection  *kpi_selection;
  PmKpiRow            *selected_row;
  GListStore          *reach_slots;     /* GtkStringObject: provider, "" for the whole pilot */
  struct _PmWatch     *watch;

  gboolean             loading_narrative;
};

/* pm-pilot-page-report.c */
void      _pm_pilot_page_report_init    (PmPilotPage *self);
/* Reloads the report and about pages for the pilot and period. */
void      _pm_pilot_page_report_reload  (PmPilotPage *self);
/* Refreshes what depends on figures that may have changed. */
void      _pm_pilot_page_report_refresh (PmPilotPage *self);
void      _pm_pilot_page_save_narrative (PmPilotPage *self);


G_END_DECLS
