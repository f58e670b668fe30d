"""The vendor guide's tables, held once in code.

Everything else (stored records, validation, the generator, the OpenAPI schema and the
README's field tables) derives from these definitions.
"""
