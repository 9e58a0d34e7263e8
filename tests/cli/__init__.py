"""Tests of framing.cli."""
