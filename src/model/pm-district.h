/* pm-district.h: a district and the pilots it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pm-pilot.h"

G_BEGIN_DECLS

#define PM_TYPE_DISTRICT (pm_district_get_type ())
G_DECLARE_FINAL_TYPE (PmDistrict, pm_district, PM, DISTRICT, GObject)

typedef struct _PmProgramme PmProgramme;

/* Properties: "id" (gint64), "name", "pilots" (GListModel of PmPilot,
 * read-only), "programme" (weak, read-only). */
PmDistrict  *pm_district_new            (const char  *name);
gint64       pm_district_get_id         (PmDistrict  *self);
void         pm_district_set_id         (PmDistrict  *self,
                                         gint64       id);
const char  *pm_district_get_name       (PmDistrict  *self);
void         pm_district_set_name       (PmDistrict  *self,
                                         const char  *name);
PmProgramme *pm_district_get_programme  (PmDistrict  *self);
GListModel  *pm_district_get_pilots     (PmDistrict  *self);
void         pm_district_add_pilot      (PmDistrict  *self,
                                         PmPilot     *pilot);
void         pm_district_remove_pilot   (PmDistrict  *self,
                                         PmPilot     *pilot);
/* Sum over its pilots, as pm_pilot_count_rag(). */
void         pm_district_count_rag      (PmDistrict  *self,
                                         PmPeriod    *period,
                                         guint       *counts);

G_END_DECLS
