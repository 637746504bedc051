/* pm-sample.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "pm-programme-file.h"
#include "pm-sample.h"
#include "pm-sample-resources.h"

#define SAMPLE_PATH "/io/github/pilotmonitor/PilotMonitor/sample-programme.json"

PmProgramme *
pm_sample_programme_load (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  /* Looked up in this library's own resource rather than the global
   * table, which also keeps the linker from dropping it. */
  bytes = g_resource_lookup_data (pm_sample_get_resource (), SAMPLE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return pm_programme_file_parse (data, length, error);
}
