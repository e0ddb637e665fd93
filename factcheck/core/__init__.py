"""Everything that is not screen: models, store, pipeline stages and reports."""
