"""The route registry: frozen records of layers, nodes, legs and routes, loaded and validated once."""
