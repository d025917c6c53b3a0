/* soup-floor.c — the least a libsoup 3 SoupServer can do per request: answer every GET with one file's bytes
 * bench-server.py runs it beside mizan-server and nginx, so that the table shows how much of
 * mizan-server's time per query is its own and how much is libsoup's.
 * Usage: soup-floor FILE   (listens on 127.0.0.1, prints its port on stdout, runs until killed) */

#include <libsoup/soup.h>
#include <stdio.h>

static void
answer (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  GBytes *bytes = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s FILE\n", argv[0]);
      return 2;
    }
  if ((file = g_mapped_file_new (argv[1], FALSE, &error)) == NULL)
    {
      fprintf (stderr, "soup-floor: %s\n", error->message);
      return 1;
    }
  bytes = g_mapped_file_get_bytes (file);

  server = soup_server_new ("server-header", "soup-floor", NULL);
  soup_server_add_handler (server, NULL, answer, bytes, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      fprintf (stderr, "soup-floor: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  printf ("%d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
