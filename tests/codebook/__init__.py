"""Tests of framing.codebook."""
