/*
 * history_fields.h - the fields of a history line, read and checked
 * (history_fields.c).  Internal to the history module: history.c's line
 * parsers use them; everyone else reads records (history.h).
 */
#ifndef BACKCOACH_HISTORY_FIELDS_H
#define BACKCOACH_HISTORY_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include <string.h>

#include "history.h"
#include "history_names.h"

/* A non-negative decimal integer, at most 12 digits; -1 if s is not one.
 * One or two digits, most counts, are read without the loop. */
static inline int64_t
field_number(const char *s)
{
	unsigned d0 = (unsigned)(s[0] - '0');

	if (d0 < 10 && s[1] == '\0')   /* (s[1] is read after a digit only) */
		return d0;
	if (d0 < 10 && (unsigned)(s[1] - '0') < 10 && s[2] == '\0')
		return d0 * 10 + (unsigned)(s[1] - '0');
	int64_t v = 0;
	int n = 0;

	for (; *s != '\0'; s++, n++) {
		if (*s < '0' || *s > '9' || n >= 12)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return n > 0 ? v : -1;
}

/* A pain score: empty (-1), or 0-10; -2 when invalid. */
static inline int
field_pain(const char *s)
{
	if (*s == '\0')
		return -1;
	int64_t v = field_number(s);
	return v >= 0 && v <= 10 ? (int)v : -2;
}

/* The numeric fields f[0..n-1] into v, or false. */
static inline bool
field_numbers(char **f, int n, int64_t *v)
{
	for (int i = 0; i < n; i++)
		if ((v[i] = field_number(f[i])) < 0)
			return false;
	return true;
}

/* An exercise's status word as its enum ex_status, or -1. */
static inline int
field_ex_status(const char *s)
{
	for (int i = 0; i < EXS_COUNT; i++)
		if (s[0] == history_ex_status_words[i].name[0] &&
		    strcmp(s, history_ex_status_words[i].name) == 0)
			return i;
	return -1;
}

/* The index of word s among names[0..n-1], or -1. */
static inline int
field_lookup(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (s[0] == names[i][0] && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* Marks rec bad, why saying what is wrong; returns HREC_BAD. */
enum hist_rtype field_bad(struct hist_record *rec, const char *why);
/* Unescapes s in place; returns false on a bad escape. */
bool field_unescape(char *s);
/* Each of the n text fields t[] unescaped in place and checked; false,
 * with rec marked bad, at the first that is not fit to show.  A plain
 * line's (hist_record) need nothing. */
bool field_texts_checked(struct hist_record *rec, char *const *t, int n);
static inline bool
field_texts(struct hist_record *rec, char *const *t, int n)
{
	return rec->plain || field_texts_checked(rec, t, n);
}

/* A session id as read: empty (none), or 1-32 of [0-9A-Za-z_-]. */
bool field_sid_ok(const char *s);
/* A hold: empty (0), or seconds in (0, 86400]; -1 when invalid. */
double field_hold(const char *s);
/* "5,3,1": 1 to 100 counts of 1 to 1000 reps. */
bool field_reps(const char *s);

#endif
