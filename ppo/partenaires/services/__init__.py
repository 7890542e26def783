"""Writes of the partenaires app, by concept: `offres` (catalogue, moderation), `demandes` (ambassadors)."""
