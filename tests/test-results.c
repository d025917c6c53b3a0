/* test-results.c — scoring, gaps, priorities, roadmap and results JSON
 * Every expected figure is worked out by hand from DESIGN.md "Scoring" in a comment. */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "mizan-results.h"

#define EPS 1e-12

/* Frameworks are written with single quotes to keep them readable here;
 * load_framework() turns them into JSON. Weights default to 1. */
#define P(id, lvl)          "{'id':'" id "','level':" #lvl ",'text':'x'}"
#define PW(id, lvl, w)      "{'id':'" id "','level':" #lvl ",'weight':" #w ",'text':'x'}"
#define CAP(id, w, ps)      "{'id':'" id "','title':'x','weight':" #w ",'practices':[" ps "]}"
#define DOM(id, w, cs)      "{'id':'" id "','title':'x','weight':" #w ",'capabilities':[" cs "]}"

static MizanFramework *
load_framework (guint       n_levels,
                guint       default_target,
                const char *domains)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  MizanFramework *framework;

  g_string_append (json, "{'format':'mizan-framework','format_version':1,"
                         "'id':'test-fw','version':'1.2.3','title':'Test','levels':[");
  for (guint l = 1; l <= n_levels; l++)
    g_string_append_printf (json, "%s{'level':%u,'name':'L%u'}", l > 1 ? "," : "", l, l);
  g_string_append_printf (json, "],'default_target':%u,'domains':[%s]}", default_target, domains);
  g_strdelimit (json->str, "'", '"');

  framework = mizan_framework_new_from_data (json->str, json->len, "test.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);
  return framework;
}

/* Arguments: pairs of practice id and MizanStatus, ending with NULL. */
static MizanStatus *
statuses_va (MizanFramework *framework,
             va_list         args)
{
  MizanStatus *statuses = g_new0 (MizanStatus, mizan_framework_get_n_practices (framework) + 1);
  const char *id;

  while ((id = va_arg (args, const char *)) != NULL)
    {
      MizanPractice *practice = mizan_framework_lookup_practice (framework, id);
      MizanStatus status = va_arg (args, int);

      g_assert_nonnull (practice);
      statuses[practice->index] = status;
    }
  return statuses;
}

static MizanResults *
compute (MizanFramework *framework,
         const int      *targets,
         ...)
{
  g_autofree MizanStatus *statuses = NULL;
  va_list args;

  va_start (args, targets);
  statuses = statuses_va (framework, args);
  va_end (args);

  return mizan_results_compute_statuses (framework, statuses, targets);
}

static const MizanCapabilityResult *
cap (const MizanResults *results,
     const char         *id)
{
  for (guint i = 0; i < results->n_capabilities; i++)
    if (g_str_equal (results->capabilities[i].capability->id, id))
      return &results->capabilities[i];
  g_assert_not_reached ();
}

static const MizanDomainResult *
dom (const MizanResults *results,
     const char         *id)
{
  for (guint i = 0; i < results->n_domains; i++)
    if (g_str_equal (results->domains[i].domain->id, id))
      return &results->domains[i];
  g_assert_not_reached ();
}

#define F MIZAN_STATUS_FULLY
#define LG MIZAN_STATUS_LARGELY
#define PT MIZAN_STATUS_PARTIALLY
#define NT MIZAN_STATUS_NOT
#define NA MIZAN_STATUS_NA
#define NONE MIZAN_STATUS_NONE

static void
test_credit (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D", 1, CAP ("C", 1, P ("a", 1) "," P ("b", 1) "," P ("c", 1) "," P ("d", 1) ","
                              P ("e", 1) "," P ("f", 1) "," P ("g", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "a", F, "b", LG, "c", PT, "d", NT, "f", NA, "g", NA, NULL);
  const MizanCapabilityResult *c = cap (r, "C");

  g_assert_true (c->applicable);
  /* applicable: a..e (f and g are na); (1 + 2/3 + 1/3 + 0 + 0) / 5 = 2/5 */
  g_assert_cmpfloat_with_epsilon (c->score, 0.4, EPS);
  /* level 1 holds c (partially), d (not), e (unanswered): it fails */
  g_assert_cmpuint (c->level, ==, 0);
  /* answered: a b c d f g = 6 of 7 (na counts, e does not) */
  g_assert_cmpuint (c->answered, ==, 6);
  g_assert_cmpuint (c->total, ==, 7);
  g_assert_cmpfloat_with_epsilon (c->completion, 6.0 / 7.0, EPS);
  /* default target 2, gap 2 - 0 */
  g_assert_cmpuint (c->target, ==, 2);
  g_assert_cmpuint (c->gap, ==, 2);
}

static void
test_largely_passes_partially_blocks (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 3,
    DOM ("D", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2) "," P ("C1.3", 3)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2) "," P ("C2.3", 3)) ","
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 1) "," P ("C3.3", 2) "," P ("C3.4", 3))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", LG, "C1.2", LG, "C1.3", LG,
    "C2.1", LG, "C2.2", PT, "C2.3", F,
    "C3.1", F, "C3.2", PT, "C3.3", F, "C3.4", F, NULL);

  /* C1: largely at every level passes them all: level 3; score 3·(2/3)/3 = 2/3 */
  g_assert_cmpuint (cap (r, "C1")->level, ==, 3);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 2.0 / 3.0, EPS);
  /* C2: partially at level 2 stops it at 1, though level 3 is fully done;
   * the score is the same 2/3: (2/3 + 1/3 + 1) / 3 */
  g_assert_cmpuint (cap (r, "C2")->level, ==, 1);
  g_assert_cmpfloat_with_epsilon (cap (r, "C2")->score, 2.0 / 3.0, EPS);
  /* C3: one partially among level 1's practices fails level 1: level 0;
   * score (1 + 1/3 + 1 + 1) / 4 = 5/6 */
  g_assert_cmpuint (cap (r, "C3")->level, ==, 0);
  g_assert_cmpfloat_with_epsilon (cap (r, "C3")->score, 5.0 / 6.0, EPS);
}

