/*
 * history_join.c - a window of sessions being read, each with its lines
 * (history_join.h).
 *
 * The window is a ring of HIST_JOIN_WINDOW slots, oldest first.  A slot
 * holds the raw lines of one session, S first, in the order they came;
 * its key is the S line's start and routine id, as written (escaped), and
 * its session id when it has one (version 4), so that a later line is
 * matched by comparing bytes, before anything is parsed.
 */
#include "history_join.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct span {
	const char *p;
	size_t n;
};

void
hist_join_init(struct hist_join *j, hist_join_fn *fn, void *arg)
{
	memset(j, 0, sizeof *j);
	j->fn = fn;
	j->arg = arg;
}

/* Field i (0-based) of a raw line, or false when it has fewer. */
static bool
field(const char *line, size_t len, int i, struct span *f)
{
	const char *p = line, *end = line + len;

	for (; i > 0; i--) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		if (t == NULL)
			return false;
		p = t + 1;
	}
	const char *t = memchr(p, '\t', (size_t)(end - p));
	f->p = p;
	f->n = t ? (size_t)(t - p) : (size_t)(end - p);
	return true;
}

/* The key of a record line: its session's start and routine id (fields 1
 * and 3 of an S line, 1 and 2 of the others), and its session id (version
 * 4: the field after the last of an S, A, N or F line; empty when there
 * is none).  False for a line that is no record of a session. */
static bool
line_key(const char *line, size_t len, struct span *start, struct span *id,
    struct span *sid)
{
	int at = line[0] == 'S' ? HISTORY_S_FIELDS : line[0] == 'A' ?
	    HISTORY_A_FIELDS : line[0] == 'N' ? HISTORY_N_FIELDS :
	    line[0] == 'F' ? HISTORY_F_FIELDS : 0;

	if (len < 2 || line[1] != '\t' || strchr("SEPANF", line[0]) == NULL ||
	    line[0] == '\0')
		return false;
	if (at == 0 || !field(line, len, at, sid))
		*sid = (struct span){ "", 0 };
	return field(line, len, 1, start) &&
	    field(line, len, line[0] == 'S' ? 3 : 2, id);
}

/* Whether a slot's key is a line's: the same start and routine, and the
 * same session id when the line names one. */
static bool
key_is(const char *key, const struct span *start, const struct span *id,
    const struct span *sid)
{
	size_t n = start->n + 1 + id->n;

	if (strncmp(key, start->p, start->n) != 0 || strlen(key) < n ||
	    key[start->n] != '\t' || memcmp(key + start->n + 1, id->p, id->n) != 0)
		return false;
	if (sid->n == 0)
		return key[n] == '\0' || key[n] == '\t';
	return key[n] == '\t' && strlen(key + n + 1) == sid->n &&
	    memcmp(key + n + 1, sid->p, sid->n) == 0;
}

/* Parses a copy of a line nobody holds and hands it on. */
static void
hand_on(struct hist_join *j, const char *line, size_t len, long lineno)
{
	struct hist_record rec;
	char *copy = malloc(len + 1);

	if (copy == NULL) {
		j->oom = 1;
		return;
	}
	memcpy(copy, line, len);
	history_parse(copy, len, &rec);
	j->fn(&rec, lineno, j->arg);
	free(copy);
}

/* Adds a line to slot sl; false when it cannot (memory, or too much). */
static bool
slot_add(struct hist_join *j, struct hist_join_slot *sl, const char *line,
    size_t len, long lineno)
{
	if (sl->len + len + 1 > HIST_JOIN_SLOT_MAX)
		return false;
	if (sl->len + len + 1 > sl->cap) {
		size_t cap = sl->cap ? sl->cap : 1024;
		while (cap < sl->len + len + 1)
			cap *= 2;
		char *b = realloc(sl->buf, cap);
		if (b == NULL)
			return (j->oom = 1), false;
		sl->buf = b;
		sl->cap = cap;
	}
	if (sl->nlines == sl->caplines) {
		size_t cap = sl->caplines ? 2 * sl->caplines : 16;
		struct hist_join_line *v = realloc(sl->lines, cap * sizeof *v);
		if (v == NULL)
			return (j->oom = 1), false;
		sl->lines = v;
		sl->caplines = cap;
	}
	memcpy(sl->buf + sl->len, line, len);
	sl->buf[sl->len + len] = '\n';
	sl->lines[sl->nlines++] = (struct hist_join_line){ sl->len, len, lineno };
	sl->len += len + 1;
	return true;
}

/* Calls fn for each line of slot sl whose first letter is in `which`,
 * parsed in place (each is parsed once); an A or N line found goes to
 * *amend or *next instead, the last one winning. */
