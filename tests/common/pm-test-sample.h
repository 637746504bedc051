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
/* Damages the b-tree of an index that loading the programme never reads
 * (the audit trail's, by KPI) in the database file at @path: it opens and
 * loads, and only its integrity check finds the damage. */
void         pm_test_damage_unread_index  (const char        *path);
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

/* The item at @position of @list, asserted to be there (borrowed: the
 * list keeps it). */
gpointer     pm_test_item                 (GListModel        *list,
                                           guint              position);
/* The first pilot of @district_name (borrowed: the district keeps it). */
PmPilot     *pm_test_first_pilot          (PmProgramme       *programme,
                                           const char        *district_name);
/* The KPI at @position among all of @programme's, in order (borrowed:
 * its pilot keeps it). */
PmKpi       *pm_test_nth_kpi              (PmProgramme       *programme,
                                           guint              position);
/* The first KPI of @district_name whose title starts with @title_start
 * (borrowed: its pilot keeps it); fails the test when there is none. */
PmKpi       *pm_test_find_kpi             (PmProgramme       *programme,
                                           const char        *district_name,
                                           const char        *title_start);
/* The same for a title given whole, in the pilot @pilot_title (NULL:
 * any of the district's). */
PmKpi       *pm_test_find_kpi_titled      (PmProgramme       *programme,
                                           const char        *district_name,
                                           const char        *pilot_title,
                                           const char        *title);

/* The quarter written as @code ("FY2016-Q3"). */
PmPeriod    *pm_test_period               (const char        *code);
/* Gives @kpi @value, with @note (may be NULL), for @period: through
 * @store, which saves it, or with @store NULL in the programme alone. */
void         pm_test_set_value            (PmStore           *store,
                                           PmKpi             *kpi,
                                           PmPeriod          *period,
                                           double             value,
                                           const char        *note);

/* A fixture: the programme office's database of the sample, in a folder
 * of the test's own, open as the window has it; Cannock Chase's first KPI
 * (WCFC: 5 families in Q3 2016/17) and two quarters at hand. For
 * g_test_add() the data is the author the store records (NULL: none). */
typedef struct
{
  char        *dir;
  char        *path;
  PmStore     *store;
  PmProgramme *programme;
  PmDistrict  *cannock;    /* borrowed from programme */
  PmKpi       *wcfc;       /* borrowed from programme */
  PmPeriod    *q3;         /* Q3 2016/17 */
  PmPeriod    *q4;
} PmTestOffice;

void         pm_test_office_set_up        (PmTestOffice      *office,
                                           gconstpointer      author);
void         pm_test_office_tear_down     (PmTestOffice      *office,
                                           gconstpointer      author);

G_END_DECLS
