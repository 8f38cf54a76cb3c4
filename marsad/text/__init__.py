"""The Arabic text layer: normalisation with offsets, sentences, clitic-aware matching."""
