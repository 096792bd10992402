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
	int chosen;             /* the item answered yes, or -1 */
	const char *question;
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

static bool
is_checked(const char *list, int flag)
{
	const char *id = safety_red_flags[flag].id;
	size_t n = strlen(id);

	for (const char *p = list; (p = strstr(p, id)) != NULL; p += n)
		if ((p == list || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

/* Adds flag to the checked list, or (flag < 0) forgets the list. */
static void
checked_write(int flag)
{
	char *p = paths_state_file("checked");
	struct diags d = { 0 };

	if (flag < 0) {
		unlink(p);
	} else {
		char *old = checked_read();
		char *text = xasprintf("%s%s\n", old, safety_red_flags[flag].id);
		char *dir = paths_state_dir();
		if (paths_mkdir_p(dir) == 0)
			file_install(p, text, strlen(text), 0, &d);
		free(dir);
		free(text);
		free(old);
	}
	diags_free(&d);
	free(p);
}

/* The tier's page text: its items, numbered, checked ones marked. */
static char *
tier_text(const struct tier *t, const char *checked)
{
	char *out = xstrdup("");

	for (int i = 0; i < t->n; i++) {
		int f = t->flags[i];
		char *n = xasprintf("%s%d. %s%s\n", out, i + 1,
		    safety_red_flags[f].text, checked && is_checked(checked, f) ?
		    " (checked: exercise is OK)" : "");
		free(out);
		out = n;
	}
	return out;
}

static enum screen_end
tier_act(struct page *pg, enum action a, int key)
{
	struct tier *t = pg->arg;
	static char which[80], first[80];

	if (pg->v.keys == KC_WHICH) {
		if (a == ACT_CLOSE) {
			pg->v.keys = KC_REDFLAG;
			pg->v.note = NULL;
		} else if (a == ACT_CHOOSE && key - '0' <= t->n) {
			t->chosen = t->flags[key - '1'];
			return SCREEN_DONE;
		}
		return SCREEN_STAY;
	}
	if (a == ACT_CLOSE)
		return SCREEN_CANCEL;
	if (a != ACT_YES && a != ACT_NO)
		return SCREEN_STAY;
	if (!page_seen_end(pg)) {
		snprintf(first, sizeof first, "Please read to the end first (%s).",
		    keys_name(KC_REDFLAG, ACT_DOWN));
		pg->v.note = first;
		return SCREEN_STAY;
	}
	if (a == ACT_NO)
		return SCREEN_DONE;
	snprintf(which, sizeof which, "Which one? Press its number (1 to %d).",
	    t->n);
	pg->v.note = which;
	pg->v.keys = KC_WHICH;
	return SCREEN_STAY;
}

/* Asks one tier.  SCREEN_DONE with t->chosen set (-1: none applies). */
static enum screen_end
ask_tier(struct loop *l, struct tier *t, unsigned risks, const char *checked)
{
	t->n = 0;
	t->chosen = -1;
	for (int f = 0; f < SAFETY_FLAG_COUNT; f++)
		if (safety_red_flags[f].urgency == t->u && safety_flag_asked(f, risks))
			t->flags[t->n++] = f;
	char *text = tier_text(t, checked);
	struct page pg = {
		.v = { .title = safety_screen_question(t->u), .text = text,
		    .keys = KC_REDFLAG },
		.act = tier_act, .arg = t,
	};
	enum screen_end e = page_run(l, &pg);
	free(text);
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

/* The advice for a same-day flag, and whether a doctor has checked it. */
static enum screen_end
same_day_advice(struct loop *l, const struct settings *set, unsigned risks,
    int flag, const char *checked, struct redflag_answer *a)
{
	char title[80], text[1024];

	safety_flag_advice(flag, set->emergency_number,
	    (risks & SAFETY_RISK_BIT(cancer)) != 0, title, sizeof title, text,
	    sizeof text);
	if (is_checked(checked, flag)) {
		a->checked = true;
		return dialog_message(l, "Checked by a doctor", "You have said that "
		    "a doctor or physiotherapist has checked this and that exercise "
		    "is OK. Go on gently, with the gentler routines, and stop if it "
		    "gets worse.");
	}
	snprintf(text + strlen(text), sizeof text - strlen(text), "\n\nIf a "
	    "doctor or physiotherapist has already checked this and said that "
	    "exercise is OK, press %s to go on gently; you will not be asked "
	    "about it again while it is there.",
	    keys_name(KC_ADVICE, ACT_CHECKED));
	struct page pg = {
		.v = { .title = title, .text = text, .keys = KC_ADVICE },
		.act = advice_act, .arg = &a->checked,
	};
	enum screen_end e = page_run(l, &pg);
	if (e == SCREEN_DONE && a->checked)
		checked_write(flag);
	return e;
}

static enum screen_end
risks_act(struct page *pg, enum action a, int key)
{
	unsigned *risks = pg->arg;

	if (a == ACT_CHOOSE && key - '1' < SAFETY_RISK_COUNT) {
		*risks ^= 1u << (key - '1');
		return SCREEN_DONE;             /* redrawn with the mark */
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
	    "questions that matter for you; you can change them later in the "
	    "settings file (risk_factors).\n\n");

	for (int i = 0; i < SAFETY_RISK_COUNT; i++) {
		char *n = xasprintf("%s%d. [%c] %s\n", out, i + 1,
		    risks & (1u << i) ? 'x' : ' ', safety_risk_factors[i].what);
		free(out);
		out = n;
	}
	return out;
}

/* Asks the risk factors, the first time, and adds them to the settings
 * file.  SCREEN_DONE with *risks set. */
static enum screen_end
ask_risks(struct loop *l, const struct settings *set, unsigned *risks)
{
	struct diags d = { 0 };
	enum screen_end e;
	unsigned before;
	char title[128];

	snprintf(title, sizeof title, "Before your first session: does any of "
	    "this apply to you? Mark each that does, then %s.",
	    keys_name(KC_RISKS, ACT_ACCEPT));
	*risks = 0;
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

/* After a yes on tier t: the advice; for the same day, whether checked. */
static enum screen_end
after_yes(struct loop *l, const struct settings *set, unsigned risks,
    const struct tier *t, const char *checked, struct redflag_answer *a)
{
	char title[80], text[1024];

	a->flag = t->chosen;
	if (t->u == SAFETY_SAME_DAY) {
		enum screen_end e = same_day_advice(l, set, risks, t->chosen,
		    checked, a);
		a->urgency = a->checked ? SAFETY_OK : SAFETY_SAME_DAY;
		if (e == SCREEN_DONE && a->checked)
			remember();
		return e;
	}
	a->urgency = SAFETY_URGENT;
	safety_flag_advice(t->chosen, set->emergency_number, false, title,
	    sizeof title, text, sizeof text);
	enum screen_end e = dialog_message(l, title, text);
	return e == SCREEN_SIGNAL ? e : SCREEN_DONE;
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

	*a = (struct redflag_answer){ SAFETY_OK, -1, false };
	if (!due(set->red_flags))
		return SCREEN_DONE;
	if (!set->risk_factors_known && (e = ask_risks(l, set, &risks)) != SCREEN_DONE)
		return e;
	char *checked = checked_read();
	for (size_t i = 0; i < sizeof tiers / sizeof tiers[0] && e == SCREEN_DONE;
	    i++) {
		e = ask_tier(l, &tiers[i], risks, checked);
		if (e == SCREEN_DONE && tiers[i].chosen >= 0) {
			e = after_yes(l, set, risks, &tiers[i], checked, a);
			free(checked);
			return e;
		}
	}
	free(checked);
	if (e != SCREEN_DONE)
		return e;
	checked_write(-1);              /* nothing applies: forget the checks */
	remember();
	return SCREEN_DONE;
}
