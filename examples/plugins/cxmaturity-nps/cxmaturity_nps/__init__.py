"""cxmaturity-nps: the Net Promoter Score dimension for cxmaturity.

It scores how the company's NPS moved over the last year and whether NPS is measured at each
step of the customer journey. Everything it uses comes from `cxmaturity`'s public API.
"""

from cxmaturity import Points, PointsScorer, hookimpl

__version__ = "0.1.0"
CXMATURITY_API = "1"  # the plugin API this plugin is written against

# Points per option, from least to most mature: a full score needs NPS up more than
# 10% and measured at every step of the journey.
CHANGE = {
    "down_over_10": 0,
    "down_5_10": 1,
    "down_under_5": 2,
    "flat": 3,
    "up_under_5": 4,
    "up_5_10": 5,
    "up_over_10": 6,
}
EACH_STEP = {"not_yet": 0, "planned": 1, "in_place": 2}


class NpsScorer(PointsScorer):
    """Scores the `nps` dimension from the NPS trend and how closely NPS is tracked."""

    name = "nps"
    dimension = "nps"
    dimension_label = {"en": "Net Promoter Score", "fr": "Net Promoter Score (NPS)"}
    # "apart": shown beside the stage model; "weighted": counts once --weights gives it a weight
    in_overall = "apart"
    version = __version__
    subject = {"en": "NPS", "fr": "le NPS"}  # "Too few NPS questions answered to score (0 of 2)."
    points = {
        "kpi.nps.change": Points({"en": "NPS over the last year", "fr": "NPS sur un an"}, CHANGE),
        "practices.nps_each_step": Points({"en": "NPS measured at each step", "fr": "NPS mesuré à chaque étape"},
                                          EACH_STEP),
    }


@hookimpl
def register_scorers(register):
    """Add the nps scorer."""
    register(NpsScorer())
