/*
 * fuzz_history.c - libFuzzer harness for the history reader (pure core).
 *
 * Each input is split into lines and read as the store reads them: through
 * the joiner (history_join.c), which puts each session together with its
 * amendment.  Every session handed on is added to the statistics,
 * formatted again and re-parsed, and must come back the same; every text
 * it carries must be fit to show (UTF-8, no control character but tab and
 * line break) and, once through text_escape, hold no control character
 * but a line break.  Every record goes to a report too (report.c), whose
 * text must fit 80 columns and whose page must hold no script.
 * Run by `make fuzz-history`.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "history_join.h"
#include "history_stats.h"
#include "report.h"
#include "text.h"

struct both {
	struct hstats st;
	struct report r;
};

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

/* A text from the file: clean as read, and inert once escaped. */
static void
safe_text(const char *s)
{
	char out[4 * 8192];
	uint32_t c;

	assert(text_check(s, "\t\n", NULL));
	size_t n = text_escape(s, out, sizeof out);
	if (n >= sizeof out)
		return;
	for (size_t i = 0; i < n; ) {
		size_t len = text_utf8(out + i, n - i, &c);
		assert(len > 0);
		assert(!text_is_control(c) || c == '\n');
		assert(!text_is_bidi(c));
		i += len;
	}
}

static void
joined(const struct hist_record *rec, long line, void *arg)
{
	struct hstats *st = &((struct both *)arg)->st;

	assert(line > 0);
	report_add(&((struct both *)arg)->r, rec);
	switch (rec->type) {
	case HREC_SESSION:
		safe_text(rec->s.routine_id);
		safe_text(rec->s.routine_name);
		safe_text(rec->s.note);
		safe_text(rec->s.flag);
		safe_text(rec->s.checked);
		hstats_add(st, &rec->s);
		round_trip(&rec->s);
		break;
	case HREC_EXERCISE:
		safe_text(rec->e.name);
		safe_text(rec->key_routine);
		break;
	case HREC_DOSE:
		safe_text(rec->dose.routine_id);
		safe_text(rec->dose.ex_name);
		break;
	case HREC_AMEND:                /* one that found no session */
		safe_text(rec->s.note);
		break;
	case HREC_BAD:
		assert(rec->why != NULL);
		break;
	default:
		break;
	}
}

/* The report's three renderings: text in 80 columns, a page with no
 * script. */
static void
report_check(struct report *r)
{
	report_finish(r);
	char *t = report_text(r), *h = report_html(r), *j = report_json(r);
	assert(t && h && j);
	for (char *l = t; *l; ) {
		size_t n = strcspn(l, "\n");
		char c = l[n];
		l[n] = '\0';
		assert(text_width(l) <= 80);
		l[n] = c;
		l += n + (c == '\n');
	}
	assert(strstr(h, "<script") == NULL);
	free(t);
	free(h);
	free(j);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	struct both b;
	struct hist_join j;
	long lineno = 0;

	memcpy(buf, data, size);
	buf[size] = '\0';
	hstats_init(&b.st, 20000, 4);
	assert(report_init(&b.r, 20000 - 41, 20000) == 0);
	hist_join_init(&j, joined, &b);
	for (char *p = buf, *end = buf + size; p <= end; ) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		lineno++;
		if (len > 0 && p[0] != '#')
			hist_join_line(&j, p, len, lineno);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	hist_join_flush(&j);
	hist_join_free(&j);
	hstats_finish(&b.st);
	free(hstats_render(&b.st, 80));
	hstats_free(&b.st);
	report_check(&b.r);
	report_free(&b.r);
	free(buf);
	return 0;
}
