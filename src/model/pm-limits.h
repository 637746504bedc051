/* pm-limits.h: how long a text may be, how many of a thing, how large a file
 *
 * One set of limits for every way in: the window, a CSV file of values, a
 * programme file and a return. The store refuses anything past them on
 * every write, whoever asks; the readers refuse the same things with where
 * they are in the file; the writers refuse to write what the readers
 * would refuse, so that a file Pilot Monitor writes it can read again.
 *
 * Texts are counted in characters (Unicode code points), not bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-programme.h"

G_BEGIN_DECLS

/* A name or a title: a district, a pilot, a KPI, a provider, a site. */
#define PM_LIMIT_NAME_CHARS       300
/* A note, a reason, a short statement: a value's note, a key outcome. */
#define PM_LIMIT_NOTE_CHARS       2000
/* Words written at length: a narrative, a pilot's summary. */
#define PM_LIMIT_NARRATIVE_CHARS  20000

/* How many of each thing: far more than any council programme needs,
 * few enough that a district's return always fits in a file. */
#define PM_LIMIT_DISTRICTS        10000  /* in a programme */
#define PM_LIMIT_DESIGN_CRITERIA  100    /* of a programme */
#define PM_LIMIT_PILOTS           100    /* in a district */
#define PM_LIMIT_KPIS             100    /* of a pilot */
#define PM_LIMIT_KEY_OUTCOMES     100    /* of a pilot */
#define PM_LIMIT_PROVIDERS        100    /* of a pilot */
#define PM_LIMIT_REACH            1000   /* entries of a pilot */
#define PM_LIMIT_SPEND            1000   /* items of a pilot */
#define PM_LIMIT_TARGETS          100    /* of a KPI, revisions included */
#define PM_LIMIT_SITES            100    /* of a baseline or a value */
/* Every quarter a period can name (see pm-period.h): a KPI has at most
 * one value, and a pilot one narrative, for each. */
#define PM_LIMIT_QUARTERS ((PM_PERIOD_MAX_YEAR - PM_PERIOD_MIN_YEAR + 1) * 4)

/* A programme file, a return and a CSV file of values: the most a reader
 * takes. A return of any district within the limits above fits in it
 * (pm-limits.c works it out); a programme file or a CSV file larger than
 * this is refused by the writer too. */
#define PM_LIMIT_FILE_SIZE        (256 * 1024 * 1024)

/* The most bytes one text can take in a JSON file: each character written
 * as a six-byte \u escape. */
#define PM_LIMIT_JSON_TEXT_BYTES  (PM_LIMIT_NARRATIVE_CHARS * 6)

typedef enum
{
  PM_TEXT_NAME,
  PM_TEXT_NOTE,
  PM_TEXT_NARRATIVE,
} PmTextKind;

/* Every text the programme holds, each of one kind. */
typedef enum
{
  PM_FIELD_PROGRAMME_NAME,
  PM_FIELD_PROGRAMME_DESCRIPTION,
  PM_FIELD_DESIGN_CRITERION,
  PM_FIELD_DISTRICT_NAME,
  PM_FIELD_PILOT_TITLE,
  PM_FIELD_PILOT_SUMMARY,
  PM_FIELD_FOCUS_AREA,
  PM_FIELD_LEAD,
  PM_FIELD_STATUS_NOTE,
  PM_FIELD_FUNDING,
  PM_FIELD_KEY_OUTCOME,
  PM_FIELD_PROVIDER_NAME,
  PM_FIELD_PROVIDER_FULL_NAME,
  PM_FIELD_SPEND_DESCRIPTION,
  PM_FIELD_NARRATIVE_PROGRESS,
  PM_FIELD_NARRATIVE_LEARNING,
  PM_FIELD_NARRATIVE_CASE_STUDY,
  PM_FIELD_KPI_TITLE,
  PM_FIELD_DATA_SOURCE,
  PM_FIELD_BASELINE_NOTE,
  PM_FIELD_BASELINE_SOURCE,
  PM_FIELD_SITE,
  PM_FIELD_TARGET_REASON,
  PM_FIELD_VALUE_NOTE,
  PM_FIELD_AUTHOR,
  PM_FIELD_SIGNOFF_COMMENT,
  PM_FIELD_DATA_NOTES,
  PM_FIELD_NARRATIVE_RISKS,
  PM_FIELD_NARRATIVE_MILESTONES,
  PM_FIELD_COMMITTEE,
  PM_FIELD_REPORT_TITLE,
  PM_FIELD_CONTACT_OFFICER,
  PM_FIELD_REACH_UNIT,
  PM_N_FIELDS,
} PmField;

