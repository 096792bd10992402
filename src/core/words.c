/*
 * words.c - plurals and did-you-mean (words.h).
 */
#include "words.h"
#include "routine.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *
plural(long long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* Levenshtein distance, capped: anything over 3 is reported as 3. */
static int
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];

	if (la >= 63 || lb >= 63)
		return 3;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			/* a transposition ("hlod") counts as one edit */
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && best > diag)
				best = diag;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb] > 3 ? 3 : row[lb];
}

void
suggest_try(struct suggest *s, const char *typed, const char *known)
{
	size_t n = strlen(typed);

	if (s->dist == 0)
		return;                 /* a case-blind match: nothing nearer */
	if (n > 0 && n < strlen(known) && strncasecmp(typed, known, n) == 0 &&
	    (s->prefix == NULL || strcmp(s->prefix, known) != 0)) {
		if (s->nprefix++ == 0)
			s->prefix = known;
	}
	int d = strcasecmp(typed, known) == 0 ? 0 : edit_distance(typed, known);
	if (d < s->dist) {
		s->dist = d;
		s->near = known;
	}
	s->best = s->dist == 0 ? s->near : s->nprefix == 1 ? s->prefix : s->near;
}

int
words_split(const char *s, char *buf, size_t cap, const char **w, int max)
{
	int n = 0;
	char *save;

	snprintf(buf, cap, "%s", s ? s : "");
	for (char *p = strtok_r(buf, " ", &save); p != NULL && n < max;
	    p = strtok_r(NULL, " ", &save))
		w[n++] = p;
	return n;
}

const char *
setting_hint(const char *name, size_t len, const struct setting_info *tab,
    int n)
{
	static const char *const hints[] = {
		[ST_INT] = "a whole number, such as 5",
		[ST_NUMBER] = "a number, such as 8 or 2.5",
		[ST_BOOL] = "true or false",
		[ST_STRINGS] = "a list of texts in double quotes, such as [\"a\", \"b\"]",
		[ST_SETS] = "a number of sets, such as 3, or reps per set, such as [5, 3, 1]",
		[ST_TEMPO] = "a number of seconds, or a list of them, such as [2, 1, 2]",
		[ST_SIDES] = "true or false, or two names in double quotes",
		[ST_VARIANT] = "two texts in double quotes, such as [\"Name\", \"How\"]",
		[ST_EXERCISES] = "a list of exercises, ( { ... }, { ... } )",
	};

	for (int i = 0; i < n; i++)
		if (strlen(tab[i].name) == len && memcmp(tab[i].name, name, len) == 0)
			return tab[i].type < sizeof hints / sizeof *hints ?
			    hints[tab[i].type] : NULL;
	return NULL;
}

/* Did-you-mean over a settings table (routine.h). */
const char *
setting_suggest(const char *name, const struct setting_info *tab, int n)
{
	struct suggest s = SUGGEST_INIT;

	for (int i = 0; i < n; i++)
		suggest_try(&s, name, tab[i].name);
	return s.best;
}

int
setting_lookup(struct diags *d, const char *file, int line, const char *where,
    const char *name, const struct setting_info *tab, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(name, tab[i].name) == 0)
			return i;
	const char *near = setting_suggest(name, tab, n);
	diags_add(d, DIAG_WARNING, file, line,
	    "unknown %s%ssetting '%s'%s%s%s; it is ignored", where ? where : "",
	    where ? " " : "", name, near ? " (did you mean '" : "",
	    near ? near : "", near ? "'?)" : "");
	return -1;
}
