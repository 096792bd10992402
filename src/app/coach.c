/*
 * coach.c - the coach runner (coach.h).
 *
 * The life cycle (coach_life.c): signals, curses, the loop, the sound at
 * the first start card; then the screens; then all of it undone in
 * reverse, and what could not be shown on the screen printed on the
 * restored terminal.
 *
 * A run of one routine: before (preface, red flags, pain) -> the session
 * -> after (pain, note) -> the record -> the summary.  The record is one
 * struct hist_session, filled as the run goes and written once, at the
 * run's single exit: for a session that started, whatever ended it (the
 * end, q, a signal, even one during the questions after), and for a
 * session that safety stopped before it started.
 */
#include "coach.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "coach_life.h"
#include "history.h"
#include "loop.h"
#include "paths.h"
#include "history_stats.h"
#include "screen_card.h"
#include "screen_dialog.h"
#include "screen_picker.h"
#include "dosing.h"
#include "end_words.h"
#include "screen_morning.h"
#include "screen_programme.h"
#include "screen_redflag.h"
#include "screen_session.h"
#include "screen_stats.h"
#include "session_line.h"
#include "sig.h"
#include "sound.h"
#include "store.h"
#include "ui.h"
#include "util.h"
#include "wall.h"

#define PAIN_QUESTION "Pain now, 0-10?"
#define NOTE_MAX 256            /* bytes of a note */

/* One run of a routine: what it is and what has happened so far. */
struct run {
	const struct routine *r;
	enum hist_kind kind;
	int64_t max_step_ns;            /* a pack's longest time, or 0 */
	bool back;                      /* the picker is behind it */
	bool stopped;                   /* safety stopped it before it began */
	struct hist_session rec;        /* the record */
	char note[NOTE_MAX];
	struct session_pain pain;       /* reports during the session */
	char flags[256], checked[256];  /* red flags' ids, for the record */
};

/* The pain before (pain_prompts): Enter alone gives none, Esc goes back
 * (SCREEN_CANCEL).  High pain is no reason to stop (safety_pain_before);
 * it is said, on a page from which Esc goes back too, and for exercise
 * only: never the exercise advice before an ice or heat pack. */
static enum screen_end
ask_pain_before(struct coach *c, struct run *rn)
{
	int v;

	if (!c->set->pain_prompts)
		return SCREEN_DONE;
	enum screen_end e = dialog_number(&c->loop, KC_BEFORE,
	    PAIN_QUESTION " (before the session)", 0, 10, &v);
	if (e != SCREEN_DONE || v < 0)
		return e;
	rn->rec.pain_before = rn->pain.before = v;
	const char *say = rn->kind == HK_EXERCISE ? safety_pain_before(v) : NULL;
	if (say != NULL)
		return card_page(&c->loop, "Your pain is high today", say,
		    safety_stop_text);
	return SCREEN_DONE;
}

/* Before the session: the red flags, the pain.  SCREEN_DONE to go on,
 * with rn->stopped when safety stops it (rec says why); SCREEN_CANCEL
 * when the person left. */
static enum screen_end
before(struct coach *c, struct run *rn)
{
	struct redflag_answer a;
	enum screen_end e = redflag_screen(&c->loop, c->set, &a);

	if (e != SCREEN_DONE)
		return e;
	if (a.checked != 0) {
		safety_flags_ids(a.checked, rn->checked, sizeof rn->checked);
		rn->rec.checked = rn->checked;
	}
	if (a.urgency != SAFETY_OK) {
		rn->rec.reason = HR_RED_FLAG;
		safety_flags_ids(a.flags, rn->flags, sizeof rn->flags);
		rn->rec.flag = rn->flags;
		rn->stopped = true;
		coach_warned(c, a.urgency, a.title, a.text);
		return SCREEN_DONE;
	}
	return ask_pain_before(c, rn);
}

/* The session itself; fills the record with what happened. */
static enum screen_end
run_session(struct coach *c, struct run *rn)
{
	struct hist_session *rec = &rn->rec;
	struct plan p;
	struct session s;

	if (plan_build(&p, rn->r) != 0 || session_init(&s, &p) != 0)
		oom();
	s.max_step_ns = rn->max_step_ns;
	struct spoken sp;
	struct diags d = { 0 };
	spoken_prepare(&sp, &p, c->set, rn->kind == HK_EXERCISE ? c->snd : NULL, &d);
	diags_free(&d);         /* no speech is no reason to stop: tones */
	wall_iso(wall_now(), rec->start);
	store_new_sid(rec->sid);
	enum screen_end e = session_screen(&c->loop, &s, c->snd, &sp, c->bell,
	    c->quiet[0] ? c->quiet : NULL, &rn->pain);
	spoken_free(&sp);
	session_record(&s, c->loop.now, rec);
	rec->reason = e == SCREEN_SIGNAL ? HR_SIGNAL :
	    rn->pain.ended != HR_COMPLETED ? rn->pain.ended :
	    s.state == SESSION_DONE ? HR_COMPLETED : HR_QUIT;
	if (rec->reason == HR_COMPLETED && rec->worked_s == 0)
		rec->reason = HR_SKIPPED;       /* to the end, but nothing done */
	if (rn->pain.urgency != SAFETY_OK) {
		rec->flag = rn->pain.flag;
		coach_warned(c, rn->pain.urgency, rn->pain.title, rn->pain.advice);
	}
	rec->pains = rn->pain.v;
	rec->npains = rn->pain.n;
	rec->pain_max = rn->pain.max;
	session_free(&s);
	plan_free(&p);
	return e;
}

