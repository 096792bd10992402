/*
 * screen_redflag.c - the red-flag questions.
 *
 * The questions, what a yes means and the advice live in safety.c (pure,
 * with their sources); this file decides when to ask, and asks.  Each
 * tier is one page: its question over a numbered list, which scrolls, and
 * whose y and n count only once its last item has been on screen.  A yes
 * asks which one (its number), so that the advice fits it and the history
 * says which.  Esc leaves: no session, nothing recorded.
 *
 * Files in $XDG_STATE_HOME/backcoach: `screened`, an empty file whose
 * time is when the questions were last answered; `checked`, the same-day
 * flags a doctor or physiotherapist has checked (one id a line), kept
 * until the person answers that none of them applies.
 */
#include "screen_redflag.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "screen_dialog.h"
#include "screen_page.h"
#include "util.h"
#include "wall.h"

#define LIST_MAX SAFETY_FLAG_COUNT

/* One tier's page: the flags it lists, by number. */
struct tier {
	enum safety_urgency u;
	int flags[LIST_MAX];    /* safety_red_flags index of item 1.. */
	int n;
	unsigned chosen;        /* SAFETY_FLAG_BIT()s of the items marked yes */
	bool marking;           /* after a yes: which ones? */
	unsigned checked;       /* the flags a doctor has checked */
	char *text;             /* the page's text, as it stands */
};

/* Whether the questions are due now. */
static bool
due(enum safety_screen_freq f)
{
	char *p = paths_state_file("screened");
	time_t last = 0, now = wall_now();
	bool have = file_mtime(p, &last) == 0;

	free(p);
	return safety_screen_due(f, have, last, wall_day(last), now,
	    wall_day(now));
}

/* Remembers an answered screen; failing to is no reason to stop anyone. */
static void
remember(void)
{
	char *dir = paths_state_dir();
	char *p = paths_state_file("screened");

	if (paths_mkdir_p(dir) == 0)
		file_touch(p);
	free(p);
	free(dir);
}

/* The checked flags, as the file lists them ("" when none). */
static char *
checked_read(void)
{
	char *p = paths_state_file("checked");
	struct diags d = { 0 };
	size_t len;
	char *text = file_read(p, 64 * 1024, FILE_NOFOLLOW | FILE_MISSING_OK, &len,
	    &d);

	diags_free(&d);         /* none to read: none checked */
	free(p);
	return text ? text : xstrdup("");
}

/* The flags of the checked list, as a set. */
static unsigned
checked_mask(const char *list)
{
	unsigned mask = 0;

	for (int f = 0; f < SAFETY_FLAG_COUNT; f++) {
		const char *id = safety_red_flags[f].id;
		size_t n = strlen(id);
		for (const char *p = list; (p = strstr(p, id)) != NULL; p += n)
			if ((p == list || p[-1] == '\n') &&
			    (p[n] == '\n' || p[n] == '\0'))
				mask |= SAFETY_FLAG_BIT(f);
	}
	return mask;
}

/* Adds the flags of add to the checked list, or (add 0) forgets it. */
static void
checked_write(unsigned add)
{
	char *p = paths_state_file("checked");
	struct diags d = { 0 };

	if (add == 0) {
		unlink(p);
	} else {
		char *text = checked_read();
		for (int f = 0; f < SAFETY_FLAG_COUNT; f++) {
			if (!(add & SAFETY_FLAG_BIT(f)))
				continue;
			char *n = xasprintf("%s%s\n", text, safety_red_flags[f].id);
			free(text);
			text = n;
		}
		char *dir = paths_state_dir();
		if (paths_mkdir_p(dir) == 0)
			file_install(p, text, strlen(text), 0, &d);
		free(dir);
		free(text);
	}
	diags_free(&d);
	free(p);
}

/* The tier's page text: its items, numbered, checked ones said, and
 * after a yes a box each to mark. */
static void
tier_text(struct tier *t)
{
	char *out = xstrdup("");

	for (int i = 0; i < t->n; i++) {
		unsigned bit = SAFETY_FLAG_BIT(t->flags[i]);
		char *n = xasprintf("%s%d. %s%s%s\n", out, i + 1, !t->marking ? "" :
		    t->chosen & bit ? "[x] " : "[ ] ", safety_red_flags[t->flags[i]].text,
		    t->checked & bit ? " (checked: exercise is OK)" : "");
		free(out);
		out = n;
	}
	free(t->text);
	t->text = out;
}

/* "Please read to the end first (Down).", the key named from the table
 * for the page of context ctx. */
static const char *
read_first(unsigned ctx)
{
	static char note[80];

	snprintf(note, sizeof note, "Please read to the end first (%s).",
	    keys_name(ctx, ACT_DOWN));
	return note;
}

/* y counts at once (a yes needs no more reading); n only once the last
 * item has been on screen.  After y, numbers mark the items that apply
 * and Enter says they do. */
