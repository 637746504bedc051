/* pm-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "pm-date.h"
#include "pm-enums.h"

/* A fixed table rather than strftime ("%B"): the names must follow the
 * application's language, not the C library's idea of the locale. */
static const char * const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"),
  N_("May"), N_("June"), N_("July"), N_("August"),
  N_("September"), N_("October"), N_("November"), N_("December"),
};

static gboolean
parse_digits (const char *text,
              gsize       n_digits,
              int        *out)
{
  int value = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }

  *out = value;
  return TRUE;
}

/* Splits "YYYY-MM" or "YYYY-MM-DD"; @day is 0 for a month-only date. */
static gboolean
parse_iso (const char *iso,
           int        *year,
           int        *month,
           int        *day)
{
  gsize len;

  if (iso == NULL)
    return FALSE;

  len = strlen (iso);
  if (len != 7 && len != 10)
    return FALSE;

  if (!parse_digits (iso, 4, year) || iso[4] != '-' ||
      !parse_digits (iso + 5, 2, month))
    return FALSE;

  if (len == 10)
    {
      if (iso[7] != '-' || !parse_digits (iso + 8, 2, day))
        return FALSE;
      return g_date_valid_dmy (*day, *month, *year);
    }

  *day = 0;
  return *year >= 1 && g_date_valid_month (*month);
}

gboolean
pm_date_validate (const char  *iso,
                  GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso (iso, &year, &month, &day))
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE,
                   _("“%s” is not a date: write it as 2016-10-31, or 2016-10 for a month."),
                   iso != NULL ? iso : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
pm_date_validate_day (const char  *iso,
                      GError     **error)
{
  int year, month, day;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso (iso, &year, &month, &day) || day == 0)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_DATE,
                   _("“%s” is not a date: write it as 2027-01-14."),
                   iso != NULL ? iso : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
pm_date_to_gdate (const char *iso,
                  GDate      *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_iso (iso, &year, &month, &day))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day > 0 ? day : 1, month, year);

  return TRUE;
}

guint32
pm_date_to_julian (const char *iso)
{
  GDate date;

  if (!pm_date_to_gdate (iso, &date))
    return 0;

  return g_date_get_julian (&date);
}

gboolean
pm_date_has_day (const char *iso)
{
  int year, month, day;

  return parse_iso (iso, &year, &month, &day) && day > 0;
}

char *
pm_date_format (const char *iso)
{
  int year, month, day;

  if (iso == NULL)
    return NULL;

  /* Show what was written rather than nothing: the person can then see
   * what needs correcting. */
  if (!parse_iso (iso, &year, &month, &day))
    return g_strdup (iso);

  if (day == 0)
    /* Translators: a month and year, "October 2016" */
    return g_strdup_printf (_("%s %d"), _(month_names[month - 1]), year);

  /* Translators: a day, month and year, "30 November 2017" */
  return g_strdup_printf (_("%d %s %d"), day, _(month_names[month - 1]), year);
}

int
pm_date_compare (const char *a,
                 const char *b)
{
  guint32 ja = pm_date_to_julian (a);
  guint32 jb = pm_date_to_julian (b);

  /* A missing or invalid date is 0 and so sorts first. */
  return (ja > jb) - (ja < jb);
}

char *
pm_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
