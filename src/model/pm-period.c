/* pm-period.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gi18n.h>

#include "pm-enums.h"
#include "pm-period.h"

struct _PmPeriod
{
  GObject     parent_instance;

  PmFrequency frequency;
  int         year;
  int         quarter;
  int         month;
};

G_DEFINE_FINAL_TYPE (PmPeriod, pm_period, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FREQUENCY,
  PROP_YEAR,
  PROP_QUARTER,
  PROP_MONTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define N_YEARS (PM_PERIOD_MAX_YEAR - PM_PERIOD_MIN_YEAR + 1)

static void get_month_span (PmPeriod *self,
                            int      *first,
                            int      *last);

/* English names, always understood, whatever the locale. */
static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static void
pm_period_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PmPeriod *self = PM_PERIOD (object);

  switch (prop_id)
    {
    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_QUARTER:
      g_value_set_int (value, self->quarter);
      break;

    case PROP_MONTH:
      g_value_set_int (value, self->month);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PmPeriod *self = PM_PERIOD (object);

  switch (prop_id)
    {
    case PROP_FREQUENCY:
      self->frequency = g_value_get_enum (value);
      break;

    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;

    case PROP_QUARTER:
      self->quarter = g_value_get_int (value);
      break;

    case PROP_MONTH:
      self->month = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pm_period_class_init (PmPeriodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pm_period_get_property;
  object_class->set_property = pm_period_set_property;

  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL,
                       PM_TYPE_FREQUENCY, PM_FREQUENCY_QUARTERLY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      PM_PERIOD_MIN_YEAR, PM_PERIOD_MAX_YEAR, PM_PERIOD_MIN_YEAR,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUARTER] =
    g_param_spec_int ("quarter", NULL, NULL,
                      0, 4, 1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MONTH] =
    g_param_spec_int ("month", NULL, NULL,
                      0, 12, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pm_period_init (PmPeriod *self)
{
  self->frequency = PM_FREQUENCY_QUARTERLY;
  self->year = PM_PERIOD_MIN_YEAR;
  self->quarter = 1;
}

/* Periods are immutable, so each is made once and shared: a programme of
 * ten years holds hundreds of thousands of values but only a few hundred
 * periods. The tables live as long as the process. */
static PmPeriod *
intern (PmFrequency frequency,
        int         year,
        int         number)
{
  static PmPeriod *quarters[N_YEARS * 4];
  static PmPeriod *months[N_YEARS * 12];
  static PmPeriod *years[N_YEARS];
  static PmPeriod *calendar_years[N_YEARS];
  G_LOCK_DEFINE_STATIC (interned);
  PmPeriod **slot;
  PmPeriod *period;

  switch (frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      slot = &months[(year - PM_PERIOD_MIN_YEAR) * 12 + number - 1];
      break;
    case PM_FREQUENCY_YEARLY:
      slot = &years[year - PM_PERIOD_MIN_YEAR];
      break;
    case PM_FREQUENCY_CALENDAR_YEARLY:
      slot = &calendar_years[year - PM_PERIOD_MIN_YEAR];
      break;
    case PM_FREQUENCY_QUARTERLY:
    default:
      slot = &quarters[(year - PM_PERIOD_MIN_YEAR) * 4 + number - 1];
      break;
    }

  G_LOCK (interned);
  if (*slot == NULL)
    *slot = g_object_new (PM_TYPE_PERIOD,
                          "frequency", frequency,
                          "year", year,
                          "quarter", frequency == PM_FREQUENCY_YEARLY ? 0
                                     : frequency == PM_FREQUENCY_CALENDAR_YEARLY ? 0
                                     : frequency == PM_FREQUENCY_MONTHLY ? (number - 1) / 3 + 1
                                     : number,
                          "month", frequency == PM_FREQUENCY_MONTHLY ? number : 0,
                          NULL);
  period = g_object_ref (*slot);
  G_UNLOCK (interned);

  return period;
}

PmPeriod *
pm_period_new (int year,
               int quarter)
{
  g_return_val_if_fail (year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR, NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return intern (PM_FREQUENCY_QUARTERLY, year, quarter);
}

PmPeriod *
pm_period_new_month (int year,
                     int month)
{
  g_return_val_if_fail (year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return intern (PM_FREQUENCY_MONTHLY, year, month);
}

PmPeriod *
pm_period_new_year (int year)
{
  g_return_val_if_fail (year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR, NULL);

  return intern (PM_FREQUENCY_YEARLY, year, 0);
}

PmPeriod *
pm_period_new_calendar_year (int year)
{
  g_return_val_if_fail (year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR, NULL);

  return intern (PM_FREQUENCY_CALENDAR_YEARLY, year, 0);
}

/* Reads exactly @n_digits digits from *@text. */
static gboolean
read_digits (const char **text,
             int          n_digits,
             int         *number)
{
  int value = 0;

  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*text)[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value ((*text)[i]);
    }

  *text += n_digits;
  *number = value;
  return TRUE;
}

static gboolean
year_in_range (int year)
{
  return year >= PM_PERIOD_MIN_YEAR && year <= PM_PERIOD_MAX_YEAR;
}

/* A calendar year: "cy2020", "2020" or "calendar 2020" (folded). */
static PmPeriod *
parse_calendar_year (const char *text)
{
  int year;

  if (g_str_has_prefix (text, "cy"))
    text += 2;
  else if (g_str_has_prefix (text, "calendar"))
    {
      text += strlen ("calendar");
      if (!g_ascii_isspace (*text))
        return NULL;
      while (g_ascii_isspace (*text))
        text++;
    }

  if (!read_digits (&text, 4, &year) || *text != '\0' || !year_in_range (year))
    return NULL;

  return pm_period_new_calendar_year (year);
}

/* "fy2016", "fy2016-q3", "fy2016-m07" (lower case) */
static PmPeriod *
parse_code (const char *text)
{
  int year, number;

  if (!g_str_has_prefix (text, "fy"))
    return parse_calendar_year (text);
  text += 2;
  if (!read_digits (&text, 4, &year) || !year_in_range (year))
    return NULL;

  if (*text == '\0')
    return pm_period_new_year (year);

  if (text[0] != '-')
    return NULL;

  if (text[1] == 'q')
    {
      text += 2;
      if (read_digits (&text, 1, &number) && *text == '\0' && number >= 1 && number <= 4)
        return pm_period_new (year, number);
      return NULL;
    }

  if (text[1] == 'm')
    {
      text += 2;
      if ((read_digits (&text, 2, &number) || read_digits (&text, 1, &number))
          && *text == '\0' && number >= 1 && number <= 12)
        return pm_period_new_month (year, number);
    }

  return NULL;
}

/* A financial year as people write it: "2016/17", "2016-17", "2016/2017",
 * or as the app prints it in little room, "16/17". The second year must
 * follow the first. */
static gboolean
parse_financial_year (const char *text,
                      int        *year)
{
  int first, second;
  gboolean short_first;

  short_first = g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && !g_ascii_isdigit (text[2]);
  if (!read_digits (&text, short_first ? 2 : 4, &first))
    return FALSE;
  /* The earliest year is 1990: "99/00" is 1999/00, "16/17" 2016/17. */
  if (short_first)
    first += first >= PM_PERIOD_MIN_YEAR % 100 ? 1900 : 2000;

  if (*text != '/' && *text != '-')
    return FALSE;
  text++;

  if (read_digits (&text, 4, &second))
    {
      if (second != first + 1)
        return FALSE;
    }
  else if (!read_digits (&text, 2, &second) || second != (first + 1) % 100)
    return FALSE;

  if (*text != '\0' || !year_in_range (first))
    return FALSE;

  *year = first;
  return TRUE;
}

/* The calendar month a (lower-case) name means, 1..12, or 0: the English
 * name, its first three letters or "sept", or the locale's names. */
static int
parse_month_name (const char *name)
{
  for (int i = 0; i < 12; i++)
    {
      if (strcmp (name, month_names[i]) == 0 ||
          (strlen (name) == 3 && strncmp (name, month_names[i], 3) == 0))
        return i + 1;
    }

  if (strcmp (name, "sept") == 0)
    return 9;

  for (int i = 1; i <= 12; i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, i, 1, 0, 0, 0);
      g_autofree char *full = g_date_time_format (date, "%B");
      g_autofree char *abbreviated = g_date_time_format (date, "%b");
      g_autofree char *full_folded = full ? g_utf8_casefold (full, -1) : NULL;
      g_autofree char *abbreviated_folded = abbreviated ? g_utf8_casefold (abbreviated, -1) : NULL;

      if (g_strcmp0 (name, full_folded) == 0 || g_strcmp0 (name, abbreviated_folded) == 0)
        return i;
    }

  return 0;
}

/* "q3 2016/17", "2016/17", "october 2016", "oct 2016" (folded) */
static PmPeriod *
parse_label (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  int year, number, month;
  const char *rest;

  if (g_strv_length (words) == 1 && parse_financial_year (words[0], &year))
    return pm_period_new_year (year);

  if (g_strv_length (words) != 2)
    return NULL;

  rest = words[0] + 1;
  if (words[0][0] == 'q' && read_digits (&rest, 1, &number) && *rest == '\0'
      && number >= 1 && number <= 4)
    {
      if (parse_financial_year (words[1], &year))
        return pm_period_new (year, number);
      return NULL;
    }

  month = parse_month_name (words[0]);
  rest = words[1];
  if (month == 0 || !read_digits (&rest, 4, &year) || *rest != '\0')
    return NULL;

  /* January to March belong to the financial year that began the April
   * before. */
  if (month < 4)
    year -= 1;
  if (!year_in_range (year))
    return NULL;

  return pm_period_new_month (year, (month + 8) % 12 + 1);
}

PmPeriod *
pm_period_parse (const char  *code,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  PmPeriod *period = NULL;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Every form is exact: a lenient parser would silently turn a typo
   * into the wrong period. */
  if (g_utf8_validate (code, -1, NULL))
    {
      stripped = g_strstrip (g_strdup (code));
      folded = g_utf8_casefold (stripped, -1);
      period = parse_code (folded);
      if (period == NULL)
        period = parse_label (folded);
    }

  if (period != NULL)
    return period;

  {
    /* The text may come from a damaged file: messages stay UTF-8. */
    g_autofree char *shown = g_utf8_make_valid (code, -1);

    g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
                 _("“%s” is not a reporting period; write it as FY2016-Q3 "
                   "(the financial year starting in April 2016, third quarter), "
                   "FY2016 (the year 2016/17), FY2016-M07 (October 2016) "
                   "or CY2016 (the calendar year 2016)."),
                 shown);
  }
  return NULL;
}

PmPeriod *
pm_period_new_for_date_full (const GDate *date,
                             PmFrequency  frequency)
{
  int year, month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = g_date_get_year (date);
  month = g_date_get_month (date);
  if (frequency == PM_FREQUENCY_CALENDAR_YEARLY)
    return pm_period_new_calendar_year (year);

  /* January to March belong to the financial year that began the April
   * before. */
  if (month < 4)
    year -= 1;
  month = (month + 8) % 12 + 1;

  switch (frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      return pm_period_new_month (year, month);
    case PM_FREQUENCY_YEARLY:
      return pm_period_new_year (year);
    case PM_FREQUENCY_QUARTERLY:
    default:
      return pm_period_new (year, (month - 1) / 3 + 1);
    }
}

PmPeriod *
pm_period_new_for_date (const GDate *date)
{
  return pm_period_new_for_date_full (date, PM_FREQUENCY_QUARTERLY);
}

PmPeriod *
pm_period_new_current (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return pm_period_new_for_date (&date);
}

PmPeriod *
pm_period_new_from_index (int index)
{
  g_return_val_if_fail (index >= 0, NULL);

  return pm_period_new (index / 4, index % 4 + 1);
}

PmPeriod *
pm_period_new_from_index_full (PmFrequency frequency,
                               int         index)
{
  switch (frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      return pm_period_new_month (index / 12, index % 12 + 1);
    case PM_FREQUENCY_YEARLY:
      return pm_period_new_year (index);
    case PM_FREQUENCY_CALENDAR_YEARLY:
      return pm_period_new_calendar_year (index);
    case PM_FREQUENCY_QUARTERLY:
    default:
      return pm_period_new_from_index (index);
    }
}

PmFrequency
pm_period_get_frequency (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), PM_FREQUENCY_QUARTERLY);

  return self->frequency;
}

