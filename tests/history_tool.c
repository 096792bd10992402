/*
 * history_tool.c - a test driver for the history store.
 *
 *   history_tool append FILE N ID   append N sessions of routine ID to FILE
 *                                    through store.c, one store_append each
 *                                    (FILE "-": the configured history)
 *   history_tool gen N [DAYS]       print a history of N sessions spread
 *                                    over DAYS days (for `make bench`)
 *
 * Exit status 0 when every append succeeded, 1 with the store's message
 * on stderr otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "history.h"
#include "store.h"

struct options opts;

static const char *const names[3] = { "Cat-camel", "Bird\tdog", "Side \\ bridge" };

static int
append(const char *file, long n, const char *id)
{
	struct ex_outcome ex[3] = {
		{ EXS_COMPLETED, 24000000000, 6, 6, 1, 1 },
		{ EXS_PARTIAL, 31500000000, 4, 9, 1, 3 },
		{ EXS_SKIPPED, 0, 0, 9, 0, 3 },
	};
	char msg[1024];

	for (long i = 0; i < n; i++) {
		struct store_session ss = {
			.routine_id = id, .routine_name = "Test routine",
			.start = time(NULL), .elapsed_ns = 75400000000,
			.status = HS_PARTIAL, .reason = HR_QUIT,
			.pain_before = (int)(i % 11), .pain_after = 3,
			.note = "record\twith\nodd \\ characters",
			.ex = ex, .ex_names = names, .nex = 3,
		};
		int rc;
		if (strcmp(file, "-") == 0) {   /* the configured history */
			rc = store_record(&ss, msg, sizeof msg);
		} else {
			size_t len;
			char *buf = store_format(&ss, &len);
			rc = store_append(file, buf, len, msg, sizeof msg);
			free(buf);
		}
		if (msg[0] != '\0')
			fprintf(stderr, "%s\n", msg);
		if (rc != 0)
			return 1;
	}
	return 0;
}

/* A pseudo-random history, oldest first, ending today. */
static int
gen(long n, int days)
{
	static const char *const ids[4] = { "mcgill-big3", "desk-break",
	    "evening-stretch", "gentle-flare-up" };
	struct hist_exercise ex[3] = {
		{ "Cat-camel", EXS_COMPLETED, 1, 1, 6, 6, 24 },
		{ "McGill curl-up", EXS_COMPLETED, 3, 3, 9, 9, 81 },
		{ "Bird dog", EXS_PARTIAL, 2, 3, 7, 9, 56 },
	};
	char start[40], buf[4096];
	time_t now = time(NULL);
	struct tm tm;
	unsigned long x = 12345;

	localtime_r(&now, &tm);
	int today = calendar_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	fputs(HISTORY_HEADER, stdout);
	for (long i = 0; i < n; i++) {
		int y, m, d;
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		int day = today - days + (int)((i * days) / n);
		calendar_civil_from_days(day, &y, &m, &d);
		snprintf(start, sizeof start, "%04d-%02d-%02dT%02d:%02d:00+01:00",
		    y, m, d, (int)(x >> 33) % 24, (int)(x >> 40) % 60);
		int done = (x >> 20) % 4 != 0;
		struct hist_session s = {
			.start = start, .duration_s = 300 + (int64_t)((x >> 24) % 1200),
			.routine_id = ids[(x >> 50) % 4], .routine_name = "Some routine",
			.status = done ? HS_COMPLETED : HS_PARTIAL,
			.reason = done ? HR_COMPLETED : HR_QUIT,
			.ex_completed = done ? 3 : 2, .ex_skipped = 0, .ex_total = 3,
			.worked_s = 161, .pain_before = (int)((x >> 30) % 11),
			.pain_after = (x >> 36) % 5 ? (int)((x >> 44) % 11) : -1,
			.note = (x >> 12) % 8 ? "" : "felt fine", .ex = ex, .nex = 3,
		};
		size_t len = history_format(&s, buf, sizeof buf);
		fwrite(buf, 1, len, stdout);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

int
main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "append") == 0)
		return append(argv[2], atol(argv[3]), argv[4]);
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "gen") == 0)
		return gen(atol(argv[2]), argc == 4 ? atoi(argv[3]) : 3650);
	fprintf(stderr, "usage: history_tool append FILE N ID | gen N [DAYS]\n");
	return 2;
}
