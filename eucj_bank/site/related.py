"""Related resources: those sharing a topic or the project activity with a resource.

A shared rare topic says more than a shared common one ("European Probation Rules"
more than "Probation"), so each shared topic weighs log(1 + N / resources with it);
the same activity code weighs log(1 + N), at least as much as the rarest topic. Ties
go to the same type, then the newer document, then the id.

Scoring every pair took 51 s for 5,000 resources. A resource's topic score depends
only on which of its (few) topics the other shares, so the subsets of its topics are
visited from the heaviest down, each one's sharers found by set intersection, until
the top places are settled; the activity group (small) is scored directly.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from itertools import combinations

from ..catalogue.model import Catalogue, Resource

LIMIT = 5


def related_index(catalogue: Catalogue, limit: int = LIMIT) -> dict[str, list[Resource]]:
    """For each resource id, up to `limit` related resources, most related first."""
    resources = catalogue.resources
    by_id = {res.id: res for res in resources}
    by_topic: dict[str, set[str]] = defaultdict(set)
    by_activity: dict[str, set[str]] = defaultdict(set)
    for res in resources:
        for topic in res.topics:
            by_topic[topic].add(res.id)
        if res.activity:
            by_activity[res.activity].add(res.id)
    weight = {topic: math.log(1 + len(resources) / len(ids)) for topic, ids in by_topic.items()}
    activity_weight = math.log(1 + len(resources))
    newest_first = {res.id: _negated(res.date) for res in resources}

    def topic_score(res: Resource, other: Resource) -> float:
        return _total(weight, set(res.topics) & set(other.topics))

    out: dict[str, list[Resource]] = {}
    for res in resources:
        def tie_break(rid: str, res: Resource = res) -> tuple:
            return (by_id[rid].type != res.type, newest_first[rid], rid)

        same_activity = (by_activity[res.activity] - {res.id}) if res.activity else set()
        scored = {rid: round(activity_weight + topic_score(res, by_id[rid]), 9) for rid in same_activity}
        scored.update(_top_by_topics(res, by_topic, weight, same_activity | {res.id}, limit, tie_break))
        best = heapq.nsmallest(limit, scored, key=lambda rid: (-scored[rid], *tie_break(rid)))
        out[res.id] = [by_id[rid] for rid in best]
    return out


def _top_by_topics(res: Resource, by_topic: dict[str, set[str]], weight: dict[str, float],
                   exclude: set[str], limit: int, tie_break) -> dict[str, float]:
    """Candidates by shared topics alone, with their scores: the best `limit` are among them."""
    topics = sorted(set(res.topics))
    subsets = sorted((s for size in range(len(topics), 0, -1) for s in combinations(topics, size)),
                     key=lambda s: -_total(weight, s))
    found: dict[str, float] = {}
    for subset in subsets:
        score = _total(weight, subset)
        if len(found) >= limit and score < heapq.nlargest(limit, found.values())[-1]:
            break  # the top places are settled; lower tiers cannot reach them
        # Sharers of at least this subset: those sharing more scored higher and came before
        # (or the top was already full with them, and the loop stopped).
        sharers = set.intersection(*(by_topic[t] for t in subset)) - exclude - found.keys()
        for rid in heapq.nsmallest(limit, sharers, key=tie_break):
            found[rid] = score
    return found


def _total(weight: dict[str, float], topics) -> float:
    """Summed in one order and rounded, so equal sets of topics give equal scores however reached."""
    return round(sum(weight[t] for t in sorted(topics)), 9)


def _negated(date: str) -> tuple[int, ...]:
    """A sort key putting later dates first (dates are YYYY, YYYY-MM or YYYY-MM-DD)."""
    return tuple(-int(part) for part in date.split("-"))
