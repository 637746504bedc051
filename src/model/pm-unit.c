/* pm-unit.c: values in a KPI's unit, as people type and read them
 *
 * The functions are declared in pm-kpi.h, beside the KPI whose unit they
 * serve. Separators are fixed ("," for thousands, "." for decimals) rather
 * than taken from the C locale: the figures must read the same in every
 * report, and what a person types must parse the same on every machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pm-kpi.h"

#define MINUS_SIGN "\u2212"
#define POUND_SIGN "\u00a3"

/* |@value| rounded to @decimals places, "," between thousands; trailing
 * zeros dropped unless @fixed. */
static char *
format_magnitude (double   value,
                  int      decimals,
                  gboolean fixed)
{
  char format[8];
  char digits[400];
  const char *point;
  gsize int_len;
  GString *str;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (digits, sizeof digits, format, fabs (value));

  point = strchr (digits, '.');
  int_len = point != NULL ? (gsize) (point - digits) : strlen (digits);

  str = g_string_new (NULL);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  if (point != NULL)
    {
      gsize frac_len = strlen (point + 1);

      if (!fixed)
        while (frac_len > 0 && point[frac_len] == '0')
          frac_len--;

      if (frac_len > 0)
        {
          g_string_append_c (str, '.');
          g_string_append_len (str, point + 1, frac_len);
        }
    }

  return g_string_free (str, FALSE);
}

static gboolean
is_zero_text (const char *text)
{
  for (; *text != '\0'; text++)
    if (*text != '0' && *text != ',' && *text != '.')
      return FALSE;

  return TRUE;
}

/* A value as people read it in messages, with as many decimals as it has. */
static char *
format_for_message (double value)
{
  g_autofree char *magnitude = format_magnitude (value, 6, FALSE);

  return g_strconcat (value < 0 && !is_zero_text (magnitude) ? MINUS_SIGN : "",
                      magnitude, NULL);
}

gboolean
pm_unit_validate_value (PmUnit   unit,
                        double   value,
                        GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (value))
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER,
                           _("The value is not a number."));
      return FALSE;
    }

  /* Past 15 digits a double no longer holds every whole number, the
   * programme file refuses such integers, and no council figure is that
   * large: a value like 1e308 is a typing slip or a damaged file. */
  if (fabs (value) > PM_UNIT_MAX_MAGNITUDE)
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                           _("The value is too large: Pilot Monitor keeps figures of up to "
                             "15 digits."));
      return FALSE;
    }

  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
      if (value < 0.0 || value > 100.0)
        {
          g_autofree char *text = format_for_message (value);

          g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                       _("%s%% is not a percentage: it must be between 0 and 100."),
                       text);
          return FALSE;
        }
      break;

    case PM_UNIT_COUNT:
      if (value < 0.0)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                               _("A count cannot be negative."));
          return FALSE;
        }
      if (value != floor (value))
        {
          g_autofree char *text = format_for_message (value);

          g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                       _("A count must be a whole number, not %s."), text);
          return FALSE;
        }
      break;

    case PM_UNIT_DAYS:
      if (value < 0.0)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                               _("A number of days cannot be negative."));
          return FALSE;
        }
      if (value != floor (value))
        {
          g_autofree char *text = format_for_message (value);

          g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                       _("Days must be a whole number, not %s."), text);
          return FALSE;
        }
      break;

    case PM_UNIT_MONEY:
      if (value < 0.0)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                               _("An amount of money cannot be negative."));
          return FALSE;
        }
      if (value != floor (value))
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                               _("An amount of money must be in whole pence."));
          return FALSE;
        }
      break;

    case PM_UNIT_RATE:
      if (value < 0.0)
        {
          g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_OUT_OF_RANGE,
                               _("A rate cannot be negative."));
          return FALSE;
        }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return TRUE;
}

typedef enum
{
  NUMBER_PLAIN,
  NUMBER_NOT,        /* not a number at all */
  NUMBER_AMBIGUOUS,  /* digits, points and commas, but not grouped as thousands */
} NumberForm;

/* Checks @text is a plain decimal: an optional sign, digits with optional
 * "," between groups of three, an optional "." and digits. strtod alone
 * would also take "inf", "nan", "0x1p3" and "1e5".
 *
 * A comma is read only as a thousands separator, and only in its proper
 * form: a first group of one to three digits not starting with 0, then
 * groups of exactly three, before any point. Anything else with a comma
 * ("0,500", a half where the comma is the decimal point; "1,23";
 * "12,3456"; "1.234,5") could be meant more than one way: it is
 * ambiguous, not a number to guess at. */
