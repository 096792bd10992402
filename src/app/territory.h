/*
 * territory.h - what the command layer reads from the locale's name: the
 * language (for the voice) and the territory (for the emergency number).
 * The name is read as text (LC_ALL, LC_MESSAGES, LANG), so a locale need
 * not be installed for its country's number to be known.
 */
#ifndef BACKCOACH_TERRITORY_H
#define BACKCOACH_TERRITORY_H

#include "settings.h"

/* LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them, and which
 * of them it was (*var, may be NULL); "" when none is set. */
const char *locale_name(const char **var);
/* The territory of a locale name ("en_AU.UTF-8" -> "AU") into out; ""
 * when it names none (C, POSIX, C.UTF-8). */
void locale_territory(const char *name, char out[3]);
/* Fills s->call and s->call_from: the emergency_number setting when
 * there is one, else the locale's territory's number (emergency.c),
 * else none. */
void locale_call(struct settings *s);

#endif
