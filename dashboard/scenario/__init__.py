"""Disruptions and expansions: the oil export network as a flow graph, scenarios and their outcome."""