static NumberForm
classify_number (const char *text,
                 gsize      *n_decimals)
{
  const char *p = text;
  const char *group_start;
  gsize n_int_digits = 0;
  gboolean grouped = FALSE;
  gboolean proper = TRUE;

  *n_decimals = 0;

  if (*p == '+' || *p == '-')
    p++;

  /* Only digits, commas and one point: a number but for its commas? */
  {
    gboolean any_digit = FALSE;
    guint n_points = 0;

    for (const char *q = p; *q != '\0'; q++)
      {
        if (g_ascii_isdigit (*q))
          any_digit = TRUE;
        else if (*q == '.')
          n_points++;
        else if (*q != ',')
          return NUMBER_NOT;
      }
    if (!any_digit || n_points > 1)
      return NUMBER_NOT;
  }

  group_start = p;
  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      gsize group = (gsize) (p - group_start);

      if (*p != ',')
        {
          n_int_digits++;
          continue;
        }

      /* The first group holds 1 to 3 digits and does not start with 0;
       * every later one exactly 3. */
      if (grouped ? group != 3 : (group == 0 || group > 3 || *group_start == '0'))
        proper = FALSE;
      grouped = TRUE;
      group_start = p + 1;
    }

  if (grouped && p - group_start != 3)
    proper = FALSE;

  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++)
        (*n_decimals)++;
      if (*n_decimals == 0)
        return proper ? NUMBER_NOT : NUMBER_AMBIGUOUS;
    }

  /* Left over: a comma after the point ("1.234,5"), no grouping either. */
  if (*p != '\0' || !proper)
    return NUMBER_AMBIGUOUS;

  return n_int_digits + *n_decimals > 0 ? NUMBER_PLAIN : NUMBER_NOT;
}

/* A whole-number unit's value, typed with a fraction a few units in the
 * last place from a whole number ("5.000000000000001": a figure copied
 * from a spreadsheet's arithmetic), is that whole number. Measured at the
 * scale of 1 for values below it. */
static gboolean
nearly_whole (double  value,
              double *whole)
{
  double nearest = round (value);
  double scale = MAX (1.0, fabs (nearest));
  double ulp = nextafter (scale, INFINITY) - scale;

  if (fabs (value - nearest) > 4 * ulp)
    return FALSE;

  *whole = nearest;
  return TRUE;
}

static gboolean
strip_suffix (char       *text,
              const char *suffix)
{
  if (!g_str_has_suffix (text, suffix))
    return FALSE;

  text[strlen (text) - strlen (suffix)] = '\0';
  g_strchomp (text);

  return TRUE;
}

gboolean
pm_unit_parse_value (PmUnit       unit,
                     const char  *text,
                     double      *value,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *number = NULL;
  g_autoptr(GString) digits = NULL;
  char *end = NULL;
  gsize n_decimals;
  double result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  number = g_strdup (trimmed);

  /* Each unit allows its own decoration, and only its own. */
  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
      strip_suffix (number, "%");
      break;

    case PM_UNIT_DAYS:
      if (!strip_suffix (number, "days"))
        strip_suffix (number, "day");
      break;

    case PM_UNIT_MONEY:
      if (g_str_has_prefix (number, POUND_SIGN))
        memmove (number, number + strlen (POUND_SIGN),
                 strlen (number) - strlen (POUND_SIGN) + 1);
      g_strchug (number);
      break;

    case PM_UNIT_COUNT:
    case PM_UNIT_RATE:
    default:
      break;
    }

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER,
                           _("No number was entered."));
      return FALSE;
    }

  switch (classify_number (number, &n_decimals))
    {
    case NUMBER_PLAIN:
      break;

    case NUMBER_AMBIGUOUS:
      g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER,
                   _("“%s” is ambiguous: a comma may only separate thousands, as in 1,234 or "
                     "12,345,678. Write a decimal with a point (0.5), or leave the comma out."),
                   trimmed);
      return FALSE;

    case NUMBER_NOT:
    default:
      goto not_a_number;
    }

  digits = g_string_new (number);
  g_string_replace (digits, ",", "", 0);

  /* Overflow gives an infinity: "1" and 400 zeros is not a number either. */
  result = g_ascii_strtod (digits->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (result))
    goto not_a_number;

  if (unit == PM_UNIT_MONEY)
    {
      if (n_decimals > 2)
        {
          g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                       _("“%s” is not in whole pence: give at most two decimal places."),
                       trimmed);
          return FALSE;
        }

      /* Pounds as typed, pence as kept: 4900.5 is 490050. */
      result = round (result * 100.0);
    }

  /* A count or days with a fraction: a few units in the last place are
   * arithmetic's, anything more is refused saying what was typed. */
  if ((unit == PM_UNIT_COUNT || unit == PM_UNIT_DAYS) && result >= 0 &&
      result <= PM_UNIT_MAX_MAGNITUDE && result != floor (result) &&
      !nearly_whole (result, &result))
    {
      if (unit == PM_UNIT_COUNT)
        g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                     _("A count must be a whole number, not %s."), number);
      else
        g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_WHOLE,
                     _("Days must be a whole number, not %s."), number);
      return FALSE;
    }

  if (!pm_unit_validate_value (unit, result, error))
    return FALSE;

  if (value != NULL)
    *value = result;

  return TRUE;

