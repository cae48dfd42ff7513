"""Layout builders and callbacks: the only modules that import dash."""
