"""The event coder: triggers, modality, arguments, attribution, ACLED and PLOVER types."""
