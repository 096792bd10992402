/*
 * history.c - history records: formatting, parsing, calendar arithmetic.
 *
 * Part of the pure core.  The line format is described in history.h.
 * Parsing works in place and allocates nothing, so that reading a million
 * records costs one pass over the bytes.  Dates are civil dates taken from
 * the text (the local date the person exercised on), turned into day
 * numbers by calendar.c.
 */
#include "history.h"
#include "history_names.h"
#include "history_fields.h"
#include "calendar.h"
#include "safety.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- parsing -------------------------------------------------------- */

/* The fields a v2 S line adds (f[14..17]) into s. */
static enum hist_rtype
parse_session_v2(char **f, struct hist_record *rec)
{
	struct hist_session *s = &rec->s;
	int k;

	if (!field_texts(rec, f + 14, 2))
		return HREC_BAD;
	s->flag = f[14];
	s->checked = f[15];
	if ((s->pain_max = field_pain(f[16])) < -1)
		return field_bad(rec, "bad pain score");
	if ((k = field_lookup(f[17], history_kind_names, HK_COUNT)) < 0)
		return field_bad(rec, "bad kind");
	s->kind = (enum hist_kind)k;
	return rec->type = HREC_SESSION;
}

/* An S line of n fields: 14 (version 1), 18, or 19 (version 4). */
static enum hist_rtype
parse_session(char **f, int n, struct hist_record *rec)
{
	struct hist_session *s = &rec->s;
	int64_t v[5];
	int st, re;

	if (!calendar_time_day(f[1], &s->day))
		return field_bad(rec, "bad start time");
	text_copy(s->start, sizeof s->start, f[1]);
	if ((s->duration_s = field_number(f[2])) < 0 ||
	    s->duration_s > HISTORY_MAX_SECONDS)
		return field_bad(rec, "bad duration");
	if (!field_texts(rec, (char *[]){ f[3], f[4], f[13] }, 3))
		return HREC_BAD;
	if (f[3][0] == '\0')
		return field_bad(rec, "empty routine id");
	s->routine_id = f[3];
	s->routine_name = f[4];
	if ((st = field_lookup(f[5], history_status_names, HS_COUNT)) < 0)
		return field_bad(rec, "bad status");
	if ((re = field_lookup(f[6], history_reason_names, HR_COUNT)) < 0)
		return field_bad(rec, "bad reason");
	s->status = (enum hist_status)st;
	s->reason = (enum hist_reason)re;
	if (!field_numbers(f + 7, 4, v) || v[0] + v[1] > v[2] || v[2] > 100000 ||
	    v[3] > HISTORY_MAX_SECONDS)
		return field_bad(rec, "bad exercise counts");
	s->ex_completed = (int)v[0];
	s->ex_skipped = (int)v[1];
	s->ex_total = (int)v[2];
	s->worked_s = v[3];
	if ((s->pain_before = field_pain(f[11])) < -1 ||
	    (s->pain_after = field_pain(f[12])) < -1)
		return field_bad(rec, "bad pain score");
	s->note = f[13];
	s->flag = s->checked = "";
	s->pain_max = -1;
	s->next_day = NEXT_DAY_UNKNOWN;
	s->kind = HK_EXERCISE;
	s->ex = NULL;
	s->nex = 0;
	s->pains = NULL;
	s->npains = 0;
	s->sid[0] = '\0';
	if (n == HISTORY_S_FIELDS_V4 && !field_sid_ok(f[HISTORY_S_FIELDS]))
		return field_bad(rec, "bad session id");
	if (n == HISTORY_S_FIELDS_V4)
		text_copy(s->sid, sizeof s->sid, f[HISTORY_S_FIELDS]);
	if (n >= HISTORY_S_FIELDS)
		return parse_session_v2(f, rec);
	return rec->type = HREC_SESSION;
}

/* The key of a line that belongs to a session: f[1] start, f[2] id; false
 * with rec marked bad when it is not one.  Known: they are the bytes of a
 * session's S line that parsed, so only unescaped (history_parse_member). */
static bool
parse_key(char **f, struct hist_record *rec, bool known)
{
	if (known && !rec->plain && !field_unescape(f[2]))
		return field_bad(rec, "bad escape"), false;
	if (!known && !calendar_valid_time(f[1]))
		return field_bad(rec, "bad start time"), false;
	if (!known && !field_texts(rec, f + 2, 1))
		return false;
	rec->key_start = f[1];
	rec->key_routine = f[2];
	rec->key_sid = "";
	return true;
}

