/*
 * canberra_dl.c - libcanberra's functions from dlopen() (canberra_dl.h).
 */
#define CANBERRA_DL_DEFINE
#include "canberra_dl.h"

#include <dlfcn.h>
#include <stddef.h>

struct canberra_functions canberra;

int
canberra_load(void)
{
	static int state;               /* 0 not tried, 1 loaded, -1 failed */
	void *h;

	if (state != 0)
		return state > 0 ? 0 : -1;
	state = -1;
	if ((h = dlopen("libcanberra.so.0", RTLD_NOW | RTLD_LOCAL)) == NULL)
		return -1;
#define CANBERRA_FIND(f) \
	if ((*(void **)&canberra.f = dlsym(h, #f)) == NULL) \
		return -1;
	CANBERRA_FUNCTIONS(CANBERRA_FIND)
#undef CANBERRA_FIND
	state = 1;
	return 0;
}
