"""Tests of framing.plots."""
