/* pm-test-sample.h: the sample programme, and databases of it
 *
 * What the tests of the store's users start from: the eight Staffordshire
 * district pilots of the sample, in a database of the test's own. Each
 * function asserts that what it does succeeds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-test-common.h"

#include "store/pm-store.h"

G_BEGIN_DECLS

/* The sample compiled into the binary. */
PmProgramme *pm_test_sample_load          (void);
/* The sample's programme file, $PM_SAMPLE_PROGRAMME (data/). */
PmProgramme *pm_test_sample_file_load     (void);

/* The sample's programme file as it is on disk, and its length in
 * @length (may be NULL). */
char        *pm_test_sample_file_contents (gsize             *length);

/* Makes @location (a file, or a database on the server) a store holding
 * @programme, and closes it. */
void         pm_test_store_create         (const char        *location,
                                           PmProgramme       *programme);
/* Makes @name in @dir a database of the sample; returns its path. */
char        *pm_test_sample_database      (const char        *dir,
                                           const char        *name);
/* Makes @location a database of the sample and opens it, as the window
 * would; the programme it loads goes in @programme. */
PmStore     *pm_test_sample_store_new     (const char        *location,
                                           PmProgramme      **programme);

PmStore     *pm_test_store_open           (const char        *location,
                                           PmStoreOpenFlags   flags);
PmProgramme *pm_test_store_load           (PmStore           *store);
/* The programme as a store opened afresh (with @flags) reads it: what is
 * on disk, not what a store in the test holds. */
PmProgramme *pm_test_store_read           (const char        *location,
                                           PmStoreOpenFlags   flags);
/* Closes *@store, if any, and drops it: for a tear-down. */
void         pm_test_store_clear          (PmStore          **store);

/* The first pilot of @district_name (borrowed: the district keeps it). */
PmPilot     *pm_test_first_pilot          (PmProgramme       *programme,
                                           const char        *district_name);
/* The first KPI of @district_name whose title starts with @title_start
 * (borrowed: its pilot keeps it); fails the test when there is none. */
PmKpi       *pm_test_find_kpi             (PmProgramme       *programme,
                                           const char        *district_name,
                                           const char        *title_start);

G_END_DECLS