/* After the session: the pain after (pain_prompts) and a note.  *any
 * says whether anything was answered. */
static enum screen_end
after(struct coach *c, struct run *rn, bool *any)
{
	enum screen_end e;
	int v;

	*any = false;
	if (c->set->pain_prompts) {
		e = dialog_number(&c->loop, KC_INPUT, PAIN_QUESTION " (after the "
		    "session)", 0, 10, &v);
		if (e == SCREEN_SIGNAL)
			return e;
		if (e == SCREEN_DONE && v >= 0)
			rn->rec.pain_after = v, *any = true;
	}
	rn->note[0] = '\0';
	e = dialog_line(&c->loop, "A note on this session? (optional)", rn->note,
	    sizeof rn->note);
	/* a TERM or HUP while typing keeps what was typed */
	if (e == SCREEN_DONE || (e == SCREEN_SIGNAL && rn->note[0] != '\0'))
		rn->rec.note = rn->note, *any = true;
	return e == SCREEN_SIGNAL ? e : SCREEN_DONE;
}

/* Shows or keeps (to print once the terminal is restored) what the store
 * said about writing; title is for a failure. */
static enum screen_end
said(struct coach *c, struct diags *d, int rc, bool interactive,
    const char *title)
{
	enum screen_end e = SCREEN_DONE;

	if (d->n > 0 && interactive) {
		char *text = diags_text(d, "\n");
		if (text == NULL)
			oom();
		e = dialog_message(&c->loop, rc == 0 ? "History" : title, text);
		free(text);
	} else {
		for (size_t i = 0; i < d->n; i++)
			diags_add(&c->later, d->v[i].sev, d->v[i].file, d->v[i].line,
			    "%s", d->v[i].msg);
	}
	diags_free(d);
	return e;
}

/* Writes the record to the history, once, when the session has ended. */
static enum screen_end
record(struct coach *c, struct hist_session *rec, bool interactive)
{
	struct diags d = { 0 };

	rec->status = history_status_of(rec->reason);
	if (rec->start[0] == '\0')
		wall_iso(wall_now(), rec->start);
	if (rec->sid[0] == '\0')
		store_new_sid(rec->sid);
	int rc = store_record(c->set->history, rec, &d);
	c->recorded = rc == 0;
	return said(c, &d, rc, interactive, "This session was not recorded");
}

/* Adds what was answered after the session to its record. */
static enum screen_end
amend(struct coach *c, const struct hist_session *rec, bool interactive)
{
	struct diags d = { 0 };
	int rc = store_amend(c->set->history, rec, &d);

	return said(c, &d, rc, interactive, "Your answers were not recorded");
}

/* The end: the answers after the session, their amendment, the summary. */
static enum screen_end
finish_run(struct coach *c, struct run *rn)
{
	bool any;
	enum screen_end e = after(c, rn, &any);

	if (any) {
		enum screen_end shown = amend(c, &rn->rec, e != SCREEN_SIGNAL);
		if (e != SCREEN_SIGNAL)
			e = shown;
	}
	if (e != SCREEN_DONE)
		return e;
	char *words = end_words(c->set, rn->r, rn->kind, &rn->rec,
	    rn->pain.gently);
	e = end_screen(&c->loop, &rn->rec, rn->back, words,
	    c->set->water_reminder && rn->kind == HK_EXERCISE);
	free(words);
	for (int i = 0; i < rn->rec.nex; i++)
		if (rn->rec.ex[i].feedback != FB_NONE) {
			struct diags d = { 0 };     /* how each exercise felt */
			int rc = store_feedback(c->set->history, &rn->rec, &d);
			return said(c, &d, rc, false, "Your ratings were not recorded") ==
			    SCREEN_SIGNAL || e == SCREEN_SIGNAL ? SCREEN_SIGNAL : e;
		}
	return e;
}

/* One routine, from the start card to the summary.  The record is
 * written at one place, when the session has ended (or safety stopped
 * it); the answers after it amend it. */