static void
test_level_without_applicable_practice (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 3,
    DOM ("D", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2) "," P ("C1.3", 2) "," P ("C1.4", 3)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2) "," P ("C2.3", 3))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", NA, "C1.3", NA, "C1.4", F,
    "C2.1", NA, "C2.2", F, "C2.3", NT, NULL);

  /* C1: level 2 has only na practices, so it passes: 1, 2, 3 all pass → 3;
   * score over C1.1 and C1.4: (1 + 1) / 2 = 1 */
  g_assert_true (cap (r, "C1")->applicable);
  g_assert_cmpuint (cap (r, "C1")->level, ==, 3);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 1.0, EPS);
  g_assert_cmpuint (cap (r, "C1")->gap, ==, 0);
  /* C2: level 1 is all na and passes, level 2 passes, level 3 (not) fails → 2;
   * score (1 + 0) / 2 = 0.5 */
  g_assert_cmpuint (cap (r, "C2")->level, ==, 2);
  g_assert_cmpfloat_with_epsilon (cap (r, "C2")->score, 0.5, EPS);
  g_assert_cmpuint (cap (r, "C2")->gap, ==, 1);
}

static void
test_unanswered (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 1) "," P ("C1.3", 2)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 1) "," P ("C2.3", 2))));
  /* The same answers, except C1.2 is left unanswered where C2.2 is na. */
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.3", F,
    "C2.1", F, "C2.2", NA, "C2.3", F, NULL);

  /* C1: the unanswered C1.2 is applicable with credit 0: score (1 + 0 + 1) / 3 = 2/3;
   * it blocks level 1: level 0; completion 2 answered / 3 */
  g_assert_true (cap (r, "C1")->applicable);
  g_assert_cmpuint (cap (r, "C1")->level, ==, 0);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 2.0 / 3.0, EPS);
  g_assert_cmpuint (cap (r, "C1")->answered, ==, 2);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->completion, 2.0 / 3.0, EPS);
  /* C2: na is left out: score (1 + 1) / 2 = 1, level 2, completion 3/3 */
  g_assert_cmpuint (cap (r, "C2")->level, ==, 2);
  g_assert_cmpfloat_with_epsilon (cap (r, "C2")->score, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (cap (r, "C2")->completion, 1.0, EPS);
  /* overall completion: 5 answered of 6 */
  g_assert_cmpuint (r->answered, ==, 5);
  g_assert_cmpuint (r->total, ==, 6);
  g_assert_cmpfloat_with_epsilon (r->completion, 5.0 / 6.0, EPS);

  /* A practice never answered at all: every figure still computes, with 0s. */
  {
    g_autoptr(MizanResults) empty = compute (fw, NULL, NULL);

    g_assert_true (empty->applicable);
    g_assert_cmpfloat_with_epsilon (empty->index, 0.0, EPS);
    g_assert_cmpfloat_with_epsilon (empty->score, 0.0, EPS);
    g_assert_cmpfloat_with_epsilon (empty->completion, 0.0, EPS);
    g_assert_cmpuint (cap (empty, "C1")->gap, ==, 2);
  }
}

static void
test_all_na_capability (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D1", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2)) ","
      CAP ("C2", 5, P ("C2.1", 1) "," P ("C2.2", 2))) ","
    DOM ("D2", 1,
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", PT,
    "C2.1", NA, "C2.2", NA,
    "C3.1", F, "C3.2", F, NULL);
  const MizanCapabilityResult *c2 = cap (r, "C2");

  /* C2 is all na: not applicable, but its target and completion (2/2) stay */
  g_assert_false (c2->applicable);
  g_assert_cmpuint (c2->target, ==, 2);
  g_assert_cmpfloat_with_epsilon (c2->completion, 1.0, EPS);

  /* C1: level 1 (C1.2 partially), score (1 + 1/3) / 2 = 2/3, gap 1 */
  g_assert_cmpuint (cap (r, "C1")->level, ==, 1);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 2.0 / 3.0, EPS);

  /* D1 counts only C1. Were C2 (weight 5) counted as level 0, score 0,
   * the index would be 1/6 and the level 0. */
  g_assert_true (dom (r, "D1")->applicable);
  g_assert_cmpuint (dom (r, "D1")->level, ==, 1);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->index, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->score, 2.0 / 3.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->target, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->gap, 1.0, EPS);

  /* overall: index (1 + 2) / 2 = 1.5; score (2/3 + 1) / 2 = 5/6;
   * completion 6 of 6 (na answers count) */
  g_assert_true (r->applicable);
  g_assert_cmpfloat_with_epsilon (r->index, 1.5, EPS);
  g_assert_cmpfloat_with_epsilon (r->score, 5.0 / 6.0, EPS);
  g_assert_cmpfloat_with_epsilon (r->completion, 1.0, EPS);

  /* C2 has no gap, so only C1 is a priority and only C1.2 is on the roadmap */
  g_assert_cmpuint (r->n_priorities, ==, 1);
  g_assert_cmpstr (r->priorities[0].capability->id, ==, "C1");
  g_assert_cmpuint (r->n_roadmap, ==, 1);
  g_assert_cmpstr (r->roadmap[0].practice->id, ==, "C1.2");
}

