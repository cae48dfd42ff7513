"""The Middle Corridor route map: a Dash dashboard of Kazakhstan's export routes and what was said of them."""
