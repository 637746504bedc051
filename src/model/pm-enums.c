/* pm-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pm-enums.h"

/* The nicks are the names written in programme files and the database:
 * changing one breaks every file already written. */
G_DEFINE_ENUM_TYPE (PmUnit, pm_unit,
  G_DEFINE_ENUM_VALUE (PM_UNIT_COUNT, "count"),
  G_DEFINE_ENUM_VALUE (PM_UNIT_PERCENTAGE, "percentage"),
  G_DEFINE_ENUM_VALUE (PM_UNIT_DAYS, "days"),
  G_DEFINE_ENUM_VALUE (PM_UNIT_RATE, "rate"),
  G_DEFINE_ENUM_VALUE (PM_UNIT_MONEY, "money"))

G_DEFINE_ENUM_TYPE (PmDirection, pm_direction,
  G_DEFINE_ENUM_VALUE (PM_DIRECTION_INCREASE, "increase"),
  G_DEFINE_ENUM_VALUE (PM_DIRECTION_REDUCE, "reduce"),
  G_DEFINE_ENUM_VALUE (PM_DIRECTION_MAINTAIN, "maintain"))

G_DEFINE_ENUM_TYPE (PmMeasure, pm_measure,
  G_DEFINE_ENUM_VALUE (PM_MEASURE_PER_PERIOD, "per-period"),
  G_DEFINE_ENUM_VALUE (PM_MEASURE_CUMULATIVE, "cumulative"),
  G_DEFINE_ENUM_VALUE (PM_MEASURE_LEVEL, "level"))

G_DEFINE_ENUM_TYPE (PmFrequency, pm_frequency,
  G_DEFINE_ENUM_VALUE (PM_FREQUENCY_MONTHLY, "monthly"),
  G_DEFINE_ENUM_VALUE (PM_FREQUENCY_QUARTERLY, "quarterly"),
  G_DEFINE_ENUM_VALUE (PM_FREQUENCY_YEARLY, "yearly"),
  G_DEFINE_ENUM_VALUE (PM_FREQUENCY_CALENDAR_YEARLY, "calendar-yearly"))

G_DEFINE_ENUM_TYPE (PmBaselineState, pm_baseline_state,
  G_DEFINE_ENUM_VALUE (PM_BASELINE_VALUE, "value"),
  G_DEFINE_ENUM_VALUE (PM_BASELINE_TO_BE_CONFIRMED, "to-be-confirmed"),
  G_DEFINE_ENUM_VALUE (PM_BASELINE_TO_BE_REPORTED, "to-be-reported"),
  G_DEFINE_ENUM_VALUE (PM_BASELINE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PM_BASELINE_AWAITING_DATA, "awaiting-data"))

G_DEFINE_ENUM_TYPE (PmDeliveryStatus, pm_delivery_status,
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_ON_TRACK, "on-track"),
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_DELAYED, "delayed"),
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_AT_RISK, "at-risk"),
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PM_DELIVERY_NOT_STATED, "not-stated"))

G_DEFINE_ENUM_TYPE (PmSpendStatus, pm_spend_status,
  G_DEFINE_ENUM_VALUE (PM_SPEND_SPENT, "spent"),
  G_DEFINE_ENUM_VALUE (PM_SPEND_COMMITTED, "committed"))

G_DEFINE_ENUM_TYPE (PmRag, pm_rag,
  G_DEFINE_ENUM_VALUE (PM_RAG_GREY, "grey"),
  G_DEFINE_ENUM_VALUE (PM_RAG_RED, "red"),
  G_DEFINE_ENUM_VALUE (PM_RAG_AMBER, "amber"),
  G_DEFINE_ENUM_VALUE (PM_RAG_GREEN, "green"))

G_DEFINE_ENUM_TYPE (PmTravel, pm_travel,
  G_DEFINE_ENUM_VALUE (PM_TRAVEL_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PM_TRAVEL_WORSENING, "worsening"),
  G_DEFINE_ENUM_VALUE (PM_TRAVEL_STEADY, "steady"),
  G_DEFINE_ENUM_VALUE (PM_TRAVEL_IMPROVING, "improving"))

G_DEFINE_ENUM_TYPE (PmAccess, pm_access,
  G_DEFINE_ENUM_VALUE (PM_ACCESS_OWNER, "owner"),
  G_DEFINE_ENUM_VALUE (PM_ACCESS_OFFICE, "office"),
  G_DEFINE_ENUM_VALUE (PM_ACCESS_LEAD, "lead"),
  G_DEFINE_ENUM_VALUE (PM_ACCESS_VIEWER, "viewer"))

G_DEFINE_QUARK (pm-model-error-quark, pm_model_error)

