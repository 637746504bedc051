/* pm-table-export.h: the KPI table as CSV, the programme appendix as .xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/pm-period.h"
#include "model/pm-programme.h"

G_BEGIN_DECLS

/* Writes one row per KPI of @programme (district, pilot, KPI order) for
 * @period as CSV: RFC 4180 (fields quoted only when they hold a comma, a
 * quote, CR or LF; quotes doubled; CRLF line ends), UTF-8 without a BOM.
 *
 * The header row is
 *   district,pilot,kpi,unit,direction,baseline,baseline_date,target,
 *   target_date,period,value,numerator,denominator,note,status,milestones,
 *   baseline_sites,value_sites
 * unit and direction are the programme file's names ("percentage",
 * "reduce"); period is the code ("FY2016-Q3"); dates are ISO ("2016-10",
 * "2017-10-31"). Numbers are plain, with a '.' decimal point and no
 * thousands separator, in the KPI's unit as pm_unit_parse_value() reads
 * them back: a percentage as 44.8, money in pounds (4900.5). A baseline
 * that is a state rather than a value is written as its words ("To be
 * confirmed"). value and note are empty when the period has none;
 * numerator and denominator are a percentage's parts, empty when its
 * value was given without them; status is the RAG word ("Green",
 * "Grey"). target and target_date are the final target; milestones lists
 * every milestone of the KPI's schedule, earliest first, as
 * "2021-03-31: 40; 2022-03-31: 60"; baseline_sites lists a baseline given
 * by site as "Rawlett=29; TEC=110" (baseline then holds their total);
 * value_sites does the same for a value given by site (value then holds
 * their total, for counts and money).
 *
 * The file is written beside @path under a temporary name (mode 0600) and
 * renamed over @path only once complete: a failure leaves no file and an
 * existing one untouched. @path is refused as pm_safe_file_begin() says
 * (a symbolic link, the open database, any database, anything but a
 * regular file). Errors are in G_IO_ERROR. */
gboolean pm_table_export_csv  (PmProgramme  *programme,
                               PmPeriod     *period,
                               const char   *path,
                               GError      **error);

/* Writes the programme appendix for @period as an Excel workbook: first
 * the sheet "Appendix" (district, pilot, KPI, baseline, target, period,
 * value, status; one row per KPI), then one sheet per district with its
 * KPIs in more detail (unit, direction, dates, a percentage's numerator
 * and denominator, note). As in the CSV, the period is the value's own:
 * a yearly KPI's latest outturn by @period is "2015/16", a monthly KPI's
 * "November 2016"; @period's label when there is no value. A sheet
 * takes the district's name without []:*?/\, cut to 31 characters and
 * made unique.
 *
 * Numbers are written as numbers with a format for their unit, never as
 * text: counts "#,##0", days "0", money in pounds "£#,##0" (with pence
 * when there are some), rates "#,##0.0#", and a percentage as its
 * fraction (44.8% is the number 0.448) with the format "0%" or "0.0%",
 * so that it calculates as a percentage in a spreadsheet. Dates are
 * dates. A baseline that is a state is written as its words.
 *
 * Written beside @path and renamed, mode 0600, as pm_table_export_csv(). */
gboolean pm_table_export_xlsx (PmProgramme  *programme,
                               PmPeriod     *period,
                               const char   *path,
                               GError      **error);

G_END_DECLS
