"""Layer 2, pure functions over the data: dates, contacts, budgets, legislation, polls, events.

Functions take tables and values and return values; they never read files, never print and never
judge a claim (that is the verdict engine's job, one layer up).
"""