static void
test_domain_not_applicable (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D1", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2))) ","
    DOM ("D2", 10,
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2)) ","
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2))) ","
    DOM ("D3", 1,
      CAP ("C4", 1, P ("C4.1", 1) "," P ("C4.2", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", LG,
    "C2.1", NA, "C2.2", NA, "C3.1", NA, "C3.2", NA, NULL);

  /* D2: every capability is all na */
  g_assert_false (dom (r, "D2")->applicable);
  g_assert_false (cap (r, "C2")->applicable);
  g_assert_false (cap (r, "C3")->applicable);

  /* D1: C1 level 2, score (1 + 2/3) / 2 = 5/6 */
  g_assert_cmpuint (dom (r, "D1")->level, ==, 2);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->score, 5.0 / 6.0, EPS);
  /* D3: never answered, still applicable: level 0, score 0 */
  g_assert_true (dom (r, "D3")->applicable);
  g_assert_cmpuint (dom (r, "D3")->level, ==, 0);
  /* domain completion: D2's four na answers count (4/4), D3 has none (0/2) */
  g_assert_cmpuint (dom (r, "D2")->answered, ==, 4);
  g_assert_cmpuint (dom (r, "D2")->total, ==, 4);
  g_assert_cmpfloat_with_epsilon (dom (r, "D2")->completion, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D3")->completion, 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->completion, 1.0, EPS);

  /* overall over D1 and D3 only: index (1·2 + 1·0) / 2 = 1 (with D2 at
   * weight 10 as 0 it would be 2/12); score (5/6 + 0) / 2 = 5/12;
   * completion: C1.1 C1.2 and the four na of 8 practices = 6/8 */
  g_assert_cmpfloat_with_epsilon (r->index, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (r->score, 5.0 / 12.0, EPS);
  g_assert_cmpfloat_with_epsilon (r->completion, 0.75, EPS);

  /* With every domain not applicable, so is the overall. */
  {
    g_autoptr(MizanResults) none = compute (fw, NULL,
      "C1.1", NA, "C1.2", NA, "C2.1", NA, "C2.2", NA,
      "C3.1", NA, "C3.2", NA, "C4.1", NA, "C4.2", NA, NULL);

    g_assert_false (none->applicable);
    g_assert_cmpfloat_with_epsilon (none->completion, 1.0, EPS);
    g_assert_cmpuint (none->n_priorities, ==, 0);
    g_assert_cmpuint (none->n_roadmap, ==, 0);
  }
}

static void
test_weights (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D1", 1,
      CAP ("C1", 1, PW ("C1.1", 1, 1) "," PW ("C1.2", 1, 3) "," PW ("C1.3", 2, 1)) ","
      CAP ("C2", 3, PW ("C2.1", 1, 2) "," PW ("C2.2", 2, 1))) ","
    DOM ("D2", 3,
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", NT, "C1.3", F,
    "C2.1", F, "C2.2", PT,
    "C3.1", F, "C3.2", F, NULL);

  /* practice weights — C1: (1·1 + 3·0 + 1·1) / (1 + 3 + 1) = 2/5; level 0 */
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 0.4, EPS);
  g_assert_cmpuint (cap (r, "C1")->level, ==, 0);
  /* C2: (2·1 + 1·1/3) / (2 + 1) = 7/9; level 1 */
  g_assert_cmpfloat_with_epsilon (cap (r, "C2")->score, 7.0 / 9.0, EPS);
  g_assert_cmpuint (cap (r, "C2")->level, ==, 1);

  /* capability weights — D1: level min(0, 1) = 0;
   * index (1·0 + 3·1) / 4 = 0.75;
   * score (1·2/5 + 3·7/9) / 4 = (6/15 + 35/15) / 4 = 41/60;
   * target (1·2 + 3·2) / 4 = 2; gap (1·2 + 3·1) / 4 = 1.25 */
  g_assert_cmpuint (dom (r, "D1")->level, ==, 0);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->index, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->score, 41.0 / 60.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->target, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D1")->gap, 1.25, EPS);
  /* D2: C3 level 2, score 1, gap 0 */
  g_assert_cmpfloat_with_epsilon (dom (r, "D2")->index, 2.0, EPS);
  g_assert_cmpfloat_with_epsilon (dom (r, "D2")->gap, 0.0, EPS);

  /* domain weights — overall index (1·0.75 + 3·2) / 4 = 1.6875;
   * score (1·41/60 + 3·1) / 4 = (41/60 + 180/60) / 4 = 221/240 */
  g_assert_cmpfloat_with_epsilon (r->index, 1.6875, EPS);
  g_assert_cmpfloat_with_epsilon (r->score, 221.0 / 240.0, EPS);

  /* priorities — C1: gap 2 × 1 × 1 = 2; C2: gap 1 × 3 × 1 = 3: C2 leads
   * despite the smaller gap */
  g_assert_cmpuint (r->n_priorities, ==, 2);
  g_assert_cmpstr (r->priorities[0].capability->id, ==, "C2");
  g_assert_cmpuint (r->priorities[0].gap, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->priorities[0].priority, 3.0, EPS);
  g_assert_cmpstr (r->priorities[1].capability->id, ==, "C1");
  g_assert_cmpuint (r->priorities[1].gap, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->priorities[1].priority, 2.0, EPS);
}

static void
test_priorities_order (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 3,
    DOM ("D1", 1,
      CAP ("CA", 1, P ("CA.1", 1) "," P ("CA.2", 2) "," P ("CA.3", 3)) ","
      CAP ("CB", 2, P ("CB.1", 1) "," P ("CB.2", 2) "," P ("CB.3", 3))) ","
    DOM ("D2", 2,
      CAP ("CC", 1, P ("CC.1", 1) "," P ("CC.2", 2) "," P ("CC.3", 3)) ","
      CAP ("CD", 1, P ("CD.1", 1) "," P ("CD.2", 2) "," P ("CD.3", 3)) ","
      CAP ("CE", 1, P ("CE.1", 1) "," P ("CE.2", 2) "," P ("CE.3", 3))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "CA.1", F,
    "CB.1", F, "CB.2", F,
    "CC.1", F, "CC.2", F,
    "CE.1", F, "CE.2", F, "CE.3", F, NULL);
  const char *expected[] = { "CD", "CA", "CB", "CC" };
  const double expected_priority[] = { 6, 2, 2, 2 };

  /* CA: level 1, gap 2 × 1 × 1 = 2     (file order 1)
   * CB: level 2, gap 1 × 2 × 1 = 2     (file order 2)
   * CC: level 2, gap 1 × 1 × 2 = 2     (file order 3, domain weight)
   * CD: level 0, gap 3 × 1 × 2 = 6
   * CE: level 3, gap 0: not a priority
   * → CD, then the three ties in file order: CA, CB, CC */
  g_assert_cmpuint (r->n_priorities, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (r->priorities[i].capability->id, ==, expected[i]);
      g_assert_cmpfloat_with_epsilon (r->priorities[i].priority, expected_priority[i], EPS);
    }
}

