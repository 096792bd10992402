/*
 * position.c - an exercise's position and the time to move (position.h).
 */
#include "position.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "words.h"

/* Each position's word in the format, and the words of the move into it. */
static const struct {
	const char *word, *move;
} positions[POS_COUNT] = {
	[POS_NONE] = { "", "" },
	[POS_STANDING] = { "standing", "stand up" },
	[POS_SITTING] = { "sitting", "sit down" },
	[POS_BACK] = { "back", "lie on your back" },
	[POS_FRONT] = { "front", "lie on your front" },
	[POS_SIDE] = { "side", "lie on your side" },
	[POS_ALL_FOURS] = { "all-fours", "get onto your hands and knees" },
	[POS_KNEELING] = { "kneeling", "kneel down" },
};

int
position_parse(const char *word)
{
	for (int p = 1; p < POS_COUNT; p++)
		if (word != NULL && strcmp(word, positions[p].word) == 0)
			return p;
	return -1;
}

enum position
exercise_position(const struct exercise *e)
{
	int p = e->has[XS_position] ? position_parse(e->position) : -1;

	return p > 0 ? (enum position)p : POS_NONE;
}

const char *
position_move(enum position p)
{
	return (unsigned)p < POS_COUNT ? positions[p].move : "";
}

bool
position_changes(const struct routine *r, int ex)
{
	enum position p = exercise_position(&r->ex[ex]);

	if (p == POS_NONE)
		return false;
	return ex == 0 || exercise_position(&r->ex[ex - 1]) != p;
}

double
position_lead_in(const struct routine *r, int ex, double lead)
{
	if (position_changes(r, ex) && lead < POSITION_MOVE_SECONDS)
		return POSITION_MOVE_SECONDS;
	return lead;
}

double
position_switch_rest(const struct exercise *e, double rest)
{
	if (e->sides && exercise_position(e) == POS_SIDE &&
	    rest < POSITION_MOVE_SECONDS)
		return POSITION_MOVE_SECONDS;
	return rest;
}

void
position_check(const struct exercise *e, const char *file, struct diags *d)
{
	struct suggest s = SUGGEST_INIT;
	const char *word = e->position;
	char dym[64] = "", buf[256];
	size_t len = sizeof buf;
	int n;

	/* the reps as exercise_set_reps() gives them (not called: routine.c
	 * calls this module) */
	int64_t one = e->has[XS_reps] ? e->reps : e->has[XS_tempo] ?
	    ROUTINE_DEFAULT_REPS_TEMPO : ROUTINE_DEFAULT_REPS_HOLD;
	for (int i = 0; e->alternate && i < (e->nsets > 0 ? e->nsets : 1); i++) {
		int64_t reps = e->nsets > 0 ? e->sets[i] : one;
		if (reps % 2 != 0) {
			diags_add(d, DIAG_ERROR, file, e->line[XS_alternate],
			    "'alternate' reps go to each side in turn: every set "
			    "needs an even number of reps, not %lld", (long long)reps);
			break;
		}
	}
	if (e->alternate && e->has[XS_reps_max] && e->reps_max % 2 != 0)
		diags_add(d, DIAG_ERROR, file, e->line[XS_reps_max], "'reps_max'"
		    " must be even with 'alternate', not %lld",
		    (long long)e->reps_max);
	if (word == NULL || !text_check(word, "", NULL) ||
	    position_parse(word) > 0)
		return;
	for (int p = 1; p < POS_COUNT; p++)
		suggest_try(&s, word, positions[p].word);
	if (s.best)
		snprintf(dym, sizeof dym, " (did you mean '%s'?)", s.best);
	n = snprintf(buf, len, "unknown position '%.40s'%s; one of", word, dym);
	for (int p = 1; p < POS_COUNT && n > 0 && (size_t)n < len; p++)
		n += snprintf(buf + n, len - (size_t)n, "%s %s",
		    p > 1 ? "," : "", positions[p].word);
	diags_add(d, DIAG_ERROR, file, e->line[XS_position], "%s", buf);
}

void
equipment_words(const struct routine *r, char *buf, size_t len)
{
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < r->nequipment && k < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "%s%s", i == 0 ? "" :
		    i + 1 < r->nequipment ? ", " : " and ", r->equipment[i]);
}
