/* mizan-height-for-width-layout.c — a single-child layout whose width never depends on its height
 * GtkViewport asks its child for a width given the child's whole height, to size the horizontal
 * adjustment; a page of wrapping labels answers that by searching, label by label, for the
 * narrowest width that fits, each step a new Pango layout. Here the answer is the plain width. */
#include "config.h"

#include "mizan-height-for-width-layout.h"

struct _MizanHeightForWidthLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (MizanHeightForWidthLayout, mizan_height_for_width_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
mizan_height_for_width_layout_get_request_mode (GtkLayoutManager *manager,
                                                GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mizan_height_for_width_layout_measure (GtkLayoutManager *manager,
                                       GtkWidget        *widget,
                                       GtkOrientation    orientation,
                                       int               for_size,
                                       int              *minimum,
                                       int              *natural,
                                       int              *minimum_baseline,
                                       int              *natural_baseline)
{
  *minimum = 0;
  *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0, child_natural = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                          &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
mizan_height_for_width_layout_allocate (GtkLayoutManager *manager,
                                        GtkWidget        *widget,
                                        int               width,
                                        int               height,
                                        int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
mizan_height_for_width_layout_class_init (MizanHeightForWidthLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = mizan_height_for_width_layout_get_request_mode;
  layout_class->measure = mizan_height_for_width_layout_measure;
  layout_class->allocate = mizan_height_for_width_layout_allocate;
}

static void
mizan_height_for_width_layout_init (MizanHeightForWidthLayout *self)
{
}

GtkLayoutManager *
mizan_height_for_width_layout_new (void)
{
  return g_object_new (MIZAN_TYPE_HEIGHT_FOR_WIDTH_LAYOUT, NULL);
}
