"""Tests of framing.corpus."""
