/* pm-watch.h: be told when anything under a model object changes
 *
 * Rows that show computed figures (RAG counts, reach, change since
 * baseline) depend on many model objects at once. A watch connects to
 * all of them, follows lists as they grow and shrink, and calls back on
 * any change, so those rows stay bound to the models. Watches on one
 * root share its handlers, and are called back in the order made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef void (*PmWatchFunc) (gpointer user_data);

typedef struct _PmWatch PmWatch;

/* @root is a PmProgramme, PmDistrict, PmPilot or PmKpi. */
PmWatch *pm_watch_new  (GObject     *root,
                        PmWatchFunc  func,
                        gpointer     user_data);
void     pm_watch_free (PmWatch     *self);

/* Between freeze and thaw (they nest) no watch calls back; at the last
 * thaw each watch that saw a change calls back once. For bulk changes,
 * such as an import of thousands of values. */
void     pm_watch_freeze_all (void);
void     pm_watch_thaw_all   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PmWatch, pm_watch_free)

G_END_DECLS
