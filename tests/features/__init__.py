"""Tests of framing.features."""
