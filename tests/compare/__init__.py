"""Tests of framing.compare."""
