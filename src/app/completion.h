/*
 * completion.h - fish's completion script (completion_fish.c), for
 * `backcoach completion` (completion.c, which writes bash's and zsh's).
 */
#ifndef BACKCOACH_COMPLETION_H
#define BACKCOACH_COMPLETION_H

#include <stdbool.h>

#include "commands.h"

/* fish's completion script, on stdout. */
void completion_fish(void);

#endif
