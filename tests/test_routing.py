"""intake.routing.route_reviewers: who reviews a draft — the default list, a matching rule, or round-robin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from intake.config import Settings, load_settings
from intake.models import Block, Draft, FieldValue
from intake.routing import route_reviewers

DEFAULT = ("editor1@example.org", "editor2@example.org")


def settings(tmp_path: Path, routing: dict[str, Any] | None = None) -> Settings:
    base = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEWERS": ",".join(DEFAULT)})
    return base.with_overrides(extra={"routing": routing} if routing is not None else {})


def draft(unit: str | None = "青禾市财政局机关党委", title: str = "读书分享会", body: str = "正文。") -> Draft:
    return Draft(
        title=FieldValue(title, "subject"), source_unit=FieldValue(unit, "body") if unit else None,
        authors=("张三",), authors_found_in="body",
        blocks=(Block("paragraph", body),), photos=(), manuscript=None, manuscript_format="body",
    )


RULES = {
    "rules": [
        {"source_unit": "教育", "reviewers": ["Edu@Example.org"]},
        {"keywords": ["乡村振兴", "驻村"], "reviewers": ["rural@example.org", "rural2@example.org"]},
        {"source_unit": "财政", "keywords": ["预算"], "reviewers": ["budget@example.org"]},
    ]
}


def test_without_routing_every_configured_reviewer_gets_it(tmp_path: Path) -> None:
    """No [routing]: INTAKE_REVIEWERS, all of them."""
    assert route_reviewers(settings(tmp_path), draft(), 0) == DEFAULT


def test_no_draft_means_the_default_list(tmp_path: Path) -> None:
    """Without a draft no rule can match."""
    assert route_reviewers(settings(tmp_path, RULES), None, 0) == DEFAULT


def test_a_rule_matches_a_substring_of_the_source_unit(tmp_path: Path) -> None:
    """source_unit = "教育" routes 青禾市教育局's drafts to that rule's reviewers (lower-cased)."""
    assert route_reviewers(settings(tmp_path, RULES), draft(unit="青禾市教育局"), 0) == ("edu@example.org",)


def test_a_rule_matches_a_keyword_in_title_or_body(tmp_path: Path) -> None:
    """Any keyword in the title, or in the body text, selects the rule."""
    s = settings(tmp_path, RULES)
    rural = ("rural@example.org", "rural2@example.org")
    assert route_reviewers(s, draft(title="乡村振兴看青禾"), 0) == rural
    assert route_reviewers(s, draft(body="他驻村三年，带领群众致富。"), 0) == rural


def test_unit_and_keywords_together_must_both_match(tmp_path: Path) -> None:
    """A rule with source_unit and keywords needs the unit and one keyword."""
    s = settings(tmp_path, RULES)
    assert route_reviewers(s, draft(unit="青禾市财政局", body="年度预算执行情况"), 0) == ("budget@example.org",)
    assert route_reviewers(s, draft(unit="青禾市财政局", body="读书分享会"), 0) == DEFAULT


def test_the_first_matching_rule_wins(tmp_path: Path) -> None:
    """An education-bureau draft about 乡村振兴 goes to the education rule, listed first."""
    s = settings(tmp_path, RULES)
    assert route_reviewers(s, draft(unit="青禾市教育局", title="乡村振兴"), 0) == ("edu@example.org",)


def test_a_rule_without_criteria_or_reviewers_never_matches(tmp_path: Path) -> None:
    """An empty rule does not catch everything; a rule with no reviewers is skipped."""
    routing = {"rules": [{"reviewers": ["catchall@example.org"]}, {"source_unit": "财政", "reviewers": []}]}
    assert route_reviewers(settings(tmp_path, routing), draft(), 0) == DEFAULT


def test_round_robin_alternates_by_sequence(tmp_path: Path) -> None:
    """mode = "round_robin": one reviewer per draft, taken in turn by the sequence number."""
    s = settings(tmp_path, {"mode": "round_robin"})
    assert [route_reviewers(s, draft(), n) for n in range(4)] == [
        (DEFAULT[0],), (DEFAULT[1],), (DEFAULT[0],), (DEFAULT[1],)]


def test_round_robin_applies_within_the_matching_rule(tmp_path: Path) -> None:
    """Round-robin picks among the matched rule's reviewers, not the default list."""
    s = settings(tmp_path, {"mode": "round_robin", **RULES})
    picks = [route_reviewers(s, draft(title="乡村振兴"), n) for n in (10, 11)]
    assert picks == [("rural@example.org",), ("rural2@example.org",)]


def test_routing_from_toml_reaches_the_router(tmp_path: Path) -> None:
    """The [routing] table of INTAKE_CONFIG is what route_reviewers reads."""
    toml = tmp_path / "intake.toml"
    toml.write_text('[routing]\nmode = "all"\n[[routing.rules]]\nsource_unit = "教育"\n'
                    'reviewers = ["edu@example.org"]\n', encoding="utf-8")
    s = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_CONFIG": str(toml)})
    assert route_reviewers(s, draft(unit="市教育局"), 0) == ("edu@example.org",)
