/*
 * fuzz_history.c - libFuzzer harness for the history reader (pure core).
 *
 * Each input is split into lines and parsed as the store does; every
 * session that parses is added to the statistics, formatted again and
 * re-parsed, and must come back the same.  Run by `make fuzz`.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "history_stats.h"

static void
round_trip(const struct hist_session *s)
{
	char buf[8192], copy[8192];
	struct hist_record rec;
	size_t n = history_format(s, buf, sizeof buf);

	if (n >= sizeof buf)
		return;
	memcpy(copy, buf, n + 1);
	assert(n > 0 && buf[n - 1] == '\n');
	assert(history_parse(copy, n - 1, &rec) == HREC_SESSION);
	assert(strcmp(rec.s.start, s->start) == 0);
	assert(strcmp(rec.s.routine_id, s->routine_id) == 0);
	assert(strcmp(rec.s.routine_name, s->routine_name) == 0);
	assert(strcmp(rec.s.note, s->note) == 0);
	assert(rec.s.duration_s == s->duration_s && rec.s.day == s->day);
	assert(rec.s.pain_before == s->pain_before);
	assert(rec.s.pain_after == s->pain_after);
	assert(rec.s.status == s->status && rec.s.reason == s->reason);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	struct hstats st;
	struct hist_record rec;

	memcpy(buf, data, size);
	buf[size] = '\0';
	hstats_init(&st, 20000, 4);
	for (char *p = buf, *end = buf + size; p <= end; ) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (history_parse(p, len, &rec) == HREC_SESSION) {
			hstats_add(&st, &rec.s);
			round_trip(&rec.s);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	hstats_finish(&st);
	free(hstats_render(&st, 80));
	hstats_free(&st);
	free(buf);
	return 0;
}
