/* pm-enums.h: the domain's enumerations and their file/database names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The unit a KPI is measured in. Money values are whole pence. */
typedef enum
{
  PM_UNIT_COUNT,
  PM_UNIT_PERCENTAGE,
  PM_UNIT_DAYS,
  PM_UNIT_RATE,
  PM_UNIT_MONEY,
} PmUnit;

/* Which way is better. */
typedef enum
{
  PM_DIRECTION_INCREASE,
  PM_DIRECTION_REDUCE,
  PM_DIRECTION_MAINTAIN,
} PmDirection;

/* How a value relates to time: this quarter only, running total, or a level now. */
typedef enum
{
  PM_MEASURE_PER_PERIOD,
  PM_MEASURE_CUMULATIVE,
  PM_MEASURE_LEVEL,
} PmMeasure;

/* How often a KPI is reported: the frequency of its periods. */
typedef enum
{
  PM_FREQUENCY_MONTHLY,
  PM_FREQUENCY_QUARTERLY,
  PM_FREQUENCY_YEARLY,
  /* January to December, for a programme that chooses calendar years. */
  PM_FREQUENCY_CALENDAR_YEARLY,
} PmFrequency;

typedef enum
{
  PM_BASELINE_VALUE,
  PM_BASELINE_TO_BE_CONFIRMED,
  PM_BASELINE_TO_BE_REPORTED,
  PM_BASELINE_NONE,
  PM_BASELINE_AWAITING_DATA,
} PmBaselineState;

typedef enum
{
  PM_DELIVERY_NOT_STARTED,
  PM_DELIVERY_ON_TRACK,
  PM_DELIVERY_DELAYED,
  PM_DELIVERY_AT_RISK,
  PM_DELIVERY_COMPLETED,
  /* Nobody has said: printed as "not stated", never as a default. */
  PM_DELIVERY_NOT_STATED,
} PmDeliveryStatus;

typedef enum
{
  PM_SPEND_SPENT,
  PM_SPEND_COMMITTED,
} PmSpendStatus;

/* Red/amber/green status of a period's value; grey when it cannot be judged. */
typedef enum
{
  PM_RAG_GREY,
  PM_RAG_RED,
  PM_RAG_AMBER,
  PM_RAG_GREEN,
} PmRag;

#define PM_N_RAG 4

/* What a person may do with a programme (see pm-store-people.h). */
typedef enum
{
  PM_ACCESS_OWNER,    /* a file, or the server database's owner or a superuser: everything */
  PM_ACCESS_OFFICE,   /* the programme office: everything, people included */
  PM_ACCESS_LEAD,     /* the values, narratives, reach and spend of their districts */
  PM_ACCESS_VIEWER,   /* reads and prints only */
} PmAccess;

/* Direction of travel, honouring the KPI's direction. */
typedef enum
{
  PM_TRAVEL_UNKNOWN,
  PM_TRAVEL_WORSENING,
  PM_TRAVEL_STEADY,
  PM_TRAVEL_IMPROVING,
} PmTravel;

GType pm_unit_get_type             (void) G_GNUC_CONST;
GType pm_direction_get_type        (void) G_GNUC_CONST;
GType pm_measure_get_type          (void) G_GNUC_CONST;
GType pm_frequency_get_type        (void) G_GNUC_CONST;
GType pm_baseline_state_get_type   (void) G_GNUC_CONST;
GType pm_delivery_status_get_type  (void) G_GNUC_CONST;
GType pm_spend_status_get_type     (void) G_GNUC_CONST;
GType pm_rag_get_type              (void) G_GNUC_CONST;
GType pm_travel_get_type           (void) G_GNUC_CONST;
GType pm_access_get_type           (void) G_GNUC_CONST;

#define PM_TYPE_UNIT            (pm_unit_get_type ())
#define PM_TYPE_DIRECTION       (pm_direction_get_type ())
#define PM_TYPE_MEASURE         (pm_measure_get_type ())
#define PM_TYPE_FREQUENCY       (pm_frequency_get_type ())
#define PM_TYPE_BASELINE_STATE  (pm_baseline_state_get_type ())
#define PM_TYPE_DELIVERY_STATUS (pm_delivery_status_get_type ())
#define PM_TYPE_SPEND_STATUS    (pm_spend_status_get_type ())
#define PM_TYPE_RAG             (pm_rag_get_type ())
#define PM_TYPE_TRAVEL          (pm_travel_get_type ())
#define PM_TYPE_ACCESS          (pm_access_get_type ())

/* The stable names used in programme files and the database ("percentage",
 * "reduce", "per-period", "to-be-confirmed", "delayed", "committed"): the
 * GEnumValue nicks. from_name returns FALSE for an unknown name. */
const char *pm_enum_to_name   (GType        enum_type,
                               int          value);
gboolean    pm_enum_from_name (GType        enum_type,
                               const char  *name,
                               int         *value);

/* Translated words for people ("Percentage", "Reduce", "Delayed"). */
const char *pm_unit_get_label            (PmUnit           unit);
const char *pm_direction_get_label       (PmDirection      direction);
const char *pm_measure_get_label         (PmMeasure        measure);
/* "monthly", "quarterly", "yearly", as a sentence says it */
const char *pm_frequency_get_label       (PmFrequency      frequency);
const char *pm_delivery_status_get_label (PmDeliveryStatus status);
const char *pm_spend_status_get_label    (PmSpendStatus    status);
const char *pm_rag_get_label             (PmRag            rag);   /* "Green" */
const char *pm_rag_get_letter            (PmRag            rag);   /* "G", "A", "R", "–" */
const char *pm_travel_get_label          (PmTravel         travel);
const char *pm_access_get_label          (PmAccess         access);  /* "District lead" */

/* The model's error domain: bad values a person typed or a file held. */
#define PM_MODEL_ERROR (pm_model_error_quark ())
GQuark pm_model_error_quark (void);

typedef enum
{
  PM_MODEL_ERROR_NOT_A_NUMBER,
  PM_MODEL_ERROR_OUT_OF_RANGE,
  PM_MODEL_ERROR_NOT_WHOLE,
  PM_MODEL_ERROR_INVALID_DATE,
  PM_MODEL_ERROR_INVALID_PERIOD,
  PM_MODEL_ERROR_DATE_ORDER,
  PM_MODEL_ERROR_MISSING,
  PM_MODEL_ERROR_DUPLICATE,
  PM_MODEL_ERROR_TOO_LONG,     /* a text past its limit (pm-limits.h) */
  PM_MODEL_ERROR_TOO_MANY,     /* a list past its limit */
  PM_MODEL_ERROR_TOO_LARGE,    /* a file past its limit */
  PM_MODEL_ERROR_INCONSISTENT, /* a total that is not the sum of its parts */
} PmModelError;

G_END_DECLS
