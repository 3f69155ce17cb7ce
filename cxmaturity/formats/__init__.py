"""The file formats: the pydantic models, YAML reading and writing, conditions, and loading files into models."""
