"""Statements: articles in seeds/, the quotations and reported speech extracted from them, and the
topics that link each statement to routes, places and commodities."""
