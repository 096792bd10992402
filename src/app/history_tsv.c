/*
 * history_tsv.c - a session as a TSV row (history_out.h): the export a
 * million sessions go through, so it is written for speed.
 *
 * The row's most bytes are worked out first (text may double when it is
 * escaped; a number takes at most 20 digits and a sign), the room made
 * once, and then every cell written through a cursor: no check, call or
 * NUL per piece (sb_put has all three: a row of them cost the export a
 * third of its time).  Text is escaped as the history file escapes it
 * (history_escape): TAB, LF, CR and backslash as \t \n \r \\.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "history_out.h"
#include "plan.h"

#define NUM_MAX 21              /* -9223372036854775808 */
#define NAME_MAX_LEN HISTORY_WORD_MAX
/* the fixed words and separators of a row, and an exercise's and a pain
 * report's beside their text and numbers */
#define ROW_FIXED (20 + 6 * NAME_MAX_LEN + 10 * NUM_MAX)
#define EX_FIXED (32 + NAME_MAX_LEN + 5 * NUM_MAX)
#define PAIN_FIXED (24 + NAME_MAX_LEN + 2 * NUM_MAX)

/* Whether the 8 bytes of x hold a control character or a backslash:
 * what may need an escape (the usual test for a byte below a value, and
 * for a zero byte after an XOR). */
static inline bool
may_escape(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	uint64_t bs = x ^ (ones * '\\');

	return (((x - ones * 0x20) & ~x) | ((bs - ones) & ~bs)) & highs;
}

/* s (n bytes) escaped at w as the history file escapes it; returns the
 * end.  Most text has nothing to escape: a word at a time tells, and it
 * is copied whole. */
static char *
put_text(char *w, const char *s, size_t n)
{
	size_t i = 0;

	for (uint64_t x; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (may_escape(x))
			return w + history_escape(s, w, 2 * n + 1);
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '\\')
			return w + history_escape(s, w, 2 * n + 1);
	memcpy(w, s, n);
	return w + n;
}

/* A text cell at w: copied as it is from a plain row (r->plain: nothing
 * in it to escape), else escaped. */
static inline char *
put_cell(char *w, const char *s, size_t n, bool plain)
{
	if (!plain)
		return put_text(w, s, n);
	memcpy(w, s, n);
	return w + n;
}

/* A literal at w: its length is known when compiling, and the copy is a
 * move or two. */
#define PUT_LIT(w, lit) (memcpy((w), (lit), sizeof(lit) - 1), (w) + sizeof(lit) - 1)

/* The file's fixed words (statuses, reasons, kinds, steps, answers: none
 * has a byte to escape), each padded to HISTORY_WORD_MAX bytes, so that
 * one is written as a copy of that many (the row has room for them after
 * each word) and the cursor moved on by its length: a byte at a time,
 * they cost the export a twentieth of its time. */
enum { W_EX, W_STATUS, W_REASON, W_KIND, W_NEXT, W_STEP, W_SETS };
#define W_MOST 16               /* words in a set at most */
_Static_assert(EXS_COUNT <= W_MOST && HS_COUNT <= W_MOST &&
    HR_COUNT <= W_MOST && HK_COUNT <= W_MOST && NEXT_DAY_COUNT <= W_MOST &&
    HP_COUNT <= W_MOST, "a set of words fits its table");

static struct word {
	char b[HISTORY_WORD_MAX];
	unsigned char n;
} words[W_SETS][W_MOST];
static const int word_count[W_SETS] = { EXS_COUNT, HS_COUNT, HR_COUNT,
	HK_COUNT, NEXT_DAY_COUNT, HP_COUNT };

/* The words, the first time. */
static void
words_init(void)
{
	static bool done;

	for (int set = 0; !done && set < W_SETS; set++)
		for (int i = 0; i < word_count[set]; i++) {
			const char *t = set == W_EX ? history_ex_status_name(i) :
			    set == W_STATUS ? history_status_name(i) :
			    set == W_REASON ? history_reason_name(i) :
			    set == W_KIND ? history_kind_name(i) :
			    set == W_NEXT ? history_next_day_name(i) :
			    history_pain_step_name(i);
			words[set][i].n = (unsigned char)strlen(t);
			memcpy(words[set][i].b, t, words[set][i].n);
		}
	done = true;
}

/* Word i of a set at w ("?" for a value the file has no word for). */
static inline char *
put_word(char *w, int set, int i)
{
	if (i < 0 || i >= word_count[set]) {
		*w = '?';
		return w + 1;
	}
	memcpy(w, words[set][i].b, HISTORY_WORD_MAX);
	return w + words[set][i].n;
}

/* v in decimal at w, when it is not below 0 or 100 or more. */
static char *
put_num_wide(char *w, int64_t v)
{
	char d[NUM_MAX], *p = d + sizeof d;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	size_t n = (size_t)(d + sizeof d - p);
	memcpy(w, p, n);
	return w + n;
}

/* v in decimal at w: most counts and seconds in place. */
static inline char *
put_num(char *w, int64_t v)
{
	if (v < 0 || v >= 100)
		return put_num_wide(w, v);
	if (v >= 10)
		*w++ = (char)('0' + v / 10);
	*w++ = (char)('0' + v % 10);
	return w;
}

