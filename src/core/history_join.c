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

void
hist_join_raw(struct hist_join *j, hist_join_raw_fn *raw, void *arg)
{
	j->raw = raw;
	j->raw_arg = arg;
}

void
hist_join_skip(struct hist_join *j, const char *letters)
{
	for (; *letters != '\0'; letters++)
		if (strchr("EPF", *letters) != NULL)
			j->skip |= 1u << (*letters - 'A');
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

/* The field at p (up to a TAB or end) into *f; returns where the next
 * one starts, or NULL when it was the last. */
static const char *
take(const char *p, const char *end, struct span *f)
{
	const char *t = memchr(p, '\t', (size_t)(end - p));

	f->p = p;
	f->n = (size_t)((t ? t : end) - p);
	return t ? t + 1 : NULL;
}

/* The key of a record line: its session's start and routine id (fields 1
 * and 3 of an S line, 1 and 2 of the others), and its session id (version
 * 4: the field after the last of an A, N or F line; empty when there is
 * none, and not looked for in an S line: slot_sid finds it when a line
 * asks).  False for a line that is no record of a session. */
static bool
line_key(const char *line, size_t len, struct span *start, struct span *id,
    struct span *sid)
{
	int at = line[0] == 'A' ? HISTORY_A_FIELDS : line[0] == 'N' ?
	    HISTORY_N_FIELDS : line[0] == 'F' ? HISTORY_F_FIELDS : 0;
	const char *end = line + len, *p;
	struct span skip;

	if (len < 2 || line[1] != '\t' || (line[0] != 'S' && line[0] != 'E' &&
	    line[0] != 'P' && at == 0))
		return false;
	if (at == 0 || !field(line, len, at, sid))
		*sid = (struct span){ "", 0 };
	p = take(line + 2, end, start);
	if (p != NULL && line[0] == 'S')
		p = take(p, end, &skip);
	if (p == NULL)
		return false;
	take(p, end, id);
	return true;
}

/* The session id of slot sl's S line (the field after its last), found
 * once; empty when it has none. */
static struct span
slot_sid(struct hist_join_slot *sl)
{
	struct span sid;

	if (sl->sid_off < 0) {
		if (!field(sl->buf, sl->lines[0].len, HISTORY_S_FIELDS, &sid))
			sid = (struct span){ sl->buf, 0 };
		sl->sid_off = sid.p - sl->buf;
		sl->sid_n = sid.n;
	}
	return (struct span){ sl->buf + sl->sid_off, sl->sid_n };
}

/* Whether slot sl holds a line's session: the same start and routine (the
 * S line's bytes), and the same session id when the line names one. */
static bool
key_is(struct hist_join_slot *sl, const struct span *start,
    const struct span *id, const struct span *sid)
{
	if (sl->held != HIST_JOIN_SESSION || start->n != sl->start_n ||
	    id->n != sl->id_n || memcmp(sl->buf + 2, start->p, start->n) != 0 ||
	    memcmp(sl->buf + sl->id_off, id->p, id->n) != 0)
		return false;
	if (sid->n == 0)
		return true;
	struct span mine = slot_sid(sl);
	return mine.n == sid->n && memcmp(mine.p, sid->p, sid->n) == 0;
}

/* Parses a copy of a line nobody holds and hands it on (raw: as it is). */
static void
hand_on(struct hist_join *j, const char *line, size_t len, long lineno)
{
	struct hist_record rec;

	if (j->raw != NULL) {
		struct hist_join_line one = { 0, len, lineno };
		struct hist_join_slot lone = { .held = HIST_JOIN_LONE,
			.buf = (char *)line, .len = len, .lines = &one, .nlines = 1 };
		j->raw(&lone, j->raw_arg);
		return;
	}
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

/* What a session's later lines say: its A line's pain after and note,
 * its N line's answer (the last of each winning). */
struct later {
	bool amended, answered;
	bool plain;             /* the A line was plain (hist_record) */
	int pain_after;
	const char *note;
	enum next_day next_day;
};

/* Calls fn for each line of slot sl whose first letter is one of the
 * three in `which` (a letter may be repeated), parsed in place (each
 * is parsed once; `member`: as lines of the S line that parsed, whose
 * start and id they matched); an A or N line found goes into *later
 * instead, when it is not NULL. */
static void
each_line(hist_join_fn *fn, void *arg, struct hist_join_slot *sl,
    const char *which, const struct hist_key *member, struct later *later)
{
	struct hist_record rec;

	for (size_t i = 1; i < sl->nlines; i++) {
		const struct hist_join_line *ln = &sl->lines[i];
		char *p = sl->buf + ln->off;
		if (p[0] != which[0] && p[0] != which[1] && p[0] != which[2])
			continue;
		if (member != NULL)
			history_parse_member(p, ln->len, member, &rec);
		else
			history_parse(p, ln->len, &rec);
		if (rec.type == HREC_AMEND && later != NULL) {
			later->amended = true;
			later->plain = rec.plain;
			later->pain_after = rec.s.pain_after;
			later->note = rec.s.note;
		} else if (rec.type == HREC_NEXT_DAY && later != NULL) {
			later->answered = true;
			later->next_day = rec.next_day;
		} else {
			fn(&rec, ln->lineno, arg);
		}
	}
}

void
hist_join_deliver(struct hist_join_slot *sl, hist_join_fn *fn, void *arg)
{
	struct later later = { .amended = false, .answered = false };
	struct hist_record rec;

	history_parse(sl->buf, sl->lines[0].len, &rec);
	bool member = rec.type == HREC_SESSION;
	const struct hist_key key = { sl->start_n, sl->id_n, rec.plain };
	each_line(fn, arg, sl, "ANN", member ? &key : NULL, &later);
	if (member && later.amended) {
		rec.s.pain_after = later.pain_after;
		rec.s.note = later.note;
		rec.plain &= later.plain;       /* the note is the A line's */
	}
	if (member && later.answered)
		rec.s.next_day = later.next_day;
	fn(&rec, sl->lines[0].lineno, arg);
	each_line(fn, arg, sl, "EPF", member ? &key : NULL, NULL);
	static const struct hist_record end = { .type = HREC_SESSION_END };
	if (member)             /* the line's strings are still the slot's */
		fn(&end, sl->lines[0].lineno, arg);
}

/* Hands on the session in slot sl (raw: as it is), and empties it. */
static void
emit(struct hist_join *j, struct hist_join_slot *sl)
{
	if (j->raw != NULL)
		j->raw(sl, j->raw_arg);
	else
		hist_join_deliver(sl, j->fn, j->arg);
	sl->held = HIST_JOIN_EMPTY;
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

/* A new S (or D) line: a slot of its own (what: HIST_JOIN_SESSION, with
 * the line's start and routine id, or HIST_JOIN_DOSE), the oldest handed
 * on if need be. */
static void
new_slot(struct hist_join *j, const char *line, size_t len, long lineno,
    int what, const struct span *start, const struct span *id)
{
	if (j->n == HIST_JOIN_WINDOW)
		emit_oldest(j);
	struct hist_join_slot *sl = &j->slot[(j->first + j->n) % HIST_JOIN_WINDOW];
	if (!slot_add(j, sl, line, len, lineno)) {
		j->oom = 1;
		hand_on(j, line, len, lineno);
		return;
	}
	sl->held = what;
	if (what == HIST_JOIN_SESSION) {
		sl->start_n = start->n;
		sl->id_off = (size_t)(id->p - line);
		sl->id_n = id->n;
		sl->sid_off = -1;
	}
	j->n++;
}

/* Whether an E or P line (no session id) has the key of slot sl, read
 * straight off its bytes: the next line of the session read last, the
 * most common line of all, found without splitting it. */
static bool
member_of(const struct hist_join_slot *sl, const char *line, size_t len)
{
	size_t at = 2 + sl->start_n;

	return sl->held == HIST_JOIN_SESSION && len > at + 1 + sl->id_n &&
	    line[at] == '\t' && line[at + 1 + sl->id_n] == '\t' &&
	    memcmp(line + 2, sl->buf + 2, sl->start_n) == 0 &&
	    memcmp(line + at + 1, sl->buf + sl->id_off, sl->id_n) == 0;
}

void
hist_join_line(struct hist_join *j, const char *line, size_t len,
    long lineno)
{
	struct span start, id, sid;

	if (j->skip != 0 && len >= 2 && line[1] == '\t' && line[0] >= 'A' &&
	    line[0] <= 'Z' && (j->skip & 1u << (line[0] - 'A')) != 0)
		return;
	struct hist_join_slot *newest = j->n > 0 ?
	    &j->slot[(j->first + j->n - 1) % HIST_JOIN_WINDOW] : NULL;

	if (newest != NULL && len >= 2 && (line[0] == 'E' || line[0] == 'P') &&
	    line[1] == '\t' && member_of(newest, line, len)) {
		if (!slot_add(j, newest, line, len, lineno))
			hand_on(j, line, len, lineno);
		return;
	}

	/* a dose change belongs to no session, but keeps its place among
	 * them, in a slot no line matches */
	if (len >= 2 && line[0] == 'D' && line[1] == '\t') {
		new_slot(j, line, len, lineno, HIST_JOIN_DOSE, NULL, NULL);
		return;
	}
	if (!line_key(line, len, &start, &id, &sid)) {
		hand_on(j, line, len, lineno);  /* malformed: reported as such */
		return;
	}
	if (line[0] == 'S') {
		new_slot(j, line, len, lineno, HIST_JOIN_SESSION, &start, &id);
		return;
	}
	for (int k = j->n - 1; k >= 0; k--) {   /* the newest session first */
		struct hist_join_slot *sl =
		    &j->slot[(j->first + k) % HIST_JOIN_WINDOW];
		if (key_is(sl, &start, &id, &sid)) {
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
		free(j->slot[i].buf);
		free(j->slot[i].lines);
	}
	memset(j, 0, sizeof *j);
}
