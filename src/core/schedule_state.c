/*
 * schedule_state.c - the programme state file's text (schedule.h).
 *
 *   #backcoach-programme 1
 *   id six-weeks
 *   week 2
 *   began 2026-03-30T08:00:00+02:00
 *   started 2026-03-23T08:00:00+01:00
 *   change next
 *   resume six-weeks 3              (a flare-up programme only)
 */
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

#define STATE_HEADER "#backcoach-programme 1"

size_t
schedule_state_format(const struct prog_state *st, char *buf, size_t cap)
{
	int n = snprintf(buf, cap, STATE_HEADER "\nid %s\nweek %d\nbegan %s\n"
	    "started %s\nchange %s\n", st->id, st->week, st->began, st->started,
	    schedule_change_name(st->change));
	size_t len = n > 0 ? (size_t)n : 0;

	if (st->resume_id[0] != '\0') {
		n = snprintf(len < cap ? buf + len : NULL, len < cap ? cap - len : 0,
		    "resume %s %d\n", st->resume_id, st->resume_week);
		len += n > 0 ? (size_t)n : 0;
	}
	return len;
}

/* A whole number from 1 to 520 (ten years of weeks), or -1. */
static int
week_number(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return *s >= '0' && *s <= '9' && *end == '\0' && v >= 1 && v <= 520 ?
	    (int)v : -1;
}

/* A programme or routine id: what fits the field and has no space. */
static bool
copy_id(char *dst, const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > PROG_ID_MAX || strpbrk(s, " \t/") != NULL)
		return false;
	memcpy(dst, s, n + 1);
	return true;
}

static bool
copy_time(char *dst, const char *s)
{
	if (!calendar_valid_time(s))
		return false;
	snprintf(dst, HISTORY_START_LEN + 1, "%s", s);
	return true;
}

/* One "key value" line into st; false when it is wrong. */
static bool
parse_line(char *key, struct prog_state *st, unsigned *seen)
{
	char *v = strchr(key, ' ');
	int c;

	if (v == NULL)
		return false;
	*v++ = '\0';
	if (strcmp(key, "id") == 0 && copy_id(st->id, v))
		*seen |= 1;
	else if (strcmp(key, "week") == 0 && (st->week = week_number(v)) > 0)
		*seen |= 2;
	else if (strcmp(key, "began") == 0 && copy_time(st->began, v))
		*seen |= 4;
	else if (strcmp(key, "started") == 0 && copy_time(st->started, v))
		*seen |= 8;
	else if (strcmp(key, "change") == 0 && (c = schedule_change_find(v)) >= 0)
		st->change = (enum sched_change)c;
	else if (strcmp(key, "resume") == 0) {
		char *w = strchr(v, ' ');
		if (w == NULL)
			return false;
		*w++ = '\0';
		if (!copy_id(st->resume_id, v) ||
		    (st->resume_week = week_number(w)) < 0)
			return false;
	} else
		return false;
	return true;
}

int
schedule_state_parse(const char *text, const char *file,
    struct prog_state *st, struct diags *d)
{
	int before = d->nerrors, line = 0;
	unsigned seen = 0;
	const char *p = text;

	memset(st, 0, sizeof *st);
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char buf[256];
		line++;
		if (len >= sizeof buf) {
			diags_add(d, DIAG_ERROR, file, line, "line too long");
		} else {
			memcpy(buf, p, len);
			buf[len] = '\0';
			if (line == 1 && strcmp(buf, STATE_HEADER) != 0)
				diags_add(d, DIAG_ERROR, file, line, "not a backcoach "
				    "programme state: no '" STATE_HEADER "' line");
			else if (line > 1 && len > 0 && !parse_line(buf, st, &seen))
				diags_add(d, DIAG_ERROR, file, line, "malformed line");
		}
		p += len + (nl != NULL);
	}
	if (line == 0)
		diags_add(d, DIAG_ERROR, file, 1, "empty programme state");
	else if (d->nerrors == before && seen != 15)
		diags_add(d, DIAG_ERROR, file, line, "the programme state lacks %s",
		    !(seen & 1) ? "'id'" : !(seen & 2) ? "'week'" :
		    !(seen & 4) ? "'began'" : "'started'");
	return diags_status(d, before);
}