static enum screen_end
tier_act(struct page *pg, enum action a, int key)
{
	struct tier *t = pg->arg;
	static char which[128];

	if (t->marking) {
		if (a == ACT_CLOSE) {
			t->marking = false;
			t->chosen = 0;
			pg->v.keys = KC_REDFLAG;
			pg->v.note = NULL;
		} else if (a == ACT_CHOOSE && key > '0' && key - '0' <= t->n) {
			t->chosen ^= SAFETY_FLAG_BIT(t->flags[key - '1']);
		} else if (a == ACT_ACCEPT && t->chosen != 0) {
			return SCREEN_DONE;
		}
		tier_text(t);
		pg->v.text = t->text;
		return SCREEN_STAY;
	}
	if (a == ACT_CLOSE)
		return SCREEN_CANCEL;
	if (a == ACT_NO && !page_seen_end(pg)) {
		pg->v.note = read_first(KC_REDFLAG);
		return SCREEN_STAY;
	}
	if (a == ACT_NO)
		return SCREEN_DONE;
	if (a != ACT_YES)
		return SCREEN_STAY;
	snprintf(which, sizeof which, "Which ones? Press the number of each "
	    "that applies (1 to %d), then %s.", t->n,
	    keys_name(KC_WHICH, ACT_ACCEPT));
	pg->v.note = which;
	pg->v.keys = KC_WHICH;
	t->marking = true;
	tier_text(t);
	pg->v.text = t->text;
	return SCREEN_STAY;
}

/* Asks one tier.  SCREEN_DONE with t->chosen set (0: none applies). */
static enum screen_end
ask_tier(struct loop *l, struct tier *t, unsigned risks)
{
	t->n = 0;
	t->chosen = 0;
	t->marking = false;
	for (int f = 0; f < SAFETY_FLAG_COUNT; f++)
		if (safety_red_flags[f].urgency == t->u && safety_flag_asked(f, risks))
			t->flags[t->n++] = f;
	tier_text(t);
	struct page pg = {
		.v = { .title = safety_screen_question(t->u), .text = t->text,
		    .keys = KC_REDFLAG },
		.act = tier_act, .arg = t,
	};
	enum screen_end e = page_run(l, &pg);
	free(t->text);
	t->text = NULL;
	return e;
}

static enum screen_end
advice_act(struct page *pg, enum action a, int key)
{
	(void)key;
	if (a == ACT_CHECKED)
		*(bool *)pg->arg = true;
	return a == ACT_CHECKED || a == ACT_CLOSE ? SCREEN_DONE : SCREEN_STAY;
}

/* The advice for same-day flags, and whether a doctor has checked them:
 * those checked before go through; any other asks (c: checked now). */
static enum screen_end
same_day_advice(struct loop *l, const struct settings *set, unsigned risks,
    unsigned chosen, unsigned checked, struct redflag_answer *a)
{
	unsigned fresh = chosen & ~checked;
	bool yes = false;

	if (fresh == 0) {
		a->checked = chosen;
		return dialog_message(l, "Checked by a doctor", "You have said that "
		    "a doctor or physiotherapist has checked this and that exercise "
		    "is OK. Go on gently, with the gentler routines, and stop if it "
		    "gets worse.");
	}
	safety_flags_advice(fresh, &set->call,
	    (risks & SAFETY_RISK_BIT(cancer)) != 0, a->title, sizeof a->title,
	    a->text, sizeof a->text);
	char *text = xasprintf("%s\n\nIf a doctor or physiotherapist has "
	    "already checked %s and said that exercise is OK, press %s to go on "
	    "gently; you will not be asked about %s again while %s there.",
	    a->text, fresh & (fresh - 1) ? "all of these" : "this",
	    keys_name(KC_ADVICE, ACT_CHECKED),
	    fresh & (fresh - 1) ? "them" : "it",
	    fresh & (fresh - 1) ? "they are" : "it is");
	struct page pg = {
		.v = { .title = a->title, .text = text, .keys = KC_ADVICE },
		.act = advice_act, .arg = &yes,
	};
	enum screen_end e = page_run(l, &pg);
	free(text);
	if (e == SCREEN_DONE && yes) {
		checked_write(fresh);
		a->checked = chosen;
	} else {
		a->flags = fresh;       /* what stops it: not those checked */
	}
	return e;
}

static enum screen_end
risks_act(struct page *pg, enum action a, int key)
{
	unsigned *risks = pg->arg;

	if (a == ACT_CHOOSE && key > '0' && key - '1' < SAFETY_RISK_COUNT) {
		*risks ^= 1u << (key - '1');
		return SCREEN_DONE;             /* redrawn with the mark */
	}
	if (a == ACT_ACCEPT && !page_seen_end(pg)) {    /* as the red flags */
		pg->v.note = read_first(KC_RISKS);
		return SCREEN_STAY;
	}
	if (a == ACT_ACCEPT)
		return SCREEN_DONE;
	return a == ACT_CLOSE ? SCREEN_CANCEL : SCREEN_STAY;
}

