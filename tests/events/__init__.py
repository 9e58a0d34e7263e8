"""Tests of framing.events."""
