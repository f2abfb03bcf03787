"""Related resources: those sharing a topic or the project activity with a resource.

A shared rare topic says more than a shared common one ("European Probation Rules"
more than "Probation"), so each shared topic weighs log(1 + N / resources with it);
the same activity code weighs as much as the rarest topic could; the same type breaks
ties, then the newer document. One pass over an inverted index, so a catalogue of
thousands is not compared pair by pair.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from .model import Catalogue, Resource

LIMIT = 5


def related_index(catalogue: Catalogue, limit: int = LIMIT) -> dict[str, list[Resource]]:
    """For each resource id, up to `limit` related resources, most related first."""
    resources = catalogue.resources
    by_id = {res.id: res for res in resources}
    by_topic: dict[str, list[str]] = defaultdict(list)
    by_activity: dict[str, list[str]] = defaultdict(list)
    for res in resources:
        for topic in res.topics:
            by_topic[topic].append(res.id)
        if res.activity:
            by_activity[res.activity].append(res.id)
    weight = {topic: math.log(1 + len(resources) / len(ids)) for topic, ids in by_topic.items()}
    activity_weight = math.log(1 + len(resources))
    out: dict[str, list[Resource]] = {}
    for res in resources:
        scores: Counter[str] = Counter()
        for topic in set(res.topics):
            for other in by_topic[topic]:
                scores[other] += weight[topic]
        for other in by_activity.get(res.activity, []) if res.activity else []:
            scores[other] += activity_weight
        scores.pop(res.id, None)
        ranked = sorted(scores, key=lambda rid: (-scores[rid], by_id[rid].type != res.type,
                                                 _negated(by_id[rid].date), rid))
        out[res.id] = [by_id[rid] for rid in ranked[:limit]]
    return out


def _negated(date: str) -> tuple[int, ...]:
    """A sort key putting later dates first (dates are YYYY, YYYY-MM or YYYY-MM-DD)."""
    return tuple(-int(part) for part in date.split("-"))