static void
test_roadmap (void)
{
  g_autoptr(MizanFramework) fw = load_framework (5, 5,
    DOM ("D", 1,
      CAP ("C1", 1, P ("p1", 2) "," P ("p2", 1) "," P ("p3", 1) "," P ("p4", 3) "," P ("p5", 2) ","
                    P ("p6", 4) "," P ("p7", 2) "," P ("p8", 3) "," P ("p9", 5)) ","
      CAP ("C2", 1, P ("q1", 2) "," P ("q2", 1) "," P ("q3", 3) "," P ("q4", 1) ","
                    P ("q5", 4) "," P ("q6", 5)) ","
      CAP ("C3", 1, P ("r1", 1) "," P ("r2", 2) "," P ("r3", 3) "," P ("r4", 4) "," P ("r5", 5))));
  /* C2 aims for 2 and C3 for 3; C1 follows the default 5 */
  const int targets[] = { -1, 2, 3 };
  g_autoptr(MizanResults) r = compute (fw, targets,
    "p1", NT, "p2", F, "p3", LG, "p4", PT, "p5", F, "p7", NA, "p8", NT,
    "q1", NT, "q2", PT,
    "r1", F, "r2", F, "r3", LG, "r4", NT, "r5", NT, NULL);
  struct { const char *id; MizanStatus status; MizanPhase phase; } expected[] = {
    /* C1: level 1 (p2, p3 pass; p1 fails level 2); gap 5 - 1 = 4 → priority 4 */
    { "p1", NT,   MIZAN_PHASE_NEXT },   /* level 2: 2 - 1 = 1; p5 passes, p7 is na */
    { "p4", PT,   MIZAN_PHASE_THEN },   /* level 3: 3 - 1 = 2, file order before p8 */
    { "p8", NT,   MIZAN_PHASE_THEN },
    /* p6 (level 4) and p9 (level 5) are unanswered: to assess, not actions */
    /* C2: level 0 (q2 partially); gap 2 → priority 2; only levels ≤ 2 */
    { "q2", PT,   MIZAN_PHASE_NEXT },   /* level 1: 1 - 0 = 1; q4 is unanswered */
    { "q1", NT,   MIZAN_PHASE_THEN },   /* level 2: 2 - 0 = 2; q3 lies above the target */
    /* C3: level 3 = its target: gap 0, nothing on the roadmap though r4, r5 are not done */
  };

  g_assert_cmpuint (cap (r, "C1")->level, ==, 1);
  g_assert_cmpuint (cap (r, "C2")->level, ==, 0);
  g_assert_cmpuint (cap (r, "C3")->level, ==, 3);
  g_assert_cmpuint (cap (r, "C3")->gap, ==, 0);
  g_assert_cmpuint (r->n_priorities, ==, 2);

  g_assert_cmpuint (r->n_roadmap, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (r->roadmap[i].practice->id, ==, expected[i].id);
      g_assert_cmpint (r->roadmap[i].status, ==, expected[i].status);
      g_assert_cmpint (r->roadmap[i].phase, ==, expected[i].phase);
    }

  /* The unanswered are counted per capability, in priority order:
   * C1 p6, p9 (p7 is na); C2 only q4, since q3, q5, q6 lie above its target 2 */
  g_assert_cmpuint (r->n_to_assess, ==, 2);
  g_assert_cmpstr (r->to_assess[0].capability->id, ==, "C1");
  g_assert_cmpuint (r->to_assess[0].n_practices, ==, 2);
  g_assert_cmpstr (r->to_assess[1].capability->id, ==, "C2");
  g_assert_cmpuint (r->to_assess[1].n_practices, ==, 1);
}

static void
test_targets_override (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 2,
    DOM ("D", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2) "," P ("C1.3", 3)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2) "," P ("C2.3", 3))));
  g_autoptr(MizanAssessment) a = mizan_assessment_new (NULL);

  mizan_assessment_set_framework (a, "test-fw", "1.2.3");
  mizan_assessment_set_answer (a, "C1.1", F, NULL, NULL, 0);
  mizan_assessment_set_answer (a, "C2.1", F, NULL, NULL, 0);
  mizan_assessment_set_answer (a, "C2.2", F, NULL, NULL, 0);
  /* Ids the framework lacks are ignored. */
  mizan_assessment_set_answer (a, "ZZ.9", F, "stale", NULL, 0);
  mizan_assessment_set_target (a, "ZZ", 3);

  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    /* defaults (2): C1 level 1 gap 1; C2 level 2 gap 0; domain gap (1 + 0) / 2 */
    g_assert_cmpuint (cap (r, "C1")->target, ==, 2);
    g_assert_cmpuint (cap (r, "C1")->gap, ==, 1);
    g_assert_cmpuint (cap (r, "C2")->gap, ==, 0);
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->target, 2.0, EPS);
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->gap, 0.5, EPS);
    g_assert_cmpuint (r->n_priorities, ==, 1);
    g_assert_cmpstr (r->priorities[0].capability->id, ==, "C1");
    /* 3 answered of 6; ZZ.9 is not part of the framework */
    g_assert_cmpuint (r->answered, ==, 3);
    /* C1.2 (level 2 ≤ target 2) is unanswered: to assess, not an action */
    g_assert_true (cap (r, "C1")->provisional);
    g_assert_cmpuint (r->n_roadmap, ==, 0);
    g_assert_cmpuint (r->n_to_assess, ==, 1);
    g_assert_cmpstr (r->to_assess[0].capability->id, ==, "C1");
  }

  mizan_assessment_set_target (a, "C1", 1);
  mizan_assessment_set_target (a, "C2", 3);
  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    /* C1 aims for 1 and has it: gap 0; C2 aims for 3: gap 3 - 2 = 1;
     * domain target (1 + 3) / 2 = 2, gap (0 + 1) / 2 = 0.5 */
    g_assert_cmpuint (cap (r, "C1")->target, ==, 1);
    g_assert_cmpuint (cap (r, "C1")->gap, ==, 0);
    g_assert_cmpuint (cap (r, "C2")->target, ==, 3);
    g_assert_cmpuint (cap (r, "C2")->gap, ==, 1);
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->target, 2.0, EPS);
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->gap, 0.5, EPS);
    g_assert_cmpuint (r->n_priorities, ==, 1);
    g_assert_cmpstr (r->priorities[0].capability->id, ==, "C2");
    /* the lowered target takes C1 out of provisional; the raised one puts
     * C2's unanswered C2.3 within reach */
    g_assert_false (cap (r, "C1")->provisional);
    g_assert_true (cap (r, "C2")->provisional);
    g_assert_cmpuint (r->n_roadmap, ==, 0);
    g_assert_cmpuint (r->n_to_assess, ==, 1);
    g_assert_cmpstr (r->to_assess[0].capability->id, ==, "C2");
    g_assert_cmpuint (r->to_assess[0].n_practices, ==, 1);
  }

  /* A target of 0 asks for nothing; one above the top level (3) is held at 3,
   * since a gap that can never close would only distort priorities. */
  mizan_assessment_set_target (a, "C1", 0);
  mizan_assessment_set_target (a, "C2", 7);
  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    g_assert_cmpuint (cap (r, "C1")->target, ==, 0);
    g_assert_cmpuint (cap (r, "C1")->gap, ==, 0);
    g_assert_cmpuint (cap (r, "C2")->target, ==, 3);
    g_assert_cmpuint (cap (r, "C2")->gap, ==, 1);
    /* C1 above its target counts as gap 0, not −1: domain gap (0 + 1) / 2;
     * domain target (0 + 3) / 2 */
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->gap, 0.5, EPS);
    g_assert_cmpfloat_with_epsilon (dom (r, "D")->target, 1.5, EPS);
  }

  /* Removing the overrides brings back the defaults. */
  mizan_assessment_set_target (a, "C1", -1);
  mizan_assessment_set_target (a, "C2", -1);
  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    g_assert_cmpuint (cap (r, "C1")->target, ==, 2);
    g_assert_cmpuint (cap (r, "C2")->target, ==, 2);
  }
}

