"""Layer 1, input: read the data package, validate it, and read the claim register.

Everything a notebook computes enters through here; every failure names the file, the row and
the column. Nothing in this layer computes a figure or judges a claim.
"""
