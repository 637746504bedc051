/* pm-programme-names.h: a programme's names, copied for another thread
 *
 * A file of quarterly values names each KPI by its district, its pilot
 * and its title. PmProgrammeNames copies those names, and each KPI's
 * unit, from a programme on the thread that owns it (the main thread, in
 * the window); from then on it is plain data of its own, which a worker
 * thread may read while the window goes on changing the programme. The
 * copy takes milliseconds even for a programme of 15,000 KPIs: the names
 * are folded for matching only when first looked up, on the thread that
 * reads the file.
 *
 * Names match as people type them: case and Unicode form do not matter,
 * nor do spaces around them.
 *
 * Internal to the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

typedef struct _PmProgrammeNames PmProgrammeNames;

typedef enum
{
  PM_NAMES_FOUND,
  PM_NAMES_NO_DISTRICT,
  PM_NAMES_NO_PILOT,
  PM_NAMES_NO_KPI,
  PM_NAMES_AMBIGUOUS,   /* two KPIs of the pilot have the title */
} PmNamesMatch;

/* Copies the names of @programme's districts, pilots and KPIs; when
 * @kpis is not NULL, appends a reference to each KPI to it, at its index
 * in the copy. */
PmProgrammeNames *_pm_programme_names_new        (PmProgramme       *programme,
                                                  GPtrArray         *kpis);
void              _pm_programme_names_free       (PmProgrammeNames  *self);

/* @name folded as names are matched (a column's name, too). */
char             *_pm_programme_names_fold       (const char        *name);

guint             _pm_programme_names_get_n_kpis (PmProgrammeNames  *self);
/* The KPI those names give, as its index in the copy. */
PmNamesMatch      _pm_programme_names_find_kpi   (PmProgrammeNames  *self,
                                                  const char        *district,
                                                  const char        *pilot,
                                                  const char        *title,
                                                  guint             *index);
const char       *_pm_programme_names_get_title  (PmProgrammeNames  *self,
                                                  guint              index);
PmUnit            _pm_programme_names_get_unit   (PmProgrammeNames  *self,
                                                  guint              index);
PmFrequency       _pm_programme_names_get_frequency (PmProgrammeNames *self,
                                                     guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmProgrammeNames, _pm_programme_names_free)

G_END_DECLS