int
pm_period_get_year (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->year;
}

int
pm_period_get_quarter (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->quarter;
}

int
pm_period_get_month (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  return self->month;
}

int
pm_period_get_index (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  switch (self->frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      return self->year * 12 + (self->month - 1);
    case PM_FREQUENCY_YEARLY:
    case PM_FREQUENCY_CALENDAR_YEARLY:
      return self->year;
    case PM_FREQUENCY_QUARTERLY:
    default:
      return self->year * 4 + (self->quarter - 1);
    }
}

int
pm_period_get_quarter_index (PmPeriod *self)
{
  int first, last;

  g_return_val_if_fail (PM_IS_PERIOD (self), 0);

  get_month_span (self, &first, &last);
  return self->year * 4 + (last - 1) / 3;
}

PmPeriod *
pm_period_next (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  return pm_period_new_from_index_full (self->frequency, pm_period_get_index (self) + 1);
}

PmPeriod *
pm_period_previous (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  return pm_period_new_from_index_full (self->frequency, pm_period_get_index (self) - 1);
}

char *
pm_period_to_code (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  switch (self->frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      return g_strdup_printf ("FY%04d-M%02d", self->year, self->month);
    case PM_FREQUENCY_YEARLY:
      return g_strdup_printf ("FY%04d", self->year);
    case PM_FREQUENCY_CALENDAR_YEARLY:
      return g_strdup_printf ("CY%04d", self->year);
    case PM_FREQUENCY_QUARTERLY:
    default:
      return g_strdup_printf ("FY%04d-Q%d", self->year, self->quarter);
    }
}

