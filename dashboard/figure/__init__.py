"""The map figure: pure functions from the registry and a view to Plotly figure dicts and patches."""
