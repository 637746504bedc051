/* bench-generate.h: synthetic programmes of any size, from a seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/pm-programme.h"

G_BEGIN_DECLS

typedef struct
{
  guint   districts;
  guint   pilots_per_district;
  guint   kpis_per_pilot;
  guint   quarters;
  guint32 seed;
} BenchShape;

/* The same shape and seed give the same programme, value for value. */
PmProgramme *bench_generate_programme (const BenchShape *shape);
/* Writes a CSV of quarterly values for every KPI and quarter of a
 * programme made with @shape (the same names), each value changed from
 * the generated one: an office merging a full history. */
gboolean     bench_generate_csv       (const BenchShape *shape,
                                       const char       *path,
                                       GError          **error);

G_END_DECLS
