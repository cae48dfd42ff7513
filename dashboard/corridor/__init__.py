"""The Middle Corridor's own bottlenecks: its cargo network (geodata/corridor_network.json), the
minimum cut and transit time it gives, and the what-ifs a user may apply. Nothing here imports dash."""