static char *
format_month (PmPeriod   *self,
              const char *format)
{
  GDate start;
  g_autoptr(GDateTime) date = NULL;

  pm_period_get_start_date (self, &start);
  date = g_date_time_new_utc (g_date_get_year (&start), g_date_get_month (&start), 1, 0, 0, 0);

  return g_date_time_format (date, format);
}

char *
pm_period_get_label (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  switch (self->frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      /* Translators: a month, "October 2016": a strftime format */
      return format_month (self, _("%B %Y"));
    case PM_FREQUENCY_YEARLY:
      /* Translators: a financial year, "2016/17" */
      return g_strdup_printf (_("%d/%02d"), self->year, (self->year + 1) % 100);
    case PM_FREQUENCY_CALENDAR_YEARLY:
      /* A calendar year, "2020" */
      return g_strdup_printf ("%d", self->year);
    case PM_FREQUENCY_QUARTERLY:
    default:
      /* Translators: a financial-year quarter, "Q3 2016/17" */
      return g_strdup_printf (_("Q%d %d/%02d"),
                              self->quarter, self->year, (self->year + 1) % 100);
    }
}

char *
pm_period_get_short_label (PmPeriod *self)
{
  g_return_val_if_fail (PM_IS_PERIOD (self), NULL);

  switch (self->frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      /* Translators: a month in little room, "Oct 2016": a strftime format */
      return format_month (self, _("%b %Y"));
    case PM_FREQUENCY_YEARLY:
      /* Translators: a financial year in little room, "16/17" */
      return g_strdup_printf (_("%02d/%02d"), self->year % 100, (self->year + 1) % 100);
    case PM_FREQUENCY_CALENDAR_YEARLY:
      /* A calendar year in little room: no shorter. */
      return g_strdup_printf ("%d", self->year);
    case PM_FREQUENCY_QUARTERLY:
    default:
      /* Translators: a financial-year quarter in little room, "Q3 16/17" */
      return g_strdup_printf (_("Q%d %02d/%02d"),
                              self->quarter, self->year % 100, (self->year + 1) % 100);
    }
}