/* DESIGN.md "Provisional results": a capability is provisional while an
 * applicable practice at a level ≤ its target is unanswered. */
static void
test_provisional_capability (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 2,
    DOM ("D", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 1) "," P ("C1.3", 2) "," P ("C1.4", 3)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2) "," P ("C2.3", 3)) ","
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2) "," P ("C3.3", 3)) ","
      CAP ("C4", 1, P ("C4.1", 1) "," P ("C4.2", 2) "," P ("C4.3", 3)) ","
      CAP ("C5", 1, P ("C5.1", 1) "," P ("C5.2", 2) "," P ("C5.3", 3))));
  /* C5 aims for 0: nothing is asked of it, so nothing is awaited */
  const int targets[] = { -1, -1, -1, -1, 0 };
  g_autoptr(MizanResults) r = compute (fw, targets,
    "C1.1", F, "C1.4", F,
    "C2.1", F, "C2.2", LG,
    "C3.1", NT, "C3.2", NA,
    "C4.1", NA, "C4.2", NA, "C4.3", NA, NULL);

  /* C1: C1.2 (level 1) and C1.3 (level 2) unanswered, both ≤ target 2 */
  g_assert_true (cap (r, "C1")->provisional);
  g_assert_cmpuint (cap (r, "C1")->unassessed, ==, 2);
  /* its figures are what scoring always gave: level 0, score 2/4 */
  g_assert_cmpuint (cap (r, "C1")->level, ==, 0);
  g_assert_cmpfloat_with_epsilon (cap (r, "C1")->score, 0.5, EPS);
  /* C2: only C2.3 (level 3, above the target) is unanswered: final */
  g_assert_false (cap (r, "C2")->provisional);
  g_assert_cmpuint (cap (r, "C2")->unassessed, ==, 0);
  g_assert_cmpuint (cap (r, "C2")->level, ==, 2);
  /* C3: level 1 already fails (not), yet C3.2 is na and C3.3 above the
   * target: nothing ≤ 2 is left unanswered, so its level 0 is final */
  g_assert_false (cap (r, "C3")->provisional);
  /* C4: all na, not applicable, never provisional */
  g_assert_false (cap (r, "C4")->applicable);
  g_assert_false (cap (r, "C4")->provisional);
  /* C5: all unanswered but target 0 */
  g_assert_false (cap (r, "C5")->provisional);
  g_assert_cmpuint (cap (r, "C5")->unassessed, ==, 0);

  /* Answering the rest makes C1 final. */
  {
    g_autoptr(MizanResults) done = compute (fw, targets,
      "C1.1", F, "C1.2", PT, "C1.3", NT, "C1.4", F, NULL);

    g_assert_false (cap (done, "C1")->provisional);
    g_assert_cmpuint (cap (done, "C1")->unassessed, ==, 0);
  }
}