/* A pain score, or nothing for -1 (none given). */
static char *
put_pain(char *w, int v)
{
	return v >= 0 ? put_num(w, v) : w;
}

/* The text cells of a session, and their lengths. */
enum { T_START, T_ID, T_NAME, T_NOTE, T_FLAG, T_CHECKED, T_COUNT };

/* The most bytes r's row can take; the lengths of its text cells in n. */
static size_t
row_most(const struct hist_row *r, const char *const *t, size_t *n)
{
	size_t most = ROW_FIXED + (size_t)r->s.npains * PAIN_FIXED;

	for (int i = 0; i < T_COUNT; i++)
		most += 2 * (n[i] = strlen(t[i]));
	for (int i = 0; i < r->s.nex; i++)
		most += EX_FIXED + 2 * strlen(r->ex[i].name);
	return most;
}

/* The exercises cell: "name: status, sets a/b, reps c/d, N s; ...", the
 * names escaped (TSV) or as they are (CSV quotes the cell whole). */
static char *
put_exercises(char *w, const struct hist_row *r, bool escape)
{
	for (int i = 0; i < r->s.nex; i++) {
		const struct hist_exercise *e = &r->ex[i];
		if (i > 0)
			w = PUT_LIT(w, "; ");
		w = put_cell(w, e->name, strlen(e->name), r->plain || !escape);
		w = PUT_LIT(w, ": ");
		w = put_word(w, W_EX, (int)e->status);
		w = PUT_LIT(w, ", sets ");
		w = put_num(w, e->sets_done);
		*w++ = '/';
		w = put_num(w, e->sets_planned);
		w = PUT_LIT(w, ", reps ");
		w = put_num(w, e->reps_done);
		*w++ = '/';
		w = put_num(w, e->reps_planned);
		w = PUT_LIT(w, ", ");
		w = put_num(w, e->worked_s);
		w = PUT_LIT(w, " s");
	}
	return w;
}

/* The pain reports cell: "at 125 s: 7, spreads, next; ...". */
static char *
put_pains(char *w, const struct hist_session *s)
{
	for (int i = 0; i < s->npains; i++) {
		const struct hist_pain *p = &s->pains[i];
		w = i ? PUT_LIT(w, "; at ") : PUT_LIT(w, "at ");
		w = put_num(w, p->at_s);
		w = PUT_LIT(w, " s: ");
		w = put_num(w, p->score);
		w = p->spreads ? PUT_LIT(w, ", spreads, ") : PUT_LIT(w, ", ");
		w = put_word(w, W_STEP, (int)p->step);
	}
	return w;
}

void
history_out_tsv(struct sbuf *b, const struct hist_row *r)
{
	const struct hist_session *s = &r->s;
	const char *const t[T_COUNT] = { s->start, s->routine_id,
		s->routine_name, s->note, s->flag, s->checked };
	size_t n[T_COUNT];

	words_init();
	if (sb_grow(b, row_most(r, t, n)) != 0)
		return;
	char *w = b->p + b->len;
	w = put_cell(w, t[T_START], n[T_START], true);  /* a time, checked */
	*w++ = '\t';
	w = put_num(w, s->duration_s);
	*w++ = '\t';
	w = put_cell(w, t[T_ID], n[T_ID], r->plain);
	*w++ = '\t';
	w = put_cell(w, t[T_NAME], n[T_NAME], r->plain);
	*w++ = '\t';
	w = put_word(w, W_STATUS, (int)s->status);
	*w++ = '\t';
	w = put_word(w, W_REASON, (int)s->reason);
	const int64_t counts[] = { s->ex_completed, s->ex_skipped, s->ex_total,
		s->worked_s };
	for (int i = 0; i < 4; i++) {
		*w++ = '\t';
		w = put_num(w, counts[i]);
	}
	*w++ = '\t';
	w = put_pain(w, s->pain_before);
	*w++ = '\t';
	w = put_pain(w, s->pain_after);
	*w++ = '\t';
	w = put_cell(w, t[T_NOTE], n[T_NOTE], r->plain);
	*w++ = '\t';
	w = put_exercises(w, r, true);
	*w++ = '\t';
	w = put_cell(w, t[T_FLAG], n[T_FLAG], r->plain);
	*w++ = '\t';
	w = put_cell(w, t[T_CHECKED], n[T_CHECKED], r->plain);
	*w++ = '\t';
	w = put_pain(w, s->pain_max);
	*w++ = '\t';
	w = put_word(w, W_KIND, (int)s->kind);
	*w++ = '\t';
	w = put_pains(w, s);
	*w++ = '\t';
	w = put_word(w, W_NEXT, (int)s->next_day);
	*w++ = '\n';
	*w = '\0';
	b->len = (size_t)(w - b->p);
}

void
history_out_lists(struct sbuf *c, const struct hist_row *r, bool pains)
{
	size_t most = 1;

	for (int i = 0; !pains && i < r->s.nex; i++)
		most += EX_FIXED + strlen(r->ex[i].name);
	most += pains ? (size_t)r->s.npains * PAIN_FIXED : 0;
	words_init();
	c->len = 0;
	if (sb_grow(c, most) != 0)
		return;
	char *w = pains ? put_pains(c->p, &r->s) : put_exercises(c->p, r, false);
	*w = '\0';
	c->len = (size_t)(w - c->p);
}
