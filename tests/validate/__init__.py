"""Tests of framing.validate."""