/* The risk factors page's text, marks as they stand. */
static char *
risks_text(unsigned risks)
{
	char *out = xstrdup("They are not a reason to stop. They add the "
	    "questions that matter for you; 'backcoach risk-factors' asks them "
	    "again whenever something changes.\n\n");

	for (int i = 0; i < SAFETY_RISK_COUNT; i++) {
		char *n = xasprintf("%s%d. [%c] %s\n", out, i + 1,
		    risks & (1u << i) ? 'x' : ' ', safety_risk_factors[i].what);
		free(out);
		out = n;
	}
	return out;
}

/* The risk factors page, marked from *risks, until Enter (once the
 * list has been read to its end) or Esc.  SCREEN_DONE with *risks set. */
static enum screen_end
risks_page(struct loop *l, const char *first, unsigned *risks)
{
	enum screen_end e;
	unsigned before;
	char title[160];

	snprintf(title, sizeof title, "%s: does any of this apply to you? Mark "
	    "each that does, then %s.", first, keys_name(KC_RISKS, ACT_ACCEPT));
	do {
		before = *risks;
		char *text = risks_text(*risks);
		struct page pg = {
			.v = { .title = title, .text = text, .keys = KC_RISKS },
			.act = risks_act, .arg = risks,
		};
		e = page_run(l, &pg);
		free(text);
	} while (e == SCREEN_DONE && *risks != before);
	return e;
}

enum screen_end
redflag_risks_again(struct loop *l, const struct settings *set,
    unsigned *risks)
{
	*risks = set->risk_factors;
	return risks_page(l, "Your risk factors", risks);
}

/* Asks the risk factors, the first time, and adds them to the settings
 * file.  SCREEN_DONE with *risks set. */
static enum screen_end
ask_risks(struct loop *l, const struct settings *set, unsigned *risks)
{
	struct diags d = { 0 };

	*risks = 0;
	enum screen_end e = risks_page(l, "Before your first session", risks);
	if (e != SCREEN_DONE || settings_save_risks(set->file, *risks, &d) == 0) {
		diags_free(&d);
		return e;
	}
	char *why = diags_text(&d, "\n");
	diags_free(&d);
	char *text = xasprintf("Your answer is used for today only: %s",
	    why ? why : "the settings file could not be written");
	e = dialog_message(l, "Risk factors not saved", text);
	free(text);
	free(why);
	return e;
}

/* After a yes on tier t: the advice; for the same day, whether checked.
 * The advice stays in a, to be said again once the screen is gone. */
static enum screen_end
after_yes(struct loop *l, const struct settings *set, unsigned risks,
    const struct tier *t, struct redflag_answer *a)
{
	a->flags = t->chosen;
	if (t->u == SAFETY_SAME_DAY) {
		enum screen_end e = same_day_advice(l, set, risks, t->chosen,
		    t->checked, a);
		a->urgency = a->checked ? SAFETY_OK : SAFETY_SAME_DAY;
		if (e == SCREEN_DONE && a->checked)
			remember();
		return e;
	}
	a->urgency = SAFETY_URGENT;
	safety_flags_advice(t->chosen, &set->call,
	    (risks & SAFETY_RISK_BIT(cancer)) != 0, a->title, sizeof a->title,
	    a->text, sizeof a->text);
	enum screen_end e = dialog_message(l, a->title, a->text);
	return e == SCREEN_SIGNAL ? e : SCREEN_DONE;
}

void
redflag_forget(void)
{
	char *p = paths_state_file("screened");

	unlink(p);
	free(p);
}

enum screen_end
redflag_screen(struct loop *l, const struct settings *set,
    struct redflag_answer *a)
{
	struct tier tiers[] = {
		{ .u = SAFETY_URGENT }, { .u = SAFETY_SAME_DAY },
	};
	unsigned risks = set->risk_factors;
	enum screen_end e = SCREEN_DONE;

	memset(a, 0, sizeof *a);
	if (!due(set->red_flags))
		return SCREEN_DONE;
	if (!set->risk_factors_known && (e = ask_risks(l, set, &risks)) != SCREEN_DONE)
		return e;
	char *checked = checked_read();
	unsigned mask = checked_mask(checked);
	free(checked);
	for (size_t i = 0; i < sizeof tiers / sizeof tiers[0] && e == SCREEN_DONE;
	    i++) {
		tiers[i].checked = mask;
		e = ask_tier(l, &tiers[i], risks);
		if (e == SCREEN_DONE && tiers[i].chosen != 0)
			return after_yes(l, set, risks, &tiers[i], a);
	}
	if (e != SCREEN_DONE)
		return e;
	checked_write(0);               /* nothing applies: forget the checks */
	remember();
	return SCREEN_DONE;
}