static void
test_provisional_rollup (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D1", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2))) ","
    DOM ("D2", 1,
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2))) ","
    DOM ("D3", 1,
      CAP ("C4", 1, P ("C4.1", 1) "," P ("C4.2", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", F, "C2.1", F,
    "C3.1", F, "C3.2", NT,
    "C4.1", NA, "C4.2", NA, NULL);

  /* D1 includes C2 (C2.2 unanswered): provisional; D2 is complete; D3 is
   * not applicable; the overall includes D1, so it is provisional */
  g_assert_false (cap (r, "C1")->provisional);
  g_assert_true (cap (r, "C2")->provisional);
  g_assert_true (dom (r, "D1")->provisional);
  g_assert_false (dom (r, "D2")->provisional);
  g_assert_false (dom (r, "D3")->provisional);
  g_assert_true (r->provisional);
  g_assert_cmpuint (r->unassessed, ==, 1);
  g_assert_cmpuint (mizan_results_n_unanswered (r), ==, 1);

  {
    g_autoptr(MizanResults) done = compute (fw, NULL,
      "C1.1", F, "C1.2", F, "C2.1", F, "C2.2", PT,
      "C3.1", F, "C3.2", NT,
      "C4.1", NA, "C4.2", NA, NULL);

    g_assert_false (dom (done, "D1")->provisional);
    g_assert_false (done->provisional);
    g_assert_cmpuint (mizan_results_n_unanswered (done), ==, 0);
    /* the figures that were provisional keep their rule: only the mark goes */
    g_assert_cmpuint (dom (done, "D1")->level, ==, dom (r, "D1")->level);
  }
}

static void
test_provisional_priorities (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 3,
    DOM ("D1", 1,
      CAP ("CA", 1, P ("CA.1", 1) "," P ("CA.2", 2) "," P ("CA.3", 3)) ","
      CAP ("CB", 1, P ("CB.1", 1) "," P ("CB.2", 2) "," P ("CB.3", 3)) ","
      CAP ("CC", 2, P ("CC.1", 1) "," P ("CC.2", 2) "," P ("CC.3", 3)) ","
      CAP ("CD", 1, P ("CD.1", 1) "," P ("CD.2", 2) "," P ("CD.3", 3)) ","
      CAP ("CE", 1, P ("CE.1", 1) "," P ("CE.2", 2) "," P ("CE.3", 3))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "CA.1", F, "CA.2", PT, "CA.3", NT,
    "CB.1", NT, "CB.2", F, "CB.3", F,
    "CC.1", F,
    "CE.1", F, "CE.2", F, "CE.3", F, NULL);
  /* CA: assessed, level 1, gap 2 × 1 = 2
   * CB: assessed, level 0, gap 3 × 1 = 3
   * CC: provisional (CC.2, CC.3), level 1, gap 2 × 2 = 4
   * CD: provisional (never looked at), level 0, gap 3 × 1 = 3
   * CE: level 3, gap 0: not a priority
   * → assessed by priority CB, CA; then apart, by priority, CC, CD —
   *   though CC's 4 is the highest, it was never assessed */
  const char *expected[] = { "CB", "CA", "CC", "CD" };
  const double expected_priority[] = { 3, 2, 4, 3 };

  g_assert_cmpuint (r->n_priorities, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (r->n_assessed_priorities, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (r->priorities[i].capability->id, ==, expected[i]);
      g_assert_cmpfloat_with_epsilon (r->priorities[i].priority, expected_priority[i], EPS);
      g_assert_cmpint (r->priorities[i].provisional, ==, i >= r->n_assessed_priorities);
    }

  /* score --json lists them in that order, each with its mark */
  {
    g_autoptr(JsonNode) root = mizan_results_to_json (r, NULL);
    JsonArray *priorities = json_object_get_array_member (json_node_get_object (root), "priorities");

    g_assert_cmpuint (json_array_get_length (priorities), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        JsonObject *p = json_array_get_object_element (priorities, i);

        g_assert_cmpstr (json_object_get_string_member (p, "capability"), ==, expected[i]);
        g_assert_cmpint (json_object_get_boolean_member (p, "provisional"), ==, i >= 2);
      }
  }
}

static void
test_provisional_roadmap (void)
{
  g_autoptr(MizanFramework) fw = load_framework (3, 3,
    DOM ("D", 1,
      CAP ("C1", 1, P ("a1", 1) "," P ("a2", 1) "," P ("a3", 2) "," P ("a4", 2) "," P ("a5", 3)) ","
      CAP ("C2", 1, P ("b1", 1) "," P ("b2", 2) "," P ("b3", 3))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "a1", F, "a2", PT, "a4", NT, "a5", NA, NULL);

  /* C1: level 0 (a2 partially), gap 3, provisional (a3 unanswered);
   * C2: nothing answered, gap 3, provisional, file order after C1.
   * Actions only from partially and not: a2 (next), a4 (then) */
  g_assert_cmpuint (r->n_roadmap, ==, 2);
  g_assert_cmpstr (r->roadmap[0].practice->id, ==, "a2");
  g_assert_cmpint (r->roadmap[0].phase, ==, MIZAN_PHASE_NEXT);
  g_assert_cmpstr (r->roadmap[1].practice->id, ==, "a4");
  g_assert_cmpint (r->roadmap[1].phase, ==, MIZAN_PHASE_THEN);
  for (guint i = 0; i < r->n_roadmap; i++)
    g_assert_true (r->roadmap[i].status == PT || r->roadmap[i].status == NT);

  /* the unanswered: C1 a3 (a5 is na); C2 all three */
  g_assert_cmpuint (r->n_to_assess, ==, 2);
  g_assert_cmpstr (r->to_assess[0].capability->id, ==, "C1");
  g_assert_cmpuint (r->to_assess[0].n_practices, ==, 1);
  g_assert_cmpstr (r->to_assess[1].capability->id, ==, "C2");
  g_assert_cmpuint (r->to_assess[1].n_practices, ==, 3);
}

/* Practices out of scope by the organization's profile count as na: they
 * neither keep a capability provisional nor hold sharing back. */
static void
test_provisional_profile (void)
{
  static const char json[] =
    "{\"format\":\"mizan-framework\",\"format_version\":1,\"id\":\"test-fw\",\"version\":\"1.2.3\","
    "\"title\":\"Test\",\"levels\":[{\"level\":1,\"name\":\"L1\"},{\"level\":2,\"name\":\"L2\"}],"
    "\"default_target\":2,"
    "\"profile\":[{\"id\":\"runs_ot\",\"text\":\"Does it run industrial systems?\"}],"
    "\"domains\":[{\"id\":\"D\",\"title\":\"x\",\"capabilities\":["
    "{\"id\":\"C1\",\"title\":\"x\",\"practices\":[{\"id\":\"C1.1\",\"level\":1,\"text\":\"x\"},"
    "{\"id\":\"C1.2\",\"level\":2,\"text\":\"x\",\"applies_if\":\"runs_ot\"}]},"
    "{\"id\":\"C2\",\"title\":\"x\",\"applies_if\":\"runs_ot\",\"practices\":["
    "{\"id\":\"C2.1\",\"level\":1,\"text\":\"x\"},{\"id\":\"C2.2\",\"level\":2,\"text\":\"x\"}]}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MizanFramework) fw = mizan_framework_new_from_data (json, sizeof json - 1, "test.json", &error);
  g_autoptr(MizanAssessment) a = mizan_assessment_new (NULL);

  g_assert_no_error (error);
  mizan_assessment_set_framework (a, "test-fw", "1.2.3");
  mizan_assessment_set_answer (a, "C1.1", F, NULL, NULL, 0);

  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    /* profile unanswered: everything applies; C1.2, C2.1, C2.2 are left */
    g_assert_true (cap (r, "C1")->provisional);
    g_assert_true (r->provisional);
    g_assert_cmpuint (mizan_results_n_unanswered (r), ==, 3);
  }

  mizan_assessment_set_profile_answer (a, "runs_ot", MIZAN_PROFILE_NO);
  {
    g_autoptr(MizanResults) r = mizan_results_compute (fw, a);

    g_assert_false (cap (r, "C1")->provisional);
    g_assert_false (cap (r, "C2")->applicable);
    g_assert_false (r->provisional);
    g_assert_cmpuint (mizan_results_n_unanswered (r), ==, 0);
  }
}

static void
assert_keys (JsonObject *object,
             const char *where,
             ...)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  const char *key;
  va_list args;

  va_start (args, where);
  while ((key = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (gpointer) key);
  va_end (args);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (expected, l->data, g_str_equal, NULL))
      g_error ("%s: unexpected key “%s”", where, (const char *) l->data);
  for (guint i = 0; i < expected->len; i++)
    if (!json_object_has_member (object, g_ptr_array_index (expected, i)))
      g_error ("%s: missing key “%s”", where, (const char *) g_ptr_array_index (expected, i));
}

static void
assert_int (JsonObject *object, const char *name, gint64 value)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, value);
}

