/* soup-floor.c — the least a libsoup 3 SoupServer can do per request: answer every GET with one file's bytes
 * bench-server.py runs it beside mizan-server and nginx, with as many workers as mizan-server, so that the
 * table shows how much of mizan-server's time per query is its own and how much is libsoup's.
 * Usage: soup-floor FILE [THREADS]   (listens on 127.0.0.1, prints its port on stdout, runs until killed) */

#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>

#include "mizan-server-socket.h"

static GBytes *answer_bytes;

static void
answer (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), answer_bytes);
}

/* One worker as mizan-server has them: a SoupServer on a main context of
 * its own, listening on its own socket of the shared port. */
static SoupServer *
worker_new (GMainContext           *context,
            GSocketAddress         *address,
            MizanServerSocketMode   mode,
            GError                **error)
{
  g_autoptr(SoupServer) server = soup_server_new ("server-header", "soup-floor", NULL);
  g_autoptr(GSocket) socket = NULL;
  gboolean ok;

  soup_server_add_handler (server, NULL, answer, NULL, NULL);
  if ((socket = mizan_server_socket_listen (address, mode, error)) == NULL)
    return NULL;
  g_main_context_push_thread_default (context);
  ok = soup_server_listen_socket (server, socket, 0, error);
  g_main_context_pop_thread_default (context);
  return ok ? g_steal_pointer (&server) : NULL;
}

static gpointer
worker_main (gpointer data)
{
  GMainContext *context = data;
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);

  g_main_context_push_thread_default (context);
  g_main_loop_run (loop);
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GMainLoop) loop = NULL;
  guint threads = argc > 2 ? (guint) atoi (argv[2]) : 1;
  GSList *listeners;

  if (argc < 2 || argc > 3 || threads < 1 || threads > 64)
    {
      fprintf (stderr, "usage: %s FILE [THREADS]\n", argv[0]);
      return 2;
    }
  if ((file = g_mapped_file_new (argv[1], FALSE, &error)) == NULL)
    {
      fprintf (stderr, "soup-floor: %s\n", error->message);
      return 1;
    }
  answer_bytes = g_mapped_file_get_bytes (file);

  for (guint i = 0; i < threads; i++)
    {
      g_autoptr(GMainContext) context = i == 0 ? g_main_context_ref_thread_default () : g_main_context_new ();
      MizanServerSocketMode mode = threads == 1 ? MIZAN_SERVER_SOCKET_ALONE
                                   : bound == NULL ? MIZAN_SERVER_SOCKET_FIRST : MIZAN_SERVER_SOCKET_JOIN;
      SoupServer *server = worker_new (context, bound ? bound : any_port, mode, &error);

      if (server == NULL)
        {
          fprintf (stderr, "soup-floor: %s\n", error->message);
          return 1;
        }
      g_ptr_array_add (servers, server);
      if (bound == NULL)
        {
          listeners = soup_server_get_listeners (server);
          bound = g_socket_get_local_address (listeners->data, NULL);
          g_slist_free (listeners);
        }
      if (i > 0)
        g_thread_unref (g_thread_new ("soup-floor", worker_main, g_main_context_ref (context)));
    }
  printf ("%u\n", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
