/* mizan-server-socket.h — listening sockets that several HTTP workers share one port through
 * Each worker listens on a socket of its own; with SO_REUSEPORT the kernel spreads new connections over them. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  MIZAN_SERVER_SOCKET_ALONE,   /* no other socket may share the port */
  MIZAN_SERVER_SOCKET_FIRST,   /* the first of a group: the port must be free */
  MIZAN_SERVER_SOCKET_JOIN,    /* another of the group that FIRST began */
} MizanServerSocketMode;

/* A socket bound to @address and listening. FIRST and JOIN set
 * SO_REUSEPORT: the sockets of a group share the port, and the kernel
 * gives each new connection to one of them. */
GSocket *mizan_server_socket_listen (GSocketAddress         *address,
                                     MizanServerSocketMode   mode,
                                     GError                **error);

G_END_DECLS
