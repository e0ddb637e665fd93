"""Cross-outlet claim tracking.

One tracked `Claim` ("Putin's visit is the first in 24 years") gathers the mentions of every
outlet that states the same fact, suggests each passage's stance, flags where passages appear to
contradict (figures, dates, assertion vs denial, inconsistencies inside one article) and counts
how many independent origins the outlets amount to, without deciding the truth.

Modules: ``features`` (what a mention says, as weighted keys, read once per distinct text),
``entities`` (canonical names and spelling variants), ``terms`` (stems, bilingual concepts,
figures), ``frames`` (who does what to whom: a launch is not a shipment), ``dates``, ``index``
(candidates without all-pairs comparison, bounded work per mention), ``match`` (similarity, hedged
figures), ``cluster`` (grouping, reviewer decisions first), ``conflicts`` (only between mentions of
one event, class by class), ``wire`` (wire copy and echoes) and ``linker`` (the entry point).
Words live in ``lexicon.json``.
"""

from factcheck.core.link.linker import LinkSettings, link_claims, new_claim_id

__all__ = ["LinkSettings", "link_claims", "new_claim_id"]
