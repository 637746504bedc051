/* pm-report-pdf.h: amending the PDF cairo writes
 *
 * Not for use outside src/report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes to @update (empty) what to append to the PDF in @data (as cairo
 * wrote it, read back from the file): an incremental update giving the
 * document its @language ("en-GB") and each Figure of its structure tree,
 * in the tree's order, its alternative text from @alt_texts
 * (NULL-terminated, one per figure). */
gboolean _pm_report_pdf_add_accessibility (const char         *data,
                                           gsize               length,
                                           const char * const *alt_texts,
                                           const char         *language,
                                           GString            *update,
                                           GError            **error);

G_END_DECLS
