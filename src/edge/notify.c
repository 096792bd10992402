/*
 * notify.c - a desktop notification through libnotify (notify.h).
 */
#include "notify.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#ifdef HAVE_LIBNOTIFY
#include <libnotify/notify.h>
#endif

bool
notify_available(void)
{
#ifdef HAVE_LIBNOTIFY
	return true;
#else
	return false;
#endif
}

/* Whether a unix socket at path accepts a connection, at once. */
static bool
socket_answers(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;
	bool ok;

	if (strlen(path) >= sizeof a.sun_path)
		return true;            /* cannot tell: let D-Bus try */
	strcpy(a.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return true;
	ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

/* Whether there is a session bus to talk to, said in d when not:
 * $DBUS_SESSION_BUS_ADDRESS (a unix:path= socket must answer), else the
 * $XDG_RUNTIME_DIR/bus socket that D-Bus looks for next. */
static bool
have_bus(struct diags *d)
{
	const char *addr = getenv("DBUS_SESSION_BUS_ADDRESS");
	const char *run = getenv("XDG_RUNTIME_DIR");
	char path[4096];

	if (addr != NULL && *addr != '\0') {
		const char *p = strstr(addr, "unix:path=");
		if (p == NULL)
			return true;    /* abstract sockets, tcp: D-Bus decides */
		p += strlen("unix:path=");
		size_t n = strcspn(p, ",;");
		if (n >= sizeof path)
			return true;
		memcpy(path, p, n);
		path[n] = '\0';
		if (socket_answers(path))
			return true;
		diags_add(d, DIAG_ERROR, NULL, 0, "no session bus answers at %s "
		    "(DBUS_SESSION_BUS_ADDRESS): no desktop to notify", path);
		return false;
	}
	if (run != NULL && *run == '/' &&
	    (size_t)snprintf(path, sizeof path, "%s/bus", run) < sizeof path &&
	    socket_answers(path))
		return true;
	diags_add(d, DIAG_ERROR, NULL, 0, "no session bus (DBUS_SESSION_BUS_ADDRESS "
	    "is not set and $XDG_RUNTIME_DIR/bus does not answer): no desktop to "
	    "notify");
	return false;
}

#ifdef HAVE_LIBNOTIFY
struct wait {
	GMainLoop *loop;
	char *const *argv;
	bool started;
};

static void
on_start(NotifyNotification *n, char *action, gpointer data)
{
	struct wait *w = data;
	GError *err = NULL;

	(void)action;
	w->started = g_spawn_async(NULL, (char **)w->argv, NULL,
	    G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err);
	if (err != NULL)
		g_error_free(err);
	notify_notification_close(n, NULL);
	g_main_loop_quit(w->loop);
}

static void
on_closed(NotifyNotification *n, gpointer data)
{
	(void)n;
	g_main_loop_quit(((struct wait *)data)->loop);
}

static gboolean
on_timeout(gpointer data)
{
	g_main_loop_quit(((struct wait *)data)->loop);
	return G_SOURCE_REMOVE;
}

/* Whether the server lists capability cap. */
static bool
server_can(const char *cap)
{
	GList *caps = notify_get_server_caps();
	bool yes = g_list_find_custom(caps, cap, (GCompareFunc)strcmp) != NULL;

	g_list_free_full(caps, g_free);
	return yes;
}
#endif

enum notify_result
notify_send(const char *summary, const char *body, char *const *start_argv,
    int wait_s, struct diags *d)
{
#ifdef HAVE_LIBNOTIFY
	GError *err = NULL;
	struct wait w = { NULL, start_argv, false };

	if (!have_bus(d))
		return NOTIFY_NO_BUS;
	if (!notify_init("backcoach")) {
		diags_add(d, DIAG_ERROR, NULL, 0, "libnotify could not start");
		return NOTIFY_FAILED;
	}
	NotifyNotification *n = notify_notification_new(summary, body, NULL);
	bool act = start_argv != NULL && server_can("actions");
	if (act) {
		w.loop = g_main_loop_new(NULL, FALSE);
		notify_notification_add_action(n, "start", "Start",
		    NOTIFY_ACTION_CALLBACK(on_start), &w, NULL);
		g_signal_connect(n, "closed", G_CALLBACK(on_closed), &w);
	}
	enum notify_result r = NOTIFY_SHOWN;
	if (!notify_notification_show(n, &err)) {
		diags_add(d, DIAG_ERROR, NULL, 0, "the notification server said no: "
		    "%s", err && err->message ? err->message : "no reason given");
		r = NOTIFY_FAILED;
	} else if (act) {
		g_timeout_add_seconds((guint)wait_s, on_timeout, &w);
		g_main_loop_run(w.loop);
	}
	if (err != NULL)
		g_error_free(err);
	if (w.loop != NULL)
		g_main_loop_unref(w.loop);
	g_object_unref(n);
	notify_uninit();
	return r;
#else
	(void)summary;
	(void)body;
	(void)start_argv;
	(void)wait_s;
	(void)have_bus;
	diags_add(d, DIAG_ERROR, NULL, 0, "this backcoach was built without "
	    "libnotify (libnotify-dev): no desktop notifications");
	return NOTIFY_UNBUILT;
#endif
}
