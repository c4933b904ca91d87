"""Layer 4, publication: words and numbers for readers (French first, English beside), tables,
charts, the notebooks' display of a check, the HTML report, ClaimReview and the README table."""
