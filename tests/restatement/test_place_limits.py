"""A parent commitment limited to a class of places (重点区域, 污染严重地区 …: ``scope.places``
in data/restatement.yaml) that the child states with no limit of its own is widened,
whether or not the child says 全省: Jilin's 依法依规推动落后产能淘汰和过剩产能退出 for the
plan's 加快推动重点区域、重点流域落后和过剩产能退出 (its readers: strengthened, the scope
deciding before the cue). A limit that names a kind of programme (试点, 示范) is no such
class: 推广示范 dropped to 推广 widens nothing."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

TEXT = "加大污染严重地区结构调整和布局优化力度，加快推动重点区域、重点流域落后和过剩产能退出"
CLAUSE = "加快推动重点区域、重点流域落后和过剩产能退出"
JILIN = (
    "以区域环境质量改善和碳达峰目标为导向，实施产业准入及退出清单制度，"
    "加大结构调整和布局优化力度，依法依规推动落后产能淘汰和过剩产能退出"
)


def test_the_limit_to_some_places_dropped_widens() -> None:
    comparison = _compare(TEXT, JILIN)
    assert _verdict(comparison, CLAUSE) == "strengthened"
    assert _verdict(comparison, "加大污染严重地区结构调整和布局优化力度") == "strengthened"


def test_the_limit_kept_is_restated_as_the_cue_says() -> None:
    assert _verdict(_compare(TEXT, TEXT), CLAUSE) == "restated"


def test_a_programme_is_no_class_of_places() -> None:
    parent = "加强二氧化碳捕集利用与封存技术推广示范"
    child = "加强二氧化碳捕集利用与封存技术推广"
    assert _verdict(_compare(parent, child), parent) == "restated"


def test_every_place_limit_is_a_limited_scope() -> None:
    # the widening reads the places only where _scope already found the parent limited:
    # the limited scopes are built from the programmes and the places, so none is missed
    from policydiff.restatement.rules import load_rules

    rules = load_rules()
    assert set(rules.place_limits) <= set(rules.limited)


def test_the_limit_to_some_places_dropped_widens_though_a_programme_stays() -> None:
    # Jiangsu and Yunnan for the green-consumption plan: 具备条件的 dropped, 先行先试 kept
    parent = "鼓励具备条件的重点地区、重点行业、重点企业先行先试、走在前列"
    child = "组织开展绿色消费试点示范工作，鼓励重点地区、重点行业、重点企业先行先试、走在前列"
    comparison = _compare(parent, child)
    assert _verdict(comparison, parent) == "strengthened"
    restated = next(r for r in comparison.commitments if r.parent.text == parent)
    assert restated.reasons == ("wider scope: the parent's limit (具备条件的) dropped",)


def test_places_with_conditions_however_named_are_a_limit_kept() -> None:
    # Yunnan's 有条件州（市） keeps the plan's 有条件的地区: no wider scope
    parent = "鼓励有条件的地区对智能家电、绿色建材、节能低碳产品等消费品予以适当补贴或贷款贴息"
    child = "鼓励有条件州（市）对智能家电、绿色建材、节能低碳产品等消费品予以适当补贴或贷款贴息"
    assert _verdict(_compare(parent, child), parent) == "restated"
