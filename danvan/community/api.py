from ninja import Router
router = Router(tags=["People of prestige"])
