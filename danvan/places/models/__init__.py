from .area import Area, AreaReach, AreaSuccession

__all__ = ["Area", "AreaReach", "AreaSuccession"]