static GEnumClass *
get_enum_class (GType enum_type)
{
  GEnumClass *klass;

  /* Enum classes are static types: the first reference lives as long as the
   * process, so the nicks handed out below never dangle. */
  klass = g_type_class_peek (enum_type);
  if (klass == NULL)
    klass = g_type_class_ref (enum_type);

  return klass;
}

const char *
pm_enum_to_name (GType enum_type,
                 int   value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  enum_value = g_enum_get_value (get_enum_class (enum_type), value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

gboolean
pm_enum_from_name (GType       enum_type,
                   const char *name,
                   int        *value)
{
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (name == NULL)
    return FALSE;

  enum_value = g_enum_get_value_by_nick (get_enum_class (enum_type), name);
  if (enum_value == NULL)
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;

  return TRUE;
}

const char *
pm_unit_get_label (PmUnit unit)
{
  switch (unit)
    {
    case PM_UNIT_COUNT:      return _("Count");
    case PM_UNIT_PERCENTAGE: return _("Percentage");
    case PM_UNIT_DAYS:       return _("Days");
    case PM_UNIT_RATE:       return _("Rate");
    case PM_UNIT_MONEY:      return _("Money");
    default:                 g_return_val_if_reached ("");
    }
}

const char *
pm_direction_get_label (PmDirection direction)
{
  switch (direction)
    {
    case PM_DIRECTION_INCREASE: return _("Increase");
    case PM_DIRECTION_REDUCE:   return _("Reduce");
    case PM_DIRECTION_MAINTAIN: return _("Maintain");
    default:                    g_return_val_if_reached ("");
    }
}

const char *
pm_measure_get_label (PmMeasure measure)
{
  switch (measure)
    {
    case PM_MEASURE_PER_PERIOD: return _("Per quarter");
    case PM_MEASURE_CUMULATIVE: return _("Cumulative");
    case PM_MEASURE_LEVEL:      return _("Level");
    default:                    g_return_val_if_reached ("");
    }
}

const char *
pm_frequency_get_label (PmFrequency frequency)
{
  switch (frequency)
    {
    case PM_FREQUENCY_MONTHLY:   return _("monthly");
    case PM_FREQUENCY_QUARTERLY: return _("quarterly");
    case PM_FREQUENCY_YEARLY:    return _("yearly");
    case PM_FREQUENCY_CALENDAR_YEARLY: return _("each calendar year");
    default:                     g_return_val_if_reached ("");
    }
}

const char *
pm_delivery_status_get_label (PmDeliveryStatus status)
{
  switch (status)
    {
    case PM_DELIVERY_NOT_STARTED: return _("Not started");
    case PM_DELIVERY_ON_TRACK:    return _("On track");
    case PM_DELIVERY_DELAYED:     return _("Delayed");
    case PM_DELIVERY_AT_RISK:     return _("At risk");
    case PM_DELIVERY_COMPLETED:   return _("Completed");
    /* Translators: a pilot's delivery status that nobody has entered */
    case PM_DELIVERY_NOT_STATED:  return _("Not stated");
    default:                      g_return_val_if_reached ("");
    }
}

const char *
pm_spend_status_get_label (PmSpendStatus status)
{
  switch (status)
    {
    case PM_SPEND_SPENT:     return _("Spent");
    case PM_SPEND_COMMITTED: return _("Committed");
    default:                 g_return_val_if_reached ("");
    }
}

const char *
pm_rag_get_label (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_GREY:  return _("Grey");
    case PM_RAG_RED:   return _("Red");
    case PM_RAG_AMBER: return _("Amber");
    case PM_RAG_GREEN: return _("Green");
    default:           g_return_val_if_reached ("");
    }
}

const char *
pm_rag_get_letter (PmRag rag)
{
  switch (rag)
    {
    case PM_RAG_GREY:  return "–";
    /* Translators: one-letter red, amber and green statuses in tables */
    case PM_RAG_RED:   return C_("rag", "R");
    case PM_RAG_AMBER: return C_("rag", "A");
    case PM_RAG_GREEN: return C_("rag", "G");
    default:           g_return_val_if_reached ("");
    }
}

const char *
pm_access_get_label (PmAccess access)
{
  switch (access)
    {
    case PM_ACCESS_OWNER:  return _("Owner");
    case PM_ACCESS_OFFICE: return _("Programme office");
    case PM_ACCESS_LEAD:   return _("District lead");
    case PM_ACCESS_VIEWER: return _("Viewer");
    default:               g_return_val_if_reached ("");
    }
}

const char *
pm_travel_get_label (PmTravel travel)
{
  switch (travel)
    {
    case PM_TRAVEL_UNKNOWN:   return _("Not known");
    case PM_TRAVEL_WORSENING: return _("Worsening");
    case PM_TRAVEL_STEADY:    return _("Steady");
    case PM_TRAVEL_IMPROVING: return _("Improving");
    default:                  g_return_val_if_reached ("");
    }
}
