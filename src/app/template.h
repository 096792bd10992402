/*
 * template.h - the commented template of a new routine.
 */
#ifndef BACKCOACH_TEMPLATE_H
#define BACKCOACH_TEMPLATE_H

#include <stddef.h>

/* The template for the routine `name` (a valid id): malloc'd, its length
 * in *len. */
char *template_routine(const char *name, size_t *len);

#endif
