/* mizan-server-socket.c — listening sockets that several HTTP workers share one port through
 * Bound here rather than by g_socket_bind(), which clears SO_REUSEPORT on stream sockets. */

#include "config.h"

#include <errno.h>

#include <gio/gnetworking.h>

#include "mizan-server-socket.h"

static GSocket *
bind_socket (GSocketAddress  *address,
             gboolean         reuse_port,
             GError         **error)
{
  GSocketFamily family = g_socket_address_get_family (address);
  g_autoptr(GSocket) socket = NULL;
  struct sockaddr_storage native;

  socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  /* As libsoup's own listeners: an IPv6 address does not also take IPv4. */
  if ((family == G_SOCKET_FAMILY_IPV6 && !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, 1, error)) ||
      !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, 1, error) ||
      (reuse_port && !g_socket_set_option (socket, SOL_SOCKET, SO_REUSEPORT, 1, error)) ||
      !g_socket_address_to_native (address, &native, sizeof native, error))
    return NULL;
  if (bind (g_socket_get_fd (socket), (struct sockaddr *) &native, g_socket_address_get_native_size (address)) != 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&socket);
}

GSocket *
mizan_server_socket_listen (GSocketAddress         *address,
                            MizanServerSocketMode   mode,
                            GError                **error)
{
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (G_IS_INET_SOCKET_ADDRESS (address), NULL);

  /* SO_REUSEPORT would let a second server of the same user join a port
   * that one already serves, and take half of its requests to another
   * database. A plain bind first says whether anything listens there. */
  if (mode == MIZAN_SERVER_SOCKET_FIRST && g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)) != 0)
    {
      g_autoptr(GSocket) probe = bind_socket (address, FALSE, error);

      if (probe == NULL)
        return NULL;
      g_socket_close (probe, NULL);
    }

  socket = bind_socket (address, mode != MIZAN_SERVER_SOCKET_ALONE, error);
  if (socket == NULL || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}
