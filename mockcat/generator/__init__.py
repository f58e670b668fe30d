"""Fake PP+ leads for seeding the simulator, reproducible from a seed.

`generate_leads` yields lead dicts keyed by the guide's field names (all of them
but leadState, which the store sets). Names and addresses come from per-country
Faker pools made once per process; products from the packaged catalogue.
"""

from mockcat.generator.leads import SUPPORTED_COUNTRIES, generate_leads

__all__ = ["SUPPORTED_COUNTRIES", "generate_leads"]
