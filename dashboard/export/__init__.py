"""Report exports: the current view as a PNG, SVG or PDF figure with title, legend, caption and
sources, rendered offline by kaleido on the machine's Chromium."""