static enum hist_rtype
parse_exercise(char **f, struct hist_record *rec, bool known)
{
	struct hist_exercise *e = &rec->e;
	int64_t v[6];
	int st;

	if (!parse_key(f, rec, known) || !field_texts(rec, f + 4, 1))
		return HREC_BAD;
	if ((v[0] = field_number(f[3])) < 1 || v[0] > 100000)
		return field_bad(rec, "bad exercise number");
	rec->ex_index = (int)v[0];
	e->name = f[4];
	if ((st = field_ex_status(f[5])) < 0)
		return field_bad(rec, "bad exercise status");
	e->status = (enum ex_status)st;
	if (!field_numbers(f + 6, 5, v) || v[0] > v[1] || v[2] > v[3] || v[1] > 100000 ||
	    v[3] > 1000000 || v[4] > HISTORY_MAX_SECONDS)
		return field_bad(rec, "bad exercise counts");
	e->sets_done = (int)v[0];
	e->sets_planned = (int)v[1];
	e->reps_done = (int)v[2];
	e->reps_planned = (int)v[3];
	e->worked_s = v[4];
	return rec->type = HREC_EXERCISE;
}

static enum hist_rtype
parse_pain_report(char **f, struct hist_record *rec, bool known)
{
	struct hist_pain *p = &rec->p;
	int64_t at, spreads;
	int score, step;

	if (!parse_key(f, rec, known))
		return HREC_BAD;
	if ((at = field_number(f[3])) < 0 || at > HISTORY_MAX_SECONDS ||
	    (score = field_pain(f[4])) < 0 ||
	    (spreads = field_number(f[5])) < 0 || spreads > 1)
		return field_bad(rec, "bad pain report");
	if ((step = field_lookup(f[6], history_pain_step_names, HP_COUNT)) < 0)
		return field_bad(rec, "bad pain step");
	p->at_s = at;
	p->score = score;
	p->spreads = spreads == 1;
	p->step = (enum hist_pain_step)step;
	return rec->type = HREC_PAIN;
}

static enum hist_rtype
parse_amend(char **f, struct hist_record *rec, bool known)
{
	if (!parse_key(f, rec, known) || !field_texts(rec, f + 4, 1))
		return HREC_BAD;
	if ((rec->s.pain_after = field_pain(f[3])) < -1)
		return field_bad(rec, "bad pain score");
	rec->s.note = f[4];
	return rec->type = HREC_AMEND;
}

static enum hist_rtype
parse_next_day(char **f, struct hist_record *rec, bool known)
{
	int k;

	if (!parse_key(f, rec, known))
		return HREC_BAD;
	if ((k = field_lookup(f[3], history_next_day_names, NEXT_DAY_COUNT)) <= 0)
		return field_bad(rec, "bad next-day answer");
	rec->next_day = (enum next_day)k;
	return rec->type = HREC_NEXT_DAY;
}

static enum hist_rtype
parse_feedback(char **f, struct hist_record *rec, bool known)
{
	int64_t ex;
	int k;

	if (!parse_key(f, rec, known))
		return HREC_BAD;
	if ((ex = field_number(f[3])) < 1 || ex > 100000)
		return field_bad(rec, "bad exercise number");
	if ((k = field_lookup(f[4], history_feedback_names, FB_COUNT)) <= 0)
		return field_bad(rec, "bad rating");
	rec->ex_index = (int)ex;
	rec->feedback = (enum ex_feedback)k;
	return rec->type = HREC_FEEDBACK;
}

static enum hist_rtype
parse_dose(char **f, struct hist_record *rec, bool known)
{
	struct hist_dose *d = &rec->dose;
	int64_t ex = field_number(f[3]);

	(void)known;                    /* a D line is no session's */
	if (!calendar_valid_time(f[1]))
		return field_bad(rec, "bad time");
	if (!field_texts(rec, (char *[]){ f[2], f[4] }, 2))
		return HREC_BAD;
	if (ex < 1 || ex > 100000 || !field_reps(f[5]) || !field_reps(f[7]) ||
	    (d->from_hold = field_hold(f[6])) < 0 || (d->to_hold = field_hold(f[8])) < 0)
		return field_bad(rec, "bad dose");
	if (strcmp(f[9], "up") != 0 && strcmp(f[9], "down") != 0)
		return field_bad(rec, "bad dose change");
	d->at = f[1];
	d->routine_id = f[2];
	d->ex = (int)ex;
	d->ex_name = f[4];
	d->from_reps = f[5];
	d->to_reps = f[7];
	d->up = f[9][0] == 'u';
	return rec->type = HREC_DOSE;
}

