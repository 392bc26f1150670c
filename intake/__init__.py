"""submission-intake: turn mailed manuscripts into draft articles and answer contributors."""

__version__ = "0.1.0"