static void
each_line(struct hist_join *j, struct hist_join_slot *sl, const char *which,
    struct hist_record *amend, struct hist_record *next)
{
	struct hist_record rec;

	for (size_t i = 1; i < sl->nlines; i++) {
		const struct hist_join_line *ln = &sl->lines[i];
		char *p = sl->buf + ln->off;
		if (strchr(which, p[0]) == NULL)
			continue;
		history_parse(p, ln->len, &rec);
		if (rec.type == HREC_AMEND && amend != NULL)
			*amend = rec;
		else if (rec.type == HREC_NEXT_DAY && next != NULL)
			*next = rec;
		else
			j->fn(&rec, ln->lineno, j->arg);
	}
}

/* Hands on the session in slot sl, amended, and empties the slot. */
static void
emit(struct hist_join *j, struct hist_join_slot *sl)
{
	struct hist_record amend = { .type = HREC_BLANK };
	struct hist_record next = { .type = HREC_BLANK };
	struct hist_record rec;

	each_line(j, sl, "AN", &amend, &next);
	history_parse(sl->buf, sl->lines[0].len, &rec);
	if (rec.type == HREC_SESSION && amend.type == HREC_AMEND) {
		rec.s.pain_after = amend.s.pain_after;
		rec.s.note = amend.s.note;
	}
	if (rec.type == HREC_SESSION && next.type == HREC_NEXT_DAY)
		rec.s.next_day = next.next_day;
	j->fn(&rec, sl->lines[0].lineno, j->arg);
	each_line(j, sl, "EPF", NULL, NULL);
	free(sl->key);
	sl->key = NULL;
	sl->len = sl->nlines = 0;
}

/* Hands on the oldest session held. */
static void
emit_oldest(struct hist_join *j)
{
	emit(j, &j->slot[j->first]);
	j->first = (j->first + 1) % HIST_JOIN_WINDOW;
	j->n--;
}

/* A new S (or D) line: a slot of its own under key (malloc'd, taken; NULL
 * when out of memory), the oldest handed on if need be. */
static void
new_slot(struct hist_join *j, const char *line, size_t len, long lineno,
    char *key)
{
	if (j->n == HIST_JOIN_WINDOW)
		emit_oldest(j);
	struct hist_join_slot *sl = &j->slot[(j->first + j->n) % HIST_JOIN_WINDOW];
	sl->key = key;
	if (sl->key == NULL || !slot_add(j, sl, line, len, lineno)) {
		j->oom = 1;
		free(sl->key);
		sl->key = NULL;
		hand_on(j, line, len, lineno);
		return;
	}
	j->n++;
}

/* The key of a session: "start\tid", then "\tsid" when it has one. */
static char *
session_key(const struct span *start, const struct span *id,
    const struct span *sid)
{
	size_t n = start->n + 1 + id->n;
	char *key = malloc(n + 1 + sid->n + 1);

	if (key != NULL) {
		memcpy(key, start->p, start->n);
		key[start->n] = '\t';
		memcpy(key + start->n + 1, id->p, id->n);
		key[n] = '\0';
		if (sid->n > 0) {
			key[n] = '\t';
			memcpy(key + n + 1, sid->p, sid->n);
			key[n + 1 + sid->n] = '\0';
		}
	}
	return key;
}

void
hist_join_line(struct hist_join *j, const char *line, size_t len,
    long lineno)
{
	struct span start, id, sid;

	/* a dose change belongs to no session, but keeps its place among
	 * them: "\n", a key no line can match */
	if (len >= 2 && line[0] == 'D' && line[1] == '\t') {
		new_slot(j, line, len, lineno, strdup("\n"));
		return;
	}
	if (!line_key(line, len, &start, &id, &sid)) {
		hand_on(j, line, len, lineno);  /* malformed: reported as such */
		return;
	}
	if (line[0] == 'S') {
		new_slot(j, line, len, lineno, session_key(&start, &id, &sid));
		return;
	}
	for (int k = j->n - 1; k >= 0; k--) {   /* the newest session first */
		struct hist_join_slot *sl =
		    &j->slot[(j->first + k) % HIST_JOIN_WINDOW];
		if (key_is(sl->key, &start, &id, &sid)) {
			if (!slot_add(j, sl, line, len, lineno))
				hand_on(j, line, len, lineno);
			return;
		}
	}
	hand_on(j, line, len, lineno);          /* a line without its session */
}

void
hist_join_flush(struct hist_join *j)
{
	while (j->n > 0)
		emit_oldest(j);
	j->first = 0;
}

void
hist_join_free(struct hist_join *j)
{
	for (int i = 0; i < HIST_JOIN_WINDOW; i++) {
		free(j->slot[i].key);
		free(j->slot[i].buf);
		free(j->slot[i].lines);
	}
	memset(j, 0, sizeof *j);
}
