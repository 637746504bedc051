/* pm-test-common.h: what the tests of every area share
 *
 * Temporary folders and files (pm-test-files.h) and the real binary run
 * as a user would run it (pm-test-cli.h), on GLib alone; with the store,
 * the sample programme and databases of it (pm-test-sample.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pm-test-cli.h"
#include "pm-test-files.h"