/* The first and the last month of @self, counted from April of its year:
 * 1..12, or 13..24 in the calendar year after; a calendar year runs from
 * -2 (the January before) to 9 (December). */
static void
get_month_span (PmPeriod *self,
                int      *first,
                int      *last)
{
  switch (self->frequency)
    {
    case PM_FREQUENCY_MONTHLY:
      *first = *last = self->month;
      break;
    case PM_FREQUENCY_YEARLY:
      *first = 1;
      *last = 12;
      break;
    case PM_FREQUENCY_CALENDAR_YEARLY:
      *first = -2;
      *last = 9;
      break;
    case PM_FREQUENCY_QUARTERLY:
    default:
      *first = 3 * (self->quarter - 1) + 1;
      *last = *first + 2;
      break;
    }
}

void
pm_period_get_start_date (PmPeriod *self,
                          GDate    *date)
{
  int first, last, month, year;

  g_return_if_fail (PM_IS_PERIOD (self));
  g_return_if_fail (date != NULL);

  get_month_span (self, &first, &last);
  month = first + 3;
  year = self->year;
  if (month > 12)
    {
      month -= 12;
      year += 1;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, month, year);
}

void
pm_period_get_end_date (PmPeriod *self,
                        GDate    *date)
{
  int first, last;

  g_return_if_fail (PM_IS_PERIOD (self));
  g_return_if_fail (date != NULL);

  get_month_span (self, &first, &last);
  pm_period_get_start_date (self, date);
  g_date_add_months (date, last - first + 1);
  g_date_subtract_days (date, 1);
}

