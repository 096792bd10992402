/*
 * words.h - the words around what is printed: a count's noun in the
 * singular or the plural, and the known name nearest to a mistyped one
 * (did you mean ...?).
 *
 * Part of the pure core.  One place for both, so that every count reads
 * "1 step", "2 steps", and every look-up (settings, commands, routine
 * ids) suggests by the same measure.
 */
#ifndef BACKCOACH_WORDS_H
#define BACKCOACH_WORDS_H

#include <stddef.h>

/* `one` when n is 1, else `many`: printf("%d %s", n, plural(n, "step",
 * "steps")). */
const char *plural(long long n, const char *one, const char *many);

/*
 * The nearest of several known names to what was typed: the case-blind
 * match when there is one, else the one name it begins ("stat": "stats")
 * when it begins only one, else the closest within 2 edits (a letter
 * added, dropped, changed, or two swapped), the first of equals.
 *
 *	struct suggest s = SUGGEST_INIT;
 *	for (...) suggest_try(&s, typed, known[i]);
 *	if (s.best) ... "did you mean '%s'?", s.best
 */
struct suggest {
	const char *best;       /* the answer so far, or NULL */
	int dist;               /* the nearest's distance; 0: a case-blind match */
	const char *near;       /* the nearest within 2 edits, or NULL */
	const char *prefix;     /* the first name typed is the start of */
	int nprefix;            /* how many different names it starts */
};
#define SUGGEST_INIT { NULL, 3, NULL, NULL, 0 }
void suggest_try(struct suggest *s, const char *typed, const char *known);

/* Splits a copy of s (NULL: "") into buf (cap bytes) and its
 * space-separated words into w[max]; returns how many. */
int words_split(const char *s, char *buf, size_t cap, const char **w,
    int max);

#endif