not_a_number:
  g_set_error (error, PM_MODEL_ERROR, PM_MODEL_ERROR_NOT_A_NUMBER,
               _("“%s” is not a number."), trimmed);
  return FALSE;
}

/* ngettext() wants a count: whole values choose their own form, anything
 * else takes the plural ("1.5 days"). */
static gulong
plural_count (double magnitude)
{
  /* (double) G_MAXULONG rounds up to 2^64, so below it the cast is exact. */
  return magnitude == floor (magnitude) && magnitude < (double) G_MAXULONG ? (gulong) magnitude : 2;
}

/* The magnitude and suffix of a value or change, without its sign. */
static char *
format_unsigned (PmUnit unit,
                 double value)
{
  double magnitude = fabs (value);

  switch (unit)
    {
    case PM_UNIT_COUNT:
      return format_magnitude (value, 2, FALSE);

    case PM_UNIT_PERCENTAGE:
      {
        g_autofree char *digits = format_magnitude (value, 1, FALSE);

        return g_strconcat (digits, "%", NULL);
      }

    case PM_UNIT_DAYS:
      {
        g_autofree char *digits = format_magnitude (value, 1, FALSE);

        /* Translators: a number of days, "41 days" */
        return g_strdup_printf (ngettext ("%s day", "%s days", plural_count (round (magnitude * 10) / 10)),
                                digits);
      }

    case PM_UNIT_MONEY:
      {
        double pence = round (magnitude);
        /* Whole pounds are shown as such ("£4,900"), otherwise always
         * with two decimals ("£4,900.50"). */
        gboolean whole_pounds = fmod (pence, 100.0) == 0.0;
        g_autofree char *digits = format_magnitude (pence / 100.0, whole_pounds ? 0 : 2, TRUE);

        return g_strconcat (POUND_SIGN, digits, NULL);
      }

    case PM_UNIT_RATE:
      return format_magnitude (value, 2, FALSE);

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* TRUE when the value shows as zero once rounded for display. */
static gboolean
shows_as_zero (PmUnit unit,
               double value)
{
  switch (unit)
    {
    case PM_UNIT_PERCENTAGE:
    case PM_UNIT_DAYS:
      return fabs (value) < 0.05;

    case PM_UNIT_MONEY:
      return fabs (value) < 0.5;

    case PM_UNIT_COUNT:
    case PM_UNIT_RATE:
    default:
      return fabs (value) < 0.005;
    }
}

gboolean
pm_unit_is_additive (PmUnit unit)
{
  return unit == PM_UNIT_COUNT || unit == PM_UNIT_MONEY;
}

char *
pm_unit_format_value (PmUnit unit,
                      double value)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return g_strdup ("?");

  text = format_unsigned (unit, value);

  if (value < 0 && !shows_as_zero (unit, value))
    return g_strconcat (MINUS_SIGN, text, NULL);

  return g_steal_pointer (&text);
}

char *
pm_unit_format_change (PmUnit unit,
                       double change)
{
  g_autofree char *digits = NULL;
  const char *sign;

  if (!isfinite (change))
    return g_strdup ("?");

  /* A change always shows its sign, except none at all. */
  if (shows_as_zero (unit, change))
    sign = "";
  else if (change > 0)
    sign = "+";
  else
    sign = MINUS_SIGN;

  if (unit == PM_UNIT_PERCENTAGE)
    {
      double magnitude = round (fabs (change) * 10) / 10;

      digits = format_magnitude (change, 1, FALSE);

      /* Translators: a change in percentage points, "+2.1 pts" */
      return g_strdup_printf (ngettext ("%s%s pt", "%s%s pts", plural_count (magnitude)),
                              sign, digits);
    }

  digits = format_unsigned (unit, change);

  return g_strconcat (sign, digits, NULL);
}
