/* pm-progress-bulk.h: a checked CSV import written set by set (a file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-database.h"
#include "pm-progress-import.h"

G_BEGIN_DECLS

typedef struct _PmProgressBulk PmProgressBulk;

/* Inside the write transaction of a file (never a server). */
PmProgressBulk *_pm_progress_bulk_new   (PmDatabase        *db,
                                         GError           **error);
void            _pm_progress_bulk_free  (PmProgressBulk    *self);
/* Writes rows @start to @end - 1 of @import, as the merge guard and the
 * schema's triggers would one by one: the same checks, values, sites and
 * audit rows. On a refusal by an accepted quarter the error is the
 * guard's (PM_STORE_ERROR_READ_ONLY) and *@failed the row it refused. */
gboolean        _pm_progress_bulk_write (PmProgressBulk    *self,
                                         PmProgressImport  *import,
                                         guint              start,
                                         guint              end,
                                         guint             *n_written,
                                         guint             *failed,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmProgressBulk, _pm_progress_bulk_free)

G_END_DECLS