int
pm_period_compare (PmPeriod *a,
                   PmPeriod *b)
{
  int first, last_a, last_b, ea, eb;

  g_return_val_if_fail (PM_IS_PERIOD (a), 0);
  g_return_val_if_fail (PM_IS_PERIOD (b), 0);

  get_month_span (a, &first, &last_a);
  get_month_span (b, &first, &last_b);
  ea = a->year * 12 + last_a;
  eb = b->year * 12 + last_b;

  if (ea != eb)
    return (ea > eb) - (ea < eb);

  return ((int) a->frequency > (int) b->frequency) - ((int) a->frequency < (int) b->frequency);
}

gboolean
pm_period_equal (PmPeriod *a,
                 PmPeriod *b)
{
  g_return_val_if_fail (PM_IS_PERIOD (a), FALSE);
  g_return_val_if_fail (PM_IS_PERIOD (b), FALSE);

  return a->frequency == b->frequency && a->year == b->year &&
         a->quarter == b->quarter && a->month == b->month;
}

gboolean
pm_period_check_frequency (PmPeriod     *self,
                           PmFrequency   frequency,
                           const char   *kpi_title,
                           GError      **error)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (PM_IS_PERIOD (self), FALSE);
  g_return_val_if_fail (kpi_title != NULL, FALSE);

  if (self->frequency == frequency)
    return TRUE;

  code = pm_period_to_code (self);
  if (self->frequency == PM_FREQUENCY_CALENDAR_YEARLY)
    {
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
                   /* Translators: "“Families supported” is reported yearly;
                    * “CY2020” is a calendar year." */
                   _("“%s” is reported %s; “%s” is a calendar year."),
                   kpi_title, pm_frequency_get_label (frequency), code);
      return FALSE;
    }
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_INVALID_PERIOD,
               /* Translators: "“Families supported” is reported yearly;
                * “FY2020-M07” is a monthly period." */
               _("“%s” is reported %s; “%s” is a %s period."),
               kpi_title, pm_frequency_get_label (frequency),
               code, pm_frequency_get_label (self->frequency));
  return FALSE;
}
