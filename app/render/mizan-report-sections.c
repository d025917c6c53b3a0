/* mizan-report-sections.c — what the report says: cover, contents, summary, domains, roadmap, comparison, method, appendix
 * Each section adds its blocks in reading order; the words are Mizan's (translated) and the framework's. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mizan-countries.h"
#include "mizan-report-private.h"

#define tr(msgid) mizan_report_tr (self, msgid)

#define COLOR_TEXT    0x241f31
#define COLOR_DIM     0x5e5c64
#define COLOR_ACCENT  0x1a5fb4
#define COLOR_DRAFT   0xa51d2d

#define N_PRIORITIES_SHOWN 5

/* Cell text for a figure that may be not applicable */
#define DASH "—"

typedef struct {
  guint summary, heat_map, roadmap, compare, method, coverage;
} ContentsLines;

static char *
level_text (MizanReport *self,
            guint        level)
{
  const MizanLevel *info = level > 0 ? mizan_framework_get_level (self->framework, level) : NULL;

  if (info == NULL)
    return g_strdup_printf ("%u", level);
  /* Translators: a maturity level's number and name, e.g. "2 · Repeatable" */
  return g_strdup_printf (tr (N_("%u · %s")), level, mizan_report_text (self, info->name));
}

static const char *
sector_label (MizanReport *self,
              const char  *sector)
{
  static const struct { const char *id, *label; } sectors[] = {
    { "government", N_("Government") }, { "defence", N_("Defence") },
    { "finance", N_("Finance") }, { "energy", N_("Energy") },
    { "telecom", N_("Telecommunications") }, { "health", N_("Health") },
    { "transport", N_("Transport") }, { "water", N_("Water") },
    { "education", N_("Education") }, { "other", N_("Other") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    if (g_strcmp0 (sector, sectors[i].id) == 0)
      return tr (sectors[i].label);
  return sector;
}

static const char *
country_name (MizanReport *self,
              const char  *alpha3)
{
  guint n = 0;
  const MizanCountry *all = mizan_countries_get_all (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (all[i].alpha3, alpha3) == 0)
      return mizan_translation_get (self->iso, all[i].name);
  return alpha3;
}

static char *
domain_heading (MizanReport       *self,
                const MizanDomain *domain)
{
  return g_strdup_printf ("%s · %s", domain->id, mizan_report_text (self, domain->title));
}

static guint
unanswered_in (MizanReport       *self,
               const MizanDomain *domain)
{
  guint n = 0;

  for (guint c = 0; c < domain->n_capabilities; c++)
    for (guint p = 0; p < domain->capabilities[c]->n_practices; p++)
      n += self->statuses[domain->capabilities[c]->practices[p]->index] == MIZAN_STATUS_NONE;
  return n;
}

/* A domain with unanswered practices and no practice answered other than
 * not applicable: it has nothing to report yet but what is left to do. */
static gboolean
domain_untouched (MizanReport       *self,
                  const MizanDomain *domain)
{
  for (guint c = 0; c < domain->n_capabilities; c++)
    for (guint p = 0; p < domain->capabilities[c]->n_practices; p++)
      {
        MizanStatus status = self->statuses[domain->capabilities[c]->practices[p]->index];

        if (status != MIZAN_STATUS_NONE && status != MIZAN_STATUS_NA)
          return FALSE;
      }
  return unanswered_in (self, domain) > 0;
}

/* "1", or "1 (provisional)" while practices up to the target are unanswered;
 * takes @level. */
static char *
provisional_level (MizanReport *self,
                   char        *level,
                   gboolean     provisional)
{
  char *text;

  if (!provisional)
    return level;
  /* Translators: a level that can still rise, e.g. "1 (provisional)" */
  text = g_strdup_printf (tr (N_("%s (provisional)")), level);
  g_free (level);
  return text;
}

/* Cover */

static void
draw_logo (MizanReport *self,
           cairo_t     *cr,
           double       y,
           double       max_width,
           double       max_height)
{
  double width = 0, height = 0, scale;
  RsvgRectangle viewport;
  gboolean has_width, has_height, has_viewbox;
  RsvgLength w, h;
  RsvgRectangle viewbox;

  if (!rsvg_handle_get_intrinsic_size_in_pixels (self->logo, &width, &height))
    {
      rsvg_handle_get_intrinsic_dimensions (self->logo, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
      if (has_viewbox)
        {
          width = viewbox.width;
          height = viewbox.height;
        }
    }
  if (!(width > 0 && height > 0))
    width = height = max_height;

  scale = MIN (max_width / width, max_height / height);
  viewport.width = width * scale;
  viewport.height = height * scale;
  viewport.x = mizan_report_start_x (self, 0, viewport.width);
  viewport.y = y;
  /* Checked when the report was made; a failure here only leaves the logo out. */
  rsvg_handle_render_document (self->logo, cr, &viewport, NULL);
}

static double
show_text (MizanReport *self,
           cairo_t     *cr,
           const char  *text,
           double       size,
           gboolean     bold,
           double       y,
           guint32      rgb)
{
  g_autoptr(PangoLayout) layout = mizan_report_layout_new (self, text, size, bold, self->text_width, MIZAN_CELL_START);
  PangoRectangle logical;

  mizan_report_show_layout (self, cr, layout, self->margin_x, y, rgb);
  pango_layout_get_extents (layout, NULL, &logical);
  return y + logical.height / (double) PANGO_SCALE;
}

void
mizan_report_draw_cover (MizanReport *self,
                         cairo_t     *cr)
{
  MizanAssessment *a = self->assessment;
  g_autofree char *framework = g_strdup_printf ("%s %s", mizan_report_text (self, mizan_framework_get_title (self->framework)),
                                               mizan_framework_get_version (self->framework));
  const char *assessor = mizan_assessment_get_assessor (a);
  const char *title = mizan_assessment_get_title (a);
  struct { const char *label, *value; } facts[6];
  guint n_facts = 0;
  g_autofree char *draft = mizan_report_draft_text (self);
  double y;

  cairo_set_source_rgb (cr, (COLOR_ACCENT >> 16) / 255.0, (COLOR_ACCENT >> 8 & 0xff) / 255.0, (COLOR_ACCENT & 0xff) / 255.0);
  cairo_rectangle (cr, 0, 0, self->page_width, 14);
  cairo_fill (cr);

  if (self->logo != NULL)
    draw_logo (self, cr, 60, 200, 80);

  y = self->page_height * 0.3;
  y = show_text (self, cr, tr (N_("Cybersecurity maturity report")), 14, TRUE, y, COLOR_ACCENT) + 10;
  y = show_text (self, cr, mizan_assessment_get_org_name (a), 28, TRUE, y, COLOR_TEXT) + 6;
  if (title != NULL && *title != '\0')
    y = show_text (self, cr, title, 16, FALSE, y, COLOR_TEXT);
  if (draft != NULL)
    {
      y = show_text (self, cr, draft, 16, TRUE, y + 14, COLOR_DRAFT) + 4;
      y = show_text (self, cr, tr (N_("The assessment is under way: unanswered practices earn no credit, so levels "
                                      "marked provisional can still rise. Answer every practice for the final report.")),
                     MIZAN_REPORT_BODY_SIZE, FALSE, y, COLOR_DIM);
    }
  y += 40;

  facts[n_facts++] = (typeof (facts[0])) { tr (N_("Framework")), framework };
  facts[n_facts++] = (typeof (facts[0])) { tr (N_("Country")), country_name (self, mizan_assessment_get_org_country (a)) };
  facts[n_facts++] = (typeof (facts[0])) { tr (N_("Sector")), sector_label (self, mizan_assessment_get_org_sector (a)) };
  facts[n_facts++] = (typeof (facts[0])) { tr (N_("Date")), self->date };
  if (assessor != NULL && *assessor != '\0')
    facts[n_facts++] = (typeof (facts[0])) { tr (N_("Assessor")), assessor };
  if (self->consultant != NULL)
    facts[n_facts++] = (typeof (facts[0])) { tr (N_("Prepared by")), self->consultant };

  for (guint i = 0; i < n_facts; i++)
    {
      g_autoptr(PangoLayout) label = mizan_report_layout_new (self, facts[i].label, MIZAN_REPORT_BODY_SIZE, FALSE,
                                                              110, MIZAN_CELL_START);
      g_autoptr(PangoLayout) value = mizan_report_layout_new (self, facts[i].value ? facts[i].value : "",
                                                              MIZAN_REPORT_BODY_SIZE + 1.5, TRUE,
                                                              self->text_width - 120, MIZAN_CELL_START);
      PangoRectangle logical;

      mizan_report_show_layout (self, cr, label, mizan_report_start_x (self, 0, 110), y + 1.5, COLOR_DIM);
      mizan_report_show_layout (self, cr, value, mizan_report_start_x (self, 120, self->text_width - 120), y, COLOR_TEXT);
      pango_layout_get_extents (value, NULL, &logical);
      y += logical.height / (double) PANGO_SCALE + 8;
    }

  show_text (self, cr, tr (N_("Made with Mizan, the cybersecurity maturity assessment tool of COMSTECH.")),
             MIZAN_REPORT_SMALL_SIZE, FALSE, self->page_height - 60, COLOR_DIM);
}

/* Executive summary */

static void
add_summary (MizanReport *self)
{
  const MizanResults *r = self->results;
  guint n_levels = mizan_framework_get_n_levels (self->framework);
  g_autofree char *index = r->applicable ? mizan_report_format_index (self, r->index) : g_strdup (DASH);
  g_autofree char *score = r->applicable ? mizan_report_format_percent (self, r->score) : g_strdup (DASH);
  g_autofree char *completion = mizan_report_format_percent (self, r->completion);
  g_autofree char *index_caption = g_strdup_printf (r->provisional ? tr (N_("Provisional maturity index, from 0 to %u"))
                                                                    : tr (N_("Maturity index, from 0 to %u")),
                                                    n_levels);
  g_autofree char *n_below = g_strdup_printf ("%u", r->n_priorities);
  g_autofree char *intro = NULL;
  const char *values[4] = { index, score, completion, n_below };
  const char *captions[4] = { index_caption, tr (N_("Score")), tr (N_("Completion")), tr (N_("Capabilities below target")) };
  static const double domain_widths[] = { 0.44, 0.2, 0.12, 0.12, 0.12 };
  static const MizanCellAlign domain_align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_CENTER,
                                                 MIZAN_CELL_CENTER, MIZAN_CELL_CENTER };
  static const double priority_widths[] = { 0.07, 0.57, 0.12, 0.12, 0.12 };
  static const MizanCellAlign priority_align[] = { MIZAN_CELL_CENTER, MIZAN_CELL_START, MIZAN_CELL_CENTER,
                                                   MIZAN_CELL_CENTER, MIZAN_CELL_CENTER };
  const char *domain_headers[] = { tr (N_("Domain")), tr (N_("Level")), tr (N_("Index")), tr (N_("Target")), tr (N_("Gap")) };
  const char *priority_headers[] = { "#", tr (N_("Capability")), tr (N_("Level")), tr (N_("Target")), tr (N_("Gap")) };
  guint table;

  intro = g_strdup_printf (tr (N_("%s was assessed against %s, version %s. %u of its %u practices are answered (%s).")),
                           mizan_assessment_get_org_name (self->assessment),
                           mizan_report_text (self, mizan_framework_get_title (self->framework)),
                           mizan_framework_get_version (self->framework), r->answered, r->total, completion);
  mizan_report_add_text (self, intro, MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);
  mizan_report_add_figures (self, values, captions, 4);

  mizan_report_add_heading (self, 2, tr (N_("Current against target")));
  mizan_report_add_chart (self, MIZAN_CHART_RADAR, r, 330, 270);

  mizan_report_add_heading (self, 2, tr (N_("Level per domain")));
  table = mizan_report_add_table (self, 5, domain_widths, domain_align, domain_headers);
  for (guint i = 0; i < r->n_domains; i++)
    {
      const MizanDomainResult *d = &r->domains[i];
      g_autofree char *title = domain_heading (self, d->domain);
      /* A domain nobody has started has no section of its own yet (a page
       * would only repeat "not answered"): its row says so. */
      g_autofree char *level = domain_untouched (self, d->domain) ? g_strdup (tr (N_("Not assessed yet")))
                               : d->applicable ? provisional_level (self, level_text (self, d->level), d->provisional)
                               : g_strdup (DASH);
      g_autofree char *di = d->applicable ? mizan_report_format_index (self, d->index) : g_strdup (DASH);
      g_autofree char *dt = d->applicable ? mizan_report_format_index (self, d->target) : g_strdup (DASH);
      g_autofree char *dg = d->applicable ? mizan_report_format_index (self, d->gap) : g_strdup (DASH);
      const char *cells[] = { title, level, di, dt, dg };

      mizan_report_add_row (self, table, cells);
    }

  mizan_report_add_heading (self, 2, tr (N_("Highest priorities")));
  if (r->n_priorities == 0)
    {
      mizan_report_add_text (self, tr (N_("Every capability has reached its target.")),
                             MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 4);
      return;
    }
  if (r->n_priorities > r->n_assessed_priorities)
    {
      /* Translators: the count of capabilities left out of the priorities until they are assessed */
      g_autofree char *apart = g_strdup_printf (tr (N_("Capabilities below target but not yet assessed, listed apart "
                                                       "in the roadmap: %u.")),
                                                r->n_priorities - r->n_assessed_priorities);

      mizan_report_add_text (self, apart, MIZAN_REPORT_BODY_SIZE, FALSE, TRUE, 0, 4);
    }
  if (r->n_assessed_priorities == 0)
    {
      mizan_report_add_text (self, tr (N_("No assessed capability is below its target.")),
                             MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 4);
      return;
    }
  table = mizan_report_add_table (self, 5, priority_widths, priority_align, priority_headers);
  for (guint i = 0; i < r->n_assessed_priorities && i < N_PRIORITIES_SHOWN; i++)
    {
      const MizanPriority *p = &r->priorities[i];
      const MizanCapabilityResult *cr = &r->capabilities[p->capability->index];
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *title = g_strdup_printf ("%s · %s", p->capability->id, mizan_report_text (self, p->capability->title));
      g_autofree char *level = g_strdup_printf ("%u", cr->level);
      g_autofree char *target = g_strdup_printf ("%u", cr->target);
      g_autofree char *gap = g_strdup_printf ("%u", p->gap);
      const char *cells[] = { rank, title, level, target, gap };

      mizan_report_add_row (self, table, cells);
    }
}

static void
add_heat_map (MizanReport *self)
{
  double available = self->page_height - self->margin_top - self->margin_bottom - 80;
  double height = mizan_chart_get_preferred_height (MIZAN_CHART_HEAT_MAP, self->results, self->text_width, NULL);

  mizan_report_add_text (self, tr (N_("Each row is a capability and each column a level. A level is passed when all "
                                      "its applicable practices are fully or largely implemented.")),
                         MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);
  mizan_report_add_chart (self, MIZAN_CHART_HEAT_MAP, self->results, self->text_width, MIN (height, available));
}

/* Domains */

/* One row per capability rather than one line per practice: a draft's
 * report stays a report instead of a list of blanks. */
static void
add_not_assessed (MizanReport       *self,
                  const MizanDomain *domain)
{
  static const double widths[] = { 0.42, 0.14, 0.44 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_START };
  const char *headers[] = { tr (N_("Capability")), tr (N_("Not answered")), tr (N_("Practices")) };
  guint table;

  if (unanswered_in (self, domain) == 0)
    return;
  mizan_report_add_heading (self, 2, tr (N_("Not assessed yet")));
  table = mizan_report_add_table (self, 3, widths, align, headers);
  mizan_report_table_lists (self, table);
  for (guint c = 0; c < domain->n_capabilities; c++)
    {
      const MizanCapability *capability = domain->capabilities[c];
      g_autoptr(GString) ids = g_string_new (NULL);
      guint n = 0;

      for (guint p = 0; p < capability->n_practices; p++)
        if (self->statuses[capability->practices[p]->index] == MIZAN_STATUS_NONE)
          {
            g_string_append_printf (ids, "%s%s", n > 0 ? " " : "", capability->practices[p]->id);
            n++;
          }
      if (n > 0)
        {
          g_autofree char *title = g_strdup_printf ("%s · %s", capability->id,
                                                    mizan_report_text (self, capability->title));
          g_autofree char *count = g_strdup_printf ("%u / %u", n, capability->n_practices);
          const char *cells[] = { title, count, ids->str };

          mizan_report_add_row (self, table, cells);
        }
    }
}

static void
add_practices_not_met (MizanReport       *self,
                       const MizanDomain *domain)
{
  gboolean any = FALSE;

  mizan_report_add_heading (self, 2, tr (N_("Practices not met")));
  for (guint c = 0; c < domain->n_capabilities; c++)
    {
      const MizanCapability *capability = domain->capabilities[c];
      gboolean heading = FALSE;

      for (guint p = 0; p < capability->n_practices; p++)
        {
          const MizanPractice *practice = capability->practices[p];
          const MizanAnswer *answer = mizan_assessment_get_answer (self->assessment, practice->id);
          MizanStatus status = self->statuses[practice->index];
          g_autofree char *line = NULL;

          /* Unanswered practices are summarised per capability below. */
          if (mizan_status_passes (status) || status == MIZAN_STATUS_NA || status == MIZAN_STATUS_NONE)
            continue;
          if (!heading)
            {
              g_autofree char *title = g_strdup_printf ("%s · %s", capability->id,
                                                        mizan_report_text (self, capability->title));

              mizan_report_add_heading (self, 3, title);
              heading = any = TRUE;
            }
          /* Translators: a practice's id, its level and its answer, e.g. "GOV.1.2 · level 2 · Not implemented" */
          line = g_strdup_printf (tr (N_("%s · level %u · %s")), practice->id, practice->level,
                                  mizan_report_status_label (self, status));
          mizan_report_add_text (self, line, MIZAN_REPORT_SMALL_SIZE + 0.5, TRUE, FALSE, 0, 6);
          mizan_report_keep_with_next (self);
          mizan_report_add_text (self, mizan_report_text (self, practice->text),
                                 MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 1);
          if (answer != NULL && answer->note != NULL && *answer->note != '\0')
            {
              g_autofree char *note = g_strdup_printf (tr (N_("Note: %s")), answer->note);
              mizan_report_add_text (self, note, MIZAN_REPORT_SMALL_SIZE + 0.5, FALSE, TRUE, 12, 2);
            }
          if (answer != NULL && answer->evidence != NULL && *answer->evidence != '\0')
            {
              g_autofree char *evidence = g_strdup_printf (tr (N_("Evidence: %s")), answer->evidence);
              mizan_report_add_text (self, evidence, MIZAN_REPORT_SMALL_SIZE + 0.5, FALSE, TRUE, 12, 2);
            }
        }
    }
  if (!any)
    mizan_report_add_text (self, unanswered_in (self, domain) > 0
                                 ? tr (N_("No answered practice of this domain falls short."))
                                 : tr (N_("Every applicable practice of this domain is fully or largely implemented.")),
                           MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 4);
  add_not_assessed (self, domain);
}

static void
add_domain (MizanReport *self,
            guint        i)
{
  const MizanDomainResult *d = &self->results->domains[i];
  const MizanDomain *domain = d->domain;
  const MizanCapabilityBars *bars = g_ptr_array_index (self->bars, i);
  static const double widths[] = { 0.48, 0.13, 0.13, 0.13, 0.13 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_CENTER,
                                          MIZAN_CELL_CENTER, MIZAN_CELL_CENTER };
  const char *headers[] = { tr (N_("Capability")), tr (N_("Level")), tr (N_("Score")), tr (N_("Target")), tr (N_("Gap")) };
  g_autofree char *level = d->applicable ? level_text (self, d->level) : g_strdup (tr (N_("Not applicable")));
  g_autofree char *index = d->applicable ? mizan_report_format_index (self, d->index) : g_strdup (DASH);
  g_autofree char *target = d->applicable ? mizan_report_format_index (self, d->target) : g_strdup (DASH);
  g_autofree char *completion = mizan_report_format_percent (self, d->completion);
  const char *values[] = { level, index, target, completion };
  const char *captions[] = { d->provisional ? tr (N_("Provisional level")) : tr (N_("Level")),
                             tr (N_("Index")), tr (N_("Target")), tr (N_("Completion")) };
  guint table;

  if (domain->description != NULL)
    mizan_report_add_text (self, mizan_report_text (self, domain->description),
                           MIZAN_REPORT_BODY_SIZE, FALSE, TRUE, 0, 0);
  mizan_report_add_figures (self, values, captions, 4);

  mizan_report_add_heading (self, 2, tr (N_("Capabilities against target")));
  /* Compact rows: the chart's natural height is made for a screen. */
  mizan_report_add_chart (self, MIZAN_CHART_GAP_BARS, &bars->results, self->text_width,
                          MIN (mizan_chart_get_preferred_height (MIZAN_CHART_GAP_BARS, &bars->results,
                                                                 self->text_width, NULL),
                               40 + 28 * domain->n_capabilities));

  table = mizan_report_add_table (self, 5, widths, align, headers);
  for (guint c = 0; c < domain->n_capabilities; c++)
    {
      const MizanCapability *capability = domain->capabilities[c];
      const MizanCapabilityResult *cr = &self->results->capabilities[capability->index];
      g_autofree char *title = g_strdup_printf ("%s · %s", capability->id, mizan_report_text (self, capability->title));
      g_autofree char *cl = cr->applicable ? provisional_level (self, g_strdup_printf ("%u", cr->level), cr->provisional)
                                           : g_strdup (DASH);
      g_autofree char *cs = cr->applicable ? mizan_report_format_percent (self, cr->score) : g_strdup (DASH);
      g_autofree char *ct = g_strdup_printf ("%u", cr->target);
      g_autofree char *cg = cr->applicable ? g_strdup_printf ("%u", cr->gap) : g_strdup (DASH);
      const char *cells[] = { title, cl, cs, ct, cg };

      mizan_report_add_row (self, table, cells);
    }

  add_practices_not_met (self, domain);
}

/* Roadmap */

/* The roadmap's "N practices to assess" of each capability, a row per
 * domain ("GOV.4 (5)"), so that a draft's list stays short. */
static void
add_to_assess (MizanReport *self)
{
  static const double widths[] = { 0.4, 0.14, 0.46 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_START };
  const char *headers[] = { tr (N_("Domain")), tr (N_("Practices to assess")), tr (N_("Capabilities")) };
  const MizanResults *r = self->results;
  guint table;

  if (r->n_to_assess == 0)
    return;
  mizan_report_add_heading (self, 2, tr (N_("To assess first")));
  table = mizan_report_add_table (self, 3, widths, align, headers);
  mizan_report_table_lists (self, table);
  for (guint d = 0; d < r->n_domains; d++)
    {
      const MizanDomain *domain = r->domains[d].domain;
      g_autoptr(GString) capabilities = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; i < r->n_to_assess; i++)
        if (r->to_assess[i].capability->domain == domain)
          {
            /* A no-break space keeps each id with its count when the list wraps. */
            g_string_append_printf (capabilities, "%s%s\u00a0(%u)", capabilities->len > 0 ? " " : "",
                                    r->to_assess[i].capability->id, r->to_assess[i].n_practices);
            n += r->to_assess[i].n_practices;
          }
      if (n > 0)
        {
          g_autofree char *title = domain_heading (self, domain);
          g_autofree char *count = g_strdup_printf ("%u", n);
          const char *cells[] = { title, count, capabilities->str };

          mizan_report_add_row (self, table, cells);
        }
    }
}

static void
add_roadmap (MizanReport *self)
{
  static const char * const phase_titles[] = {
    NULL,
    N_("Next: one level above the current one"),
    N_("Then: two levels above"),
    N_("Later: three levels above or more"),
  };
  static const double widths[] = { 0.13, 0.25, 0.08, 0.54 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_START };
  const char *headers[] = { tr (N_("Practice")), tr (N_("Capability")), tr (N_("Level")), tr (N_("What to do")) };
  const MizanResults *r = self->results;

  mizan_report_add_text (self, tr (N_("For each capability below its target, in order of priority, the practices "
                                      "up to the target answered partially or not implemented. The phase "
                                      "says how far above the capability’s current level a practice lies. "
                                      "Unanswered practices are not actions: they are counted per capability "
                                      "as practices to assess.")),
                         MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);
  add_to_assess (self);
  if (r->n_roadmap == 0 && r->n_to_assess > 0)
    return;
  if (r->n_roadmap == 0)
    {
      mizan_report_add_text (self, tr (N_("Every capability has reached its target; nothing is left to plan.")),
                             MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 8);
      return;
    }

  for (guint phase = MIZAN_PHASE_NEXT; phase <= MIZAN_PHASE_LATER; phase++)
    {
      guint table = 0;
      gboolean started = FALSE;

      for (guint i = 0; i < r->n_roadmap; i++)
        {
          const MizanRoadmapItem *item = &r->roadmap[i];
          const MizanPractice *practice = item->practice;
          g_autofree char *title = NULL, *level = NULL, *action = NULL;
          const char *guidance;

          if (item->phase != phase)
            continue;
          if (!started)
            {
              mizan_report_add_heading (self, 2, tr (phase_titles[phase]));
              table = mizan_report_add_table (self, 4, widths, align, headers);
              started = TRUE;
            }
          title = g_strdup_printf ("%s · %s", practice->capability->id,
                                   mizan_report_text (self, practice->capability->title));
          level = g_strdup_printf ("%u", practice->level);
          guidance = practice->guidance != NULL ? mizan_report_text (self, practice->guidance) : "";
          action = *guidance != '\0' ? g_strdup_printf ("%s\n%s", mizan_report_text (self, practice->text), guidance)
                                     : g_strdup (mizan_report_text (self, practice->text));
          {
            const char *cells[] = { practice->id, title, level, action };
            mizan_report_add_row (self, table, cells);
          }
        }
    }
}

/* Comparison */

static char *
format_change (MizanReport *self,
               double       change)
{
  g_autofree char *value = mizan_report_format_index (self, fabs (change));

  if (fabs (change) < 0.005)
    return g_strdup (value);
  /* U+2212 minus sign; in Arabic a left-to-right mark keeps the sign before the number. */
  return g_strdup_printf ("%s%s%s", self->rtl ? "\u200e" : "", change > 0 ? "+" : "\u2212", value);
}

static void
add_comparison (MizanReport *self)
{
  const MizanResults *now = self->results, *then = self->compare_results;
  static const double widths[] = { 0.52, 0.16, 0.16, 0.16 };
  static const MizanCellAlign align[] = { MIZAN_CELL_START, MIZAN_CELL_CENTER, MIZAN_CELL_CENTER, MIZAN_CELL_CENTER };
  const char *headers[] = { tr (N_("Domain")), tr (N_("Earlier")), tr (N_("Now")), tr (N_("Change")) };
  g_autoptr(GDateTime) then_date = g_date_time_new_from_unix_utc (mizan_assessment_get_updated (self->compare));
  g_autofree char *then_day = then_date != NULL ? g_date_time_format (then_date, "%Y-%m-%d") : g_strdup ("?");
  g_autofree char *intro = NULL;
  guint table;

  intro = g_strdup_printf (tr (N_("The maturity index of each domain now, against the earlier assessment “%s” of %s (%s).")),
                           mizan_assessment_get_title (self->compare), mizan_assessment_get_org_name (self->compare),
                           then_day);
  mizan_report_add_text (self, intro, MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);

  table = mizan_report_add_table (self, 4, widths, align, headers);
  {
    g_autofree char *a = then->applicable ? mizan_report_format_index (self, then->index) : g_strdup (DASH);
    g_autofree char *b = now->applicable ? mizan_report_format_index (self, now->index) : g_strdup (DASH);
    g_autofree char *c = then->applicable && now->applicable ? format_change (self, now->index - then->index)
                                                             : g_strdup (DASH);
    const char *cells[] = { tr (N_("Maturity index")), a, b, c };

    mizan_report_add_row (self, table, cells);
  }
  for (guint i = 0; i < now->n_domains; i++)
    {
      const MizanDomainResult *d = &now->domains[i];
      const MizanDomainResult *e = NULL;
      g_autofree char *title = domain_heading (self, d->domain);
      g_autofree char *a = NULL, *b = NULL, *c = NULL;

      for (guint j = 0; j < then->n_domains; j++)
        if (g_str_equal (then->domains[j].domain->id, d->domain->id))
          e = &then->domains[j];
      a = e != NULL && e->applicable ? mizan_report_format_index (self, e->index) : g_strdup (DASH);
      b = d->applicable ? mizan_report_format_index (self, d->index) : g_strdup (DASH);
      c = e != NULL && e->applicable && d->applicable ? format_change (self, d->index - e->index) : g_strdup (DASH);
      {
        const char *cells[] = { title, a, b, c };
        mizan_report_add_row (self, table, cells);
      }
    }
}

/* Method */

/* What the model is and what each answer means in it, from the framework
 * file: nothing when the framework says neither (older files). */
static void
add_model_status_and_rubric (MizanReport *self)
{
  static const MizanStatus statuses[] = { MIZAN_STATUS_FULLY, MIZAN_STATUS_LARGELY, MIZAN_STATUS_PARTIALLY,
                                          MIZAN_STATUS_NOT, MIZAN_STATUS_NA };
  static const double widths[] = { 0.26, 0.74 };
  const MizanText *status = mizan_framework_get_status (self->framework);
  const char *headers[] = { tr (N_("Answer")), tr (N_("Meaning in this model")) };
  gboolean has_rubric = FALSE;
  guint table;

  if (status != NULL)
    {
      g_autofree char *model = g_strdup_printf ("%s %s", mizan_report_text (self, mizan_framework_get_title (self->framework)),
                                                mizan_framework_get_version (self->framework));

      mizan_report_add_heading (self, 2, model);
      mizan_report_add_text (self, mizan_report_text (self, status), MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, 0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    has_rubric |= mizan_framework_get_rubric (self->framework, statuses[i]) != NULL;
  if (!has_rubric)
    return;
  mizan_report_add_heading (self, 2, tr (N_("What each answer means")));
  table = mizan_report_add_table (self, 2, widths, NULL, headers);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      const char *cells[] = { mizan_report_status_label (self, statuses[i]),
                              mizan_report_text (self, mizan_framework_get_rubric (self->framework, statuses[i])) };

      mizan_report_add_row (self, table, cells);
    }
}

static void
add_method (MizanReport *self)
{
  guint n_levels = mizan_framework_get_n_levels (self->framework);
  static const double widths[] = { 0.1, 0.22, 0.68 };
  static const MizanCellAlign align[] = { MIZAN_CELL_CENTER, MIZAN_CELL_START, MIZAN_CELL_START };
  const char *headers[] = { tr (N_("Level")), tr (N_("Name")), tr (N_("Description")) };
  g_autofree char *index_rule = NULL, *target_rule = NULL, *levels_title = NULL;
  const char *rules[] = {
    tr (N_("Each practice is answered with a status. Fully implemented earns full credit, largely implemented two "
           "thirds, partially implemented one third, and not implemented or unanswered nothing. A practice marked "
           "not applicable is left out of every figure.")),
    tr (N_("A capability reaches a level when every applicable practice of that level and of every level below it "
           "is fully or largely implemented; a level without applicable practices counts as reached. Its level is "
           "the highest one reached, or 0. A capability whose practices are all not applicable has no level and is "
           "left out of the figures above it.")),
    tr (N_("A capability’s score is the weighted share of credit its applicable practices earn, from 0 to 100%. "
           "Its completion is the share of its practices that are answered, not applicable included.")),
    NULL, NULL,
    tr (N_("The roadmap takes each priority in turn and lists the practices up to its target that are not yet "
           "fully or largely implemented, lowest level first. A practice one level above the capability’s current "
           "level is planned next, two levels above then, and three or more later.")),
  };
  guint table;

  index_rule = g_strdup_printf (tr (N_("A domain’s level is the lowest level of its applicable capabilities; its index "
                                       "is the weighted average of their levels and its score the weighted average of "
                                       "their scores. The maturity index is the weighted average of the domain indices, "
                                       "from 0 to %u; the overall score and completion are formed the same way.")),
                                n_levels);
  target_rule = g_strdup_printf (tr (N_("Each capability has a target level: %u unless the assessment sets another. Its "
                                        "gap is the number of levels it lacks to reach the target. A domain’s target and "
                                        "gap are weighted averages over its capabilities. The priorities are the "
                                        "capabilities with a gap, ordered by gap × capability weight × domain weight.")),
                                 mizan_framework_get_default_target (self->framework));
  rules[3] = index_rule;
  rules[4] = target_rule;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    mizan_report_add_text (self, rules[i], MIZAN_REPORT_BODY_SIZE, FALSE, FALSE, 0, i == 0 ? 0 : 6);

  add_model_status_and_rubric (self);

  levels_title = g_strdup_printf (tr (N_("Levels of %s")), mizan_report_text (self, mizan_framework_get_title (self->framework)));
  mizan_report_add_heading (self, 2, levels_title);
  table = mizan_report_add_table (self, 3, widths, align, headers);
  for (guint l = 1; l <= n_levels; l++)
    {
      const MizanLevel *level = mizan_framework_get_level (self->framework, l);
      g_autofree char *number = g_strdup_printf ("%u", l);
      const char *cells[] = { number, mizan_report_text (self, level->name),
                              level->description != NULL ? mizan_report_text (self, level->description) : "" };

      mizan_report_add_row (self, table, cells);
    }
}

/* The whole report */

static void
set_target (MizanReport *self,
            guint        contents_line,
            guint        heading)
{
  g_array_index (self->blocks, MizanBlock, contents_line).target = heading;
}

void
mizan_report_build (MizanReport *self)
{
  const MizanResults *r = self->results;
  ContentsLines lines = { 0 };
  g_autofree guint *domain_lines = g_new0 (guint, MAX (r->n_domains, 1));
  g_autofree char *coverage = mizan_report_coverage_title (self);

  /* The contents first, pointing at headings made below. */
  mizan_report_add_heading (self, 1, tr (N_("Contents")));
#define CONTENTS_LINE(title) (mizan_report_add_contents (self, 0, (title)), self->blocks->len - 1)
  lines.summary = CONTENTS_LINE (tr (N_("Executive summary")));
  lines.heat_map = CONTENTS_LINE (tr (N_("Capabilities by level")));
  for (guint i = 0; i < r->n_domains; i++)
    {
      g_autofree char *title = domain_heading (self, r->domains[i].domain);

      if (domain_untouched (self, r->domains[i].domain))
        continue;
      domain_lines[i] = CONTENTS_LINE (title);
    }
  lines.roadmap = CONTENTS_LINE (tr (N_("Roadmap")));
  if (self->compare_results != NULL)
    lines.compare = CONTENTS_LINE (tr (N_("Comparison with an earlier assessment")));
  lines.method = CONTENTS_LINE (tr (N_("Method")));
  if (coverage != NULL)
    lines.coverage = CONTENTS_LINE (coverage);
#undef CONTENTS_LINE

  set_target (self, lines.summary, mizan_report_add_heading (self, 1, tr (N_("Executive summary"))));
  add_summary (self);

  set_target (self, lines.heat_map, mizan_report_add_heading (self, 1, tr (N_("Capabilities by level"))));
  add_heat_map (self);

  for (guint i = 0; i < r->n_domains; i++)
    {
      g_autofree char *title = domain_heading (self, r->domains[i].domain);

      if (domain_untouched (self, r->domains[i].domain))
        continue;
      set_target (self, domain_lines[i], mizan_report_add_heading (self, 1, title));
      add_domain (self, i);
    }


  set_target (self, lines.roadmap, mizan_report_add_heading (self, 1, tr (N_("Roadmap"))));
  add_roadmap (self);

  if (self->compare_results != NULL)
    {
      set_target (self, lines.compare, mizan_report_add_heading (self, 1, tr (N_("Comparison with an earlier assessment"))));
      add_comparison (self);
    }

  set_target (self, lines.method, mizan_report_add_heading (self, 1, tr (N_("Method"))));
  add_method (self);

  if (coverage != NULL)
    {
      set_target (self, lines.coverage, mizan_report_add_heading (self, 1, coverage));
      mizan_report_add_coverage (self);
    }
}
