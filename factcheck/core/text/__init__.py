"""The text layer: one reading of news text, shared by ingest, extraction and linking.

Every stage reads words through this package: the language files (``languages/{id,en}.json``,
one per language, so adding a language is adding a file), tokens and phrase lists (`words`),
numbers (`numbers`), dates (`dates`), names (`names`), concepts of the news vocabulary
(`concepts`) and sentence segmentation (`segment`).
"""
