/* pm-site-value.h: one site's part of a figure ("4.6% Rawlett")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PM_TYPE_SITE_VALUE (pm_site_value_get_type ())
G_DECLARE_FINAL_TYPE (PmSiteValue, pm_site_value, PM, SITE_VALUE, GObject)

/* Properties: "site" (string), "value" (double). */
PmSiteValue *pm_site_value_new       (const char  *site,
                                      double       value);
const char  *pm_site_value_get_site  (PmSiteValue *self);
void         pm_site_value_set_site  (PmSiteValue *self,
                                      const char  *site);
double       pm_site_value_get_value (PmSiteValue *self);
void         pm_site_value_set_value (PmSiteValue *self,
                                      double       value);

G_END_DECLS
