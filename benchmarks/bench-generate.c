/* bench-generate.c: synthetic programmes of any size, from a seed
 *
 * Districts, pilots and KPIs get plain numbered names; units and
 * directions cycle as in the sample programme (counts, percentages,
 * days, money); values drift from the baseline towards the target with
 * noise; each pilot has a narrative of about 600 characters a quarter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "bench-generate.h"
#include "model/pm-enums.h"
#include "util/pm-csv-cell.h"

static const char *const words[] = {
  "families", "referrals", "support", "outreach", "centre", "partners", "school",
  "health", "visits", "parents", "children", "volunteers", "sessions", "community",
  "early", "help", "started", "reported", "continued", "quarter", "steady", "progress",
};

static char *
narrative_text (GRand *rand)
{
  GString *text = g_string_new ("This quarter the pilot");

  while (text->len < 600)
    g_string_append_printf (text, "%s %s", g_rand_int_range (rand, 0, 9) == 0 ? "." : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static PmUnit
unit_for (guint k)
{
  static const PmUnit units[] = { PM_UNIT_COUNT, PM_UNIT_PERCENTAGE, PM_UNIT_COUNT,
                                  PM_UNIT_DAYS, PM_UNIT_MONEY };

  return units[k % G_N_ELEMENTS (units)];
}

/* A value in range for the unit: percentages 0-100, whole counts, days
 * and pence. */
static double
value_for (PmUnit unit,
           double raw)
{
  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
      return CLAMP (round (raw * 10) / 10, 0, 100);
    case PM_UNIT_MONEY:
      return MAX (0, round (raw) * 100);
    case PM_UNIT_COUNT:
    case PM_UNIT_DAYS:
    case PM_UNIT_RATE:
    default:
      return MAX (0, round (raw));
    }
}

static char *
district_name (guint d)
{
  return g_strdup_printf ("District %03u", d + 1);
}

static char *
pilot_title (guint d,
             guint p)
{
  return g_strdup_printf ("Pilot %u of district %03u", p + 1, d + 1);
}

static char *
kpi_title (guint k)
{
  return g_strdup_printf ("KPI %02u: families supported, measured quarterly", k + 1);
}

PmProgramme *
bench_generate_programme (const BenchShape *shape)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (shape->seed);
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_object_unref);
  PmProgramme *programme = pm_programme_new ("Synthetic programme");

  pm_programme_set_description (programme, "Generated for benchmarks");
  for (guint q = 0; q < shape->quarters; q++)
    g_ptr_array_add (periods, pm_period_new_from_index (2014 * 4 + q));

  for (guint d = 0; d < shape->districts; d++)
    {
      g_autofree char *name = district_name (d);
      g_autoptr(PmDistrict) district = pm_district_new (name);

      for (guint p = 0; p < shape->pilots_per_district; p++)
        {
          g_autofree char *title = pilot_title (d, p);
          g_autoptr(PmPilot) pilot = pm_pilot_new (title);

          for (guint q = 0; q < shape->quarters; q++)
            {
              g_autoptr(PmNarrative) narrative = pm_narrative_new (g_ptr_array_index (periods, q));
              g_autofree char *text = narrative_text (rand);

              pm_narrative_set_progress (narrative, text);
              pm_pilot_set_narrative (pilot, narrative);
            }

          for (guint k = 0; k < shape->kpis_per_pilot; k++)
            {
              g_autofree char *ktitle = kpi_title (k);
              PmUnit unit = unit_for (k);
              PmDirection direction = k % 3 == 2 ? PM_DIRECTION_REDUCE : PM_DIRECTION_INCREASE;
              g_autoptr(PmKpi) kpi = pm_kpi_new (ktitle, unit, direction);
              double base = unit == PM_UNIT_PERCENTAGE ? g_rand_double_range (rand, 20, 60)
                                                       : g_rand_double_range (rand, 10, 400);
              double goal = direction == PM_DIRECTION_REDUCE ? base * 0.7 : base * 1.3;
              g_autoptr(PmBaseline) baseline = pm_baseline_new_value (value_for (unit, base),
                                                                      "2014-04-01", NULL);
              g_autoptr(PmTarget) target = pm_target_new (value_for (unit, goal), "2024-03-31");

              pm_kpi_set_baseline (kpi, baseline, NULL);
              pm_kpi_add_target (kpi, target, NULL);

              for (guint q = 0; q < shape->quarters; q++)
                {
                  g_autoptr(PmProgressEntry) entry = pm_progress_entry_new (g_ptr_array_index (periods, q));
                  double drift = base + (goal - base) * q / MAX (shape->quarters, 1);

                  pm_progress_entry_set_value (entry, value_for (unit, drift * g_rand_double_range (rand, 0.9, 1.1)));
                  if (q % 4 == 0)
                    pm_progress_entry_set_note (entry, "Figures from the quarterly return.");
                  pm_kpi_set_entry (kpi, entry, NULL);
                }
              pm_pilot_add_kpi (pilot, kpi);
            }
          pm_district_add_pilot (district, pilot);
        }
      pm_programme_add_district (programme, district, NULL);
    }

  return programme;
}

gboolean
bench_generate_csv (const BenchShape *shape,
                    const char       *path,
                    GError          **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (shape->seed + 1);
  g_autoptr(GString) out = g_string_new ("district,pilot,kpi,period,value,note\r\n");

  for (guint d = 0; d < shape->districts; d++)
    {
      g_autofree char *name = district_name (d);

      for (guint p = 0; p < shape->pilots_per_district; p++)
        {
          g_autofree char *title = pilot_title (d, p);

          for (guint k = 0; k < shape->kpis_per_pilot; k++)
            {
              g_autofree char *ktitle = kpi_title (k);
              PmUnit unit = unit_for (k);

              for (guint q = 0; q < shape->quarters; q++)
                {
                  g_autoptr(PmPeriod) period = pm_period_new_from_index (2014 * 4 + q);
                  g_autofree char *code = pm_period_to_code (period);
                  /* Money in pounds, as people write it. */
                  double value = unit == PM_UNIT_PERCENTAGE ? g_rand_int_range (rand, 0, 1001) / 10.0
                                                            : g_rand_int_range (rand, 0, 500);
                  char number[G_ASCII_DTOSTR_BUF_SIZE];

                  pm_csv_append_field (out, name);
                  g_string_append_c (out, ',');
                  pm_csv_append_field (out, title);
                  g_string_append_c (out, ',');
                  pm_csv_append_field (out, ktitle);
                  g_string_append_printf (out, ",%s,%s,\r\n", code,
                                          g_ascii_formatd (number, sizeof number,
                                                           unit == PM_UNIT_PERCENTAGE ? "%.1f" : "%.0f",
                                                           value));
                }
            }
        }
    }

  return g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}