/* The parser of each kind of record line: its letter, its fields, and
 * whether version 4 adds a session id after them. */
static const struct {
	char letter;
	int fields;
	bool sid;
	enum hist_rtype (*parse)(char **f, struct hist_record *rec, bool known);
} line_kinds[] = {
	{ 'E', HISTORY_E_FIELDS, false, parse_exercise },
	{ 'P', HISTORY_P_FIELDS, false, parse_pain_report },
	{ 'A', HISTORY_A_FIELDS, true, parse_amend },
	{ 'N', HISTORY_N_FIELDS, true, parse_next_day },
	{ 'D', HISTORY_D_FIELDS, false, parse_dose },
	{ 'F', HISTORY_F_FIELDS, true, parse_feedback },
};

static enum hist_rtype
parse_header(char *line, size_t len, struct hist_record *rec)
{
	static const char hdr[] = HISTORY_HEADER_PREFIX;

	line[len] = '\0';
	if (strncmp(line, hdr, sizeof hdr - 1) != 0)
		return rec->type = HREC_BLANK;
	int64_t v = field_number(line + sizeof hdr - 1);
	if (v < 1 || v > 1000000)
		return field_bad(rec, "bad history header");
	rec->version = (int)v;
	return rec->type = HREC_HEADER;
}

/* Splits a line of a session whose key k is known: its first three
 * fields (the letter, the start, the id) are where k says, and only the
 * rest is looked at.  As text_split_plain(), and a line whose TABs are
 * not where k says is split whole. */
static int
split_keyed(char *line, size_t len, const struct hist_key *k, char **f,
    int most, bool *plain)
{
	size_t a = k ? 2 + k->start_n : 0, b = k ? a + 1 + k->id_n : 0;

	if (k == NULL || b >= len || line[a] != '\t' || line[b] != '\t')
		return text_split_plain(line, len, f, most, plain);
	line[1] = line[a] = line[b] = '\0';
	f[0] = line;
	f[1] = line + 2;
	f[2] = line + a + 1;
	int n = text_split_plain(line + b + 1, len - b - 1, f + 3, most - 3, plain);
	if (n < 0)
		return -1;
	*plain = *plain && k->plain;
	return n > most - 3 ? most + 1 : n + 3;
}

static enum hist_rtype
parse_line(char *line, size_t len, struct hist_record *rec, bool known,
    const struct hist_key *key)
{
	char *f[HISTORY_S_FIELDS_V4];
	int n;

	rec->why = NULL;
	rec->member = known;
	rec->plain = false;
	if (len == 0)
		return rec->type = HREC_BLANK;
	if (line[0] == '#')
		return parse_header(line, len, rec);
	if (len < 2 || line[1] != '\t')
		return field_bad(rec, "unknown record type");
	if (line[0] == 'S') {
		n = text_split_plain(line, len, f, HISTORY_S_FIELDS_V4, &rec->plain);
		if (n < 0)
			return field_bad(rec, "a NUL byte");
		if (n != HISTORY_S_FIELDS && n != HISTORY_S_FIELDS_V1 &&
		    n != HISTORY_S_FIELDS_V4)
			return field_bad(rec, "wrong number of fields");
		return parse_session(f, n, rec);
	}
	for (size_t i = 0; i < sizeof line_kinds / sizeof line_kinds[0]; i++) {
		if (line[0] != line_kinds[i].letter)
			continue;
		int most = line_kinds[i].fields + line_kinds[i].sid;
		n = split_keyed(line, len, key, f, most, &rec->plain);
		if (n < 0)
			return field_bad(rec, "a NUL byte");
		if (n != line_kinds[i].fields && n != most)
			return field_bad(rec, "wrong number of fields");
		if (line_kinds[i].parse(f, rec, known) == HREC_BAD)
			return HREC_BAD;
		if (n > line_kinds[i].fields && !field_sid_ok(f[n - 1]))
			return field_bad(rec, "bad session id");
		if (n > line_kinds[i].fields)
			rec->key_sid = f[n - 1];
		return rec->type;
	}
	return field_bad(rec, "unknown record type");
}

enum hist_rtype
history_parse(char *line, size_t len, struct hist_record *rec)
{
	return parse_line(line, len, rec, false, NULL);
}

enum hist_rtype
history_parse_member(char *line, size_t len, const struct hist_key *key,
    struct hist_record *rec)
{
	return parse_line(line, len, rec, true, key);
}
