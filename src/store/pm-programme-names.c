/* pm-programme-names.c: a programme's names, copied for another thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pm-programme-names.h"

typedef struct
{
  guint  district;   /* its index in districts */
  char  *title;
} PilotName;

typedef struct
{
  guint   pilot;     /* its index in pilots */
  char   *title;
  PmUnit  unit;
  PmFrequency frequency;
} KpiName;

struct _PmProgrammeNames
{
  GPtrArray  *districts;       /* of char *, as written */
  GArray     *pilots;          /* of PilotName */
  GArray     *kpis;            /* of KpiName */

  /* Made on the first lookup: folded names, and what they name. */
  GHashTable *district_keys;   /* a set */
  GHashTable *pilot_keys;      /* a set */
  GHashTable *kpi_keys;        /* the KPI's index + 1, or AMBIGUOUS */
};

#define AMBIGUOUS GUINT_TO_POINTER (G_MAXUINT)

static void
clear_pilot_name (PilotName *pilot)
{
  g_clear_pointer (&pilot->title, g_free);
}

static void
clear_kpi_name (KpiName *kpi)
{
  g_clear_pointer (&kpi->title, g_free);
}

PmProgrammeNames *
_pm_programme_names_new (PmProgramme *programme,
                         GPtrArray   *kpis)
{
  PmProgrammeNames *self = g_new0 (PmProgrammeNames, 1);
  GListModel *district_list;

  g_assert (PM_IS_PROGRAMME (programme));

  self->districts = g_ptr_array_new_with_free_func (g_free);
  self->pilots = g_array_new (FALSE, TRUE, sizeof (PilotName));
  g_array_set_clear_func (self->pilots, (GDestroyNotify) clear_pilot_name);
  self->kpis = g_array_new (FALSE, TRUE, sizeof (KpiName));
  g_array_set_clear_func (self->kpis, (GDestroyNotify) clear_kpi_name);

  district_list = pm_programme_get_districts (programme);
  for (guint d = 0; d < g_list_model_get_n_items (district_list); d++)
    {
      g_autoptr(PmDistrict) district = g_list_model_get_item (district_list, d);
      GListModel *pilot_list = pm_district_get_pilots (district);

      g_ptr_array_add (self->districts, g_strdup (pm_district_get_name (district)));

      for (guint p = 0; p < g_list_model_get_n_items (pilot_list); p++)
        {
          g_autoptr(PmPilot) pilot = g_list_model_get_item (pilot_list, p);
          GListModel *kpi_list = pm_pilot_get_kpis (pilot);
          PilotName pilot_name = { self->districts->len - 1, g_strdup (pm_pilot_get_title (pilot)) };

          g_array_append_val (self->pilots, pilot_name);

          for (guint k = 0; k < g_list_model_get_n_items (kpi_list); k++)
            {
              PmKpi *kpi = g_list_model_get_item (kpi_list, k);
              KpiName kpi_name = { self->pilots->len - 1, g_strdup (pm_kpi_get_title (kpi)),
                                   pm_kpi_get_unit (kpi), pm_kpi_get_frequency (kpi) };

              g_array_append_val (self->kpis, kpi_name);
              if (kpis != NULL)
                g_ptr_array_add (kpis, kpi);
              else
                g_object_unref (kpi);
            }
        }
    }

  return self;
}

void
_pm_programme_names_free (PmProgrammeNames *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->pilots, g_array_unref);
  g_clear_pointer (&self->kpis, g_array_unref);
  g_clear_pointer (&self->district_keys, g_hash_table_unref);
  g_clear_pointer (&self->pilot_keys, g_hash_table_unref);
  g_clear_pointer (&self->kpi_keys, g_hash_table_unref);
  g_free (self);
}

char *
_pm_programme_names_fold (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/* A pilot's key is its district's and its own, with an empty title. */
static char *
kpi_key (const char *district,
         const char *pilot,
         const char *title)
{
  g_autofree char *d = _pm_programme_names_fold (district);
  g_autofree char *p = _pm_programme_names_fold (pilot);
  g_autofree char *k = _pm_programme_names_fold (title);

  return g_strconcat (d, "\x1f", p, "\x1f", k, NULL);
}

static void
make_keys (PmProgrammeNames *self)
{
  self->district_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pilot_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->kpi_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint d = 0; d < self->districts->len; d++)
    g_hash_table_add (self->district_keys, _pm_programme_names_fold (g_ptr_array_index (self->districts, d)));

  for (guint p = 0; p < self->pilots->len; p++)
    {
      PilotName *pilot = &g_array_index (self->pilots, PilotName, p);

      g_hash_table_add (self->pilot_keys,
                        kpi_key (g_ptr_array_index (self->districts, pilot->district), pilot->title, ""));
    }

  for (guint k = 0; k < self->kpis->len; k++)
    {
      KpiName *kpi = &g_array_index (self->kpis, KpiName, k);
      PilotName *pilot = &g_array_index (self->pilots, PilotName, kpi->pilot);
      char *key = kpi_key (g_ptr_array_index (self->districts, pilot->district), pilot->title, kpi->title);

      if (g_hash_table_contains (self->kpi_keys, key))
        g_hash_table_replace (self->kpi_keys, key, AMBIGUOUS);
      else
        g_hash_table_insert (self->kpi_keys, key, GUINT_TO_POINTER (k + 1));
    }
}

guint
_pm_programme_names_get_n_kpis (PmProgrammeNames *self)
{
  g_assert (self != NULL);

  return self->kpis->len;
}

PmNamesMatch
_pm_programme_names_find_kpi (PmProgrammeNames *self,
                              const char       *district,
                              const char       *pilot,
                              const char       *title,
                              guint            *index)
{
  g_autofree char *key = NULL;
  g_autofree char *district_key = NULL;
  g_autofree char *pilot_key = NULL;
  gpointer found;

  g_assert (self != NULL);
  g_assert (index != NULL);

  if (self->kpi_keys == NULL)
    make_keys (self);

  key = kpi_key (district, pilot, title);
  found = g_hash_table_lookup (self->kpi_keys, key);
  if (found == AMBIGUOUS)
    return PM_NAMES_AMBIGUOUS;
  if (found != NULL)
    {
      *index = GPOINTER_TO_UINT (found) - 1;
      return PM_NAMES_FOUND;
    }

  district_key = _pm_programme_names_fold (district);
  if (!g_hash_table_contains (self->district_keys, district_key))
    return PM_NAMES_NO_DISTRICT;
  pilot_key = kpi_key (district, pilot, "");
  if (!g_hash_table_contains (self->pilot_keys, pilot_key))
    return PM_NAMES_NO_PILOT;

  return PM_NAMES_NO_KPI;
}

const char *
_pm_programme_names_get_title (PmProgrammeNames *self,
                               guint             index)
{
  g_assert (self != NULL);
  g_assert (index < self->kpis->len);

  return g_array_index (self->kpis, KpiName, index).title;
}

PmUnit
_pm_programme_names_get_unit (PmProgrammeNames *self,
                              guint             index)
{
  g_assert (self != NULL);
  g_assert (index < self->kpis->len);

  return g_array_index (self->kpis, KpiName, index).unit;
}

PmFrequency
_pm_programme_names_get_frequency (PmProgrammeNames *self,
                                   guint             index)
{
  g_assert (self != NULL);
  g_assert (index < self->kpis->len);

  return g_array_index (self->kpis, KpiName, index).frequency;
}
