/*
 * history_fields.c - the fields of a history line as the file writes them
 * (history_fields.h): text unescaped and checked, words looked up,
 * counts, session ids, doses.
 *
 * Part of the pure core, internal to the history module (history.c).
 */
#include "history_fields.h"
#include "history_names.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Unescapes s in place; returns false on a bad escape. */
bool
field_unescape(char *s)
{
	char *w = strchr(s, '\\');

	if (w == NULL)
		return true;
	for (char *r = w; *r != '\0'; r++) {
		if (*r != '\\') {
			*w++ = *r;
			continue;
		}
		r++;
		switch (*r) {
		case 't':  *w++ = '\t'; break;
		case 'n':  *w++ = '\n'; break;
		case 'r':  *w++ = '\r'; break;
		case '\\': *w++ = '\\'; break;
		default:   return false;        /* includes a trailing '\' */
		}
	}
	*w = '\0';
	return true;
}

static bool
field_clean(const char *s)
{
	return text_check(s, "\t\n", NULL);
}

enum hist_rtype
field_bad(struct hist_record *rec, const char *why)
{
	rec->type = HREC_BAD;
	rec->why = why;
	return HREC_BAD;
}

/* Each of the n text fields t[] unescaped in place and checked; false,
 * with rec marked bad, at the first that is not fit to show. */
bool
field_texts_checked(struct hist_record *rec, char *const *t, int n)
{
	for (int i = 0; i < n; i++) {
		const char *p = t[i];
		while ((unsigned char)*p - 0x20u < 0x5fu && *p != '\\')
			p++;
		if (*p == '\0')
			continue;       /* printable ASCII, no escape: most fields */
		if (!field_unescape(t[i]))
			return field_bad(rec, "bad escape"), false;
		if (!field_clean(t[i]))
			return field_bad(rec, "a control character or a byte that is not UTF-8"), false;
	}
	return true;
}

/* A session id as read: empty (none), or 1-32 of [0-9A-Za-z_-]. */
bool
field_sid_ok(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '_' || s[n] == '-'))
			return false;
	return n <= HISTORY_SID_MAX;
}

/* A hold: empty (0), or seconds in (0, 86400]; -1 when invalid. */
double
field_hold(const char *s)
{
	char *end;

	if (*s == '\0')
		return 0;
	double v = strtod(s, &end);
	return *end == '\0' && v > 0 && v <= 86400 ? v : -1;
}

/* "5,3,1": 1 to 100 counts of 1 to 1000 reps. */
bool
field_reps(const char *s)
{
	int n = 0;

	for (;;) {
		int64_t v = 0;
		const char *d = s;
		while (*s >= '0' && *s <= '9' && v <= 1000)
			v = v * 10 + (*s++ - '0');
		if (s == d || v < 1 || v > 1000 || ++n > 100)
			return false;
		if (*s == '\0')
			return true;
		if (*s++ != ',')
			return false;
	}
}