static void
assert_double (JsonObject *object, const char *name, double value)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat_with_epsilon (json_node_get_double (node), value, EPS);
}

static void
assert_null (JsonObject *object, const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (json_object_get_null_member (object, name));
}

static JsonObject *
array_object (JsonObject *object, const char *name, guint i)
{
  JsonArray *array = json_object_get_array_member (object, name);

  g_assert_nonnull (array);
  g_assert_cmpuint (i, <, json_array_get_length (array));
  return json_array_get_object_element (array, i);
}

static void
test_json (void)
{
  g_autoptr(MizanFramework) fw = load_framework (2, 2,
    DOM ("D1", 1,
      CAP ("C1", 1, P ("C1.1", 1) "," P ("C1.2", 2)) ","
      CAP ("C2", 1, P ("C2.1", 1) "," P ("C2.2", 2))) ","
    DOM ("D2", 1,
      CAP ("C3", 1, P ("C3.1", 1) "," P ("C3.2", 2))));
  g_autoptr(MizanResults) r = compute (fw, NULL,
    "C1.1", F, "C1.2", PT,
    "C2.1", NA, "C2.2", NA,
    "C3.1", NA, "C3.2", NA, NULL);
  g_autoptr(JsonNode) produced = mizan_results_to_json (r, "0b7c3a52-2f9a-4c1e-9d55-6c8e2d7f1a10");
  g_autofree char *text = json_to_string (produced, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (text, &error);
  JsonObject *o, *d1, *d2, *c1, *c2, *c3, *p;

  /* Checks the serialized text, as a reader of `score --json` gets it. */
  g_assert_no_error (error);
  o = json_node_get_object (root);
  assert_keys (o, "root", "assessment", "framework", "overall", "domains", "priorities", NULL);
  g_assert_cmpstr (json_object_get_string_member (o, "assessment"), ==,
                   "0b7c3a52-2f9a-4c1e-9d55-6c8e2d7f1a10");
  assert_keys (json_object_get_object_member (o, "framework"), "framework", "id", "version", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "framework"), "id"), ==, "test-fw");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "framework"), "version"), ==, "1.2.3");

  /* overall = D1 alone: C1 level 1, score (1 + 1/3) / 2 = 2/3; completion 6/6 */
  assert_keys (json_object_get_object_member (o, "overall"), "overall", "index", "score", "completion",
               "provisional", NULL);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (o, "overall"), "provisional"));
  assert_double (json_object_get_object_member (o, "overall"), "index", 1.0);
  assert_double (json_object_get_object_member (o, "overall"), "score", 2.0 / 3.0);
  assert_double (json_object_get_object_member (o, "overall"), "completion", 1.0);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "domains")), ==, 2);
  d1 = array_object (o, "domains", 0);
  d2 = array_object (o, "domains", 1);
  assert_keys (d1, "domains[0]", "id", "level", "index", "score", "target", "gap", "provisional",
               "capabilities", NULL);
  assert_keys (d2, "domains[1]", "id", "level", "index", "score", "target", "gap", "provisional",
               "capabilities", NULL);
  assert_null (d2, "provisional");
  g_assert_cmpstr (json_object_get_string_member (d1, "id"), ==, "D1");
  assert_int (d1, "level", 1);
  assert_double (d1, "index", 1.0);
  assert_double (d1, "score", 2.0 / 3.0);
  /* a domain's target and gap are averages: doubles even when whole */
  assert_double (d1, "target", 2.0);
  assert_double (d1, "gap", 1.0);

  /* D2 has no applicable capability */
  g_assert_cmpstr (json_object_get_string_member (d2, "id"), ==, "D2");
  assert_null (d2, "level");
  assert_null (d2, "index");
  assert_null (d2, "score");
  assert_null (d2, "target");
  assert_null (d2, "gap");

  c1 = array_object (d1, "capabilities", 0);
  c2 = array_object (d1, "capabilities", 1);
  c3 = array_object (d2, "capabilities", 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d1, "capabilities")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d2, "capabilities")), ==, 1);
  assert_keys (c1, "C1", "id", "level", "score", "completion", "target", "gap",
               "provisional", "not_assessed", NULL);
  assert_keys (c2, "C2", "id", "level", "score", "completion", "target", "gap",
               "provisional", "not_assessed", NULL);
  assert_keys (c3, "C3", "id", "level", "score", "completion", "target", "gap",
               "provisional", "not_assessed", NULL);
  /* every practice answered: C1's level is final */
  g_assert_false (json_object_get_boolean_member (c1, "provisional"));
  assert_int (c1, "not_assessed", 0);
  /* a not-applicable capability has no level to be provisional about */
  assert_null (c2, "provisional");
  assert_null (c2, "not_assessed");
  g_assert_cmpstr (json_object_get_string_member (c1, "id"), ==, "C1");
  assert_int (c1, "level", 1);
  assert_double (c1, "score", 2.0 / 3.0);
  assert_double (c1, "completion", 1.0);
  assert_int (c1, "target", 2);
  assert_int (c1, "gap", 1);
  /* not applicable: level, score and gap null; target and completion stay */
  g_assert_cmpstr (json_object_get_string_member (c2, "id"), ==, "C2");
  assert_null (c2, "level");
  assert_null (c2, "score");
  assert_null (c2, "gap");
  assert_int (c2, "target", 2);
  assert_double (c2, "completion", 1.0);
  g_assert_cmpstr (json_object_get_string_member (c3, "id"), ==, "C3");
  assert_null (c3, "level");

  /* priorities: only C1, gap 1 × 1 × 1 */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "priorities")), ==, 1);
  p = array_object (o, "priorities", 0);
  assert_keys (p, "priorities[0]", "capability", "gap", "priority", "provisional", NULL);
  g_assert_false (json_object_get_boolean_member (p, "provisional"));
  g_assert_cmpstr (json_object_get_string_member (p, "capability"), ==, "C1");
  assert_int (p, "gap", 1);
  assert_double (p, "priority", 1.0);

  /* Numbers are unrounded: 2/3 is written with full precision. */
  g_assert_nonnull (strstr (text, "0.6666666666666666"));
}

