"""Cross-outlet claim tracking: stories, slots compared pairwise, tracked claims, conflicts and
candidates (see `linker`)."""

from factcheck.core.link.linker import LinkResult, LinkSettings, link_claims, new_claim_id

__all__ = ["LinkResult", "LinkSettings", "link_claims", "new_claim_id"]
