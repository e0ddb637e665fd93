"""Claim extraction: check-worthy claims from a cleaned article, without a trained model.

``extract_claims(source, passages)`` reads each headline and body sentence with the words of the
source's language (``factcheck/core/text/languages/{lang}.json``): numbers (`parse_number`), dates
(`parse_date`), reporting and denial verbs and their speakers, names, and check-worthiness signals.
"""

from factcheck.core.extract.claims import extract_claims, mention_id
from factcheck.core.extract.score import CHECKWORTHY
from factcheck.core.text.dates import DateMention, parse_date
from factcheck.core.text.numbers import Quantity, parse_number

__all__ = [
    "CHECKWORTHY",
    "DateMention",
    "Quantity",
    "extract_claims",
    "mention_id",
    "parse_date",
    "parse_number",
]
