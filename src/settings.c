/*
 * settings.c - the settings and their defaults.
 */
#include "settings.h"

#include <string.h>

struct settings settings;

void
settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->sound = true;
	s->sound_theme = NULL;
	s->volume = 100;
	s->bell = true;
	s->color = true;
	s->lead_in = -1;
	s->red_flags = RED_FLAGS_DAILY;
	s->pain_prompts = true;
	s->water_reminder = true;
	s->history = NULL;
}
