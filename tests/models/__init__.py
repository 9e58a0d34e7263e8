"""Tests of framing.models."""
