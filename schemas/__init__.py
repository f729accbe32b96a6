"""The provkg data model, declared once in ``model.yaml``."""
from .model import Model

MODEL = Model.load()

__all__ = ["MODEL", "Model"]
