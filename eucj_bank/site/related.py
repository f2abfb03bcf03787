"""Related resources: those sharing a topic or the project activity with a resource.

A shared rare topic says more than a shared common one ("European Probation Rules"
more than "Probation"), so each shared topic weighs log(1 + N / resources with it);
the same activity code weighs log(1 + N), at least as much as the rarest topic. Ties
go to the same type, then the newer document, then the id.

Scoring every pair took 51 s for 5,000 resources. A resource's topic score depends
only on which of its (few) topics the other shares, so the subsets of its topics are
visited from the heaviest down, each one's sharers found by set intersection, until
the top places are settled; the activity group (small) is scored directly.

Subsets are 2^topics, though: 20 resources listing each of the 30 topics took 49 s.
A resource with more than SUBSET_LIMIT topics is scored by topic set instead: the
resources with the same set of topics score alike, so each distinct set is scored
once (through the sets each topic is in) and its members are ranked by the tie
break. Where everything lists every topic there is one set, and the work per resource
is its topics: linear in the number of resources.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from itertools import combinations, islice

from ..catalogue.model import Catalogue, Resource

LIMIT = 5
SUBSET_LIMIT = 8  # at most 2^8 subsets per resource; beyond, score by topic set


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
    by_set = _TopicSets(resources, newest_first)

    def topic_score(res: Resource, other: Resource) -> float:
        return _total(weight, set(res.topics) & set(other.topics))

    out: dict[str, list[Resource]] = {}
    for res in resources:
        def tie_break(rid: str, res: Resource = res) -> tuple:
            return (by_id[rid].type != res.type, newest_first[rid], rid)

        same_activity = (by_activity[res.activity] - {res.id}) if res.activity else set()
        scored = {rid: round(activity_weight + topic_score(res, by_id[rid]), 9) for rid in same_activity}
        exclude = same_activity | {res.id}
        if len(set(res.topics)) <= SUBSET_LIMIT:
            scored.update(_top_by_topics(res, by_topic, weight, exclude, limit, tie_break))
        else:
            scored.update(by_set.top(res, weight, exclude, limit, tie_break))
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


class _TopicSets:
    """The resources grouped by their set of topics, then by type, each newest first."""

    def __init__(self, resources: list[Resource], newest_first: dict):
        groups: dict[frozenset, dict[str, list[Resource]]] = defaultdict(lambda: defaultdict(list))
        for res in resources:
            groups[frozenset(res.topics)][res.type].append(res)
        self.groups = {topics: {kind: [r.id for r in sorted(members, key=lambda r: (newest_first[r.id], r.id))]
                                for kind, members in by_type.items()}
                       for topics, by_type in groups.items()}
        self.with_topic: dict[str, list[frozenset]] = defaultdict(list)
        for topics in self.groups:
            for topic in topics:
                self.with_topic[topic].append(topics)

    def top(self, res: Resource, weight: dict[str, float], exclude: set[str], limit: int,
            tie_break) -> dict[str, float]:
        """Candidates by shared topics alone, with their scores: the best `limit` are among them."""
        mine = frozenset(res.topics)
        sharing = {topics for topic in mine for topics in self.with_topic[topic]}
        tiers: dict[float, list[frozenset]] = defaultdict(list)
        for topics in sharing:
            tiers[_total(weight, mine & topics)].append(topics)
        found: dict[str, float] = {}
        for score in sorted(tiers, reverse=True):
            if len(found) >= limit:
                break  # every lower tier scores below the `limit` found
            tier = []
            for topics in tiers[score]:
                for ids in self.groups[topics].values():  # the first `limit` of each type
                    tier += islice((rid for rid in ids if rid not in exclude), limit)
            for rid in heapq.nsmallest(limit, tier, key=tie_break):
                found[rid] = score
        return found


def _total(weight: dict[str, float], topics) -> float:
    """Summed in one order and rounded, so equal sets of topics give equal scores however reached."""
    return round(sum(weight[t] for t in sorted(topics)), 9)


def _negated(date: str) -> tuple[int, ...]:
    """A sort key putting later dates first (dates are YYYY, YYYY-MM or YYYY-MM-DD)."""
    return tuple(-int(part) for part in date.split("-"))
