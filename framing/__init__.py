"""framing: computational framing analysis of Arabic news.

The data flows one way -- corpus -> text -> features -> compare -> figures -- and every stage
takes and returns tidy pandas DataFrames.
"""

__version__ = "0.1.0"