static void
test_json_not_applicable_overall (void)
{
  g_autoptr(MizanFramework) fw = load_framework (1, 1,
    DOM ("D", 1, CAP ("C", 1, P ("C.1", 1) "," P ("C.2", 1))));
  g_autoptr(MizanResults) r = compute (fw, NULL, "C.1", NA, NULL);
  g_autoptr(JsonNode) root = mizan_results_to_json (r, NULL);
  JsonObject *overall = json_object_get_object_member (json_node_get_object (root), "overall");

  /* C.2 is unanswered, so C is applicable: to make it not, answer C.2 na too */
  g_assert_true (r->applicable);

  {
    g_autoptr(MizanResults) na = compute (fw, NULL, "C.1", NA, "C.2", NA, NULL);
    g_autoptr(JsonNode) na_root = mizan_results_to_json (na, NULL);
    JsonObject *na_overall = json_object_get_object_member (json_node_get_object (na_root), "overall");

    g_assert_false (na->applicable);
    assert_keys (na_overall, "overall", "index", "score", "completion", "provisional", NULL);
    assert_null (na_overall, "provisional");
    assert_null (na_overall, "index");
    assert_null (na_overall, "score");
    assert_double (na_overall, "completion", 1.0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (na_root), "priorities")), ==, 0);
  }

  /* applicable: index 0 (level 1 blocked by the unanswered C.2), score 0, completion 1/2 */
  assert_double (overall, "index", 0.0);
  assert_double (overall, "score", 0.0);
  assert_double (overall, "completion", 0.5);
  g_assert_true (json_object_get_boolean_member (overall, "provisional"));
}

/* 10 domains × 100 capabilities × 10 practices (two per level 1..5). */
static void
test_large_assessment (void)
{
  g_autoptr(GString) domains = g_string_new (NULL);
  g_autoptr(MizanFramework) fw = NULL;
  g_autoptr(MizanAssessment) a = mizan_assessment_new (NULL);
  g_autoptr(MizanResults) r = NULL;
  static const MizanStatus cycle[] = { F, F, LG, F, PT, F, NT, NA, LG, NONE, F };
  guint n = 0;

  for (guint d = 0; d < 10; d++)
    {
      g_string_append_printf (domains, "%s{'id':'D%u','title':'x','capabilities':[", d ? "," : "", d);
      for (guint c = 0; c < 100; c++)
        {
          g_string_append_printf (domains, "%s{'id':'D%u.C%u','title':'x','practices':[", c ? "," : "", d, c);
          for (guint p = 0; p < 10; p++)
            g_string_append_printf (domains, "%s{'id':'D%u.C%u.P%u','level':%u,'text':'x'}",
                                    p ? "," : "", d, c, p, p / 2 + 1);
          g_string_append (domains, "]}");
        }
      g_string_append (domains, "]}");
    }
  fw = load_framework (5, 3, domains->str);
  g_assert_cmpuint (mizan_framework_get_n_practices (fw), ==, 10000);

  for (guint i = 0; i < 10000; i++)
    {
      MizanPractice *practice = mizan_framework_get_practice (fw, i);
      MizanStatus status = cycle[i % G_N_ELEMENTS (cycle)];

      if (status != NONE)
        {
          mizan_assessment_set_answer (a, practice->id, status, NULL, NULL, 0);
          n++;
        }
    }

  /* Speed is measured by tests/bench/bench-core, not asserted here. */
  r = mizan_results_compute (fw, a);
  g_assert_cmpuint (r->answered, ==, n);
  g_assert_cmpuint (r->total, ==, 10000);
  g_assert_cmpuint (r->n_capabilities, ==, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/results/credit", test_credit);
  g_test_add_func ("/results/level-gate/largely-passes-partially-blocks", test_largely_passes_partially_blocks);
  g_test_add_func ("/results/level-gate/no-applicable-practice", test_level_without_applicable_practice);
  g_test_add_func ("/results/unanswered", test_unanswered);
  g_test_add_func ("/results/not-applicable/capability", test_all_na_capability);
  g_test_add_func ("/results/not-applicable/domain", test_domain_not_applicable);
  g_test_add_func ("/results/weights", test_weights);
  g_test_add_func ("/results/priorities/order", test_priorities_order);
  g_test_add_func ("/results/roadmap", test_roadmap);
  g_test_add_func ("/results/targets/override", test_targets_override);
  g_test_add_func ("/results/provisional/capability", test_provisional_capability);
  g_test_add_func ("/results/provisional/rollup", test_provisional_rollup);
  g_test_add_func ("/results/provisional/priorities", test_provisional_priorities);
  g_test_add_func ("/results/provisional/roadmap", test_provisional_roadmap);
  g_test_add_func ("/results/provisional/profile", test_provisional_profile);
  g_test_add_func ("/results/json/shape", test_json);
  g_test_add_func ("/results/json/not-applicable-overall", test_json_not_applicable_overall);
  g_test_add_func ("/results/large", test_large_assessment);

  return g_test_run ();
}
