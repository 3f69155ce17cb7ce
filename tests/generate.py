"""Plausible assessments of invented companies, for portfolio tests and the perf scripts.

Each company has a latent maturity level between 0 and 1. Every ordered answer is drawn around
that level (a mature company tends to invest heavily, to have had its tools for over two years,
to automate more), multi answers select more options as maturity rises, and the profile mix
(region, industry, size) follows the 2018 survey's sample roughly: about a third each in North
America, Europe and Asia-Pacific, a tenth in Latin America, close to half over 30,000 staff.
A share of companies is assessed more than once, a year apart, with progress in between.
Some answers are skipped or "don't know", as in real interviews. Everything is seeded.

Usage as a script: ``python tests/generate.py OUT_DIR N [--seed S]``.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

QUESTIONNAIRE = {"id": "cx-ai-2018", "version": 1}

# Region → (weight, countries). Latin America and Africa/Middle East are small, as in Figure 1.
REGIONS = {
    "north_america": (0.30, ["us", "canada"]),
    "europe": (0.30, ["uk", "france", "germany", "italy", "sweden"]),
    "asia_pacific": (0.28, ["australia_nz", "india", "southeast_asia", "south_korea", "japan", "greater_china"]),
    "latin_america": (0.10, ["mexico", "brazil", "argentina"]),
    "africa_middle_east": (0.02, ["other"]),
}
INDUSTRIES = {
    "manufacturing": 0.14, "consumer_retail": 0.14, "financial_services": 0.16, "it_telecom": 0.14,
    "pharma_health": 0.08, "transport_logistics": 0.07, "media_marketing": 0.06,
    "hospitality_leisure": 0.06, "professional_services": 0.08, "public_sector": 0.03, "other": 0.04,
}
HEADCOUNT = {"up_to_1000": 0.08, "1001_3000": 0.12, "3001_10000": 0.15, "10001_30000": 0.18, "over_30000": 0.47}
ROLES = ["cx_head", "marketing", "sales", "technology", "strategy", "executive", "other"]

# Ordered questions answered around the latent level, options least → most mature.
TENURE = ["none", "under_2y", "over_2y"]
AGREE = ["strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"]
IMPACT = ["none", "some", "significant"]
SHARE = ["under_10", "10_25", "25_50", "50_75", "over_75"]
CHANGE = ["down_over_10", "down_5_10", "down_under_5", "flat", "up_under_5", "up_5_10", "up_over_10"]
PLAN = ["not_yet", "planned", "in_place"]
PILOT = ["not_yet", "pilot", "live"]
ORDERED: dict[str, list[str]] = {
    "profile.online_share": SHARE,
    "profile.cx_position": ["behind", "on_par", "ahead"],
    "invest.front_office": ["basic", "acquiring", "heavily"],
    "invest.analytics": ["basic", "acquiring", "heavily"],
    "strategy.efficiency": AGREE,
    "strategy.proximity": AGREE,
    **{f"tools.{t}.tenure": TENURE for t in (
        "self_service", "chatbots", "sentiment", "agent_assist", "ivr", "virtual_assistant", "recommendation")},
    **{f"impact.{a}": IMPACT for a in ("complaint_resolution", "call_volume", "satisfaction", "brand_image")},
    **{f"journey.{s}.ai_share": SHARE for s in ("discovery", "consideration", "purchase", "service")},
    **{f"kpi.{k}.change": CHANGE for k in ("revenue", "clv", "brand_awareness", "nps")},
    # Mature companies see contact costs fall: least mature first means rising costs first.
    "kpi.opcost.change": list(reversed(CHANGE)),
    "automation.fully_automated": SHARE,
    "stakes.proximity": AGREE,
    "stakes.rebalance": AGREE,
    "stakes.talent": AGREE,
    "practices.agents_train_bots": PLAN,
    "practices.nps_each_step": PLAN,
    "practices.virtual_assistant_live": PILOT,
    "practices.kyc_feed": PLAN,
    "practices.fraud_detection": ["not_yet", "studying", "in_place"],
    "practices.decision_support": PILOT,
    "practices.cross_unit_ai": PILOT,
    "practices.data_retention": ["not_yet", "partial", "in_place"],
}
BRAND = ["align_strategy", "conversation_review", "perception_gap", "agent_prompts", "formal_metrics"]
SENTIMENT = ["structured", "unstructured", "chat_nlp", "text_mining", "voice"]

SYLLABLES = ["nor", "ka", "lu", "mi", "ter", "va", "son", "ri", "bel", "to", "dan", "ze", "quo", "fa", "lin", "ora"]
SUFFIXES = ["Bank", "Retail", "Telecom", "Insurance", "Logistics", "Health", "Media", "Group", "Air", "Energy"]


@dataclass
class Profile:
    """An invented company: who it is and how mature it is at its first assessment."""

    id: str
    name: str
    region: str
    country: str
    industry: str
    headcount: str
    revenue: str
    role: str
    language: str
    maturity: float


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _company(rng: random.Random, index: int) -> Profile:
    region = _weighted(rng, {r: w for r, (w, _) in REGIONS.items()})
    country = rng.choice(REGIONS[region][1])
    headcount = _weighted(rng, HEADCOUNT)
    # Revenue follows size, one band either way.
    revenue_bands = ["under_50m", "50m_100m", "100m_500m", "500m_1bn", "1bn_5bn", "over_5bn"]
    base = list(HEADCOUNT).index(headcount) + 1
    revenue = revenue_bands[max(0, min(5, base + rng.choice((-1, 0, 0, 1))))]
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return Profile(
        id=f"gen-{index:05d}",
        name=f"{name} {rng.choice(SUFFIXES)}",
        region=region,
        country=country,
        industry=_weighted(rng, INDUSTRIES),
        headcount=headcount,
        revenue=revenue,
        role=rng.choice(ROLES),
        language="fr" if country == "france" or (region == "europe" and rng.random() < 0.2) else "en",
        # Large companies lean more mature, as in the report.
        maturity=min(1.0, max(0.0, rng.betavariate(2.2, 2.6) + (0.08 if headcount == "over_30000" else 0))),
    )


def _ordered(rng: random.Random, options: list[str], level: float) -> str:
    """An option drawn around `level` (0 least mature, 1 most), with some spread."""
    position = level * (len(options) - 1) + rng.gauss(0, 0.35 * len(options) ** 0.5)
    return options[max(0, min(len(options) - 1, round(position)))]


def _multi(rng: random.Random, options: list[str], level: float, floor: float = 0.1) -> list[str]:
    chosen = [o for o in options if rng.random() < floor + 0.8 * level]
    return chosen or ["none"]


def _answers(rng: random.Random, p: Profile, level: float, when: datetime) -> dict:
    values: dict[str, object] = {
        "profile.region": p.region,
        "profile.country": p.country,
        "profile.role": p.role,
        "profile.headcount": p.headcount,
        "profile.revenue": p.revenue,
        "profile.industry": p.industry,
    }
    for qid, options in ORDERED.items():
        if qid == "practices.kyc_feed" and values.get("practices.virtual_assistant_live") not in ("pilot", "live"):
            continue  # its `when` is false: not asked
        values[qid] = _ordered(rng, options, level)
        if qid == "tools.recommendation.tenure":
            values["brand.uses"] = _multi(rng, BRAND, level)
        if qid == "stakes.talent" and values["tools.sentiment.tenure"] != "none":
            values["sentiment.uses"] = _multi(rng, SENTIMENT, level, floor=0.2)
    answers = {}
    at = when
    for qid, value in values.items():
        at += timedelta(seconds=rng.randint(20, 120))
        roll = rng.random()
        if not qid.startswith("profile.") and roll < 0.05:
            answers[qid] = {"state": "dont_know", "at": _iso(at)}
        elif not qid.startswith("profile.") and roll < 0.07:
            answers[qid] = {"state": "skipped", "at": _iso(at)}
        else:
            answers[qid] = {"state": "answered", "value": value, "at": _iso(at)}
    return answers


def _iso(moment: datetime) -> str:
    # A string, not a datetime: the YAML writer turns a repeated object into an alias,
    # which the loader refuses.
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def assessments(n: int, seed: int = 2026, repeat_share: float = 0.2):
    """Yield `n` assessments (plain dicts in the assessment format), companies in order.

    About `repeat_share` of the companies are assessed two or three times, a year apart, each
    time a little more mature, so that the number of distinct companies is below `n`.
    """
    rng = random.Random(seed)
    made = 0
    index = 0
    while made < n:
        index += 1
        p = _company(rng, index)
        visits = 1 if rng.random() >= repeat_share else rng.choice((2, 2, 3))
        # First visits from mid-2023, the last visit of a company before November 2026.
        start = datetime(2023, 6, 5, 9, 0, tzinfo=UTC) + timedelta(
            days=rng.randint(0, 1200 - 365 * (visits - 1)), minutes=rng.randint(0, 480))
        level = p.maturity
        for visit in range(min(visits, n - made)):
            when = start + timedelta(days=365 * visit + rng.randint(-20, 20))
            answers = _answers(rng, p, level, when)
            last = max(a["at"] for a in answers.values())  # ISO strings sort as times
            yield {
                "format": 1,
                "tool_version": "0.1.0",
                "questionnaire": dict(QUESTIONNAIRE),
                "company": {"id": p.id, "name": p.name},
                "language": p.language,
                "created": _iso(when),
                "updated": last,
                "answers": answers,
            }
            made += 1
            level = min(1.0, level + rng.uniform(0.05, 0.2))


def file_name(data: dict) -> str:
    """`<company id>-<date>.yaml`: unique per assessment, sorted by company then date."""
    return f"{data['company']['id']}-{data['created'][:10]}.yaml"


def to_yaml(data: dict) -> str:
    """The assessment's text in the layout `cxmaturity assess` saves: one flow mapping per
    answer, strings in double quotes (a JSON string is a YAML double-quoted one).

    Not `yamlio.dump`: its block layout takes ~20 ms to emit and 2.4 times longer to read
    back than this one, which matters for 10,000 files.
    """
    def scalar(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    def flow(mapping: dict) -> str:
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items()) + "}"

    lines = []
    for key, value in data.items():
        if key == "answers":
            lines.append("answers:")
            lines.extend(f"  {qid}: {flow(answer)}" for qid, answer in value.items())
        elif isinstance(value, dict):
            lines.append(f"{key}: {flow(value)}")
        else:
            lines.append(f"{key}: {scalar(value)}")
    return "\n".join(lines) + "\n"


def write(folder: Path | str, n: int, seed: int = 2026, repeat_share: float = 0.2, durable: bool = False) -> list[Path]:
    """Write `n` generated assessments into `folder` (created if needed); return their paths.

    `durable` writes each file with `yamlio.write_atomic` (fsync: ~40 ms a file here); test
    and perf data do not need it.
    """
    from cxmaturity.formats.yamlio import write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for data in assessments(n, seed=seed, repeat_share=repeat_share):
        path = folder / file_name(data)
        if durable:
            write_atomic(path, to_yaml(data))
        else:
            path.write_text(to_yaml(data), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    args = sys.argv[1:]
    seed = 2026
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit("usage: python tests/generate.py OUT_DIR N [--seed S]")
    written = write(args[0], int(args[1]), seed=seed)
    print(f"wrote {len(written)} assessments to {args[0]}")
