"""The words of every output, in English and French: translation, numbers, and one table per concept."""
