/*
 * history_tool.c - a test driver for the history store.
 *
 *   history_tool append FILE N ID   append N sessions of routine ID to FILE
 *                                    through store.c, one store_record each
 *                                    (FILE "-": the default history path)
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

#include "history.h"
#include "store.h"
#include "wall.h"

/* The exercises every appended session records. */
static const struct hist_exercise sample[3] = {
	{ "Cat-camel", EXS_COMPLETED, 1, 1, 6, 6, 24, FB_NONE },
	{ "Bird\tdog", EXS_PARTIAL, 1, 3, 4, 9, 32, FB_NONE },
	{ "Side \\ bridge", EXS_SKIPPED, 0, 3, 0, 9, 0, FB_NONE },
};

/* Prints what the store said, as the program would. */
static void
print_diags(const struct diags *d)
{
	char line[1024];

	for (size_t k = 0; k < d->n; k++) {
		diags_format(&d->v[k], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
}

static int
append(const char *file, long n, const char *id)
{
	char *path = strcmp(file, "-") == 0 ? store_default_path() : NULL;
	struct hist_exercise ex[3];
	int rc = 0;

	for (long i = 0; i < n && rc == 0; i++) {
		struct diags d = { 0 };
		struct hist_session s;
		history_session_init(&s, id, "Test routine", ex, 3);
		memcpy(ex, sample, sizeof ex);
		wall_iso(wall_now(), s.start);
		s.reason = HR_QUIT;
		s.status = history_status_of(s.reason);
		s.duration_s = 75;
		s.ex_completed = 1;
		s.ex_skipped = 1;
		s.worked_s = 56;
		s.pain_before = (int)(i % 11);
		s.pain_after = 3;
		s.note = "record\twith\nodd \\ characters";
		rc = store_record(path ? path : file, &s, &d);
		print_diags(&d);
		diags_free(&d);
	}
	free(path);
	return rc == 0 ? 0 : 1;
}

/* A pseudo-random history, oldest first, ending today. */
static int
gen(long n, int days)
{
	static const char *const ids[4] = { "mcgill-big3", "desk-break",
	    "evening-stretch", "gentle-flare-up" };
	struct hist_exercise ex[3] = {
		{ "Cat-camel", EXS_COMPLETED, 1, 1, 6, 6, 24, FB_NONE },
		{ "McGill curl-up", EXS_COMPLETED, 3, 3, 9, 9, 81, FB_NONE },
		{ "Bird dog", EXS_PARTIAL, 2, 3, 7, 9, 56, FB_NONE },
	};
	char buf[4096];
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
		int done = (x >> 20) % 4 != 0;
		struct hist_session s = {
			.duration_s = 300 + (int64_t)((x >> 24) % 1200),
			.routine_id = ids[(x >> 50) % 4], .routine_name = "Some routine",
			.status = done ? HS_COMPLETED : HS_PARTIAL,
			.reason = done ? HR_COMPLETED : HR_QUIT,
			.ex_completed = done ? 3 : 2, .ex_skipped = 0, .ex_total = 3,
			.worked_s = 161, .pain_before = (int)((x >> 30) % 11),
			.pain_after = (x >> 36) % 5 ? (int)((x >> 44) % 11) : -1,
			.note = (x >> 12) % 8 ? "" : "felt fine", .ex = ex, .nex = 3,
		};
		/* in time order, as a history is written: the sessions of a day
		 * spread over it */
		unsigned minute = (unsigned)((long long)i * days % n * 1440 / n);
		char t[64];
		snprintf(t, sizeof t, "%04d-%02d-%02dT%02u:%02u:00+01:00", y, m, d,
		    minute / 60 % 24, minute % 60);
		snprintf(s.start, sizeof s.start, "%.25s", t);
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
