/* pm-provider.h: a commissioned provider or partner of a pilot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PM_TYPE_PROVIDER (pm_provider_get_type ())
G_DECLARE_FINAL_TYPE (PmProvider, pm_provider, PM, PROVIDER, GObject)

/* Properties: "name" (short, "WCFC"), "full-name", "reach-target" (int,
 * families this provider is to support). */
PmProvider *pm_provider_new              (const char *name);
const char *pm_provider_get_name         (PmProvider *self);
void        pm_provider_set_name         (PmProvider *self,
                                          const char *name);
const char *pm_provider_get_full_name    (PmProvider *self);
void        pm_provider_set_full_name    (PmProvider *self,
                                          const char *full_name);
int         pm_provider_get_reach_target (PmProvider *self);
void        pm_provider_set_reach_target (PmProvider *self,
                                          int         reach_target);

G_END_DECLS