static enum screen_end
run(struct coach *c, struct run *rn)
{
	const struct routine *r = rn->r;
	struct hist_exercise *ex = xcalloc((size_t)r->nex, sizeof *ex);

	history_session_init(&rn->rec, r->id, r->name, ex, r->nex);
	rn->rec.kind = rn->kind;
	rn->pain = (struct session_pain){ .before = -1, .max = -1,
	    .call = &c->set->call, .ended = HR_COMPLETED };
	for (int i = 0; i < r->nex; i++)
		ex[i].name = r->ex[i].name;
	if (c->set->speech == SPEECH_FULL && rn->kind == HK_EXERCISE) {
		coach_open_sound(c);          /* the start card, said aloud */
		spoken_intro(r, c->set, c->snd);
	}
	enum screen_end e = card_screen(&c->loop, r, rn->kind == HK_PACK,
	    c->set->risk_factors);
	if (e == SCREEN_DONE) {
		coach_open_sound(c);
		sound_warm(c->snd);     /* wake the device before the first cue */
		e = before(c, rn);
	}
	if (e == SCREEN_DONE && !rn->stopped)
		e = run_session(c, rn);
	if (e == SCREEN_DONE || rn->rec.start[0] != '\0') {
		enum screen_end shown = record(c, &rn->rec, e != SCREEN_SIGNAL);
		if (e != SCREEN_SIGNAL)
			e = shown;
	}
	if (e == SCREEN_DONE && !rn->stopped && rn->pain.urgency == SAFETY_OK)
		e = finish_run(c, rn);
	/* a line left on the terminal; none after a warning sign's advice */
	if (rn->rec.start[0] != '\0' && c->recorded && !rn->stopped &&
	    rn->pain.urgency == SAFETY_OK) {
		char *line = session_line(&rn->rec), *all = xasprintf("%s%s\n",
		    c->summary ? c->summary : "", line);
		free(c->summary);
		free(line);
		c->summary = all;
	}
	c->recorded = false;
	free(ex);
	free(rn->pain.v);
	return e;
}

int
coach_routine(const struct settings *set, const struct routine *r,
    int64_t pack_ns)
{
	struct coach c;
	struct run rn = { .r = r, .kind = pack_ns > 0 ? HK_PACK : HK_EXERCISE,
	    .max_step_ns = pack_ns };

	if (coach_open(&c, set) != 0)
		return 1;
	enum screen_end e = coach_preflight(&c);
	bool declined = e == SCREEN_CANCEL, asked;
	if (e == SCREEN_DONE && rn.kind == HK_EXERCISE)
		e = morning_check(&c.loop, set, &asked);
	if (e == SCREEN_DONE)
		e = run(&c, &rn);
	coach_close(&c);
	return declined ? 1 : coach_status(&c, e);
}

/* Loads the picker's choice and coaches it; a routine that has become
 * invalid since the list was made is explained, not run. */
static enum screen_end
run_chosen(struct coach *c, const struct routine_row *row)
{
	struct routine r;
	struct diags d = { 0 };
	enum screen_end e;
	int found = catalog_load(row->path, c->set, &r, &d);

	if (found <= 0) {
		char *text = found == 0 ? xstrdup("It is gone.") : diags_text(&d, "  ");
		if (text == NULL)
			oom();
		e = dialog_message(&c->loop, "This routine has errors", text);
		free(text);
	} else {
		struct run rn = { .r = &r, .kind = HK_EXERCISE, .back = true };
		e = run(c, &rn);
	}
	routine_free(&r);
	diags_free(&d);
	return e;
}

int
coach_picker(const struct settings *set)
{
	struct picker p;
	struct coach c;
	enum screen_end e;

	if (picker_load(&p, set) == 0) {
		warn("no routines found in %s or your routines directory",
		    paths_bundled_routines());
		picker_free(&p);
		return 1;
	}
	if (coach_open(&c, set) != 0) {
		picker_free(&p);
		return 1;
	}
	bool declined = (e = coach_preflight(&c)) == SCREEN_CANCEL, asked, moved;
	if (e == SCREEN_DONE &&
	    (e = morning_check(&c.loop, set, &asked)) == SCREEN_DONE &&
	    (e = programme_offer(&c.loop, set, &moved)) == SCREEN_DONE) {
		if (asked || moved)
			picker_reload(&p);      /* the answer, a dose or the
			                           programme's week changed */
		while (c.warned == SAFETY_OK &&
		    (e = picker_screen(&c.loop, &p)) == SCREEN_DONE &&
		    (e = run_chosen(&c, &p.v[p.sel])) != SCREEN_SIGNAL)
			picker_reload(&p);
	}
	coach_close(&c);
	picker_free(&p);
	return declined ? 1 : coach_status(&c, e);
}