/* Every list the programme holds. */
typedef enum
{
  PM_LIST_DISTRICTS,        /* of a programme */
  PM_LIST_DESIGN_CRITERIA,  /* of a programme */
  PM_LIST_PILOTS,           /* of a district */
  PM_LIST_KEY_OUTCOMES,     /* of a pilot */
  PM_LIST_PROVIDERS,        /* of a pilot */
  PM_LIST_REACH,            /* of a pilot */
  PM_LIST_SPEND,            /* of a pilot */
  PM_LIST_NARRATIVES,       /* of a pilot */
  PM_LIST_KPIS,             /* of a pilot */
  PM_LIST_SITES,            /* of a baseline */
  PM_LIST_TARGETS,          /* of a KPI */
  PM_LIST_VALUES,           /* of a KPI */
  PM_N_LISTS,
} PmList;

PmTextKind  pm_limits_get_kind       (PmField      field);
guint       pm_limits_get_max_chars  (PmField      field);
guint       pm_limits_get_max_items  (PmList       list);

/* PM_MODEL_ERROR_TOO_LONG, naming the field, the limit and the length:
 * "A value’s note may be at most 2,000 characters long; this one has
 * 2,001." NULL is empty. */
gboolean    pm_limits_check_text     (PmField      field,
                                      const char  *text,
                                      GError     **error);
/* PM_MODEL_ERROR_TOO_MANY, the same way: "A pilot may have at most 100
 * KPIs; this one would have 101." */
gboolean    pm_limits_check_count    (PmList       list,
                                      guint        count,
                                      GError     **error);

/* An object's own texts and string lists; with @deep, also how many of
 * each thing it holds and everything below it, the message then saying
 * where ("“Cannock Chase”, “Family Hub”, “Families supported”, Q3
 * 2016/17: …"). */
gboolean    pm_limits_check_programme (PmProgramme     *programme,
                                       gboolean         deep,
                                       GError         **error);
gboolean    pm_limits_check_district  (PmDistrict      *district,
                                       gboolean         deep,
                                       GError         **error);
gboolean    pm_limits_check_pilot     (PmPilot         *pilot,
                                       gboolean         deep,
                                       GError         **error);
gboolean    pm_limits_check_kpi       (PmKpi           *kpi,
                                       gboolean         deep,
                                       GError         **error);
gboolean    pm_limits_check_baseline  (PmBaseline      *baseline,
                                       GError         **error);
gboolean    pm_limits_check_target    (PmTarget        *target,
                                       GError         **error);
gboolean    pm_limits_check_entry     (PmProgressEntry *entry,
                                       GError         **error);
gboolean    pm_limits_check_narrative (PmNarrative     *narrative,
                                       GError         **error);
gboolean    pm_limits_check_provider  (PmProvider      *provider,
                                       GError         **error);
gboolean    pm_limits_check_spend     (PmSpendItem     *item,
                                       GError         **error);

/* For writers: PM_MODEL_ERROR_TOO_LARGE when @size bytes is more than a
 * reader takes ("The file would be 300.0 MiB; Pilot Monitor reads files
 * of up to 256.0 MiB, …"). */
gboolean    pm_limits_check_file_size (guint64          size,
                                       GError         **error);

G_END_DECLS
