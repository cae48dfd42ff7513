"""Build scripts for the shipped geodata. The dashboard reads the files they write, never these modules."""
