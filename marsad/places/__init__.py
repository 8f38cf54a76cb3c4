"""Place data: countries, curated admin divisions and the GeoNames Arabic-name index."""
