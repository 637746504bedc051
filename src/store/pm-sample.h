/* pm-sample.h: the bundled sample programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

/* Parses the sample programme compiled into the binary (the eight
 * Staffordshire district pilots of December 2016). */
PmProgramme *pm_sample_programme_load (GError **error);

G_END_DECLS
