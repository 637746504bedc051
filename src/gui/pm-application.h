/* pm-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PM_TYPE_APPLICATION (pm_application_get_type ())
G_DECLARE_FINAL_TYPE (PmApplication, pm_application, PM, APPLICATION, AdwApplication)

PmApplication *pm_application_new               (void);
/* The database the first window opens (from --database or the default). */
const char    *pm_application_get_database_path (PmApplication *self);

G_END_DECLS
